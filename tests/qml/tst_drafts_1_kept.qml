// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import Waypoint
import Waypoint.Ui

// Drafts are kept per record: an unsaved encounter with one participant survives starting
// another with someone else. The app is then "killed" with a form open: the next file,
// tst_drafts_2_restart.qml, starts a new App over the same folder and finds both drafts.
TestCase {
    id: testCase
    name: "DraftsKept"
    when: windowShown
    visible: true // the screens live inside the test window and must be hit-testable
    width: 360
    height: 780

    Component { id: shellComponent; Shell { anchors.fill: parent } }
    property Item shell: null

    function initTestCase() {
        App.session.createPin("135790", "135790")
        tryCompare(App.session, "state", Session.Unlocked, 5000)
        for (const name of ["Ana", "Ben"]) {
            App.participantEditor.startNew("")
            App.participantEditor.setField("pseudonym", name)
            verify(App.participantEditor.save())
        }
        shell = shellComponent.createObject(testCase)
    }
    function page(name) {
        let found = null
        tryVerify(() => { found = findChild(shell, name); return found !== null && found.visible }, 3000,
                  "no screen " + name)
        tryCompare(shell, "busy", false)
        return found
    }
    function idOf(name) {
        App.encounterEditor.startNew("")
        const key = App.encounterEditor.choices.filter(c => c.label === name)[0].key
        App.encounterEditor.discard()
        return key
    }
    function typeInto(item, text) {
        item.forceActiveFocus()
        for (const c of text)
            keyClick(c)
    }

    function test_1_anEncounterDraftPerParticipant() {
        const ana = idOf("Ana")
        const ben = idOf("Ben")
        Nav.open("encounter", { participantId: ana })
        let form = page("encounterCapture")
        typeInto(findChild(form, "note"), "for ana")
        mouseClick(findChild(form, "backButton")) // leaving keeps the draft
        tryVerify(() => findChild(shell, "encounterCapture") === null)
        tryCompare(App.today.drafts, "count", 1)

        Nav.open("encounter", { participantId: ben })
        form = page("encounterCapture")
        verify(!App.encounterEditor.restoredDraft) // Ben's is a new form; Ana's draft stays
        typeInto(findChild(form, "note"), "for ben")
        // Killed with Ben's form still open: only what already reached the disk counts.
        tryVerify(() => Harness.draftFiles() === 2, 3000, "both drafts on disk")
        Harness.handOverDataDir()
        shell.destroy()
    }
}
