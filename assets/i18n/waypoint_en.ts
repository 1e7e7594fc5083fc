<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>ApproveDevicePage</name>
    <message>
        <source>Approve a device</source>
        <translation>Approve a device</translation>
    </message>
    <message>
        <source>%1 · enrolled %2</source>
        <translation>%1 · enrolled %2</translation>
    </message>
    <message>
        <source>Enrolled %1</source>
        <translation>Enrolled %1</translation>
    </message>
    <message>
        <source>Approve only a device you hold now. It then receives your keys and can read your records.</source>
        <translation>Approve only a device you hold now. It then receives your keys and can read your records.</translation>
    </message>
    <message>
        <source>Type the six groups of numbers the new device shows</source>
        <translation>Type the six groups of numbers the new device shows</translation>
    </message>
    <message>
        <source>Group %1 of 6</source>
        <translation>Group %1 of 6</translation>
    </message>
    <message>
        <source>Approving…</source>
        <translation>Approving…</translation>
    </message>
    <message>
        <source>Approve this device</source>
        <translation>Approve this device</translation>
    </message>
    <message>
        <source>Approved. The new device receives your keys at its next check and then shows your key fingerprint: it should read %1.</source>
        <translation>Approved. The new device receives your keys at its next check and then shows your key fingerprint: it should read %1.</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
</context>
<context>
    <name>Caseload</name>
    <message>
        <source>Search by pseudonym</source>
        <translation>Search by pseudonym</translation>
    </message>
    <message>
        <source>Search the caseload</source>
        <translation>Search the caseload</translation>
    </message>
    <message>
        <source>No one matches</source>
        <translation>No one matches</translation>
    </message>
    <message>
        <source>No participants yet</source>
        <translation>No participants yet</translation>
    </message>
    <message>
        <source>Try another pseudonym or clear the stage filter.</source>
        <translation>Try another pseudonym or clear the stage filter.</translation>
    </message>
    <message>
        <source>Add the people you support with a pseudonym or initials.</source>
        <translation>Add the people you support with a pseudonym or initials.</translation>
    </message>
    <message>
        <source>Add participant</source>
        <translation>Add participant</translation>
    </message>
</context>
<context>
    <name>CheckIn</name>
    <message>
        <source>Check in</source>
        <translation>Check in</translation>
    </message>
    <message numerus="yes">
        <source>Your organisation asks this phone to reach its server at least every %n day(s). It has not done so for longer, so your notes stay hidden until it checks in.</source>
        <translation><numerusform>Your organisation asks this phone to reach its server at least once a day. It has not done so for longer, so your notes stay hidden until it checks in.</numerusform><numerusform>Your organisation asks this phone to reach its server at least every %n days. It has not done so for longer, so your notes stay hidden until it checks in.</numerusform></translation>
    </message>
    <message>
        <source>Nothing on this phone is lost: your notes and unsent changes are kept.</source>
        <translation>Nothing on this phone is lost: your notes and unsent changes are kept.</translation>
    </message>
    <message>
        <source>Checking in…</source>
        <translation>Checking in…</translation>
    </message>
    <message>
        <source>Check in now</source>
        <translation>Check in now</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Lock</translation>
    </message>
</context>
<context>
    <name>CommentThread</name>
    <message>
        <source>Not acknowledged yet</source>
        <translation>Not acknowledged yet</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Acknowledge</translation>
    </message>
    <message>
        <source>Acknowledge the comment of %1</source>
        <translation>Acknowledge the comment of %1</translation>
    </message>
</context>
<context>
    <name>CommentsCard</name>
    <message>
        <source>Comments on your entries</source>
        <translation>Comments on your entries</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Read</translation>
    </message>
</context>
<context>
    <name>ConfirmDialog</name>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ConflictBanner</name>
    <message>
        <source>Changed on another device too</source>
        <translation>Changed on another device too</translation>
    </message>
    <message>
        <source>This was edited on this phone and on another device before they synced. Both versions are kept until you choose.</source>
        <translation>This was edited on this phone and on another device before they synced. Both versions are kept until you choose.</translation>
    </message>
    <message>
        <source>Compare and choose</source>
        <translation>Compare and choose</translation>
    </message>
    <message>
        <source>Compare both versions and choose</source>
        <translation>Compare both versions and choose</translation>
    </message>
</context>
<context>
    <name>ConflictVersion</name>
    <message>
        <source>shown now</source>
        <translation>shown now</translation>
    </message>
    <message>
        <source>%1 · shown now</source>
        <translation>%1 · shown now</translation>
    </message>
</context>
<context>
    <name>ConflictsPage</name>
    <message>
        <source>Conflicts</source>
        <translation>Conflicts</translation>
    </message>
    <message numerus="yes">
        <source>%n text(s) were changed on this phone and on another device before they synced. Both versions are kept: keep one, or write one text from both.</source>
        <translation><numerusform>%n text was changed on this phone and on another device before they synced. Both versions are kept: keep one, or write one text from both.</numerusform><numerusform>%n texts were changed on this phone and on another device before they synced. Both versions are kept: keep one, or write one text from both.</numerusform></translation>
    </message>
    <message>
        <source>No conflicts: this phone and your other devices agree.</source>
        <translation>No conflicts: this phone and your other devices agree.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>This phone</source>
        <translation>This phone</translation>
    </message>
    <message>
        <source>Other device</source>
        <translation>Other device</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>Keep mine</translation>
    </message>
    <message>
        <source>Keep this phone's version</source>
        <translation>Keep this phone's version</translation>
    </message>
    <message>
        <source>Keep theirs</source>
        <translation>Keep theirs</translation>
    </message>
    <message>
        <source>Keep the other device's version</source>
        <translation>Keep the other device's version</translation>
    </message>
    <message>
        <source>Merge both into one text</source>
        <translation>Merge both into one text</translation>
    </message>
    <message>
        <source>Merged text: both versions, to edit into one</source>
        <translation>Merged text: both versions, to edit into one</translation>
    </message>
    <message>
        <source>Merged text</source>
        <translation>Merged text</translation>
    </message>
    <message>
        <source>Save merged text</source>
        <translation>Save merged text</translation>
    </message>
</context>
<context>
    <name>DateChips</name>
    <message>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Tomorrow</source>
        <translation>Tomorrow</translation>
    </message>
    <message>
        <source>In 3 days</source>
        <translation>In 3 days</translation>
    </message>
    <message>
        <source>In a week</source>
        <translation>In a week</translation>
    </message>
    <message>
        <source>In 2 weeks</source>
        <translation>In 2 weeks</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Yesterday</translation>
    </message>
    <message>
        <source>A week ago</source>
        <translation>A week ago</translation>
    </message>
    <message>
        <source>%1, date</source>
        <translation>%1, date</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Or type a date, like %1</source>
        <translation>Or type a date, like %1</translation>
    </message>
</context>
<context>
    <name>DiaryEditor</name>
    <message>
        <source>Diary entry</source>
        <translation>Diary entry</translation>
    </message>
    <message>
        <source>New diary entry</source>
        <translation>New diary entry</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Share this entry with my supervisor</source>
        <translation>Share this entry with my supervisor</translation>
    </message>
    <message>
        <source>Your unsaved draft was restored.</source>
        <translation>Your unsaved draft was restored.</translation>
    </message>
    <message>
        <source>Your entry</source>
        <translation>Your entry</translation>
    </message>
    <message>
        <source>Write freely, or use the prompts below</source>
        <translation>Write freely, or use the prompts below</translation>
    </message>
    <message>
        <source>Diary text</source>
        <translation>Diary text</translation>
    </message>
    <message>
        <source>Guided prompts (skip any)</source>
        <translation>Guided prompts (skip any)</translation>
    </message>
    <message>
        <source>What happened?</source>
        <translation>What happened?</translation>
    </message>
    <message>
        <source>How did I feel?</source>
        <translation>How did I feel?</translation>
    </message>
    <message>
        <source>What went well, or not?</source>
        <translation>What went well, or not?</translation>
    </message>
    <message>
        <source>What did I learn?</source>
        <translation>What did I learn?</translation>
    </message>
    <message>
        <source>What will I do next?</source>
        <translation>What will I do next?</translation>
    </message>
    <message>
        <source>How are you?</source>
        <translation>How are you?</translation>
    </message>
    <message>
        <source>Wellbeing</source>
        <translation>Wellbeing</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Low</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>Good</translation>
    </message>
    <message>
        <source>Stress</source>
        <translation>Stress</translation>
    </message>
    <message>
        <source>Calm</source>
        <translation>Calm</translation>
    </message>
    <message>
        <source>Overwhelmed</source>
        <translation>Overwhelmed</translation>
    </message>
    <message>
        <source>Self-care I did</source>
        <translation>Self-care I did</translation>
    </message>
    <message>
        <source>Themes</source>
        <translation>Themes</translation>
    </message>
    <message>
        <source>Save entry</source>
        <translation>Save entry</translation>
    </message>
    <message>
        <source>Delete entry</source>
        <translation>Delete entry</translation>
    </message>
    <message>
        <source>Delete this diary entry?</source>
        <translation>Delete this diary entry?</translation>
    </message>
    <message>
        <source>Your entry of %1 will be deleted from this phone and, after sync, from your other devices.</source>
        <translation>Your entry of %1 will be deleted from this phone and, after sync, from your other devices.</translation>
    </message>
    <message>
        <source>Shared</source>
        <translation>Shared</translation>
    </message>
    <message>
        <source>Private</source>
        <translation>Private</translation>
    </message>
    <message>
        <source>Who can read it: %1</source>
        <translation>Who can read it: %1</translation>
    </message>
    <message>
        <source>Share this entry (no supervisor is assigned to you)</source>
        <translation>Share this entry (no supervisor is assigned to you)</translation>
    </message>
</context>
<context>
    <name>DiaryList</name>
    <message>
        <source>Your diary is empty</source>
        <translation>Your diary is empty</translation>
    </message>
    <message>
        <source>Write about your day: what happened, how you felt, what you learned. Entries are private unless you share one.</source>
        <translation>Write about your day: what happened, how you felt, what you learned. Entries are private unless you share one.</translation>
    </message>
    <message>
        <source>New diary entry</source>
        <translation>New diary entry</translation>
    </message>
    <message>
        <source>who can read it: %1</source>
        <translation>who can read it: %1</translation>
    </message>
</context>
<context>
    <name>Editor</name>
    <message>
        <source>Use a date like %1.</source>
        <translation>Use a date like %1.</translation>
    </message>
