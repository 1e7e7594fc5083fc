// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import Waypoint
import Waypoint.Ui

// A PIN is digits: letters are refused unless the worker chooses a passphrase, and then the
// unlock screen asks for the passphrase (tst_passphrase_2_restart: still after a restart).
TestCase {
    id: testCase
    name: "PassphraseSetup"
    when: windowShown
    width: 360
    height: 780

    Component { id: mainWindow; Main { } }
    property var window: null
    readonly property string secret: "river stone 42"

    function screen() {
        const loader = findChild(window.contentItem, "screenLoader")
        return loader && loader.item ? loader.item.objectName : ""
    }
    function find(name) {
        const item = findChild(window.contentItem, name)
        verify(item !== null, "no item " + name)
        return item
    }
    function typeInto(field, text) {
        field.text = text
        field.textEdited()
    }

    function initTestCase() {
        window = mainWindow.createObject(testCase)
        verify(window !== null)
        tryCompare(window, "visible", true)
    }
    function cleanupTestCase() {
        window.destroy()
    }

    function test_1_lettersAreRefusedAsAPin() {
        tryVerify(() => screen() === "firstRun", 5000)
        compare(find("usePassphrase").checked, false)
        typeInto(find("newPin"), secret)
        typeInto(find("confirmPin"), secret)
        find("createPinButton").clicked()
        compare(App.session.state, Session.NeedsSetup)
        const error = find("pinError")
        verify(error.visible)
        verify(error.text.indexOf("digits only") >= 0, error.text)
    }

    function test_2_aChosenPassphraseIsAcceptedAndRemembered() {
        // The app window is not the test window: a tap is the box's toggle.
        const choice = find("usePassphrase")
        choice.toggle()
        choice.toggled()
        compare(choice.checked, true)
        compare(find("pinError").text, "", "choosing a passphrase clears the refusal")
        find("createPinButton").clicked()
        tryCompare(App.session, "state", Session.Unlocked, 5000)
        compare(App.session.passphrase, true)
        compare(App.preferences.passphrase, true)

        App.session.lock()
        tryVerify(() => screen() === "unlock", 5000)
        const field = find("passphraseField")
        verify(field.visible, "the unlock screen asks for the passphrase")
        verify(!find("pinPad").visible)
        compare(find("passphraseMode").checked, true)
        field.text = secret
        field.accepted()
        tryCompare(App.session, "state", Session.Unlocked, 5000)
        Harness.handOverDataDir()
    }
}
