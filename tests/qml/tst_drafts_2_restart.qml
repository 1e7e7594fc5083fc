// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import Waypoint
import Waypoint.Ui

// The app after tst_drafts_1_kept.qml was killed (a new engine and App over its folder): both
// drafts are listed on Today, one resumes with its text, the other is discarded after asking.
TestCase {
    id: testCase
    name: "DraftsAfterRestart"
    when: windowShown
    visible: true
    width: 360
    height: 780

    Component { id: shellComponent; Shell { anchors.fill: parent } }
    property Item shell: null

    function cleanupTestCase() {
        shell.destroy()
    }

    function initTestCase() {
        compare(App.session.state, Session.Locked, "runs after tst_drafts_1_kept.qml")
        App.session.unlock("135790")
        tryCompare(App.session, "state", Session.Unlocked, 5000)
        shell = shellComponent.createObject(testCase)
    }
    function page(name) {
        let found = null
        tryVerify(() => { found = findChild(shell, name); return found !== null && found.visible }, 3000,
                  "no screen " + name)
        tryCompare(shell, "busy", false)
        return found
    }
    function draftCard(pseudonym) {
        const list = findChild(shell, "draftList")
        for (let i = 0; i < list.children.length; ++i) {
            const row = list.children[i]
            if (row.title !== undefined && row.title.indexOf(pseudonym) === 0)
                return row
        }
        return null
    }

    function test_1_bothDraftsAreListedAndOneResumes() {
        tryCompare(App.today.drafts, "count", 2)
        tryVerify(() => draftCard("Ana") !== null && draftCard("Ben") !== null)
        verify(draftCard("Ana").title.indexOf("for ana") > 0)
        verify(draftCard("Ben").title.indexOf("for ben") > 0)

        mouseClick(draftCard("Ana").children[0])
        const form = page("encounterCapture")
        verify(App.encounterEditor.restoredDraft)
        compare(findChild(form, "note").text, "for ana")
        mouseClick(findChild(form, "actionButton")) // saved: the draft is gone
        tryVerify(() => findChild(shell, "encounterCapture") === null)
        tryCompare(App.today.drafts, "count", 1)
        compare(Harness.draftFiles(), 1)
    }

    function test_2_discardAsksFirst() {
        mouseClick(draftCard("Ben").children[1])
        const dialog = findChild(shell, "discardDraftDialog")
        tryCompare(dialog, "opened", true)
        mouseClick(findChild(dialog.footer, "confirmDiscard"))
        tryCompare(App.today.drafts, "count", 0)
        compare(Harness.draftFiles(), 0)
    }
}