</context>
<context>
    <name>EncounterCapture</name>
    <message>
        <source>New encounter</source>
        <translation>New encounter</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Your unsaved draft was restored.</source>
        <translation>Your unsaved draft was restored.</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>Unnamed / brief contact</source>
        <translation>Unnamed / brief contact</translation>
    </message>
    <message>
        <source>Someone else? Type a pseudonym</source>
        <translation>Someone else? Type a pseudonym</translation>
    </message>
    <message>
        <source>Find a participant</source>
        <translation>Find a participant</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Where</translation>
    </message>
    <message>
        <source>Needs addressed</source>
        <translation>Needs addressed</translation>
    </message>
    <message>
        <source>Harm-reduction supplies given</source>
        <translation>Harm-reduction supplies given</translation>
    </message>
    <message>
        <source>How long</source>
        <translation>How long</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>A few words (optional)</source>
        <translation>A few words (optional)</translation>
    </message>
    <message>
        <source>Stage after this encounter</source>
        <translation>Stage after this encounter</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>Next step</translation>
    </message>
    <message>
        <source>e.g. Go with them to the housing office</source>
        <translation>e.g. Go with them to the housing office</translation>
    </message>
    <message>
        <source>Follow up</source>
        <translation>Follow up</translation>
    </message>
    <message>
        <source>Referrals, advocacy, obstacles</source>
        <translation>Referrals, advocacy, obstacles</translation>
    </message>
    <message>
        <source>Referred to</source>
        <translation>Referred to</translation>
    </message>
    <message>
        <source>Advocated with</source>
        <translation>Advocated with</translation>
    </message>
    <message>
        <source>Obstacles met at</source>
        <translation>Obstacles met at</translation>
    </message>
    <message>
        <source>Safety concern</source>
        <translation>Safety concern</translation>
    </message>
    <message>
        <source>Save encounter</source>
        <translation>Save encounter</translation>
    </message>
    <message>
        <source>Add “%1” as a new participant</source>
        <translation>Add “%1” as a new participant</translation>
    </message>
    <message>
        <source>When: %1</source>
        <translation>When: %1</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Now</translation>
    </message>
    <message>
        <source>30 min ago</source>
        <translation>30 min ago</translation>
    </message>
    <message>
        <source>1 h ago</source>
        <translation>1 h ago</translation>
    </message>
    <message>
        <source>2 h ago</source>
        <translation>2 h ago</translation>
    </message>
    <message>
        <source>Other time…</source>
        <translation>Other time…</translation>
    </message>
    <message>
        <source>an unnamed contact</source>
        <translation>an unnamed contact</translation>
    </message>
    <message>
        <source>Encounter</source>
        <translation>Encounter</translation>
    </message>
    <message>
        <source>Someone else wrote this encounter: you can read it, not change it.</source>
        <translation>Someone else wrote this encounter: you can read it, not change it.</translation>
    </message>
    <message>
        <source>Delete encounter</source>
        <translation>Delete encounter</translation>
    </message>
    <message>
        <source>Delete this encounter?</source>
        <translation>Delete this encounter?</translation>
    </message>
    <message>
        <source>The encounter with %1 (%2) will be deleted from this phone and, after sync, from your other devices.</source>
        <translation>The encounter with %1 (%2) will be deleted from this phone and, after sync, from your other devices.</translation>
    </message>
    <message>
        <source>The encounter of %1 will be deleted from this phone and, after sync, from your other devices.</source>
        <translation>The encounter of %1 will be deleted from this phone and, after sync, from your other devices.</translation>
    </message>
</context>
<context>
    <name>EnrolmentSection</name>
    <message>
        <source>Your administrator gives you a server address and a one-time code (valid for an hour).</source>
        <translation>Your administrator gives you a server address and a one-time code (valid for an hour).</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Server address</translation>
    </message>
    <message>
        <source>Enrolment code</source>
        <translation>Enrolment code</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>Paste</translation>
    </message>
    <message>
        <source>Paste the code or the QR code's text</source>
        <translation>Paste the code or the QR code's text</translation>
    </message>
    <message>
        <source>Scan QR code</source>
        <translation>Scan QR code</translation>
    </message>
    <message>
        <source>Scan the enrolment QR code with the camera</source>
        <translation>Scan the enrolment QR code with the camera</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <source>Enrol this device</source>
        <translation>Enrol this device</translation>
    </message>
    <message>
        <source>Restore my keys</source>
        <translation>Restore my keys</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Cancel enrolment</source>
        <translation>Cancel enrolment</translation>
    </message>
    <message>
        <source>This is your first device. Waypoint now makes your keys and a recovery key: the only way to read your records on a new phone. Have a pen and paper ready; the key is shown once.</source>
        <translation>This is your first device. Waypoint now makes your keys and a recovery key: the only way to read your records on a new phone. Have a pen and paper ready; the key is shown once.</translation>
    </message>
    <message>
        <source>You already use Waypoint on another device. Type the recovery key shown when you set it up, to bring your keys to this phone.</source>
        <translation>You already use Waypoint on another device. Type the recovery key shown when you set it up, to bring your keys to this phone.</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>Recovery key</translation>
    </message>
    <message>
        <source>Making your keys…</source>
        <translation>Making your keys…</translation>
    </message>
    <message>
        <source>Restoring your keys…</source>
        <translation>Restoring your keys…</translation>
    </message>
    <message>
        <source>Show my recovery key</source>
        <translation>Show my recovery key</translation>
    </message>
    <message>
        <source>Your recovery key</source>
        <translation>Your recovery key</translation>
    </message>
    <message>
        <source>Write this down; it is the only way to read your records on a new phone. Keep it somewhere safe, away from this phone. Waypoint shows it only now, and nobody can recover it for you.</source>
        <translation>Write this down; it is the only way to read your records on a new phone. Keep it somewhere safe, away from this phone. Waypoint shows it only now, and nobody can recover it for you.</translation>
    </message>
    <message>
        <source>Group %1: %2</source>
        <translation>Group %1: %2</translation>
    </message>
    <message>
        <source>The recovery key as a QR code</source>
        <translation>The recovery key as a QR code</translation>
    </message>
    <message>
        <source>Show the groups</source>
        <translation>Show the groups</translation>
    </message>
    <message>
        <source>Show QR code</source>
        <translation>Show QR code</translation>
    </message>
    <message>
        <source>I have written it down</source>
        <translation>I have written it down</translation>
    </message>
    <message>
        <source>From what you wrote down, type group %1 of your recovery key.</source>
        <translation>From what you wrote down, type group %1 of your recovery key.</translation>
    </message>
    <message>
        <source>Group %1 of the recovery key</source>
        <translation>Group %1 of the recovery key</translation>
    </message>
    <message>
        <source>Check and finish</source>
        <translation>Check and finish</translation>
    </message>
    <message>
        <source>Show the key again</source>
        <translation>Show the key again</translation>
    </message>
    <message>
        <source>Nine groups of four letters and digits. Spaces, dashes and capitals do not matter.</source>
        <translation>Nine groups of four letters and digits. Spaces, dashes and capitals do not matter.</translation>
    </message>
    <message>
        <source>Back to waiting for approval</source>
        <translation>Back to waiting for approval</translation>
    </message>
    <message>
        <source>Approve from another device instead</source>
        <translation>Approve from another device instead</translation>
    </message>
</context>
<context>
    <name>EntryDialog</name>
    <message>
        <source>Remove this?</source>
        <translation>Remove this?</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Remove “%1”</source>
        <translation>Remove “%1”</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>“%1” will be taken out.</source>
        <translation>“%1” will be taken out.</translation>
    </message>
</context>
<context>
    <name>EntryFeedback</name>
    <message>
        <source>From your supervisor</source>
        <translation>From your supervisor</translation>
    </message>
</context>
<context>
    <name>FailedChangesPage</name>
    <message>
        <source>Refused changes</source>
        <translation>Refused changes</translation>
    </message>
    <message numerus="yes">
        <source>The server refused %n change(s). Nothing is lost: each one is still saved on this phone as you typed it.</source>
        <translation><numerusform>The server refused %n change. Nothing is lost: it is still saved on this phone as you typed it.</numerusform><numerusform>The server refused %n changes. Nothing is lost: each one is still saved on this phone as you typed it.</numerusform></translation>
    </message>
    <message>
        <source>No refused changes. Everything waiting on this phone can be sent.</source>
        <translation>No refused changes. Everything waiting on this phone can be sent.</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Try again</translation>
    </message>
    <message>
        <source>Send the refused changes again</source>
        <translation>Send the refused changes again</translation>
    </message>
    <message>
        <source>Try again after an update of Waypoint or of the server. If a change is refused again, ask your administrator.</source>
        <translation>Try again after an update of Waypoint or of the server. If a change is refused again, ask your administrator.</translation>
    </message>
    <message>
        <source>%1 (deleted): %2</source>
        <translation>%1 (deleted): %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Refused: %1</translation>
    </message>
    <message>
        <source>Dismiss (keep it on this phone only)</source>
        <translation>Dismiss (keep it on this phone only)</translation>
    </message>
    <message>
        <source>Dismiss: keep %1 on this phone only</source>
        <translation>Dismiss: keep %1 on this phone only</translation>
    </message>
</context>
<context>
    <name>Field</name>
    <message>
        <source>Stage</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Stage note</source>
        <translation>Stage note</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Goal</translation>
    </message>
    <message>
        <source>Goal status</source>
        <translation>Goal status</translation>
    </message>
    <message>
        <source>Set on</source>
        <translation>Set on</translation>
    </message>
    <message>
        <source>Target date</source>
        <translation>Target date</translation>
    </message>
    <message>
        <source>Closed on</source>
        <translation>Closed on</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consent</translation>
    </message>
    <message>
        <source>Consent date</source>
        <translation>Consent date</translation>
    </message>
    <message>
        <source>Consent scope</source>
        <translation>Consent scope</translation>
    </message>
    <message>
        <source>Pseudonym</source>
        <translation>Pseudonym</translation>
    </message>
    <message>
        <source>Stage history</source>
        <translation>Stage history</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>Goals</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>Last contact</translation>
    </message>
    <message>
        <source>Follow-up date</source>
        <translation>Follow-up date</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Referred to</source>
        <translation>Referred to</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>Participant</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duration</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>Needs addressed</source>
        <translation>Needs addressed</translation>
    </message>
    <message>
        <source>Supplies</source>
        <translation>Supplies</translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation>Referrals</translation>
    </message>
    <message>
        <source>Advocacy</source>
        <translation>Advocacy</translation>
    </message>
    <message>
        <source>Obstacles</source>
        <translation>Obstacles</translation>
    </message>
    <message>
        <source>Stage after the encounter</source>
        <translation>Stage after the encounter</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>Next step</translation>
    </message>
    <message>
        <source>Safety concern</source>
        <translation>Safety concern</translation>
    </message>
    <message>
        <source>Written</source>
        <translation>Written</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>What happened</translation>
    </message>
    <message>
        <source>How I felt</source>
        <translation>How I felt</translation>
    </message>
    <message>
        <source>What went well, or not</source>
        <translation>What went well, or not</translation>
    </message>
    <message>
        <source>What I learned</source>
        <translation>What I learned</translation>
    </message>
    <message>
        <source>What I will do next</source>
        <translation>What I will do next</translation>
    </message>
    <message>
        <source>Wellbeing</source>
        <translation>Wellbeing</translation>
    </message>
    <message>
        <source>Stress</source>
        <translation>Stress</translation>
    </message>
    <message>
        <source>Self-care</source>
        <translation>Self-care</translation>
    </message>
    <message>
        <source>Themes</source>
        <translation>Themes</translation>
    </message>
    <message>
        <source>Shared with the supervisor</source>
        <translation>Shared with the supervisor</translation>
    </message>
    <message>
        <source>Action item</source>
        <translation>Action item</translation>
    </message>
    <message>
        <source>Who does it</source>
        <translation>Who does it</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>Topics</translation>
    </message>
    <message>
        <source>Wellbeing note</source>
        <translation>Wellbeing note</translation>
    </message>
    <message>
        <source>Linked diary entries</source>
        <translation>Linked diary entries</translation>
    </message>
    <message>
        <source>Action items</source>
        <translation>Action items</translation>
    </message>
    <message>
        <source>Development goals</source>
        <translation>Development goals</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Diary entry</source>
        <translation>Diary entry</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Author</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Acknowledged</translation>
    </message>
    <message>
        <source>Course</source>
        <translation>Course</translation>
    </message>
    <message>
        <source>Completed on</source>
        <translation>Completed on</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Certificate</translation>
    </message>
    <message>
        <source>Expires on</source>
        <translation>Expires on</translation>
    </message>
    <message>
        <source>Consent history</source>
        <translation>Consent history</translation>
    </message>
    <message>
        <source>Raise at next supervision</source>
        <translation>Raise at next supervision</translation>
    </message>
    <message>
        <source>Raised</source>
        <translation>Raised</translation>
    </message>
