<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>Caseload</name>
    <message>
        <source>Search by pseudonym</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the caseload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No one matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No participants yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try another pseudonym or clear the stage filter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the people you support with a pseudonym or initials.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add participant</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DateChips</name>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tomorrow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In 3 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In a week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In 2 weeks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A week ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Or type a date: YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DiaryEditor</name>
    <message>
        <source>Diary entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New diary entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shared with your supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Private: only you can read this</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your supervisor will see this entry after the next sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch on to share this one entry with your supervisor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share this entry with my supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your unsaved draft was restored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write freely, or use the prompts below</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diary text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guided prompts (skip any)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happened?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How did I feel?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What went well, or not?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What did I learn?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What will I do next?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How are you?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wellbeing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overwhelmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Self-care I did</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Took a break</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Talked it through</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time outside</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exercise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something I enjoy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Themes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save entry</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DiaryList</name>
    <message>
        <source>shared with supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>private</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your diary is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write about your day: what happened, how you felt, what you learned. Entries are private unless you share one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New diary entry</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Editor</name>
    <message>
        <source>Use a date like %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EncounterCapture</name>
    <message>
        <source>New encounter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your unsaved draft was restored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unnamed / brief contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else? Type a pseudonym</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find a participant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs addressed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Harm-reduction supplies given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A few words (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage after this encounter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Go with them to the housing office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referrals, advocacy, obstacles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referred to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Advocated with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Obstacles met at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Safety concern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save encounter</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRun</name>
    <message>
        <source>Welcome to Waypoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A notebook for your peer work: the people you support, your encounters, your diary and your supervision.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What it keeps, and who can see it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything stays on this phone, locked with your PIN. Without it the file is unreadable, even if the phone is lost or taken.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People you support are recorded by a pseudonym or initials, never a full name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your diary is private. Your supervisor sees an entry only if you switch on “Share” for that entry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervision notes are seen by you and your supervisor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It works with no signal. Nothing leaves this phone until a device is enrolled for sync, and then only encrypted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At least 6 digits, or a passphrase. There is no way to recover it: after 10 wrong tries everything on this phone is erased.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New PIN or passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type it again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm PIN or passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use a passphrase instead of digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You will be able to choose a recovery passphrase later, when this phone is enrolled for sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setting up…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create PIN and start</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FormPage</name>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Home</name>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caseload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search everything</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quick hide: cover the screen and lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waypoint</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NeutralScreen</name>
    <message>
        <source>No notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ParticipantForm</name>
    <message>
        <source>New participant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your unsaved draft was restored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pseudonym or initials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. JD or “Blue jacket”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never a full name: a code or initials you will recognise.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What they agreed to, in your words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow up</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ParticipantPage</name>
    <message>
        <source>Encounter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovery is not a straight line: moving back a stage is normal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No goals yet. Goals belong to the working partnership: set them together.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A goal you agreed together</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What they agreed to, in your words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent given today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record that consent was withdrawn today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encounters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No encounters recorded with %1 yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete last digit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RatingRow</name>
    <message>
        <source>%1: %2 of 5</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordText</name>
    <message>
        <source>Removed participant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervision, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Participants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encounters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diary entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervision notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tomorrow</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>In %n day(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Overdue: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow up: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No contact recorded yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last contact: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Untitled entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unnamed / brief contact</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search everything</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search your notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No participant, encounter, diary entry or supervision note contains “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Participants, encounters, diary entries and supervision notes, all in one place. Everything is searched on this phone.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Security</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock automatically after</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Waypoint also locks as soon as you leave the app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the quick-hide button</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quick-hide covers the screen with a plain page and locks Waypoint at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language and appearance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Like the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Large</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Largest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About and privacy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waypoint %1. Everything you record is kept on this phone in an encrypted file, unlocked only by your PIN. Diary entries are private unless you share them one by one. Participants are recorded by pseudonym. When sync is set up, records leave the phone end-to-end encrypted: the server cannot read them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New PIN again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm new PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changing…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShareBadge</name>
    <message>
        <source>Shared with supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Private</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SupervisionEditor</name>
    <message>
        <source>Supervision session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New supervision session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your unsaved draft was restored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Topics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove topic %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a topic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New topic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add topic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wellbeing check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How am I doing?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Struggling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Doing well</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A few words about it (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wellbeing note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diary entries to discuss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entries you share with your supervisor can be linked here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something agreed to do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New action item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who does it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add action item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What we talked about</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save session</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SupervisionList</name>
    <message numerus="yes">
        <source>%n open action(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No supervision sessions yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note the topics, how you are doing, and what you agreed to do next.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New supervision session</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Today</name>
    <message>
        <source>New encounter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New diary entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-ups due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing due. Follow-up dates you set on an encounter appear here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open action items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No open action items from supervision.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark done: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent encounters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No encounters yet. Tap “New encounter” after you meet someone.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Unlock</name>
    <message>
        <source>Waypoint is locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n digit(s) entered</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong PINs. Try again in %n second(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n attempt(s) left before everything on this phone is erased.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>I use a passphrase</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>Give the participant a pseudonym or initials.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record the date consent was given or withdrawn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The current stage must be the last one in the stage history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A goal needs a description.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A goal&apos;s target date cannot be before the date it was set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record when the encounter happened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration must be between 0 minutes and 24 hours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The follow-up date cannot be before the encounter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A stage can only be recorded for a named participant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write something, or answer at least one prompt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record when the entry was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record the date of the supervision session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An action item needs a description.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A comment belongs to a diary entry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A comment cannot be empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name the course or training.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record when the training was completed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The expiry date must be after the completion date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is too long (%2 characters, at most %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has too many items (%2, at most %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be between 1 and 5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The field %1 has a value this version does not understand.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Vocabulary</name>
    <message>
        <source>Naloxone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sterile injecting equipment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Safer smoking kit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fentanyl test strips</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sharps bin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Condoms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wound care</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>wp::client::Editor</name>
    <message>
        <source>This record could not be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some fields need a look: see the messages next to them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The draft could not be kept: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>wp::client::EncounterEditor</name>
    <message>
        <source>Choose who you met, or “Unnamed / brief contact”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That participant no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>wp::client::ParticipantDetail</name>
    <message>
        <source>Consent not yet asked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent given on %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent given on %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent withdrawn on %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This participant could not be opened.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>wp::client::Session</name>
    <message>
        <source>After too many wrong PINs the keys on this phone were destroyed and its records cannot be read. Set up Waypoint again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Use at least %n characters.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>That is too long: at most %n characters.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Choose something harder to guess than one repeated character.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two entries are different. Type the same PIN twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong PIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many wrong PINs. Wait, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The encrypted file on this phone is damaged and cannot be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These records were written by a newer Waypoint. Update the app to open them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waypoint is already open in another window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The phone is out of storage space. Free some space and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The phone&apos;s secure key storage is not available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waypoint could not open its records (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After too many wrong PINs the keys on this phone were destroyed. Set up Waypoint again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The current PIN is wrong.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>wp::client::SyncStatus</name>
    <message>
        <source>Not enrolled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up to date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline: changes wait on this phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything stays on this phone. Your organisation can enrol it so shared diary entries and supervision notes reach your supervisor, end-to-end encrypted.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
