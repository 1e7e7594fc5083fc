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

    function test_5_frenchEverywhereAfterSwitchingLanguage() {
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