</context>
<context>
    <name>FirstRun</name>
    <message>
        <source>Welcome to Waypoint</source>
        <translation>Welcome to Waypoint</translation>
    </message>
    <message>
        <source>A notebook for your peer work: the people you support, your encounters, your diary and your supervision.</source>
        <translation>A notebook for your peer work: the people you support, your encounters, your diary and your supervision.</translation>
    </message>
    <message>
        <source>What it keeps, and who can see it</source>
        <translation>What it keeps, and who can see it</translation>
    </message>
    <message>
        <source>Everything stays on this phone, locked with your PIN. Without it the file is unreadable, even if the phone is lost or taken.</source>
        <translation>Everything stays on this phone, locked with your PIN. Without it the file is unreadable, even if the phone is lost or taken.</translation>
    </message>
    <message>
        <source>People you support are recorded by a pseudonym or initials, never a full name.</source>
        <translation>People you support are recorded by a pseudonym or initials, never a full name.</translation>
    </message>
    <message>
        <source>Your diary is private. Your supervisor sees an entry only if you switch on “Share” for that entry.</source>
        <translation>Your diary is private. Your supervisor sees an entry only if you switch on “Share” for that entry.</translation>
    </message>
    <message>
        <source>It works with no signal. Nothing leaves this phone until a device is enrolled for sync, and then only encrypted.</source>
        <translation>It works with no signal. Nothing leaves this phone until a device is enrolled for sync, and then only encrypted.</translation>
    </message>
    <message>
        <source>Choose a PIN</source>
        <translation>Choose a PIN</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>New PIN or passphrase</source>
        <translation>New PIN or passphrase</translation>
    </message>
    <message>
        <source>Type it again</source>
        <translation>Type it again</translation>
    </message>
    <message>
        <source>Confirm PIN or passphrase</source>
        <translation>Confirm PIN or passphrase</translation>
    </message>
    <message>
        <source>Use a passphrase instead of digits</source>
        <translation>Use a passphrase instead of digits</translation>
    </message>
    <message>
        <source>Setting up…</source>
        <translation>Setting up…</translation>
    </message>
    <message>
        <source>Create PIN and start</source>
        <translation>Create PIN and start</translation>
    </message>
    <message>
        <source>Protect with my PIN only</source>
        <translation>Protect with my PIN only</translation>
    </message>
    <message>
        <source>Protect my records with my PIN only, without a keychain</source>
        <translation>Protect my records with my PIN only, without a keychain</translation>
    </message>
    <message>
        <source>Try the keychain again</source>
        <translation>Try the keychain again</translation>
    </message>
    <message>
        <source>Choose a passphrase</source>
        <translation>Choose a passphrase</translation>
    </message>
    <message>
        <source>When this phone is enrolled for sync, Waypoint shows you a recovery key to write down.</source>
        <translation>When this phone is enrolled for sync, Waypoint shows you a recovery key to write down.</translation>
    </message>
    <message>
        <source>At least 6 digits, not a run like 123456 nor one of the most common PINs; or a passphrase of at least 6 characters. There is no way to recover it: after 10 wrong tries everything on this phone is erased.</source>
        <translation>At least 6 digits, not a run like 123456 nor one of the most common PINs; or a passphrase of at least 6 characters. There is no way to recover it: after 10 wrong tries everything on this phone is erased.</translation>
    </message>
    <message>
        <source>Your supervision notes are yours alone: only you can read them.</source>
        <translation>Your supervision notes are yours alone: only you can read them.</translation>
    </message>
</context>
<context>
    <name>FormPage</name>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
</context>
<context>
    <name>HideButton</name>
    <message>
        <source>Hide</source>
        <translation>Hide</translation>
    </message>
    <message>
        <source>Quick hide: cover the screen and lock</source>
        <translation>Quick hide: cover the screen and lock</translation>
    </message>
</context>
<context>
    <name>Home</name>
    <message>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Caseload</source>
        <translation>Caseload</translation>
    </message>
    <message>
        <source>Diary</source>
        <translation>Diary</translation>
    </message>
    <message>
        <source>Supervision</source>
        <translation>Supervision</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Search everything</source>
        <translation>Search everything</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message numerus="yes">
        <source>%n wrong passphrase(s) entered since Waypoint was last unlocked.</source>
        <translation><numerusform>%n wrong passphrase entered since Waypoint was last unlocked.</numerusform><numerusform>%n wrong passphrases entered since Waypoint was last unlocked.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n wrong PIN(s) entered since Waypoint was last unlocked.</source>
        <translation><numerusform>%n wrong PIN entered since Waypoint was last unlocked.</numerusform><numerusform>%n wrong PINs entered since Waypoint was last unlocked.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n unlock(s) stopped halfway: Waypoint was closed while it was checking.</source>
        <translation><numerusform>%n unlock stopped halfway: Waypoint was closed while it was checking.</numerusform><numerusform>%n unlocks stopped halfway: Waypoint was closed while it was checking.</numerusform></translation>
    </message>
    <message>
        <source>If that was not you, someone may have tried to open Waypoint.</source>
        <translation>If that was not you, someone may have tried to open Waypoint.</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Dismiss the notice about wrong PINs</source>
        <translation>Dismiss the notice about wrong PINs</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Review</translation>
    </message>
</context>
<context>
    <name>IdentitySection</name>
    <message>
        <source>This device</source>
        <translation>This device</translation>
    </message>
    <message>
        <source>Device name</source>
        <translation>Device name</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Rename</translation>
    </message>
    <message>
        <source>Rename this device</source>
        <translation>Rename this device</translation>
    </message>
    <message>
        <source>Sent to your organisation's server when this device is enrolled, so your devices can be told apart.</source>
        <translation>Sent to your organisation's server when this device is enrolled, so your devices can be told apart.</translation>
    </message>
    <message>
        <source>Your key fingerprint</source>
        <translation>Your key fingerprint</translation>
    </message>
    <message>
        <source>Your key fingerprint: %1</source>
        <translation>Your key fingerprint: %1</translation>
    </message>
    <message>
        <source>The people you sync with see the same digits for your keys: compare them in person when Waypoint or your supervisor asks.</source>
        <translation>The people you sync with see the same digits for your keys: compare them in person when Waypoint or your supervisor asks.</translation>
    </message>
    <message>
        <source>Syncing for %1</source>
        <translation>Syncing for %1</translation>
    </message>
    <message>
        <source>The new name reaches your organisation's server at the next sync.</source>
        <translation>The new name reaches your organisation's server at the next sync.</translation>
    </message>
    <message>
        <source>Your organisation's server knows this device by this name, so your devices can be told apart.</source>
        <translation>Your organisation's server knows this device by this name, so your devices can be told apart.</translation>
    </message>
</context>
<context>
    <name>Insights</name>
    <message>
        <source>Insights</source>
        <translation>Insights</translation>
    </message>
    <message>
        <source>Your last 12 weeks, from your own records on this phone.</source>
        <translation>Your last 12 weeks, from your own records on this phone.</translation>
    </message>
    <message>
        <source>Log encounters and your weeks appear here</source>
        <translation>Log encounters and your weeks appear here</translation>
    </message>
    <message>
        <source>Once you log encounters, add participants or rate how you are in the diary, this page shows your encounters per week by place, your caseload by stage, and your wellbeing and stress over the last 12 weeks.</source>
        <translation>Once you log encounters, add participants or rate how you are in the diary, this page shows your encounters per week by place, your caseload by stage, and your wellbeing and stress over the last 12 weeks.</translation>
    </message>
    <message>
        <source>Encounters per week</source>
        <translation>Encounters per week</translation>
    </message>
    <message>
        <source>No encounters in these 12 weeks. Each encounter you log appears in its week.</source>
        <translation>No encounters in these 12 weeks. Each encounter you log appears in its week.</translation>
    </message>
    <message>
        <source>Encounters per week by place</source>
        <translation>Encounters per week by place</translation>
    </message>
    <message>
        <source>Caseload by stage</source>
        <translation>Caseload by stage</translation>
    </message>
    <message>
        <source>No participants yet. Each person you add appears in their stage.</source>
        <translation>No participants yet. Each person you add appears in their stage.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Wellbeing and stress</source>
        <translation>Wellbeing and stress</translation>
    </message>
    <message>
        <source>No ratings in these 12 weeks. Rate your wellbeing and stress in a diary entry and they appear here.</source>
        <translation>No ratings in these 12 weeks. Rate your wellbeing and stress in a diary entry and they appear here.</translation>
    </message>
    <message>
        <source>Wellbeing and stress from your diary</source>
        <translation>Wellbeing and stress from your diary</translation>
    </message>
    <message>
        <source>Wellbeing (5: good)</source>
        <translation>Wellbeing (5: good)</translation>
    </message>
    <message>
        <source>Stress (5: overwhelmed)</source>
        <translation>Stress (5: overwhelmed)</translation>
    </message>
    <message>
        <source>Self-care</source>
        <translation>Self-care</translation>
    </message>
</context>
<context>
    <name>KeyApprovalSection</name>
    <message>
        <source>You already use Waypoint on another device. How should your keys come to this one?</source>
        <translation>You already use Waypoint on another device. How should your keys come to this one?</translation>
    </message>
    <message>
        <source>Asking…</source>
        <translation>Asking…</translation>
    </message>
    <message>
        <source>Approve this device from another of your devices</source>
        <translation>Approve this device from another of your devices</translation>
    </message>
    <message>
        <source>Waiting for approval</source>
        <translation>Waiting for approval</translation>
    </message>
    <message>
        <source>On your other device, open Sync and approve this device; check the numbers match.</source>
        <translation>On your other device, open Sync and approve this device; check the numbers match.</translation>
    </message>
    <message>
        <source>Request number: %1</source>
        <translation>Request number: %1</translation>
    </message>
    <message>
        <source>This screen moves on by itself once the other device approves. You can lock Waypoint meanwhile.</source>
        <translation>This screen moves on by itself once the other device approves. You can lock Waypoint meanwhile.</translation>
    </message>
    <message>
        <source>Use my recovery key</source>
        <translation>Use my recovery key</translation>
    </message>
    <message>
        <source>Use my recovery key instead</source>
        <translation>Use my recovery key instead</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Cancel enrolment</source>
        <translation>Cancel enrolment</translation>
    </message>
    <message>
        <source>Approve from another device</source>
        <translation>Approve from another device</translation>
    </message>
    <message>
        <source>Recommended: your phone or computer that has Waypoint already shows this device; you check a number there and approve.</source>
        <translation>Recommended: your phone or computer that has Waypoint already shows this device; you check a number there and approve.</translation>
    </message>
</context>
<context>
    <name>ListCard</name>
    <message>
        <source>who can read it: %1</source>
        <translation>who can read it: %1</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Waypoint</source>
        <translation>Waypoint</translation>
    </message>
</context>
<context>
    <name>NeutralScreen</name>
    <message>
        <source>No notes</source>
        <translation>No notes</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continue</translation>
    </message>
</context>
<context>
    <name>NewDevicesSection</name>
    <message>
        <source>New devices</source>
        <translation>New devices</translation>
    </message>
    <message>
        <source>%1 · enrolled %2</source>
        <translation>%1 · enrolled %2</translation>
    </message>
    <message>
        <source>Enrolled %1</source>
        <translation>Enrolled %1</translation>
    </message>
    <message>
        <source>Deny</source>
        <translation>Deny</translation>
    </message>
    <message>
        <source>Deny %1</source>
        <translation>Deny %1</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Approve</translation>
    </message>
    <message>
        <source>Approve %1</source>
        <translation>Approve %1</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Dismiss</translation>
    </message>
    <message>
        <source>Dismiss the notice of %1</source>
        <translation>Dismiss the notice of %1</translation>
    </message>
    <message>
        <source>Deny %1?</source>
        <translation>Deny %1?</translation>
    </message>
    <message>
        <source>The device is revoked and erases itself. If it was yours, you will need a new enrolment code for it.</source>
        <translation>The device is revoked and erases itself. If it was yours, you will need a new enrolment code for it.</translation>
    </message>
</context>
<context>
    <name>ParticipantForm</name>
    <message>
        <source>New participant</source>
        <translation>New participant</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Your unsaved draft was restored.</source>
        <translation>Your unsaved draft was restored.</translation>
    </message>
    <message>
        <source>Pseudonym or initials</source>
        <translation>Pseudonym or initials</translation>
    </message>
    <message>
        <source>e.g. JD or “Blue jacket”</source>
        <translation>e.g. JD or “Blue jacket”</translation>
    </message>
    <message>
        <source>Never a full name: a code or initials you will recognise.</source>
        <translation>Never a full name: a code or initials you will recognise.</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consent</translation>
    </message>
    <message>
        <source>What they agreed to, in your words</source>
        <translation>What they agreed to, in your words</translation>
    </message>
    <message>
        <source>Consent scope</source>
        <translation>Consent scope</translation>
    </message>
    <message>
        <source>Follow up</source>
        <translation>Follow up</translation>
    </message>
