// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import Waypoint
import Waypoint.Ui

// Every record can be put right: an encounter tapped in a list opens; its time and note are
// changed and saved, and the lists show the new values; deleting asks first, Cancel keeps it,
// Delete removes it; a colleague's encounter offers neither. Goals, topics and action items
// are edited and removed (asked first) where they are listed.
TestCase {
    id: testCase
    name: "EditRecords"
    when: windowShown
    visible: true // the screens live inside the test window and must be hit-testable
    width: 360
    height: 780

    Component { id: shellComponent; Shell { anchors.fill: parent } }
    property Item shell: null
    property string participantId: ""

    function cleanupTestCase() {
        shell.destroy()
    }
    function initTestCase() {
        App.session.createPin("135790", "135790")
        tryCompare(App.session, "state", Session.Unlocked, 5000)
        shell = shellComponent.createObject(testCase)
        App.participantEditor.startNew("")
        App.participantEditor.setField("pseudonym", "JD")
        verify(App.participantEditor.save())
        participantId = App.participantEditor.savedId
    }
    // Back to the tabs, the pushed screens gone (not only leaving), so the next test finds
    // the screens it opens.
    function cleanup() {
        Nav.home()
        tryCompare(shell, "depth", 1)
        tryCompare(shell, "busy", false)
        for (const name of ["participantPage", "encounterCapture", "supervisionEditor",
                            "diaryEditor", "searchPage"])
            tryVerify(() => findChild(shell, name) === null, 3000, name + " stayed")
    }
    function page(name) {
        let found = null
        tryVerify(() => { found = findChild(shell, name); return found !== null && found.visible }, 3000,
                  "no screen " + name)
        tryCompare(shell, "busy", false) // the push transition has finished
        return found
    }
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
        verify(item.visible, name + " is hidden")
        reveal(item)
        mouseClick(item)
        return item
    }
    function typeInto(item, text) {
        reveal(item)
        item.forceActiveFocus()
        item.selectAll()
        for (const c of text)
            keyClick(c)
    }
    // A saved encounter with JD, as the capture form saves it.
    function addEncounter(note) {
        App.encounterEditor.startNew(participantId)
        App.encounterEditor.setField("place", "outreach")
        App.encounterEditor.setField("note", note)
        verify(App.encounterEditor.save())
        return App.encounterEditor.savedId
    }
    function openFromParticipant(id) {
        Nav.open("participant", { participantId: participantId })
        const participant = page("participantPage")
        tap(participant, "encounter_" + id)
        return page("encounterCapture")
    }

    function test_1_tappingAnEncounterOpensIt() {
        const id = addEncounter("first meeting at the bridge")
        // From the participant's timeline.
        let form = openFromParticipant(id)
        compare(form.title, "Encounter")
        verify(App.encounterEditor.isOpenOn(id))
        compare(App.encounterEditor.fields.note, "first meeting at the bridge")
        verify(findChild(form, "deleteEncounter").visible)
        cleanup()
        // From Today's recent encounters.
        tap(shell, "recentEncounter_" + id)
        form = page("encounterCapture")
        verify(App.encounterEditor.isOpenOn(id))
        cleanup()
        // From search.
        Nav.open("search", {})
        const search = page("searchPage")
        findChild(search, "searchField").text = "bridge"
        tryVerify(() => App.search.results.count === 1, 3000)
        const list = findChild(search, "searchResults")
        tryVerify(() => list.itemAtIndex(0) !== null, 3000)
        mouseClick(list.itemAtIndex(0))
        page("encounterCapture")
        verify(App.encounterEditor.isOpenOn(id))
    }

    function test_2_editTimeAndNoteThenTheListsShowThem() {
        const id = addEncounter("tea")
        const form = openFromParticipant(id)
        const when = findChild(form, "whenChips")
        tap(when, "chip_other")
        const picker = findChild(form, "timePicker")
        tryCompare(picker, "opened", true)
        tap(findChild(picker, "timeDayChips"), "chip_yesterday")
        findChild(picker, "hourWheel").currentIndex = 10
        findChild(picker, "minuteWheel").currentIndex = 15
        tap(picker, "setTime")
        tryCompare(picker, "visible", false)
        typeInto(findChild(form, "note"), "tea and the housing form")
        tap(form, "actionButton") // Save
        tryVerify(() => findChild(shell, "encounterCapture") === null, 3000, "the form stayed open")

        // The same record, changed: the timeline shows the new time and note.
        const participant = page("participantPage")
        const card = findChild(participant, "encounter_" + id)
        verify(card !== null, "the encounter left the timeline")
        tryVerify(() => card.title.indexOf("10:15") >= 0, 3000, card.title)
        verify(card.title.indexOf("Yesterday") >= 0, card.title)
        compare(card.extra, "tea and the housing form")
        App.encounterEditor.load(id)
        const saved = new Date(App.encounterEditor.fields.occurredAt)
        compare(saved.getHours(), 10)
        compare(saved.getMinutes(), 15)
        App.encounterEditor.discard()
    }

    function test_3_deleteAsksCancelKeepsConfirmRemoves() {
        const id = addEncounter("to be deleted")
        const before = App.today.recentEncounters.count
        let form = openFromParticipant(id)
        tap(form, "deleteEncounter")
        const dialog = findChild(form, "deleteEncounterDialog")
        tryCompare(dialog, "opened", true)
        verify(dialog.text.indexOf("JD") >= 0, dialog.text) // it names what goes
        // Its buttons are at the bottom, where a thumb reaches, and big enough for it.
        const confirm = findChild(dialog, "confirmButton")
        verify(confirm.height >= 48)
        verify(confirm.mapToItem(null, 0, 0).y > testCase.height / 2)
        mouseClick(findChild(dialog, "cancelConfirm"))
        tryCompare(dialog, "visible", false)
        verify(findChild(shell, "encounterCapture") !== null)
        verify(App.encounterEditor.isOpenOn(id))
        compare(App.today.recentEncounters.count, before)

        tap(form, "deleteEncounter")
        tryCompare(dialog, "opened", true)
        mouseClick(findChild(dialog, "confirmButton"))
        tryVerify(() => findChild(shell, "encounterCapture") === null, 3000, "the form stayed open")
        const participant = page("participantPage")
        tryVerify(() => findChild(participant, "encounter_" + id) === null, 3000,
                  "the deleted encounter is still listed")
        compare(App.today.recentEncounters.count, before - 1)
        App.encounterEditor.load(id)
        verify(!App.encounterEditor.isOpenOn(id)) // gone from the store
    }

    function test_4_aColleaguesEncounterIsShownNotChanged() {
        const id = Harness.encounterFromColleague(participantId)
        verify(id.length > 0)
        const form = openFromParticipant(id)
        verify(App.encounterEditor.isOpenOn(id))
        verify(!App.encounterEditor.canChange)
        verify(findChild(form, "notYours").visible)
        verify(!findChild(form, "deleteEncounter").visible)
        verify(!findChild(form, "saveEncounter").visible)
        verify(!findChild(form, "actionButton").visible)
        verify(!App.encounterEditor.remove())
    }

    // A colleague's participant: their page reads, and nothing on it changes them.
    function test_4b_aColleaguesParticipantIsShownNotChanged() {
        const id = Harness.participantFromColleague("Wren")
        verify(id.length > 0)
        Nav.open("participant", { participantId: id })
        const detail = page("participantPage")
        tryCompare(App.participant, "participantId", id)
        verify(!App.participant.canChange)
        verify(findChild(detail, "notYours").visible)
        verify(!findChild(detail, "stageChips").enabled)
        verify(!findChild(detail, "deleteParticipantButton").visible)
        verify(!findChild(detail, "renameParticipantButton").visible)
        verify(!findChild(detail, "giveConsentButton").visible)
        verify(!findChild(detail, "newGoal").visible)
        verify(!App.participant.moveToStage("partnership"))
        verify(!App.participant.erase())
        App.participant.load(id)
        compare(App.participant.pseudonym, "Wren") // still there
    }

    // A pseudonym put right: the page, its title and the caseload show the new one.
    function test_4c_aParticipantIsRenamed() {
        App.participantEditor.startNew("")
        App.participantEditor.setField("pseudonym", "Jy")
        verify(App.participantEditor.save())
        const mine = App.participantEditor.savedId
        Nav.open("participant", { participantId: mine })
        const detail = page("participantPage")
        tryCompare(App.participant, "participantId", mine)
        tap(detail, "renameParticipantButton")
        const dialog = findChild(detail, "renameDialog")
        tryCompare(dialog, "opened", true)
        verify(!findChild(dialog, "removeEntry").visible)
        const field = findChild(dialog, "entryField")
        compare(field.text, "Jy")
        field.selectAll()
        keyClick(Qt.Key_Backspace)
        typeInto(field, "Jay")
        tap(dialog, "saveEntry")
        tryCompare(App.participant, "pseudonym", "Jay")
        compare(detail.title, "Jay")
        App.participant.load(mine)
        compare(App.participant.pseudonym, "Jay")
    }

    function test_5_aGoalIsEditedAndRemovedAfterAsking() {
        App.participant.load(participantId)
        verify(App.participant.addGoal("a bank acount"))
        Nav.open("participant", { participantId: participantId })
        const participant = page("participantPage")
        const dialog = findChild(participant, "goalDialog")
        tap(participant, "editGoal_a bank acount")
        tryCompare(dialog, "opened", true)
        const field = findChild(dialog, "entryField")
        compare(field.text, "a bank acount")
        typeInto(field, "a bank account")
        mouseClick(findChild(dialog, "saveEntry"))
        tryCompare(dialog, "visible", false)
        compare(App.participant.goals.map(g => g.text), ["a bank account"])

        tap(participant, "editGoal_a bank account")
        tryCompare(dialog, "opened", true)
        mouseClick(findChild(dialog, "removeEntry"))
        const confirm = findChild(participant, "confirmRemove")
        tryCompare(confirm, "opened", true)
        verify(confirm.text.indexOf("a bank account") >= 0, confirm.text)
        mouseClick(findChild(confirm, "cancelConfirm"))
        tryCompare(confirm, "visible", false)
        compare(App.participant.goals.length, 1)

        tap(participant, "editGoal_a bank account")
        tryCompare(dialog, "opened", true)
        mouseClick(findChild(dialog, "removeEntry"))
        tryCompare(confirm, "opened", true)
        mouseClick(findChild(confirm, "confirmButton"))
        tryCompare(App.participant.goals, "length", 0)
        App.participant.load(participantId)
        compare(App.participant.goals.length, 0)
    }

    function test_6_topicsAndActionItemsAreEditedAndRemoved() {
        App.supervisionEditor.startNew("")
        App.supervisionEditor.setField("supervisor", "Sam")
        App.supervisionEditor.toggle("topics", "boundries")
        App.supervisionEditor.toggle("topics", "rest")
        App.supervisionEditor.addActionItem("call the housing ofice", "worker", "")
        App.supervisionEditor.addActionItem("read the leaflet", "worker", "")
        verify(App.supervisionEditor.save())
        const noteId = App.supervisionEditor.savedId
        Nav.open("supervision", { noteId: noteId })
        const editor = page("supervisionEditor")
        const dialog = findChild(editor, "entryDialog")
        const confirm = findChild(editor, "confirmRemove")

        tap(editor, "topic_boundries")
        tryCompare(dialog, "opened", true)
        typeInto(findChild(dialog, "entryField"), "boundaries")
        mouseClick(findChild(dialog, "saveEntry"))
        tryCompare(dialog, "visible", false)
        tap(editor, "topic_rest")
        tryCompare(dialog, "opened", true)
        mouseClick(findChild(dialog, "removeEntry"))
        tryCompare(confirm, "opened", true)
        mouseClick(findChild(confirm, "confirmButton"))
        tryCompare(confirm, "visible", false)

        tap(editor, "editActionItem_0")
        tryCompare(dialog, "opened", true)
        compare(findChild(dialog, "entryField").text, "call the housing ofice")
        typeInto(findChild(dialog, "entryField"), "call the housing office")
        mouseClick(findChild(dialog, "saveEntry"))
        tryCompare(dialog, "visible", false)
        tap(editor, "editActionItem_1")
        tryCompare(dialog, "opened", true)
        mouseClick(findChild(dialog, "removeEntry"))
        tryCompare(confirm, "opened", true)
        verify(confirm.text.indexOf("read the leaflet") >= 0, confirm.text)
        mouseClick(findChild(confirm, "confirmButton"))
        tryCompare(confirm, "visible", false)

        tap(editor, "actionButton") // Save
        tryVerify(() => findChild(shell, "supervisionEditor") === null, 3000, "the form stayed open")
        App.supervisionEditor.load(noteId)
        const f = App.supervisionEditor.fields
        App.supervisionEditor.discard()
        compare(f.topics, ["boundaries"])
        compare(f.actionItems.length, 1)
        compare(f.actionItems[0].text, "call the housing office")
    }

    function test_7_aDiaryEntryIsDeletedAfterAsking() {
        App.diaryEditor.startNew("")
        App.diaryEditor.setField("text", "a day to forget")
        verify(App.diaryEditor.save())
        const id = App.diaryEditor.savedId
        const before = App.diary.count
        Nav.open("diary", { entryId: id })
        const editor = page("diaryEditor")
        tap(editor, "deleteDiary")
        const dialog = findChild(editor, "deleteDiaryDialog")
        tryCompare(dialog, "opened", true)
        mouseClick(findChild(dialog, "confirmButton"))
        tryVerify(() => findChild(shell, "diaryEditor") === null, 3000, "the form stayed open")
        tryCompare(App.diary, "count", before - 1)
    }
}
