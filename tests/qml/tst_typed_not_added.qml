// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import Waypoint
import Waypoint.Ui

// A topic, an action item or a goal typed into its field without tapping Add is not dropped:
// Save (or leaving the participant page, which has no Save) adds it exactly as Add would.
TestCase {
    id: testCase
    name: "TypedNotAdded"
    when: windowShown
    visible: true // the screens live inside the test window and must be hit-testable
    width: 360
    height: 780

    Component { id: shellComponent; Shell { anchors.fill: parent } }
    property Item shell: null

    function cleanupTestCase() {
        shell.destroy()
    }
    function initTestCase() {
        App.session.createPin("135790", "135790")
        tryCompare(App.session, "state", Session.Unlocked, 5000)
        shell = shellComponent.createObject(testCase)
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
        reveal(item)
        mouseClick(item)
        return item
    }
    function typeInto(item, text) {
        reveal(item)
        item.forceActiveFocus()
        for (const c of text)
            keyClick(c)
    }
    function savedNote() {
        const id = App.supervisionEditor.savedId
        verify(id.length > 0)
        App.supervisionEditor.load(id)
        const fields = App.supervisionEditor.fields
        App.supervisionEditor.discard()
        return fields
    }

    function test_1_typedTopicAndActionItemAreAddedOnSave() {
        Nav.open("supervision", { noteId: "" })
        const editor = page("supervisionEditor")
        typeInto(findChild(editor, "supervisor"), "Sam")
        typeInto(findChild(editor, "newTopic"), "boundaries")
        tap(editor, "addTopicButton") // one added the usual way
        typeInto(findChild(editor, "newTopic"), "court days ")
        typeInto(findChild(editor, "newActionItem"), "call the housing office")
        tap(findChild(editor, "actionOwner"), "chip_supervisor") // as Add would take it
        tap(editor, "actionButton") // Save, with both fields still holding text
        tryVerify(() => findChild(shell, "supervisionEditor") === null, 3000, "the form stayed open")
        const note = savedNote()
        compare(note.topics, ["boundaries", "court days"])
        compare(note.actionItems.length, 1)
        compare(note.actionItems[0].text, "call the housing office")
        compare(note.actionItems[0].owner, "supervisor")
    }

    function test_2_emptyOrBlankFieldsAddNothing() {
        Nav.open("supervision", { noteId: "" })
        const editor = page("supervisionEditor")
        typeInto(findChild(editor, "supervisor"), "Sam")
        typeInto(findChild(editor, "newTopic"), "   ")
        tap(editor, "saveSupervision")
        tryVerify(() => findChild(shell, "supervisionEditor") === null, 3000, "the form stayed open")
        const note = savedNote()
        compare(note.topics, [])
        compare(note.actionItems.length, 0)
    }

    function test_3_aTopicAlreadyThereIsNotTakenAwayOnSave() {
        Nav.open("supervision", { noteId: "" })
        const editor = page("supervisionEditor")
        typeInto(findChild(editor, "supervisor"), "Sam")
        typeInto(findChild(editor, "newTopic"), "rest")
        tap(editor, "addTopicButton")
        typeInto(findChild(editor, "newTopic"), "rest")
        tap(editor, "saveSupervision")
        tryVerify(() => findChild(shell, "supervisionEditor") === null, 3000, "the form stayed open")
        compare(savedNote().topics, ["rest"])
    }

    function test_4_typedGoalIsAddedWhenLeavingTheParticipant() {
        App.participantEditor.startNew("")
        App.participantEditor.setField("pseudonym", "JD")
        verify(App.participantEditor.save())
        const id = App.participantEditor.savedId
        Nav.open("participant", { participantId: id })
        const participant = page("participantPage")
        typeInto(findChild(participant, "newGoal"), "a bank account")
        tap(participant, "backButton")
        tryVerify(() => findChild(shell, "participantPage") === null, 3000, "the page stayed open")
        App.participant.load(id)
        compare(App.participant.goals.map(g => g.text), ["a bank account"])

        // A blank goal field adds nothing.
        Nav.open("participant", { participantId: id })
        typeInto(findChild(page("participantPage"), "newGoal"), "  ")
        tap(page("participantPage"), "backButton")
        tryVerify(() => findChild(shell, "participantPage") === null, 3000, "the page stayed open")
        App.participant.load(id)
        compare(App.participant.goals.length, 1)
    }
}