</context>
<context>
    <name>ParticipantPage</name>
    <message>
        <source>Encounter</source>
        <translation>Encounter</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>Recovery is not a straight line: moving back a stage is normal.</source>
        <translation>Recovery is not a straight line: moving back a stage is normal.</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>Goals</translation>
    </message>
    <message>
        <source>No goals yet. Goals belong to the working partnership: set them together.</source>
        <translation>No goals yet. Goals belong to the working partnership: set them together.</translation>
    </message>
    <message>
        <source>A goal you agreed together</source>
        <translation>A goal you agreed together</translation>
    </message>
    <message>
        <source>New goal</source>
        <translation>New goal</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Add goal</source>
        <translation>Add goal</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consent</translation>
    </message>
    <message>
        <source>What they agreed to, in your words</source>
        <translation>What they agreed to, in your words</translation>
    </message>
    <message>
        <source>Consent scope</source>
        <translation>Consent scope</translation>
    </message>
    <message>
        <source>Consent given today</source>
        <translation>Consent given today</translation>
    </message>
    <message>
        <source>Record that consent was withdrawn today</source>
        <translation>Record that consent was withdrawn today</translation>
    </message>
    <message>
        <source>Encounters</source>
        <translation>Encounters</translation>
    </message>
    <message>
        <source>No encounters recorded with %1 yet.</source>
        <translation>No encounters recorded with %1 yet.</translation>
    </message>
    <message>
        <source>Record withdrawal of consent</source>
        <translation>Record withdrawal of consent</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n encounter(s) will be removed from this phone and, after sync, from your other devices and the server. This cannot be undone.</source>
        <translation><numerusform>%1 and %n encounter will be removed from this phone and, after sync, from your other devices and the server. This cannot be undone.</numerusform><numerusform>%1 and %n encounters will be removed from this phone and, after sync, from your other devices and the server. This cannot be undone.</numerusform></translation>
    </message>
    <message>
        <source>Consent withdrawn. Erasing %1 in %2 s.</source>
        <translation>Consent withdrawn. Erasing %1 in %2 s.</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Undo the withdrawal of consent</source>
        <translation>Undo the withdrawal of consent</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Delete participant</source>
        <translation>Delete participant</translation>
    </message>
    <message>
        <source>Delete %1 and their encounters</source>
        <translation>Delete %1 and their encounters</translation>
    </message>
    <message>
        <source>Withdraw consent?</source>
        <translation>Withdraw consent?</translation>
    </message>
    <message>
        <source>Delete %1?</source>
        <translation>Delete %1?</translation>
    </message>
    <message>
        <source>Withdrawing consent erases %1's records. You can undo it for 10 seconds.</source>
        <translation>Withdrawing consent erases %1's records. You can undo it for 10 seconds.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Withdraw and erase</source>
        <translation>Withdraw and erase</translation>
    </message>
    <message>
        <source>Stage changed to %1.</source>
        <translation>Stage changed to %1.</translation>
    </message>
    <message>
        <source>Undo the stage change</source>
        <translation>Undo the stage change</translation>
    </message>
    <message>
        <source>Someone else added this participant: you can read their page, not change it.</source>
        <translation>Someone else added this participant: you can read their page, not change it.</translation>
    </message>
    <message>
        <source>Edit goal %1</source>
        <translation>Edit goal %1</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Goal</translation>
    </message>
    <message>
        <source>Remove this goal?</source>
        <translation>Remove this goal?</translation>
    </message>
    <message>
        <source>Rename or delete</source>
        <translation>Rename or delete</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Rename</translation>
    </message>
    <message>
        <source>Rename %1</source>
        <translation>Rename %1</translation>
    </message>
    <message>
        <source>Pseudonym or initials</source>
        <translation>Pseudonym or initials</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Delete last digit</source>
        <translation>Delete last digit</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Unlock</translation>
    </message>
</context>
<context>
    <name>RatingRow</name>
    <message>
        <source>%1: %2 of 5</source>
        <translation>%1: %2 of 5</translation>
    </message>
</context>
<context>
    <name>RecordText</name>
    <message>
        <source>Removed participant</source>
        <translation>Removed participant</translation>
    </message>
    <message>
        <source>Supervision, %1</source>
        <translation>Supervision, %1</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>Encounters</source>
        <translation>Encounters</translation>
    </message>
    <message>
        <source>Diary entries</source>
        <translation>Diary entries</translation>
    </message>
    <message>
        <source>Supervision notes</source>
        <translation>Supervision notes</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Comments</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Yesterday</translation>
    </message>
    <message>
        <source>Tomorrow</source>
        <translation>Tomorrow</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation><numerusform>%n day ago</numerusform><numerusform>%n days ago</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>In %n day(s)</source>
        <translation><numerusform>In %n day</numerusform><numerusform>In %n days</numerusform></translation>
    </message>
    <message>
        <source>Overdue: %1</source>
        <translation>Overdue: %1</translation>
    </message>
    <message>
        <source>Follow up: %1</source>
        <translation>Follow up: %1</translation>
    </message>
    <message>
        <source>No contact recorded yet</source>
        <translation>No contact recorded yet</translation>
    </message>
    <message>
        <source>Last contact: %1</source>
        <translation>Last contact: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation><numerusform>%n min</numerusform><numerusform>%n min</numerusform></translation>
    </message>
    <message>
        <source>Untitled entry</source>
        <translation>Untitled entry</translation>
    </message>
    <message>
        <source>Unnamed / brief contact</source>
        <translation>Unnamed / brief contact</translation>
    </message>
    <message>
        <source>Due: %1</source>
        <translation>Due: %1</translation>
    </message>
    <message>
        <source>This looks like a full name. Please use a pseudonym or initials instead.</source>
        <translation>This looks like a full name. Please use a pseudonym or initials instead.</translation>
    </message>
    <message>
        <source>Shared with me</source>
        <translation>Shared with me</translation>
    </message>
</context>
<context>
    <name>ReviewEntry</name>
    <message>
        <source>Comments</source>
        <translation>Comments</translation>
    </message>
    <message>
        <source>No comments yet. %1 sees what you write after the next sync.</source>
        <translation>No comments yet. %1 sees what you write after the next sync.</translation>
    </message>
    <message>
        <source>Write a comment for %1</source>
        <translation>Write a comment for %1</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>Add comment</source>
        <translation>Add comment</translation>
    </message>
    <message>
        <source>Raised for the next supervision</source>
        <translation>Raised for the next supervision</translation>
    </message>
    <message>
        <source>Raise at next supervision</source>
        <translation>Raise at next supervision</translation>
    </message>
</context>
<context>
    <name>ReviewEntryPage</name>
    <message>
        <source>Shared entry</source>
        <translation>Shared entry</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
</context>
<context>
    <name>ReviewQueue</name>
    <message>
        <source>All workers</source>
        <translation>All workers</translation>
    </message>
    <message>
        <source>reviewed</source>
        <translation>reviewed</translation>
    </message>
    <message>
        <source>new</source>
        <translation>new</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>Reviewed</translation>
    </message>
    <message>
        <source>New</source>
        <translation>New</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n comment(s)</source>
        <translation><numerusform>%1 · %n comment</numerusform><numerusform>%1 · %n comments</numerusform></translation>
    </message>
    <message>
        <source>Nothing to review</source>
        <translation>Nothing to review</translation>
    </message>
    <message>
        <source>No shared entry matches these filters.</source>
        <translation>No shared entry matches these filters.</translation>
    </message>
    <message>
        <source>Entries your workers share with you appear here after a sync.</source>
        <translation>Entries your workers share with you appear here after a sync.</translation>
    </message>
    <message>
        <source>Choose an entry to read it here.</source>
        <translation>Choose an entry to read it here.</translation>
    </message>
    <message>
        <source>Your team</source>
        <translation>Your team</translation>
    </message>
    <message>
        <source>Open your team</source>
        <translation>Open your team</translation>
    </message>
</context>
<context>
    <name>ReviewText</name>
    <message>
        <source>A colleague</source>
        <comment>a reviewer or worker the server has not named yet</comment>
        <translation>A colleague</translation>
    </message>
    <message>
        <source>Read by %1, %2</source>
        <comment>a supervisor's review mark on a diary entry</comment>
        <translation>Read by %1, %2</translation>
    </message>
    <message>
        <source>Acknowledged %1</source>
        <comment>the worker acknowledged a comment on this day</comment>
        <translation>Acknowledged %1</translation>
    </message>
    <message>
        <source>%1 commented on your entry of %2</source>
        <comment>a comment the worker has not acknowledged</comment>
        <translation>%1 commented on your entry of %2</translation>
    </message>
</context>
<context>
    <name>ScanPage</name>
    <message>
        <source>Scan QR code</source>
        <translation>Scan QR code</translation>
    </message>
    <message>
        <source>No camera found. Paste the code instead.</source>
        <translation>No camera found. Paste the code instead.</translation>
    </message>
    <message>
        <source>The camera cannot be used. Waypoint may not be allowed to use it. Paste the code instead.</source>
        <translation>The camera cannot be used. Waypoint may not be allowed to use it. Paste the code instead.</translation>
    </message>
    <message>
        <source>Starting the camera…</source>
        <translation>Starting the camera…</translation>
    </message>
    <message>
        <source>This QR code is not a Waypoint enrolment code. Scan the one your administrator gave you.</source>
        <translation>This QR code is not a Waypoint enrolment code. Scan the one your administrator gave you.</translation>
    </message>
    <message>
        <source>Hold the QR code from your administrator inside the frame. It is read as soon as it is sharp.</source>
        <translation>Hold the QR code from your administrator inside the frame. It is read as soon as it is sharp.</translation>
    </message>
    <message>
        <source>Copy the text of the QR code (it starts with waypoint:) or type the code printed under it.</source>
        <translation>Copy the text of the QR code (it starts with waypoint:) or type the code printed under it.</translation>
    </message>
    <message>
        <source>Paste instead</source>
        <translation>Paste instead</translation>
    </message>
    <message>
        <source>Paste the code instead</source>
        <translation>Paste the code instead</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Cancel scanning</source>
        <translation>Cancel scanning</translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Search everything</source>
        <translation>Search everything</translation>
    </message>
    <message>
        <source>Nothing found</source>
        <translation>Nothing found</translation>
    </message>
    <message>
        <source>Search your notes</source>
        <translation>Search your notes</translation>
    </message>
    <message>
        <source>No participant, encounter, diary entry or supervision note contains “%1”.</source>
        <translation>No participant, encounter, diary entry or supervision note contains “%1”.</translation>
    </message>
    <message>
        <source>Participants, encounters, diary entries and supervision notes, all in one place. Everything is searched on this phone.</source>
        <translation>Participants, encounters, diary entries and supervision notes, all in one place. Everything is searched on this phone.</translation>
    </message>
