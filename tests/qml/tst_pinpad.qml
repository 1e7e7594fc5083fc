// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import Waypoint
import Waypoint.Ui

// The PIN pad under a worker's thumb: its keys never move whatever it says, a keyboard types
// on it, and after unlocking the app says how many wrong PINs came before.
TestCase {
    id: testCase
    name: "PinPad"
    when: windowShown
    width: 360
    height: 780

    Component { id: mainWindow; Main { } }
    property var window: null
    readonly property string pin: "135790"
    readonly property var keyNames: ["key_0", "key_1", "key_2", "key_3", "key_4", "key_5", "key_6",
                                     "key_7", "key_8", "key_9", "key_erase", "key_ok"]

    function screen() {
        const loader = findChild(window.contentItem, "screenLoader")
        return loader && loader.item ? loader.item.objectName : ""
    }
    function find(name) {
        const item = findChild(window.contentItem, name)
        verify(item !== null, "no item " + name)
        return item
    }
    // The app window is not the test window: a tap is the button's click.
    function tap(name) {
        find(name).clicked()
    }
    function enterPin(digits) {
        for (const d of digits)
            tap("key_" + d)
        tap("key_ok")
    }
    function typeInto(field, text) {
        field.text = text
        field.textEdited()
    }
    // Lets the window lay itself out and draw, as it would before the worker's next tap.
    function settle() {
        wait(50)
        waitForItemPolished(find("unlock"))
        wait(50)
    }
    // Where each key is in the window, and how big.
    function keyPlaces() {
        const places = {}
        for (const name of keyNames) {
            const key = find(name)
            const p = key.mapToItem(window.contentItem, 0, 0)
            places[name] = Math.round(p.x) + "," + Math.round(p.y) + " " + Math.round(key.width) + "x" + Math.round(key.height)
        }
        return places
    }
    function compareKeys(before, when) {
        const now = keyPlaces()
        for (const name of keyNames)
            compare(now[name], before[name], name + " moved " + when)
    }
    function waitUntilTheRetryIsOver() {
        tryCompare(App.session, "retrySeconds", 0, 20000)
    }

    function initTestCase() {
        window = mainWindow.createObject(testCase)
        verify(window !== null)
        tryCompare(window, "visible", true)
        tryVerify(() => screen() === "firstRun", 5000)
        typeInto(find("newPin"), pin)
        typeInto(find("confirmPin"), pin)
        tap("createPinButton")
        tryCompare(App.session, "state", Session.Unlocked, 5000)
        App.session.lock()
        tryVerify(() => screen() === "unlock", 5000)
    }

    function cleanupTestCase() {
        Harness.holdPinChecks(false)
        window.destroy()
    }

    function test_1_keysStayWhereTheyAreWhateverThePadSays() {
        verify(find("pinPad").visible, "a PIN user gets the digit pad")
        verify(!find("passphraseField").visible)
        settle()
        const places = keyPlaces()

        // While the PIN is checked.
        Harness.holdPinChecks(true)
        enterPin("000000")
        compare(App.session.busy, true)
        settle()
        verify(find("unlockBusy").visible, "the busy indicator shows")
        compareKeys(places, "while the PIN was checked")
        Harness.holdPinChecks(false)

        // "Wrong PIN."
        tryCompare(App.session, "busy", false, 5000)
        tryVerify(() => find("unlockMessage").visible, 5000)
        settle()
        compareKeys(places, "when \"Wrong PIN\" showed")

        // The countdown after the third wrong PIN.
        enterPin("000000")
        tryCompare(App.session, "busy", false, 5000)
        enterPin("000000")
        tryVerify(() => App.session.retrySeconds > 0, 5000)
        settle()
        compareKeys(places, "during the countdown")
        waitUntilTheRetryIsOver()
        settle()
        compareKeys(places, "after the countdown")

        // Five wrong PINs: "5 attempts left" and the countdown together.
        enterPin("000000")
        tryCompare(App.session, "busy", false, 5000)
        waitUntilTheRetryIsOver()
        enterPin("000000")
        tryVerify(() => find("attemptsLeft").visible, 5000)
        compare(App.session.attemptsLeft, 5)
        verify(find("attemptsLeft").text.indexOf("5") >= 0)
        settle()
        compareKeys(places, "with \"5 attempts left\" showing")
        waitUntilTheRetryIsOver()
        settle()
        compareKeys(places, "with \"5 attempts left\" after the countdown")

        // Every message fits its reserved place: nothing is cut or drawn over the dots.
        const message = find("unlockMessage")
        verify(message.truncated === false, "the message is cut")
        enterPin(pin)
        tryCompare(App.session, "state", Session.Unlocked, 5000)
    }

    // Two wrong PINs, then the right one: the first screen says "2"; dismissed, it is gone, and
    // an unlock with no wrong PIN before it says nothing.
    function test_2_afterUnlockingTheAppSaysHowManyWrongPinsCameBefore() {
        tryVerify(() => screen() === "shell", 5000)
        App.session.lock()
        tryVerify(() => screen() === "unlock", 5000)
        enterPin("000000")
        tryCompare(App.session, "busy", false, 5000)
        waitUntilTheRetryIsOver()
        enterPin("111111")
        tryCompare(App.session, "busy", false, 5000)
        waitUntilTheRetryIsOver()
        enterPin(pin)
        tryCompare(App.session, "state", Session.Unlocked, 5000)
        tryVerify(() => screen() === "shell", 5000)
        const notice = find("unlockNotice")
        verify(notice.visible, "no notice after two wrong PINs")
        const text = find("unlockNoticeText").text
        verify(text.indexOf("2 wrong PINs") >= 0, text)
        tap("dismissUnlockNotice")
        verify(!notice.visible, "the notice stays after dismissing it")

        // Not dismissed: the next unlock with no wrong PIN clears it too.
        App.session.lock()
        tryVerify(() => screen() === "unlock", 5000)
        enterPin("000000")
        tryCompare(App.session, "busy", false, 5000)
        waitUntilTheRetryIsOver()
        enterPin(pin)
        tryVerify(() => screen() === "shell", 5000)
        verify(find("unlockNotice").visible)
        verify(find("unlockNoticeText").text.indexOf("1 wrong PIN ") >= 0, find("unlockNoticeText").text)
        App.session.lock()
        tryVerify(() => screen() === "unlock", 5000)
        enterPin(pin)
        tryVerify(() => screen() === "shell", 5000)
        verify(!find("unlockNotice").visible, "a notice with no wrong PIN before this unlock")
    }

    // A hardware keyboard types on the pad: digits, Backspace, Enter (and Return).
    function test_3_aKeyboardTypesOnThePad() {
        App.session.lock()
        tryVerify(() => screen() === "unlock", 5000)
        wait(50)
        for (const d of pin + "9")
            verify(Harness.keyClick(window, Qt.Key_0 + Number(d)))
        compare(find("unlock").entered.length, pin.length + 1)
        Harness.keyClick(window, Qt.Key_Backspace)
        compare(find("unlock").entered.length, pin.length)
        Harness.keyClick(window, Qt.Key_Return)
        tryCompare(App.session, "state", Session.Unlocked, 5000)

        App.session.lock()
        tryVerify(() => screen() === "unlock", 5000)
        wait(50)
        for (const d of pin)
            Harness.keyClick(window, Qt.Key_0 + Number(d))
        Harness.keyClick(window, Qt.Key_Enter)
        tryCompare(App.session, "state", Session.Unlocked, 5000)
    }
}
