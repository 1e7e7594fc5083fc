// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import Waypoint
import Waypoint.Ui

// First run, the PIN pad, auto-lock and quick-hide, through the real window.
TestCase {
    id: testCase
    name: "Lock"
    when: windowShown
    width: 360
    height: 780

    Component { id: mainWindow; Main { } }
    property var window: null

    function screen() {
        const loader = findChild(window.contentItem, "screenLoader")
        return loader && loader.item ? loader.item.objectName : ""
    }
    function tapIn(root, name) {
        const item = findChild(root, name)
        verify(item !== null, "no item " + name)
        // The app window is not the test window: a tap is the button's click.
        item.clicked()
    }
    // The app window is not the test window, so text is set as a keyboard would leave it.
    function typeInto(field, text) {
        field.text = text
        field.textEdited()
    }

    function cleanupTestCase() {
        window.destroy()
    }

    function initTestCase() {
        window = mainWindow.createObject(testCase)
        verify(window !== null)
        tryCompare(window, "visible", true)
    }

    function test_1_firstRunRefusesMismatchedPins() {
        compare(App.session.state, Session.NeedsSetup)
        tryVerify(() => screen() === "firstRun", 5000)
        const page = window.contentItem
        typeInto(findChild(page, "newPin"), "135790")
        typeInto(findChild(page, "confirmPin"), "135791")
        tapIn(page, "createPinButton")
        verify(findChild(page, "pinError").text.length > 0)
        compare(App.session.state, Session.NeedsSetup)
        typeInto(findChild(page, "confirmPin"), "135790")
        tapIn(page, "createPinButton")
        tryCompare(App.session, "state", Session.Unlocked, 5000)
        tryVerify(() => screen() === "shell", 5000)
    }

    function enterPin(pin) {
        for (const d of pin)
            tapIn(window.contentItem, "key_" + d)
        tapIn(window.contentItem, "key_ok")
    }

    function test_2_wrongPinSaysSoThenTheRightOneOpens() {
        App.session.lock()
        tryVerify(() => screen() === "unlock", 5000)
        enterPin("000000")
        tryVerify(() => findChild(window.contentItem, "unlockMessage").text.length > 0, 5000)
        compare(App.session.state, Session.Locked)
        enterPin("135790")
        tryCompare(App.session, "state", Session.Unlocked, 5000)
        tryVerify(() => screen() === "shell", 5000)
    }

    function test_3_locksAfterInactivity() {
        App.session.setAutoLockMs(200)
        tryCompare(App.session, "state", Session.Locked, 3000)
        tryVerify(() => screen() === "unlock", 5000)
        App.session.setAutoLockMs(120000)
        enterPin("135790")
        tryCompare(App.session, "state", Session.Unlocked, 5000)
    }

    function test_4_quickHideShowsANeutralScreenAndLocks() {
        tryVerify(() => screen() === "shell", 5000)
        tapIn(window.contentItem, "quickHideButton")
        compare(App.session.state, Session.Locked)
        compare(App.session.hidden, true)
        tryVerify(() => screen() === "neutralScreen", 5000)
        compare(window.title, "Notes")
        tapIn(window.contentItem, "revealButton")
        tryVerify(() => screen() === "unlock", 5000)
        enterPin("135790")
        tryCompare(App.session, "state", Session.Unlocked, 5000)
    }

    // Locking with Today full of rows destroys the whole unlocked UI (the Loader deletes it on
    // the next turn of the event loop) while the store closes: it must neither crash nor
    // leave anything behind.
    function test_5_lockingWithTodayFullDestroysTheScreens() {
        tryVerify(() => screen() === "shell", 5000)
        const today = new Date()
        for (let i = 0; i < 4; ++i) {
            App.participantEditor.startNew("")
            App.participantEditor.setField("pseudonym", "P" + i)
            App.participantEditor.setField("followUpDue", Qt.formatDate(today, "yyyy-MM-dd"))
            verify(App.participantEditor.save())
            App.encounterEditor.startNew(App.participantEditor.savedId)
            App.encounterEditor.setField("note", "met at the drop-in " + i)
            verify(App.encounterEditor.save())
        }
        tryCompare(App.today.followUps, "count", 4)
        tryCompare(App.today.recentEncounters, "count", 4)
        for (let cycle = 0; cycle < 3; ++cycle) {
            const shell = window.contentItem.children.length > 0 ? findChild(window.contentItem, "shell") : null
            verify(shell !== null)
            let gone = false
            shell.Component.destruction.connect(() => gone = true)
            App.session.setAutoLockMs(30) // locks from a timer, inside the event loop, as in use
            tryCompare(App.session, "state", Session.Locked, 3000)
            App.session.setAutoLockMs(120000)
            tryVerify(() => screen() === "unlock", 5000)
            tryVerify(() => gone, 5000, "the unlocked screens were not destroyed")
            wait(50)
            enterPin("135790")
            tryCompare(App.session, "state", Session.Unlocked, 5000)
            tryVerify(() => screen() === "shell", 5000)
            tryCompare(App.today.followUps, "count", 4)
        }
        // The same with a participant's timeline, then a supervision form's action items, open.
        Nav.open("participant", { participantId: App.participantEditor.savedId })
        tryVerify(() => findChild(window.contentItem, "participantPage") !== null, 3000)
        tryVerify(() => App.participant.encounters.count === 1, 3000)
        lockFromTimerAndUnlock()
        Nav.open("supervision", { noteId: "" })
        tryVerify(() => findChild(window.contentItem, "supervisionEditor") !== null, 3000)
        App.supervisionEditor.addActionItem("call the housing office", "worker", "")
        lockFromTimerAndUnlock()
        App.supervisionEditor.discard()
    }
    // After warming up, locking and unlocking again and again holds no more memory: the
    // screens, models and store of each unlock are freed (and freed memory is given back).
    function test_6_lockCyclesDoNotGrowMemory() {
        lockFromTimerAndUnlock()
        lockFromTimerAndUnlock()
        gc()
        wait(400)
        const heap = MemoryProbe.heapInUseMb()
        const resident = MemoryProbe.residentMb()
        const cycles = 6
        for (let i = 0; i < cycles; ++i)
            lockFromTimerAndUnlock()
        gc()
        wait(400)
        const heapPerCycle = (MemoryProbe.heapInUseMb() - heap) / cycles
        const residentPerCycle = (MemoryProbe.residentMb() - resident) / cycles
        verify(heapPerCycle < 0.5, "heap grows " + heapPerCycle.toFixed(2) + " MB per lock cycle")
        if (MemoryProbe.residentTracksFrees())
            verify(residentPerCycle < 2, "RSS grows " + residentPerCycle.toFixed(2) + " MB per lock cycle")
    }

    function lockFromTimerAndUnlock() {
        App.session.setAutoLockMs(30)
        tryCompare(App.session, "state", Session.Locked, 3000)
        App.session.setAutoLockMs(120000)
        tryVerify(() => screen() === "unlock", 5000)
        wait(100)
        enterPin("135790")
        tryCompare(App.session, "state", Session.Unlocked, 5000)
        tryVerify(() => screen() === "shell", 5000)
    }

    function test_7_frenchEverywhereAfterSwitchingLanguage() {
        tryVerify(() => screen() === "shell", 5000)
        const tab = findChild(window.contentItem, "tab_0")
        compare(tab.text, "Today")
        App.preferences.language = "fr"
        tryCompare(tab, "text", "Aujourd\u2019hui")
        compare(App.vocabulary.stage[0].label, "Cr\u00e9er un lieu s\u00fbr")
        App.preferences.language = "en"
        tryCompare(tab, "text", "Today")
        compare(App.vocabulary.stage[0].label, "Creating a safe place")
    }
}