</context>
<context>
    <name>SetAsideChangesPage</name>
    <message>
        <source>Changes set aside</source>
        <translation>Changes set aside</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) from the server were set aside: this phone could not check or read them, or they were not valid. Nothing on this phone was changed by them, and everything else synced.</source>
        <translation><numerusform>%n change from the server was set aside: this phone could not check or read it, or it was not valid. Nothing on this phone was changed by it, and everything else synced.</numerusform><numerusform>%n changes from the server were set aside: this phone could not check or read them, or they were not valid. Nothing on this phone was changed by them, and everything else synced.</numerusform></translation>
    </message>
    <message>
        <source>No changes set aside.</source>
        <translation>No changes set aside.</translation>
    </message>
    <message>
        <source>If this keeps happening, tell your administrator: it can mean a device or the server is not working as it should.</source>
        <translation>If this keeps happening, tell your administrator: it can mean a device or the server is not working as it should.</translation>
    </message>
    <message>
        <source>Set aside: %1</source>
        <translation>Set aside: %1</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Security</translation>
    </message>
    <message>
        <source>Change PIN</source>
        <translation>Change PIN</translation>
    </message>
    <message>
        <source>Lock automatically after</source>
        <translation>Lock automatically after</translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation><numerusform>%n second</numerusform><numerusform>%n seconds</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation><numerusform>%n minute</numerusform><numerusform>%n minutes</numerusform></translation>
    </message>
    <message>
        <source>Waypoint also locks as soon as you leave the app.</source>
        <translation>Waypoint also locks as soon as you leave the app.</translation>
    </message>
    <message>
        <source>Show the quick-hide button</source>
        <translation>Show the quick-hide button</translation>
    </message>
    <message>
        <source>Quick-hide covers the screen with a plain page and locks Waypoint at once.</source>
        <translation>Quick-hide covers the screen with a plain page and locks Waypoint at once.</translation>
    </message>
    <message>
        <source>Language and appearance</source>
        <translation>Language and appearance</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Theme</translation>
    </message>
    <message>
        <source>Like the system</source>
        <translation>Like the system</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Light</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dark</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>Text size</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>Large</source>
        <translation>Large</translation>
    </message>
    <message>
        <source>Largest</source>
        <translation>Largest</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>About and privacy</source>
        <translation>About and privacy</translation>
    </message>
    <message>
        <source>Waypoint %1. Everything you record is kept on this phone in an encrypted file, unlocked only by your PIN. Diary entries are private unless you share them one by one. Participants are recorded by pseudonym. When sync is set up, records leave the phone end-to-end encrypted: the server cannot read them.</source>
        <translation>Waypoint %1. Everything you record is kept on this phone in an encrypted file, unlocked only by your PIN. Diary entries are private unless you share them one by one. Participants are recorded by pseudonym. When sync is set up, records leave the phone end-to-end encrypted: the server cannot read them.</translation>
    </message>
    <message>
        <source>Lock now</source>
        <translation>Lock now</translation>
    </message>
    <message>
        <source>Current PIN</source>
        <translation>Current PIN</translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation>New PIN</translation>
    </message>
    <message>
        <source>New PIN again</source>
        <translation>New PIN again</translation>
    </message>
    <message>
        <source>Confirm new PIN</source>
        <translation>Confirm new PIN</translation>
    </message>
    <message>
        <source>Changing…</source>
        <translation>Changing…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Your records are locked with your PIN and with a key kept in this device's keychain: a copy of Waypoint's files alone cannot be opened.</source>
        <translation>Your records are locked with your PIN and with a key kept in this device's keychain: a copy of Waypoint's files alone cannot be opened.</translation>
    </message>
    <message>
        <source>Protected by your PIN only: this device had no keychain when Waypoint was set up, so someone with a copy of Waypoint's files could try every PIN on another computer.</source>
        <translation>Protected by your PIN only: this device had no keychain when Waypoint was set up, so someone with a copy of Waypoint's files could try every PIN on another computer.</translation>
    </message>
    <message>
        <source>PIN changed. Use your new PIN from now on.</source>
        <translation>PIN changed. Use your new PIN from now on.</translation>
    </message>
    <message>
        <source>At least 6 digits, not a run like 123456 nor one of the most common PINs. With letters in it, it is a passphrase of at least 6 characters.</source>
        <translation>At least 6 digits, not a run like 123456 nor one of the most common PINs. With letters in it, it is a passphrase of at least 6 characters.</translation>
    </message>
</context>
<context>
    <name>ShareBadge</name>
    <message>
        <source>Who can read it: %1</source>
        <translation>Who can read it: %1</translation>
    </message>
</context>
<context>
    <name>SupervisionEditor</name>
    <message>
        <source>Supervision session</source>
        <translation>Supervision session</translation>
    </message>
    <message>
        <source>New supervision session</source>
        <translation>New supervision session</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Your unsaved draft was restored.</source>
        <translation>Your unsaved draft was restored.</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>Topics</translation>
    </message>
    <message>
        <source>Add a topic</source>
        <translation>Add a topic</translation>
    </message>
    <message>
        <source>New topic</source>
        <translation>New topic</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Add topic</source>
        <translation>Add topic</translation>
    </message>
    <message>
        <source>Wellbeing check</source>
        <translation>Wellbeing check</translation>
    </message>
    <message>
        <source>How am I doing?</source>
        <translation>How am I doing?</translation>
    </message>
    <message>
        <source>Struggling</source>
        <translation>Struggling</translation>
    </message>
    <message>
        <source>Doing well</source>
        <translation>Doing well</translation>
    </message>
    <message>
        <source>A few words about it (optional)</source>
        <translation>A few words about it (optional)</translation>
    </message>
    <message>
        <source>Wellbeing note</source>
        <translation>Wellbeing note</translation>
    </message>
    <message>
        <source>Diary entries to discuss</source>
        <translation>Diary entries to discuss</translation>
    </message>
    <message>
        <source>Entries you share with your supervisor can be linked here.</source>
        <translation>Entries you share with your supervisor can be linked here.</translation>
    </message>
    <message>
        <source>Action items</source>
        <translation>Action items</translation>
    </message>
    <message>
        <source>Done: %1</source>
        <translation>Done: %1</translation>
    </message>
    <message>
        <source>Something agreed to do</source>
        <translation>Something agreed to do</translation>
    </message>
    <message>
        <source>New action item</source>
        <translation>New action item</translation>
    </message>
    <message>
        <source>Who does it</source>
        <translation>Who does it</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Add action item</source>
        <translation>Add action item</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>What we talked about</source>
        <translation>What we talked about</translation>
    </message>
    <message>
        <source>Save session</source>
        <translation>Save session</translation>
    </message>
    <message>
        <source>Edit topic %1</source>
        <translation>Edit topic %1</translation>
    </message>
    <message>
        <source>Edit action item %1</source>
        <translation>Edit action item %1</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>Action item</source>
        <translation>Action item</translation>
    </message>
    <message>
        <source>Remove this topic?</source>
        <translation>Remove this topic?</translation>
    </message>
    <message>
        <source>Remove this action item?</source>
        <translation>Remove this action item?</translation>
    </message>
    <message>
        <source>Delete session</source>
        <translation>Delete session</translation>
    </message>
    <message>
        <source>Delete this supervision session?</source>
        <translation>Delete this supervision session?</translation>
    </message>
    <message>
        <source>The session of %1 with %2, its topics and action items will be deleted from this phone and, after sync, from your other devices.</source>
        <translation>The session of %1 with %2, its topics and action items will be deleted from this phone and, after sync, from your other devices.</translation>
    </message>
    <message>
        <source>To discuss</source>
        <translation>To discuss</translation>
    </message>
</context>
<context>
    <name>SupervisionList</name>
    <message numerus="yes">
        <source>%n open action(s)</source>
        <translation><numerusform>%n open action</numerusform><numerusform>%n open actions</numerusform></translation>
    </message>
    <message>
        <source>No supervision sessions yet</source>
        <translation>No supervision sessions yet</translation>
    </message>
    <message>
        <source>Note the topics, how you are doing, and what you agreed to do next.</source>
        <translation>Note the topics, how you are doing, and what you agreed to do next.</translation>
    </message>
    <message>
        <source>New supervision session</source>
        <translation>New supervision session</translation>
    </message>
</context>
<context>
    <name>Sync</name>
    <message>
        <source>The record belongs to another user.</source>
        <translation>The record belongs to another user.</translation>
    </message>
    <message>
        <source>Another record with the same id has a different type.</source>
        <translation>Another record with the same id has a different type.</translation>
    </message>
    <message>
        <source>The server does not know who may read this record.</source>
        <translation>The server does not know who may read this record.</translation>
    </message>
    <message>
        <source>The change is larger than the server accepts.</source>
        <translation>The change is larger than the server accepts.</translation>
    </message>
    <message>
        <source>The server could not read the change.</source>
        <translation>The server could not read the change.</translation>
    </message>
    <message>
        <source>The server asked to send it again later.</source>
        <translation>The server asked to send it again later.</translation>
    </message>
    <message>
        <source>The server refused it (%1).</source>
        <translation>The server refused it (%1).</translation>
    </message>
    <message>
        <source>The key backup on the server holds other keys than this device has.</source>
        <translation>The key backup on the server holds other keys than this device has.</translation>
    </message>
    <message>
        <source>This code is wrong, already used or expired. Ask your administrator for a new one.</source>
        <translation>This code is wrong, already used or expired. Ask your administrator for a new one.</translation>
    </message>
    <message>
        <source>Too many failed attempts: wait a minute, then try again.</source>
        <translation>Too many failed attempts: wait a minute, then try again.</translation>
    </message>
    <message>
        <source>The server refused this device. Ask your administrator for a new code.</source>
        <translation>The server refused this device. Ask your administrator for a new code.</translation>
    </message>
    <message>
        <source>The server cannot be reached. Check the address and your connection, then try again.</source>
        <translation>The server cannot be reached. Check the address and your connection, then try again.</translation>
    </message>
    <message>
        <source>That address does not answer like a Waypoint server.</source>
        <translation>That address does not answer like a Waypoint server.</translation>
    </message>
    <message>
        <source>Waypoint locked before enrolment finished. Ask for a new code and start again.</source>
        <translation>Waypoint locked before enrolment finished. Ask for a new code and start again.</translation>
    </message>
    <message>
        <source>Enrolment did not complete (%1).</source>
        <translation>Enrolment did not complete (%1).</translation>
    </message>
    <message>
        <source>The server asked Waypoint to wait before trying again.</source>
        <translation>The server asked Waypoint to wait before trying again.</translation>
    </message>
    <message>
        <source>The server cannot be reached.</source>
        <translation>The server cannot be reached.</translation>
    </message>
    <message>
        <source>The server no longer accepts this device. Ask your administrator for a new enrolment code.</source>
        <translation>The server no longer accepts this device. Ask your administrator for a new enrolment code.</translation>
    </message>
    <message>
        <source>The server answered something this version of Waypoint cannot read. Update the app.</source>
        <translation>The server answered something this version of Waypoint cannot read. Update the app.</translation>
    </message>
    <message>
        <source>Changes from the server failed their signature or encryption check and were not applied.</source>
        <translation>Changes from the server failed their signature or encryption check and were not applied.</translation>
    </message>
    <message>
        <source>The device is out of storage space.</source>
        <translation>The device is out of storage space.</translation>
    </message>
    <message>
        <source>Sync did not complete (%1).</source>
        <translation>Sync did not complete (%1).</translation>
    </message>
    <message>
        <source>It was sealed with a key your keys cannot open.</source>
        <translation>It was sealed with a key your keys cannot open.</translation>
    </message>
    <message>
        <source>This device has no key to read it.</source>
        <translation>This device has no key to read it.</translation>
    </message>
    <message>
        <source>Its author's signature does not verify.</source>
        <translation>Its author's signature does not verify.</translation>
    </message>
    <message>
        <source>It is not part of what its author signed.</source>
        <translation>It is not part of what its author signed.</translation>
    </message>
    <message>
        <source>It could not be decrypted.</source>
        <translation>It could not be decrypted.</translation>
    </message>
    <message>
        <source>Its content could not be read.</source>
        <translation>Its content could not be read.</translation>
    </message>
    <message>
        <source>Its %1 is not valid.</source>
        <translation>Its %1 is not valid.</translation>
    </message>
    <message>
        <source>Its content is not valid.</source>
        <translation>Its content is not valid.</translation>
    </message>
    <message>
        <source>Its time is more than a day ahead of this device's clock.</source>
        <translation>Its time is more than a day ahead of this device's clock.</translation>
    </message>
    <message>
        <source>It was set aside (%1).</source>
        <translation>It was set aside (%1).</translation>
    </message>
    <message>
        <source>Use an address starting with https://. Plain http:// is only allowed for a server on this device.</source>
        <translation>Use an address starting with https://. Plain http:// is only allowed for a server on this device.</translation>
    </message>
    <message>
        <source>It changes a record another user created.</source>
        <translation>It changes a record another user created.</translation>
    </message>
    <message>
        <source>Its author's key changed and nobody has confirmed the new one yet.</source>
        <translation>Its author's key changed and nobody has confirmed the new one yet.</translation>
    </message>
    <message>
        <source>Its key is not signed by its author.</source>
        <translation>Its key is not signed by its author.</translation>
    </message>
    <message>
        <source>Group %1 of the recovery key looks wrong. Check it against the key you wrote down.</source>
        <translation>Group %1 of the recovery key looks wrong. Check it against the key you wrote down.</translation>
    </message>
    <message>
        <source>That is not a recovery key: it has %1 groups of %2 letters and digits. Check it against the key you wrote down.</source>
        <translation>That is not a recovery key: it has %1 groups of %2 letters and digits. Check it against the key you wrote down.</translation>
    </message>
    <message>
        <source>Your keys were set up on another device meanwhile. Type the recovery key shown there.</source>
        <translation>Your keys were set up on another device meanwhile. Type the recovery key shown there.</translation>
    </message>
    <message>
        <source>Your keys were never backed up on the server. Waypoint makes them on this device, with a new recovery key.</source>
        <translation>Your keys were never backed up on the server. Waypoint makes them on this device, with a new recovery key.</translation>
    </message>
    <message>
        <source>That recovery key does not open your key backup. Check it against the key you wrote down and try again.</source>
        <translation>That recovery key does not open your key backup. Check it against the key you wrote down and try again.</translation>
    </message>
    <message>
        <source>Your organisation revoked this device: its keys and records here are destroyed.</source>
        <translation>Your organisation revoked this device: its keys and records here are destroyed.</translation>
    </message>
    <message>
        <source>It acknowledges a comment on a diary entry its sender did not write.</source>
        <translation>It acknowledges a comment on a diary entry its sender did not write.</translation>
    </message>
