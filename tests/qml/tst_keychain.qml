// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import Waypoint
import Waypoint.Ui

// First run on a device whose keychain refuses: nothing is made until the worker chooses,
// in so many words, to protect the records with the PIN alone; Settings then says so.
TestCase {
    id: testCase
    name: "Keychain"
    when: windowShown
    width: 360
    height: 780

    Component { id: mainWindow; Main { } }
    property var window: null

    function screen() {
        const loader = findChild(window.contentItem, "screenLoader")
        return loader && loader.item ? loader.item.objectName : ""
    }
    function typeInto(field, text) {
        field.text = text
        field.textEdited()
    }

    function initTestCase() {
        Harness.setKeystoreAvailable(false)
        window = mainWindow.createObject(testCase)
        verify(window !== null)
        tryCompare(window, "visible", true)
    }
    function cleanupTestCase() {
        window.destroy()
        Harness.setKeystoreAvailable(true)
    }

    function test_1_refusedKeychainMakesNothingWithoutAChoice() {
        tryVerify(() => screen() === "firstRun", 5000)
        const page = window.contentItem
        verify(!findChild(page, "pinOnlyButton").visible)
        typeInto(findChild(page, "newPin"), "135790")
        typeInto(findChild(page, "confirmPin"), "135790")
        findChild(page, "createPinButton").clicked()
        tryCompare(App.session, "keystoreUnavailable", true, 5000)
        compare(App.session.state, Session.NeedsSetup)
        verify(findChild(page, "pinError").text.indexOf("PIN alone") >= 0)
        verify(findChild(page, "pinOnlyButton").visible)
    }

    function test_2_pinOnlyIsAnExplicitChoiceAndSettingsSaysSo() {
        const page = window.contentItem
        findChild(page, "pinOnlyButton").clicked()
        tryCompare(App.session, "state", Session.Unlocked, 5000)
        verify(App.session.pinOnly)
        tryVerify(() => screen() === "shell", 5000)
        Nav.open("settings", {})
        tryVerify(() => findChild(window.contentItem, "pinOnlyWarning") !== null
                  && findChild(window.contentItem, "pinOnlyWarning").visible, 5000)
        verify(!findChild(window.contentItem, "protectionLabel").visible)
    }
}
