// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import Waypoint
import Waypoint.Ui

// Fields that hold diary text, notes or pseudonyms ask the on-screen keyboard not to learn
// or predict what is typed: a keyboard's dictionary would otherwise keep participants'
// pseudonyms and phrases of a diary, and offer them to anyone typing on the phone.
TestCase {
    id: testCase
    name: "KeyboardPrivacy"
    when: windowShown
    visible: true
    width: 360
    height: 780

    Component { id: shellComponent; Shell { anchors.fill: parent } }
    property Item shell: null

    function initTestCase() {
        App.session.createPin("135790", "135790")
        tryCompare(App.session, "state", Session.Unlocked, 5000)
        shell = shellComponent.createObject(testCase)
    }
    function cleanupTestCase() {
        shell.destroy()
    }
    function page(name) {
        let found = null
        tryVerify(() => { found = findChild(shell, name); return found !== null && found.visible }, 3000,
                  "no screen " + name)
        tryCompare(shell, "busy", false)
        return found
    }
    function keepsNothing(root, name) {
        const field = findChild(root, name)
        verify(field !== null, "no field " + name)
        verify((field.inputMethodHints & Qt.ImhSensitiveData) !== 0, name + " lets the keyboard learn")
        verify((field.inputMethodHints & Qt.ImhNoPredictiveText) !== 0, name + " lets the keyboard predict")
    }

    function test_diaryEditorKeepsNothingInTheKeyboard() {
        Nav.open("diary", { entryId: "" })
        const editor = page("diaryEditor")
        keepsNothing(editor, "diaryText")
        for (const prompt of ["whatHappened", "howIFelt", "wentWell", "learned", "nextTime"])
            keepsNothing(editor, "prompt_" + prompt)
        Nav.home()
        tryCompare(shell, "busy", false)
    }

    function test_pseudonymFieldKeepsNothingInTheKeyboard() {
        Nav.open("newParticipant", {})
        keepsNothing(page("participantForm"), "pseudonym")
        Nav.home()
        tryCompare(shell, "busy", false)
    }

    function test_notesKeepNothingInTheKeyboard() {
        Nav.open("encounter", { participantId: "" })
        const capture = page("encounterCapture")
        for (const name of ["findParticipant", "note", "nextStep"])
            keepsNothing(capture, name)
        Nav.home()
        tryCompare(shell, "busy", false)
        Nav.open("supervision", { noteId: "" })
        const supervision = page("supervisionEditor")
        for (const name of ["notes", "wellbeingNote", "newTopic", "newActionItem", "supervisor"])
            keepsNothing(supervision, name)
        Nav.home()
        tryCompare(shell, "busy", false)
    }
}
