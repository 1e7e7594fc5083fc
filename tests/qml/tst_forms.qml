// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import Waypoint
import Waypoint.Ui

// Participant form and page (validation, stage moves back in one tap, consent) and encounter
// capture, with its taps counted.
TestCase {
    id: testCase
    name: "Forms"
    when: windowShown
    visible: true // the screens live inside the test window and must be hit-testable
    width: 360
    height: 780

    Component { id: shellComponent; Shell { anchors.fill: parent } }
    property Item shell: null
    property int taps: 0

    function cleanupTestCase() {
        shell.destroy()
    }

    function initTestCase() {
        App.session.createPin("135790", "135790")
        tryCompare(App.session, "state", Session.Unlocked, 5000)
        shell = shellComponent.createObject(testCase)
        verify(shell !== null)
    }

    function goHome(tab) {
        Nav.home()
        Nav.tab(tab)
        tryCompare(shell, "busy", false)
    }
    function page(name) {
        let found = null
        tryVerify(() => { found = findChild(shell, name); return found !== null && found.visible }, 3000,
                  "no screen " + name)
        tryCompare(shell, "busy", false) // the push transition has finished
        return found
    }
    // Brings an item of a scrolling form into view, as a thumb swipe would (not a tap).
    function reveal(item) {
        let flick = item.parent
        while (flick && flick.contentY === undefined)
            flick = flick.parent
        if (!flick)
            return
        const y = item.mapToItem(flick.contentItem, 0, 0).y
        if (y < flick.contentY || y + item.height > flick.contentY + flick.height)
            flick.contentY = Math.max(0, Math.min(y - 80, flick.contentHeight - flick.height))
        wait(20)
    }
    function tap(root, name) {
        const item = findChild(root, name)
        verify(item !== null, "no item " + name)
        reveal(item)
        mouseClick(item)
        taps += 1
        return item
    }
    function typeInto(item, text) {
        reveal(item)
        item.forceActiveFocus()
        for (const c of text)
            keyClick(c)
    }

    function test_1_participantNeedsAPseudonym() {
        Nav.open("newParticipant", {})
        const form = page("participantForm")
        tap(form, "actionButton")
        verify(findChild(form, "pseudonymError").text.length > 0)
        typeInto(findChild(form, "pseudonym"), "rb")
        compare(findChild(form, "pseudonymError").text, "")
        tap(form, "actionButton")
        const detail = page("participantPage")
        compare(detail.title, "rb")
        compare(findChild(detail, "currentStage").text, "Creating a safe place")
    }

    function test_2_stageMovesForwardAndBackInOneTapEach() {
        const detail = page("participantPage")
        const stages = findChild(detail, "stageChips")
        taps = 0
        tap(stages, "chip_partnership")
        tryCompare(findChild(detail, "currentStage"), "text", "Working partnership")
        tap(stages, "chip_safe_place")
        tryCompare(findChild(detail, "currentStage"), "text", "Creating a safe place")
        compare(taps, 2)
        compare(App.participant.stageHistory.length, 3)

        // A tap by mistake is taken back at once and leaves no entry in the history.
        tap(stages, "chip_stepping_out")
        tryVerify(() => findChild(detail, "stageUndoBar").visible)
        compare(App.participant.stageHistory.length, 4)
        tap(detail, "undoStage")
        tryCompare(findChild(detail, "currentStage"), "text", "Creating a safe place")
        compare(App.participant.stageHistory.length, 3)
        verify(!findChild(detail, "stageUndoBar").visible)
    }

    function test_3_consentIsGivenThenWithdrawn() {
        const detail = page("participantPage")
        typeInto(findChild(detail, "consentScope"), "notes only")
        tap(detail, "giveConsentButton")
        tryVerify(() => findChild(detail, "consentState").text.indexOf("notes only") >= 0)
        // Withdrawing asks first, saying it erases, and can be undone for a few seconds.
        tap(detail, "withdrawConsentButton")
        const dialog = findChild(detail, "eraseDialog")
        tryCompare(dialog, "opened", true)
        verify(findChild(dialog, "erasureText").text.indexOf("rb and 0 encounters will be removed") === 0)
        tap(dialog, "confirmErase")
        tryCompare(dialog, "visible", false) // the modal overlay has gone
        tryVerify(() => findChild(detail, "withdrawalUndoBar").visible)
        tap(detail, "undoWithdrawal")
        verify(!findChild(detail, "withdrawalUndoBar").visible)
        wait(200)
        compare(App.participant.pseudonym, "rb") // still there, consent as it was
        verify(findChild(detail, "consentState").text.indexOf("notes only") >= 0)
        compare(App.participant.consentHistory.length, 1)
        verify(!findChild(detail, "consentHistory").visible)

        // What they agreed to changes: both stay in the consent history, newest first.
        const id = App.participant.participantId
        App.participantEditor.load(id)
        App.participantEditor.setSubField("consent", "scope", "notes and referrals")
        verify(App.participantEditor.save())
        App.participant.load(id)
        tryVerify(() => App.participant.consentHistory.length === 2)
        verify(App.participant.consentHistory[0].text.indexOf("notes and referrals") >= 0)
        verify(App.participant.consentHistory[1].text.indexOf("notes only") >= 0)
        verify(findChild(detail, "consentHistory").visible)
        goHome(0)
    }

    function test_4_encounterNeedsSomeone() {
        Nav.open("encounter", { participantId: "" })
        const form = page("encounterCapture")
        tap(form, "actionButton")
        verify(findChild(form, "formError").text.length > 0)
        compare(App.today.recentEncounters.count, 0)
        findChild(form, "backButton").clicked()
        App.encounterEditor.discard()
    }

    // A typical encounter: someone met before, where, two needs, naloxone, how long, the
    // stage after, a follow-up in a week, save. Typing is optional; every tap is counted.
    function test_5_typicalEncounterTakesTenTaps() {
        goHome(0)
        const before = App.today.recentEncounters.count
        taps = 0
        tap(shell, "newEncounterButton")
        const form = page("encounterCapture")
        const who = findChild(form, "participantChips")
        const rb = App.encounterEditor.choices.filter(c => c.label === "rb")[0]
        verify(rb !== undefined)
        tap(who, "chip_" + rb.key)
        tap(findChild(form, "placeChips"), "chip_drop_in")
        tap(findChild(form, "needChips"), "chip_housing")
        tap(findChild(form, "needChips"), "chip_harm_reduction")
        tap(findChild(form, "supplyChips"), "chip_naloxone")
        tap(findChild(form, "durationChips"), "chip_15")
        tap(findChild(form, "stageAfterChips"), "chip_partnership")
        tap(findChild(form, "followUp"), "followUp_7")
        tap(form, "actionButton")
        tryCompare(App.today.recentEncounters, "count", before + 1)
        compare(taps, 10)

        App.participant.load(rb.key)
        compare(App.participant.stageKey, "partnership")
        compare(App.participant.encounters.count, 1)
        verify(App.today.followUps !== null)
    }

    // In French every validation message is French, the field's name included.
    function test_6_validationMessagesAreFrenchInFrench() {
        goHome(0)
        App.preferences.language = "fr"
        const englishKey = /\b(pseudonym|nextStep|whatHappened|supervisor|too long)\b/
        Nav.open("newParticipant", {})
        const form = page("participantForm")
        App.participantEditor.setField("pseudonym", "x".repeat(80))
        tap(form, "actionButton")
        const message = findChild(form, "pseudonymError").text
        verify(message.indexOf("Pseudonyme") === 0, message)
        verify(message.indexOf("trop long") > 0, message)
        verify(!englishKey.test(message), message)
        App.participantEditor.discard()
        findChild(form, "backButton").clicked()

        Nav.open("encounter", { participantId: "" })
        const capture = page("encounterCapture")
        App.encounterEditor.setField("participantId", "brief")
        App.encounterEditor.setField("nextStep", "y".repeat(600))
        tap(capture, "actionButton")
        const nextStep = findChild(capture, "nextStepError").text
        verify(nextStep.indexOf("Prochaine étape") === 0, nextStep)
        verify(!englishKey.test(nextStep), nextStep)
        verify(!englishKey.test(findChild(capture, "formError").text))
        App.encounterEditor.discard()
        findChild(capture, "backButton").clicked()
        App.preferences.language = "en"
        goHome(0)
    }

    // The time of an encounter: earlier today in one tap, or picked on the wheels (yesterday
    // included); a time still to come is refused, with a message saying why.
    function test_7_encounterTimeIsEarlierTodayOrPickedNeverInTheFuture() {
        goHome(0)
        const before = App.today.recentEncounters.count
        Nav.open("encounter", { participantId: "" })
        const form = page("encounterCapture")
        const when = findChild(form, "whenChips")
        App.encounterEditor.setField("participantId", "brief")
        tap(when, "chip_60")
        const hourAgo = new Date(App.encounterEditor.fields.occurredAt).getTime()
        verify(Math.abs(Date.now() - 3600000 - hourAgo) < 60000, App.encounterEditor.fields.occurredAt)

        tap(when, "chip_other")
        const picker = findChild(form, "timePicker")
        tryCompare(picker, "opened", true)
        const hours = findChild(picker, "hourWheel")
        const minutes = findChild(picker, "minuteWheel")
        const now = new Date()
        if (now.getHours() < 23) {
            hours.currentIndex = now.getHours() + 1
            verify(findChild(picker, "timeInFuture").text.length > 0)
            verify(!findChild(picker, "setTime").enabled)
        }
        tap(findChild(picker, "timeDayChips"), "chip_yesterday")
        hours.currentIndex = 10
        minutes.currentIndex = 15
        compare(findChild(picker, "timeInFuture").text, "")
        tap(picker, "setTime")
        tryCompare(picker, "visible", false)
        const picked = new Date(App.encounterEditor.fields.occurredAt)
        compare(picked.getHours(), 10)
        compare(picked.getMinutes(), 15)
        compare(picked.getDate(), new Date(Date.now() - 86400000).getDate())
        verify(when.title.indexOf("Yesterday") >= 0, when.title)

        // In the future (a phone's clock put right meanwhile, a draft from another device).
        App.encounterEditor.setTime(new Date(Date.now() + 2 * 3600000))
        tap(form, "actionButton")
        verify(when.error.indexOf("future") >= 0, when.error)
        compare(App.today.recentEncounters.count, before)
        tap(when, "chip_now")
        compare(when.error, "")
        tap(form, "actionButton")
        tryCompare(App.today.recentEncounters, "count", before + 1)
        goHome(0)
    }

    // Someone met for the first time: typed, offered, added and chosen in one tap, without
    // leaving the form; a name already in the caseload is not offered again.
    function test_8_aNewPersonIsAddedFromEncounterCapture() {
        goHome(0)
        const caseloadBefore = App.caseload.count
        const before = App.today.recentEncounters.count
        Nav.open("encounter", { participantId: "" })
        const form = page("encounterCapture")
        const search = findChild(form, "findParticipant")
        const offer = findChild(form, "addTypedParticipant")
        typeInto(search, "rb")
        verify(!offer.visible)
        search.selectAll()
        keyClick(Qt.Key_Backspace)
        typeInto(search, "Mo")
        tryCompare(offer, "visible", true)
        compare(offer.text, "Add \u201cMo\u201d as a new participant")
        taps = 0
        tap(form, "addTypedParticipant")
        compare(taps, 1)
        compare(findChild(shell, "encounterCapture"), form)
        verify(form.visible)
        const mo = App.encounterEditor.choices.filter(c => c.label === "Mo")[0]
        verify(mo !== undefined)
        compare(App.encounterEditor.fields.participantId, mo.key)
        verify(findChild(findChild(form, "participantChips"), "chip_" + mo.key).checked)
        verify(!offer.visible)
        tryCompare(App.caseload, "count", caseloadBefore + 1)
        tap(form, "actionButton")
        tryCompare(App.today.recentEncounters, "count", before + 1)
        App.participant.load(mo.key)
        compare(App.participant.encounters.count, 1)
        goHome(0)
    }

    // "Never a full name": two capitalised words are warned about, in the participant form and
    // in the offer to add someone; the worker can still save.
    function test_9_aFullNameIsWarnedAboutButCanBeSaved() {
        Nav.open("newParticipant", {})
        const form = page("participantForm")
        const warning = findChild(form, "pseudonymWarning")
        typeInto(findChild(form, "pseudonym"), "Mary")
        compare(warning.text, "")
        typeInto(findChild(form, "pseudonym"), " Smith")
        verify(warning.visible)
        verify(warning.text.indexOf("full name") >= 0, warning.text)
        tap(form, "actionButton")
        const detail = page("participantPage")
        compare(detail.title, "Mary Smith")
        goHome(0)

        Nav.open("encounter", { participantId: "" })
        const capture = page("encounterCapture")
        const offerWarning = findChild(capture, "newPseudonymWarning")
        typeInto(findChild(capture, "findParticipant"), "Jo")
        verify(!offerWarning.visible)
        typeInto(findChild(capture, "findParticipant"), " Bloggs")
        tryCompare(offerWarning, "visible", true)
        verify(offerWarning.text.indexOf("full name") >= 0, offerWarning.text)
        verify(findChild(capture, "addTypedParticipant").enabled)
        findChild(capture, "backButton").clicked()
        App.encounterEditor.discard()
        goHome(0)
    }

    // Dates read the same everywhere: the locale's short format, in French too, never ISO.
    // A date typed that way is understood.
    function test_9a_datesUseTheLocaleFormatNeverIso() {
        Nav.open("supervision", { noteId: "" })
        const editor = page("supervisionEditor")
        const iso = /\d{4}-\d{2}-\d{2}/
        const heldOn = findChild(editor, "heldOn_typed")
        tap(findChild(editor, "heldOn"), "heldOn_-7")
        const weekAgo = new Date(Date.now() - 7 * 86400000)
        verify(!iso.test(heldOn.text), heldOn.text)
        compare(heldOn.text, Qt.formatDate(weekAgo, Qt.locale().dateFormat(Locale.ShortFormat)))
        verify(!iso.test(heldOn.placeholderText), heldOn.placeholderText)

        typeInto(findChild(editor, "newActionItem"), "call the GP")
        tap(findChild(editor, "actionDue"), "actionDue_7")
        tap(editor, "addActionButton")
        const items = App.supervisionEditor.fields.actionItems
        compare(items.length, 1)
        const due = findChild(editor, "actionItemDue_0")
        verify(due.text.indexOf(App.dateText(items[0].due)) > 0, due.text)
        verify(!iso.test(due.text), due.text)

        // Typed as the worker reads dates: 25/12/2025 is Christmas Day.
        heldOn.selectAll()
        keyClick(Qt.Key_Backspace)
        typeInto(heldOn, "25/12/2025")
        keyClick(Qt.Key_Tab)
        compare(App.supervisionEditor.fields.heldOn, "2025-12-25")
        compare(heldOn.text, "25/12/2025")

        App.preferences.language = "fr"
        verify(!iso.test(heldOn.text), heldOn.text)
        App.preferences.language = "en"
        App.supervisionEditor.discard()
        findChild(editor, "backButton").clicked()
        goHome(0)
    }

    // Search covers the place of an encounter, and its field is ready to type into.
    function test_9b_searchHasFocusAndFindsAPlace() {
        Nav.open("encounter", { participantId: "" })
        const form = page("encounterCapture")
        App.encounterEditor.setField("participantId", "brief")
        tap(findChild(form, "placeChips"), "chip_hospital")
        tap(form, "actionButton")
        tryVerify(() => findChild(shell, "encounterCapture") === null)
        goHome(0)

        Nav.open("search", {})
        const search = page("searchPage")
        const field = findChild(search, "searchField")
        tryCompare(field, "activeFocus", true)
        for (const c of "hospital")
            keyClick(c)
        const results = findChild(search, "searchResults")
        tryVerify(() => results.count >= 1, 3000)
        compare(App.search.results.value(0, 256 + 3), "Encounters") // KindLabelRole
        field.text = ""
        goHome(0)
    }

    // "Add" looks ready to tap exactly when it is.
    function test_9c_addButtonsLookEnabledWhenTheyAre() {
        Nav.open("supervision", { noteId: "" })
        const editor = page("supervisionEditor")
        const add = findChild(editor, "addTopicButton")
        verify(!add.enabled)
        verify(!add.highlighted)
        typeInto(findChild(editor, "newTopic"), "caseload")
        verify(add.enabled)
        verify(add.highlighted)
        App.supervisionEditor.discard()
        findChild(editor, "backButton").clicked()
        goHome(0)
    }

    // A PIN change says it worked.
    function test_9d_aChangedPinIsConfirmed() {
        Nav.open("settings", {})
        const settings = page("settingsPage")
        const note = findChild(settings, "pinChangedNote")
        verify(!note.visible)
        tap(settings, "changePinButton")
        const dialog = findChild(settings, "changePinDialog")
        tryCompare(dialog, "opened", true)
        findChild(dialog, "oldPin").text = "135790"
        findChild(dialog, "changeNewPin").text = "864209"
        findChild(dialog, "changeConfirmPin").text = "864209"
        tap(dialog, "confirmChangePin")
        tryCompare(dialog, "visible", false, 10000)
        tryCompare(note, "visible", true)
        verify(note.text.indexOf("PIN changed") === 0, note.text)
        goHome(0)
    }

    function newParticipant(name) {
        App.participantEditor.startNew("")
        App.participantEditor.setField("pseudonym", name)
        verify(App.participantEditor.save())
        return App.participantEditor.savedId
    }

    // Delete asks first, naming who and how many encounters go, and takes them away at once.
    function test_9e_deleteParticipantAsksThenErases() {
        goHome(0)
        const id = newParticipant("Kit")
        App.encounterEditor.startNew(id)
        App.encounterEditor.setField("note", "kettle")
        verify(App.encounterEditor.save())
        Nav.open("participant", { participantId: id })
        const detail = page("participantPage")
        compare(App.participant.encounterCount, 1)
        tap(detail, "deleteParticipantButton")
        const dialog = findChild(detail, "eraseDialog")
        tryCompare(dialog, "opened", true)
        compare(findChild(dialog, "erasureText").text,
                "Kit and 1 encounter will be removed from this phone and, after sync, from your other devices and the server. This cannot be undone.")
        tap(dialog, "keepParticipant") // cancel: nothing happens
        tryCompare(dialog, "visible", false)
        compare(App.participant.participantId, id)
        tap(detail, "deleteParticipantButton")
        tryCompare(dialog, "opened", true)
        tap(dialog, "confirmErase")
        tryCompare(App.participant, "participantId", "")
        tryCompare(shell, "busy", false)
        App.participant.load(id)
        verify(App.participant.errorString.length > 0) // gone
        goHome(0)
    }

    // A withdrawal not undone erases when its time is up.
    function test_9f_withdrawalErasesWhenNotUndone() {
        goHome(0)
        const id = newParticipant("Wren")
        Nav.open("participant", { participantId: id })
        const detail = page("participantPage")
        // Consent given needs its scope first.
        verify(!findChild(detail, "giveConsentButton").enabled)
        verify(!App.participant.giveConsent("  "))
        typeInto(findChild(detail, "consentScope"), "notes")
        tap(detail, "giveConsentButton")
        tryVerify(() => findChild(detail, "withdrawConsentButton").visible)
        tap(detail, "withdrawConsentButton")
        const dialog = findChild(detail, "eraseDialog")
        tryCompare(dialog, "opened", true)
        tap(dialog, "confirmErase")
        tryVerify(() => findChild(detail, "withdrawalUndoBar").visible)
        tryCompare(App.participant, "participantId", "", 15000)
        App.participant.load(id)
        verify(App.participant.errorString.length > 0)
        goHome(0)
    }
}