</context>
<context>
    <name>SyncIndicator</name>
    <message>
        <source>Sync: %1</source>
        <translation>Sync: %1</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>Sync</source>
        <translation>Sync</translation>
    </message>
</context>
<context>
    <name>SyncStatusSection</name>
    <message>
        <source>No changes waiting to be sent.</source>
        <translation>No changes waiting to be sent.</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to be sent.</source>
        <translation><numerusform>%n change waiting to be sent.</numerusform><numerusform>%n changes waiting to be sent.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) refused by the server. They stay on this phone.</source>
        <translation><numerusform>%n change refused by the server. It stays on this phone.</numerusform><numerusform>%n changes refused by the server. They stay on this phone.</numerusform></translation>
    </message>
    <message>
        <source>See refused changes</source>
        <translation>See refused changes</translation>
    </message>
    <message>
        <source>See the changes the server refused</source>
        <translation>See the changes the server refused</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>Server: %1</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Sync now</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) from the server set aside: this phone could not check or read them.</source>
        <translation><numerusform>%n change from the server set aside: this phone could not check or read it.</numerusform><numerusform>%n changes from the server set aside: this phone could not check or read them.</numerusform></translation>
    </message>
    <message>
        <source>See changes set aside</source>
        <translation>See changes set aside</translation>
    </message>
    <message>
        <source>See the changes from the server that were set aside</source>
        <translation>See the changes from the server that were set aside</translation>
    </message>
    <message numerus="yes">
        <source>The key of %n person(s) you sync with changed on the server. What they send is set aside until the new key is compared with them in person and confirmed.</source>
        <translation><numerusform>The key of %n person you sync with changed on the server. What they send is set aside until the new key is compared with them in person and confirmed.</numerusform><numerusform>The keys of %n people you sync with changed on the server. What they send is set aside until each new key is compared with them in person and confirmed.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s): a text was changed on this phone and on another device before they synced.</source>
        <translation><numerusform>%n conflict: a text was changed on this phone and on another device before they synced.</numerusform><numerusform>%n conflicts: texts were changed on this phone and on another device before they synced.</numerusform></translation>
    </message>
    <message>
        <source>Resolve conflicts</source>
        <translation>Resolve conflicts</translation>
    </message>
    <message>
        <source>Compare both versions of each conflict and choose</source>
        <translation>Compare both versions of each conflict and choose</translation>
    </message>
</context>
<context>
    <name>TeamPage</name>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>No workers yet</source>
        <translation>No workers yet</translation>
    </message>
    <message>
        <source>The workers you supervise appear here after a sync.</source>
        <translation>The workers you supervise appear here after a sync.</translation>
    </message>
</context>
<context>
    <name>TimePicker</name>
    <message>
        <source>What time was it?</source>
        <translation>What time was it?</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Yesterday</translation>
    </message>
    <message>
        <source>Hour</source>
        <translation>Hour</translation>
    </message>
    <message>
        <source>Minute</source>
        <translation>Minute</translation>
    </message>
    <message>
        <source>That time has not come yet.</source>
        <translation>That time has not come yet.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Set time</source>
        <translation>Set time</translation>
    </message>
</context>
<context>
    <name>Today</name>
    <message>
        <source>New encounter</source>
        <translation>New encounter</translation>
    </message>
    <message>
        <source>New diary entry</source>
        <translation>New diary entry</translation>
    </message>
    <message>
        <source>Follow-ups due</source>
        <translation>Follow-ups due</translation>
    </message>
    <message>
        <source>Nothing due. Follow-up dates you set on an encounter appear here.</source>
        <translation>Nothing due. Follow-up dates you set on an encounter appear here.</translation>
    </message>
    <message>
        <source>Open action items</source>
        <translation>Open action items</translation>
    </message>
    <message>
        <source>No open action items from supervision.</source>
        <translation>No open action items from supervision.</translation>
    </message>
    <message>
        <source>Mark done: %1</source>
        <translation>Mark done: %1</translation>
    </message>
    <message>
        <source>Recent encounters</source>
        <translation>Recent encounters</translation>
    </message>
    <message>
        <source>No encounters yet. Tap “New encounter” after you meet someone.</source>
        <translation>No encounters yet. Tap “New encounter” after you meet someone.</translation>
    </message>
    <message>
        <source>Unfinished drafts</source>
        <translation>Unfinished drafts</translation>
    </message>
    <message>
        <source>Resume draft: %1, %2</source>
        <translation>Resume draft: %1, %2</translation>
    </message>
    <message>
        <source>Discard draft: %1</source>
        <translation>Discard draft: %1</translation>
    </message>
    <message>
        <source>Discard this draft?</source>
        <translation>Discard this draft?</translation>
    </message>
    <message>
        <source>“%1” will be gone for good.</source>
        <translation>“%1” will be gone for good.</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Keep</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Discard</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) to resolve</source>
        <translation><numerusform>%n conflict to resolve</numerusform><numerusform>%n conflicts to resolve</numerusform></translation>
    </message>
    <message>
        <source>Both versions are kept until you choose.</source>
        <translation>Both versions are kept until you choose.</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>Resolve</translation>
    </message>
    <message>
        <source>Your last 12 weeks</source>
        <translation>Your last 12 weeks</translation>
    </message>
    <message>
        <source>Encounters by place, caseload by stage, wellbeing and stress</source>
        <translation>Encounters by place, caseload by stage, wellbeing and stress</translation>
    </message>
    <message>
        <source>Insights</source>
        <translation>Insights</translation>
    </message>
    <message>
        <source>Insights: your last 12 weeks as charts</source>
        <translation>Insights: your last 12 weeks as charts</translation>
    </message>
    <message>
        <source>Approve it only if it is yours.</source>
        <translation>Approve it only if it is yours.</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Check</translation>
    </message>
</context>
<context>
    <name>Unlock</name>
    <message>
        <source>Waypoint is locked</source>
        <translation>Waypoint is locked</translation>
    </message>
    <message>
        <source>Enter your passphrase</source>
        <translation>Enter your passphrase</translation>
    </message>
    <message>
        <source>Enter your PIN</source>
        <translation>Enter your PIN</translation>
    </message>
    <message numerus="yes">
        <source>%n digit(s) entered</source>
        <translation><numerusform>%n digit entered</numerusform><numerusform>%n digits entered</numerusform></translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong PINs. Try again in %n second(s).</source>
        <translation><numerusform>Too many wrong PINs. Try again in %n second.</numerusform><numerusform>Too many wrong PINs. Try again in %n seconds.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n attempt(s) left before everything on this phone is erased.</source>
        <translation><numerusform>%n attempt left before everything on this phone is erased.</numerusform><numerusform>%n attempts left before everything on this phone is erased.</numerusform></translation>
    </message>
    <message>
        <source>I use a passphrase</source>
        <translation>I use a passphrase</translation>
    </message>
    <message>
        <source>Too many wrong PINs. Wait, then try again.</source>
        <translation>Too many wrong PINs. Wait, then try again.</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>Give the participant a pseudonym or initials.</source>
        <translation>Give the participant a pseudonym or initials.</translation>
    </message>
    <message>
        <source>Record the date consent was given or withdrawn.</source>
        <translation>Record the date consent was given or withdrawn.</translation>
    </message>
    <message>
        <source>The current stage must be the last one in the stage history.</source>
        <translation>The current stage must be the last one in the stage history.</translation>
    </message>
    <message>
        <source>A goal needs a description.</source>
        <translation>A goal needs a description.</translation>
    </message>
    <message>
        <source>A goal's target date cannot be before the date it was set.</source>
        <translation>A goal's target date cannot be before the date it was set.</translation>
    </message>
    <message>
        <source>Record when the encounter happened.</source>
        <translation>Record when the encounter happened.</translation>
    </message>
    <message>
        <source>Duration must be between 0 minutes and 24 hours.</source>
        <translation>Duration must be between 0 minutes and 24 hours.</translation>
    </message>
    <message>
        <source>The follow-up date cannot be before the encounter.</source>
        <translation>The follow-up date cannot be before the encounter.</translation>
    </message>
    <message>
        <source>A stage can only be recorded for a named participant.</source>
        <translation>A stage can only be recorded for a named participant.</translation>
    </message>
    <message>
        <source>Write something, or answer at least one prompt.</source>
        <translation>Write something, or answer at least one prompt.</translation>
    </message>
    <message>
        <source>Record when the entry was written.</source>
        <translation>Record when the entry was written.</translation>
    </message>
    <message>
        <source>Record the date of the supervision session.</source>
        <translation>Record the date of the supervision session.</translation>
    </message>
    <message>
        <source>An action item needs a description.</source>
        <translation>An action item needs a description.</translation>
    </message>
    <message>
        <source>A comment belongs to a diary entry.</source>
        <translation>A comment belongs to a diary entry.</translation>
    </message>
    <message>
        <source>Name the course or training.</source>
        <translation>Name the course or training.</translation>
    </message>
    <message>
        <source>Record when the training was completed.</source>
        <translation>Record when the training was completed.</translation>
    </message>
    <message>
        <source>The expiry date must be after the completion date.</source>
        <translation>The expiry date must be after the completion date.</translation>
    </message>
    <message>
        <source>%1 is too long (%2 characters, at most %3).</source>
        <translation>%1 is too long (%2 characters, at most %3).</translation>
    </message>
    <message>
        <source>%1 has too many items (%2, at most %3).</source>
        <translation>%1: too many items (%2, at most %3).</translation>
    </message>
    <message>
        <source>%1 must be between 1 and 5.</source>
        <translation>%1 must be between 1 and 5.</translation>
    </message>
    <message>
        <source>The field %1 has a value this version does not understand.</source>
        <translation>The field “%1” has a value this version does not understand.</translation>
    </message>
    <message>
        <source>A field has no name.</source>
        <translation>A field has no name.</translation>
    </message>
    <message>
        <source>A field nests too deep.</source>
        <translation>A field nests too deep.</translation>
    </message>
    <message>
        <source>%1 does not hold the kind of value it should.</source>
        <translation>%1 does not hold the kind of value it should.</translation>
    </message>
