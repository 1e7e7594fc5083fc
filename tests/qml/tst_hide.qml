// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import Waypoint
import Waypoint.Ui

// Quick hide on every screen that shows records, from its Hide button and from Ctrl+H: the
// neutral screen covers the app at once (and the app locks), and after the PIN the worker is
// back on the same screen with what they were typing.
TestCase {
    id: testCase
    name: "Hide"
    when: windowShown
    width: 360
    height: 780

    Component { id: mainWindow; Main { } }
    property var window: null
    property string participantId: ""

    function screen() {
        const loader = findChild(window.contentItem, "screenLoader")
        return loader && loader.item ? loader.item.objectName : ""
    }
    function shown(name) {
        let found = null
        tryVerify(() => {
            found = findChild(window.contentItem, name)
            const shell = findChild(window.contentItem, "shell")
            return found !== null && found.visible && shell !== null && !shell.busy
        }, 5000, "no screen " + name)
        return found
    }
    function enterPin(pin) {
        for (const d of pin)
            findChild(window.contentItem, "key_" + d).clicked()
        findChild(window.contentItem, "key_ok").clicked()
    }

    function initTestCase() {
        window = mainWindow.createObject(testCase)
        verify(window !== null)
        tryCompare(window, "visible", true)
        App.session.createPin("135790", "135790")
        tryCompare(App.session, "state", Session.Unlocked, 5000)
        App.participantEditor.startNew("")
        App.participantEditor.setField("pseudonym", "Mo")
        verify(App.participantEditor.save())
        participantId = App.participantEditor.savedId
    }
    function cleanupTestCase() {
        window.destroy()
    }

    // Each screen: how to open it, what to type there, and how to see it is still there.
    function test_screens_data() {
        const cases = [
            { screen: "diary", page: "diaryEditor", field: "diaryText" },
            { screen: "encounter", page: "encounterCapture", field: "note" },
            { screen: "supervision", page: "supervisionEditor", field: "notes" },
            { screen: "participant", page: "participantPage", field: "newGoal" },
            { screen: "search", page: "searchPage", field: "searchField" }
        ]
        const rows = []
        for (const how of ["button", "shortcut"])
            for (const c of cases)
                rows.push({ tag: c.page + " by " + how, screen: c.screen, page: c.page,
                            field: c.field, how: how })
        return rows
    }

    function test_screens(data) {
        tryVerify(() => screen() === "shell", 5000)
        const properties = data.screen === "diary" ? { entryId: "" }
                         : data.screen === "supervision" ? { noteId: "" }
                         : data.screen === "search" ? {}
                         : { participantId: testCase.participantId }
        Nav.open(data.screen, properties)
        const page = shown(data.page)
        const typed = "words typed before hiding by " + data.how
        const field = findChild(page, data.field)
        verify(field !== null, "no field " + data.field)
        field.forceActiveFocus()
        field.text = typed
        if (typeof field.textEdited === "function")
            field.textEdited() // a TextField's edits reach the form through this signal

        if (data.how === "button") {
            const hide = findChild(page, "quickHideButton")
            verify(hide !== null, "no Hide on " + data.page)
            verify(hide.visible, "Hide is not shown on " + data.page)
            hide.clicked()
        } else {
            verify(Harness.chordClick(window, Qt.Key_H, Qt.ControlModifier))
        }
        // Covered at once, the app locked under it, nothing of the screen left.
        compare(App.session.hidden, true)
        compare(App.session.state, Session.Locked)
        tryVerify(() => screen() === "neutralScreen", 5000)
        compare(window.title, "Notes")
        tryVerify(() => findChild(window.contentItem, data.page) === null, 5000, "the screen is still there")

        findChild(window.contentItem, "revealButton").clicked()
        tryVerify(() => screen() === "unlock", 5000)
        enterPin("135790")
        tryCompare(App.session, "state", Session.Unlocked, 5000)
        const back = shown(data.page)
        if (data.screen === "participant") {
            // A goal typed but not added is added as the page is left, hidden or not.
            tryVerify(() => App.participant.goals.some(g => g.text === typed), 3000)
        } else if (data.screen === "search") {
            // What was searched for is not kept while locked.
            compare(findChild(back, data.field).text, "")
        } else {
            compare(findChild(back, data.field).text, typed)
        }
        if (data.screen === "diary")
            App.diaryEditor.discard()
        else if (data.screen === "encounter")
            App.encounterEditor.discard()
        else if (data.screen === "supervision")
            App.supervisionEditor.discard()
        Nav.home()
    }

    // With quick hide switched off in Settings, neither the button nor the shortcut shows.
    function test_z_offMeansNoHide() {
        tryVerify(() => screen() === "shell", 5000)
        App.preferences.quickHide = false
        Nav.open("diary", { entryId: "" })
        const page = shown("diaryEditor")
        verify(!findChild(page, "quickHideButton").visible)
        verify(Harness.chordClick(window, Qt.Key_H, Qt.ControlModifier))
        wait(50)
        compare(App.session.hidden, false)
        compare(App.session.state, Session.Unlocked)
        App.preferences.quickHide = true
        Nav.home()
    }
}