</context>
<context>
    <name>Vocabulary</name>
    <message>
        <source>Naloxone</source>
        <translation>Naloxone</translation>
    </message>
    <message>
        <source>Sterile injecting equipment</source>
        <translation>Sterile injecting equipment</translation>
    </message>
    <message>
        <source>Safer smoking kit</source>
        <translation>Safer smoking kit</translation>
    </message>
    <message>
        <source>Fentanyl test strips</source>
        <translation>Fentanyl test strips</translation>
    </message>
    <message>
        <source>Sharps bin</source>
        <translation>Sharps bin</translation>
    </message>
    <message>
        <source>Condoms</source>
        <translation>Condoms</translation>
    </message>
    <message>
        <source>Wound care</source>
        <translation>Wound care</translation>
    </message>
    <message>
        <source>Creating a safe place</source>
        <translation>Creating a safe place</translation>
    </message>
    <message>
        <source>Working partnership</source>
        <translation>Working partnership</translation>
    </message>
    <message>
        <source>Stepping out</source>
        <translation>Stepping out</translation>
    </message>
    <message>
        <source>Street outreach</source>
        <translation>Street outreach</translation>
    </message>
    <message>
        <source>Shelter</source>
        <translation>Shelter</translation>
    </message>
    <message>
        <source>Hospital</source>
        <translation>Hospital</translation>
    </message>
    <message>
        <source>Court</source>
        <translation>Court</translation>
    </message>
    <message>
        <source>Drop-in</source>
        <translation>Drop-in</translation>
    </message>
    <message>
        <source>Phone / text</source>
        <translation>Phone / text</translation>
    </message>
    <message>
        <source>Accompanied appointment</source>
        <translation>Accompanied appointment</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Housing</source>
        <translation>Housing</translation>
    </message>
    <message>
        <source>Substance use / harm reduction</source>
        <translation>Substance use / harm reduction</translation>
    </message>
    <message>
        <source>Mental health</source>
        <translation>Mental health</translation>
    </message>
    <message>
        <source>Physical health</source>
        <translation>Physical health</translation>
    </message>
    <message>
        <source>Income and benefits</source>
        <translation>Income and benefits</translation>
    </message>
    <message>
        <source>Legal / justice</source>
        <translation>Legal / justice</translation>
    </message>
    <message>
        <source>Family and relationships</source>
        <translation>Family and relationships</translation>
    </message>
    <message>
        <source>Practical needs</source>
        <translation>Practical needs</translation>
    </message>
    <message>
        <source>Housing services</source>
        <translation>Housing services</translation>
    </message>
    <message>
        <source>Benefits office</source>
        <translation>Benefits office</translation>
    </message>
    <message>
        <source>Health services</source>
        <translation>Health services</translation>
    </message>
    <message>
        <source>Mental health services</source>
        <translation>Mental health services</translation>
    </message>
    <message>
        <source>Substance use treatment</source>
        <translation>Substance use treatment</translation>
    </message>
    <message>
        <source>Justice services</source>
        <translation>Justice services</translation>
    </message>
    <message>
        <source>Other service</source>
        <translation>Other service</translation>
    </message>
    <message>
        <source>Boundaries</source>
        <translation>Boundaries</translation>
    </message>
    <message>
        <source>Using lived experience / self-disclosure</source>
        <translation>Using lived experience / self-disclosure</translation>
    </message>
    <message>
        <source>Stigma</source>
        <translation>Stigma</translation>
    </message>
    <message>
        <source>Organisational culture</source>
        <translation>Organisational culture</translation>
    </message>
    <message>
        <source>Personal bias</source>
        <translation>Personal bias</translation>
    </message>
    <message>
        <source>Systemic obstacles</source>
        <translation>Systemic obstacles</translation>
    </message>
    <message>
        <source>Self-care</source>
        <translation>Self-care</translation>
    </message>
    <message>
        <source>Training and development</source>
        <translation>Training and development</translation>
    </message>
    <message>
        <source>Relationships with professionals</source>
        <translation>Relationships with professionals</translation>
    </message>
    <message>
        <source>Wins</source>
        <translation>Wins</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>Achieved</source>
        <translation>Achieved</translation>
    </message>
    <message>
        <source>Set aside</source>
        <translation>Set aside</translation>
    </message>
    <message>
        <source>Not yet asked</source>
        <translation>Not yet asked</translation>
    </message>
    <message>
        <source>Given</source>
        <translation>Given</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>Worker</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>Both</source>
        <translation>Both</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>Participant</translation>
    </message>
    <message>
        <source>Encounter</source>
        <translation>Encounter</translation>
    </message>
    <message>
        <source>Diary entry</source>
        <translation>Diary entry</translation>
    </message>
    <message>
        <source>Supervision note</source>
        <translation>Supervision note</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>Training record</source>
        <translation>Training record</translation>
    </message>
    <message>
        <source>Took a break</source>
        <translation>Took a break</translation>
    </message>
    <message>
        <source>Talked it through</source>
        <translation>Talked it through</translation>
    </message>
    <message>
        <source>Time outside</source>
        <translation>Time outside</translation>
    </message>
    <message>
        <source>Exercise</source>
        <translation>Exercise</translation>
    </message>
    <message>
        <source>Rest</source>
        <translation>Rest</translation>
    </message>
    <message>
        <source>Something I enjoy</source>
        <translation>Something I enjoy</translation>
    </message>
</context>
<context>
    <name>wp::client::DraftListModel</name>
    <message>
        <source>No one chosen yet</source>
        <translation>No one chosen yet</translation>
    </message>
    <message>
        <source>An entry with no text yet</source>
        <translation>An entry with no text yet</translation>
    </message>
    <message>
        <source>%1 with %2</source>
        <translation>%1 with %2</translation>
    </message>
    <message>
        <source>No pseudonym yet</source>
        <translation>No pseudonym yet</translation>
    </message>
</context>
<context>
    <name>wp::client::Editor</name>
    <message>
        <source>This record could not be opened.</source>
        <translation>This record could not be opened.</translation>
    </message>
    <message>
        <source>Some fields need a look: see the messages next to them.</source>
        <translation>Some fields need a look: see the messages next to them.</translation>
    </message>
    <message>
        <source>The draft could not be kept: %1</source>
        <translation>The draft could not be kept: %1</translation>
    </message>
    <message>
        <source>Only the person who wrote this record can delete it.</source>
        <translation>Only the person who wrote this record can delete it.</translation>
    </message>
    <message>
        <source>Only the person who wrote this record can change it.</source>
        <translation>Only the person who wrote this record can change it.</translation>
    </message>
</context>
<context>
    <name>wp::client::EncounterEditor</name>
    <message>
        <source>Choose who you met, or “Unnamed / brief contact”.</source>
        <translation>Choose who you met, or “Unnamed / brief contact”.</translation>
    </message>
    <message>
        <source>That participant no longer exists.</source>
        <translation>That participant no longer exists.</translation>
    </message>
    <message>
        <source>That time is in the future: choose when the encounter took place.</source>
        <translation>That time is in the future: choose when the encounter took place.</translation>
    </message>
</context>
<context>
    <name>wp::client::EntryReaders</name>
    <message>
        <source>Only you</source>
        <translation>Only you</translation>
    </message>
    <message>
        <source>You and your supervisor</source>
        <translation>You and your supervisor</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between supervisors' names</comment>
        <translation>, </translation>
    </message>
    <message>
        <source>You and %1 (supervisor)</source>
        <translation>You and %1 (supervisor)</translation>
    </message>
    <message>
        <source>You and %1 (supervisors)</source>
        <translation>You and %1 (supervisors)</translation>
    </message>
    <message>
        <source>This device does not sync, so a shared entry stays on it until it is set up to sync.</source>
        <translation>This device does not sync, so a shared entry stays on it until it is set up to sync.</translation>
    </message>
    <message>
        <source>No supervisor is assigned to you yet, so sharing reaches no one.</source>
        <translation>No supervisor is assigned to you yet, so sharing reaches no one.</translation>
    </message>
    <message>
        <source>Your supervisor can read it once this device has synced. Switching off removes their copy, but what they have read cannot be unread.</source>
        <translation>Your supervisor can read it once this device has synced. Switching off removes their copy, but what they have read cannot be unread.</translation>
    </message>
    <message>
        <source>Switch on to share this one entry with your supervisor.</source>
        <translation>Switch on to share this one entry with your supervisor.</translation>
    </message>
    <message>
        <source>They can read it after the next sync. Switching off removes their copy, but what they have read cannot be unread.</source>
        <translation>They can read it after the next sync. Switching off removes their copy, but what they have read cannot be unread.</translation>
    </message>
    <message>
        <source>Switch on to share this one entry with %1.</source>
        <translation>Switch on to share this one entry with %1.</translation>
    </message>
</context>
<context>
    <name>wp::client::FailedChangeListModel</name>
    <message>
        <source>Saved: %1</source>
        <translation>Saved: %1</translation>
    </message>
</context>
<context>
    <name>wp::client::InsightsBoard</name>
    <message>
        <source>no rating</source>
        <translation>no rating</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>week of %1: %2 (%3)</source>
        <translation>week of %1: %2 (%3)</translation>
    </message>
    <message>
        <source>week of %1: none</source>
        <translation>week of %1: none</translation>
    </message>
    <message>
        <source>Encounters per week, last %1 weeks, %2 in all: %3.</source>
        <translation>Encounters per week, last %1 weeks, %2 in all: %3.</translation>
    </message>
    <message>
        <source>Caseload by stage: %1. Total: %2.</source>
        <translation>Caseload by stage: %1. Total: %2.</translation>
    </message>
    <message>
        <source>week of %1: wellbeing %2, stress %3</source>
        <translation>week of %1: wellbeing %2, stress %3</translation>
    </message>
    <message>
        <source>Wellbeing and stress, 1 to 5, weekly averages of %1 rated diary entries: %2.</source>
        <translation>Wellbeing and stress, 1 to 5, weekly averages of %1 rated diary entries: %2.</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>none yet</translation>
    </message>
    <message>
        <source>Self-care noted on: %1.</source>
        <translation>Self-care noted on: %1.</translation>
    </message>
</context>
<context>
    <name>wp::client::NewDeviceNotices</name>
    <message>
        <source>This device no longer waits for approval: it was approved, denied or revoked meanwhile.</source>
        <translation>This device no longer waits for approval: it was approved, denied or revoked meanwhile.</translation>
    </message>
    <message>
        <source>These are not the numbers the new device shows. Nothing was sent: check each group on the new device and type them again.</source>
        <translation>These are not the numbers the new device shows. Nothing was sent: check each group on the new device and type them again.</translation>
    </message>
    <message>
        <source>The server cannot be reached. Nothing was changed; try again when you are online.</source>
        <translation>The server cannot be reached. Nothing was changed; try again when you are online.</translation>
    </message>
    <message>
        <source>Asks to join your devices and waits for your approval.</source>
        <translation>Asks to join your devices and waits for your approval.</translation>
    </message>
    <message>
        <source>Approved: it has your keys.</source>
        <translation>Approved: it has your keys.</translation>
    </message>
    <message>
        <source>Enrolled with the recovery key. If this was not you, ask your administrator to revoke it.</source>
        <translation>Enrolled with the recovery key. If this was not you, ask your administrator to revoke it.</translation>
    </message>
    <message>
        <source>A new device asks to join: %1, %2</source>
        <translation>A new device asks to join: %1, %2</translation>
    </message>
    <message>
        <source>This device does not wait for approval.</source>
        <translation>This device does not wait for approval.</translation>
    </message>
</context>
<context>
    <name>wp::client::OfflineLeaseGate</name>
    <message>
        <source>This phone is offline: connect to the internet and try again. Nothing on this phone is lost.</source>
        <translation>This phone is offline: connect to the internet and try again. Nothing on this phone is lost.</translation>
    </message>
    <message>
        <source>The server could not be reached: %1 Nothing on this phone is lost.</source>
        <translation>The server could not be reached: %1 Nothing on this phone is lost.</translation>
    </message>
</context>
<context>
    <name>wp::client::ParticipantDetail</name>
    <message>
        <source>Consent not yet asked.</source>
        <translation>Consent not yet asked.</translation>
    </message>
    <message>
        <source>Consent given on %1.</source>
        <translation>Consent given on %1.</translation>
    </message>
    <message>
        <source>Consent given on %1: %2</source>
        <translation>Consent given on %1: %2</translation>
    </message>
    <message>
        <source>Consent withdrawn on %1.</source>
        <translation>Consent withdrawn on %1.</translation>
    </message>
    <message>
        <source>This participant could not be opened.</source>
        <translation>This participant could not be opened.</translation>
    </message>
    <message>
        <source>Say what they agreed to before recording consent.</source>
        <translation>Say what they agreed to before recording consent.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>consent state: what they agreed to</comment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Only the person who added %1 can change them.</source>
        <translation>Only the person who added %1 can change them.</translation>
    </message>
</context>
<context>
    <name>wp::client::ReviewThread</name>
    <message>
        <source>This entry is not here any more.</source>
        <translation>This entry is not here any more.</translation>
    </message>
    <message>
        <source>You</source>
        <translation>You</translation>
    </message>
    <message>
        <source>You acknowledged this</source>
        <translation>You acknowledged this</translation>
    </message>
    <message>
        <source>Write a comment first.</source>
        <translation>Write a comment first.</translation>
    </message>
</context>
<context>
    <name>wp::client::Session</name>
    <message>
        <source>After too many wrong PINs the keys on this phone were destroyed and its records cannot be read. Set up Waypoint again.</source>
        <translation>After too many wrong PINs the keys on this phone were destroyed and its records cannot be read. Set up Waypoint again.</translation>
    </message>
    <message numerus="yes">
        <source>Use at least %n characters.</source>
        <translation><numerusform>Use at least %n character.</numerusform><numerusform>Use at least %n characters.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>That is too long: at most %n characters.</source>
        <translation><numerusform>That is too long: at most %n character.</numerusform><numerusform>That is too long: at most %n characters.</numerusform></translation>
    </message>
    <message>
        <source>Choose something harder to guess than one repeated character.</source>
        <translation>Choose something harder to guess than one repeated character.</translation>
    </message>
    <message>
        <source>The two entries are different. Type the same PIN twice.</source>
        <translation>The two entries are different. Type the same PIN twice.</translation>
    </message>
    <message>
        <source>Wrong PIN.</source>
        <translation>Wrong PIN.</translation>
    </message>
    <message>
        <source>Too many wrong PINs. Wait, then try again.</source>
        <translation>Too many wrong PINs. Wait, then try again.</translation>
    </message>
    <message>
        <source>The encrypted file on this phone is damaged and cannot be opened.</source>
        <translation>The encrypted file on this phone is damaged and cannot be opened.</translation>
    </message>
    <message>
        <source>These records were written by a newer Waypoint. Update the app to open them.</source>
        <translation>These records were written by a newer Waypoint. Update the app to open them.</translation>
    </message>
    <message>
        <source>Waypoint is already open in another window.</source>
        <translation>Waypoint is already open in another window.</translation>
    </message>
    <message>
        <source>The phone is out of storage space. Free some space and try again.</source>
        <translation>The phone is out of storage space. Free some space and try again.</translation>
    </message>
    <message>
        <source>Waypoint could not open its records (%1).</source>
        <translation>Waypoint could not open its records (%1).</translation>
    </message>
    <message>
        <source>After too many wrong PINs the keys on this phone were destroyed. Set up Waypoint again.</source>
        <translation>After too many wrong PINs the keys on this phone were destroyed. Set up Waypoint again.</translation>
    </message>
    <message>
        <source>The current PIN is wrong.</source>
        <translation>The current PIN is wrong.</translation>
    </message>
    <message>
        <source>Waypoint's encrypted file is missing from this phone.</source>
        <translation>Waypoint's encrypted file is missing from this phone.</translation>
    </message>
    <message>
        <source>Waypoint's folder on this phone still holds an old encrypted file. Remove it, or set up Waypoint in another folder.</source>
        <translation>Waypoint's folder on this phone still holds an old encrypted file. Remove it, or set up Waypoint in another folder.</translation>
    </message>
    <message>
        <source>Digits in a row (like 123456) are among the first PINs anyone tries. Choose another, or a longer PIN.</source>
        <translation>Digits in a row (like 123456) are among the first PINs anyone tries. Choose another, or a longer PIN.</translation>
    </message>
    <message>
        <source>That is one of the most common PINs. Choose another, or a longer PIN.</source>
        <translation>That is one of the most common PINs. Choose another, or a longer PIN.</translation>
    </message>
    <message>
        <source>This device's keychain is not available, and Waypoint needs it to open your records.</source>
        <translation>This device's keychain is not available, and Waypoint needs it to open your records.</translation>
    </message>
    <message>
        <source>This device has no keychain Waypoint can use (%1). Without one, your records are protected by your PIN alone: someone with a copy of Waypoint's files could try every PIN on another computer.</source>
        <translation>This device has no keychain Waypoint can use (%1). Without one, your records are protected by your PIN alone: someone with a copy of Waypoint's files could try every PIN on another computer.</translation>
    </message>
    <message>
        <source>A PIN is made of digits only. To use letters or words, choose “Use a passphrase instead of digits”.</source>
        <translation>A PIN is made of digits only. To use letters or words, choose “Use a passphrase instead of digits”.</translation>
    </message>
</context>
<context>
    <name>wp::client::SyncConnection</name>
    <message>
        <source>Enter the server address.</source>
        <translation>Enter the server address.</translation>
    </message>
    <message>
        <source>Enter an address like https://sync.example.org</source>
        <translation>Enter an address like https://sync.example.org</translation>
    </message>
    <message>
        <source>Enter the enrolment code.</source>
        <translation>Enter the enrolment code.</translation>
    </message>
    <message>
        <source>An enrolment code has 16 letters and digits, like ABCD-EFGH-JKMN-PQRS.</source>
        <translation>An enrolment code has 16 letters and digits, like ABCD-EFGH-JKMN-PQRS.</translation>
    </message>
    <message>
        <source>Type the recovery key shown when your first device was set up.</source>
        <translation>Type the recovery key shown when your first device was set up.</translation>
    </message>
    <message>
        <source>That is not group %1 of your recovery key. Look at what you wrote down, or show the key again.</source>
        <translation>That is not group %1 of your recovery key. Look at what you wrote down, or show the key again.</translation>
    </message>
    <message>
        <source>Give this device a name, like “Work phone”.</source>
        <translation>Give this device a name, like “Work phone”.</translation>
    </message>
    <message numerus="yes">
        <source>Use at most %n characters.</source>
        <translation><numerusform>Use at most %n character.</numerusform><numerusform>Use at most %n characters.</numerusform></translation>
    </message>
    <message>
        <source>The name could not be saved on this phone.</source>
        <translation>The name could not be saved on this phone.</translation>
    </message>
    <message>
        <source>%1 (supervisor)</source>
        <comment>the user's name and role on the sync page</comment>
        <translation>%1 (supervisor)</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <comment>the user's name, then their organisation's</comment>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Use letters, digits and spaces.</source>
        <translation>Use letters, digits and spaces.</translation>
    </message>
    <message>
        <source>The server cannot be reached just now. Waypoint keeps asking; you can also use your recovery key.</source>
        <translation>The server cannot be reached just now. Waypoint keeps asking; you can also use your recovery key.</translation>
    </message>
    <message>
        <source>What came back is not an approval signed with your keys, so nothing was saved. Use your recovery key, and tell your administrator.</source>
        <translation>What came back is not an approval signed with your keys, so nothing was saved. Use your recovery key, and tell your administrator.</translation>
    </message>
</context>
<context>
    <name>wp::client::SyncStatus</name>
    <message>
        <source>Not enrolled</source>
        <translation>Not enrolled</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) to send</source>
        <translation><numerusform>%n change to send</numerusform><numerusform>%n changes to send</numerusform></translation>
    </message>
    <message>
        <source>Up to date, except refused changes</source>
        <translation>Up to date, except refused changes</translation>
    </message>
    <message>
        <source>Up to date</source>
        <translation>Up to date</translation>
    </message>
    <message>
        <source>Catching up with the server…</source>
        <translation>Catching up with the server…</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <source>Offline: changes wait on this phone</source>
        <translation>Offline: changes wait on this phone</translation>
    </message>
    <message>
        <source>Sync failed</source>
        <translation>Sync failed</translation>
    </message>
    <message>
        <source>Sync off</source>
        <translation>Sync off</translation>
    </message>
    <message numerus="yes">
        <source>%n to send</source>
        <translation><numerusform>%n to send</numerusform><numerusform>%n to send</numerusform></translation>
    </message>
    <message>
        <source>Synced</source>
        <translation>Synced</translation>
    </message>
    <message>
        <source>Syncing</source>
        <translation>Syncing</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Sync error</source>
        <translation>Sync error</translation>
    </message>
    <message>
        <source>Everything stays on this phone. Once your organisation enrols it, your records are kept end-to-end encrypted on the server so your other devices can sync them.</source>
        <translation>Everything stays on this phone. Once your organisation enrols it, your records are kept end-to-end encrypted on the server so your other devices can sync them.</translation>
    </message>
    <message>
        <source>Saved on this phone; Waypoint sends it in a moment.</source>
        <translation>Saved on this phone; Waypoint sends it in a moment.</translation>
    </message>
    <message>
        <source>Everything else on this phone is on the server, encrypted.</source>
        <translation>Everything else on this phone is on the server, encrypted.</translation>
    </message>
    <message>
        <source>Everything on this phone is on the server, encrypted.</source>
        <translation>Everything on this phone is on the server, encrypted.</translation>
    </message>
    <message>
        <source>The server tidied up while this phone was away: Waypoint is fetching everything again (%1 so far). Changes waiting on this phone are kept and sent.</source>
        <translation>The server tidied up while this phone was away: Waypoint is fetching everything again (%1 so far). Changes waiting on this phone are kept and sent.</translation>
    </message>
    <message>
        <source>Received %1, sent %2.</source>
        <translation>Received %1, sent %2.</translation>
    </message>
    <message>
        <source>No connection.</source>
        <translation>No connection.</translation>
    </message>
    <message>
        <source>Nothing is lost: Waypoint sends your changes when the connection returns.</source>
        <translation>Nothing is lost: Waypoint sends your changes when the connection returns.</translation>
    </message>
    <message>
        <source>Waypoint tries again automatically.</source>
        <translation>Waypoint tries again automatically.</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Not synced yet</translation>
    </message>
    <message>
        <source>Last synced today at %1</source>
        <translation>Last synced today at %1</translation>
    </message>
    <message>
        <source>Last synced %1</source>
        <translation>Last synced %1</translation>
    </message>
    <message>
        <source>One step left: the recovery key</source>
        <translation>One step left: the recovery key</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) to resolve</source>
        <translation><numerusform>%n conflict to resolve</numerusform><numerusform>%n conflicts to resolve</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s)</source>
        <translation><numerusform>%n conflict</numerusform><numerusform>%n conflicts</numerusform></translation>
    </message>
    <message>
        <source>A text was changed on this phone and on another device before they synced. Both versions are kept until you choose.</source>
        <translation>A text was changed on this phone and on another device before they synced. Both versions are kept until you choose.</translation>
    </message>
    <message>
        <source>One step left: your keys</source>
        <translation>One step left: your keys</translation>
    </message>
</context>
<context>
    <name>wp::client::TeamModel</name>
    <message>
        <source>Nothing to review</source>
        <translation>Nothing to review</translation>
    </message>
    <message numerus="yes">
        <source>%n entry(ies) to review</source>
        <translation><numerusform>%n entry to review</numerusform><numerusform>%n entries to review</numerusform></translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Not synced yet</translation>
    </message>
    <message>
        <source>Last synced just now</source>
        <translation>Last synced just now</translation>
    </message>
    <message numerus="yes">
        <source>Last synced %n min ago</source>
        <translation><numerusform>Last synced %n min ago</numerusform><numerusform>Last synced %n min ago</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Last synced %n h ago</source>
        <translation><numerusform>Last synced %n h ago</numerusform><numerusform>Last synced %n h ago</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Last synced %n day(s) ago</source>
        <translation><numerusform>Last synced %n day ago</numerusform><numerusform>Last synced %n days ago</numerusform></translation>
    </message>
    <message>
        <source>Wellbeing rising</source>
        <translation>Wellbeing rising</translation>
    </message>
    <message>
        <source>Wellbeing falling</source>
        <translation>Wellbeing falling</translation>
    </message>
    <message>
        <source>Wellbeing steady</source>
        <translation>Wellbeing steady</translation>
    </message>
    <message>
        <source>No wellbeing ratings shared</source>
        <translation>No wellbeing ratings shared</translation>
    </message>
    <message>
        <source>Too few ratings for a trend</source>
        <translation>Too few ratings for a trend</translation>
    </message>
</context>
<context>
    <name>wp::client::ToDiscussModel</name>
    <message>
        <source>your supervisor</source>
        <translation>your supervisor</translation>
    </message>
    <message>
        <source>you</source>
        <comment>raised by you</comment>
        <translation>you</translation>
    </message>
    <message>
        <source>Raised by %1</source>
        <translation>Raised by %1</translation>
    </message>
</context>
</TS>