// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtTest
import Waypoint
import Waypoint.Ui

// The sync page says who syncs from here (this device's name, which the worker changes, and
// the key fingerprint once there are keys) and follows a language change at once; the rule
// for a new PIN shows before it is broken, and its error goes as soon as the PIN is fixed.
TestCase {
    id: testCase
    name: "Identity"
    when: windowShown
    width: 360
    height: 780

    Component { id: mainWindow; Main { } }
    property var window: null

    function shown(name) {
        let found = null
        tryVerify(() => {
            found = findChild(window.contentItem, name)
            const shell = findChild(window.contentItem, "shell")
            return found !== null && found.visible && shell !== null && !shell.busy
        }, 5000, "no screen " + name)
        return found
    }
    function typeInto(field, text) {
        field.forceActiveFocus()
        field.selectAll()
        if (text.length === 0)
            keyClick(Qt.Key_Delete)
        for (const c of text)
            keyClick(c)
    }
    function enterPin(pin) {
        for (const d of pin)
            findChild(window.contentItem, "key_" + d).clicked()
        findChild(window.contentItem, "key_ok").clicked()
    }

    function initTestCase() {
        App.preferences.language = "en"
        window = mainWindow.createObject(testCase)
        verify(window !== null)
        tryCompare(window, "visible", true)
    }
    function cleanupTestCase() {
        App.preferences.language = "en"
        window.destroy()
    }

    // First run: the rule is on screen before anything is typed; a refused PIN's error follows
    // the typing and goes once the PIN is right.
    function test_1_pinRuleBeforeAndErrorClearsWhenFixed() {
        const rule = findChild(window.contentItem, "pinRule")
        verify(rule !== null && rule.visible)
        verify(rule.text.indexOf("6 digits") >= 0 && rule.text.indexOf("123456") >= 0, rule.text)
        const error = findChild(window.contentItem, "pinError")
        compare(error.text, "")

        typeInto(findChild(window.contentItem, "newPin"), "1357")
        typeInto(findChild(window.contentItem, "confirmPin"), "1357")
        findChild(window.contentItem, "createPinButton").clicked()
        verify(error.text.indexOf("at least 6") >= 0, error.text)
        // Still too short: the error stays.
        typeInto(findChild(window.contentItem, "newPin"), "13579")
        verify(error.text.indexOf("at least 6") >= 0, error.text)
        // Long enough, but not yet typed again: says what is still wrong.
        typeInto(findChild(window.contentItem, "newPin"), "135790")
        verify(error.text.indexOf("different") >= 0, error.text)
        // Fixed: the error goes before the button is pressed again.
        typeInto(findChild(window.contentItem, "confirmPin"), "135790")
        compare(error.text, "")
        findChild(window.contentItem, "createPinButton").clicked()
        tryCompare(App.session, "state", Session.Unlocked, 5000)
    }

    // Settings: the rule for the new PIN shows in the change dialog before anything is typed,
    // and its error goes as soon as the new PIN is fixed.
    function test_2_changePinRuleAndError() {
        shown("home")
        Nav.open("settings", {})
        const page = shown("settingsPage")
        findChild(page, "changePinButton").clicked()
        const dialog = findChild(page, "changePinDialog")
        tryCompare(dialog, "opened", true)
        const rule = findChild(dialog.contentItem, "changePinRule")
        verify(rule.visible && rule.text.indexOf("123456") >= 0, rule.text)
        const error = findChild(dialog.contentItem, "changePinError")
        typeInto(findChild(dialog.contentItem, "oldPin"), "135790")
        typeInto(findChild(dialog.contentItem, "changeNewPin"), "123456")
        typeInto(findChild(dialog.contentItem, "changeConfirmPin"), "123456")
        findChild(dialog.contentItem, "confirmChangePin").clicked()
        verify(error.text.length > 0, "a run of digits is refused")
        typeInto(findChild(dialog.contentItem, "changeNewPin"), "258046")
        verify(error.text.indexOf("different") >= 0, error.text)
        typeInto(findChild(dialog.contentItem, "changeConfirmPin"), "258046")
        compare(error.text, "", "fixed: the error goes")
        dialog.close()
        tryCompare(dialog, "visible", false)
        Nav.home()
    }

    // The sync page: this device's name, renamed by the worker and kept across a lock; no
    // fingerprint until the device has keys.
    function test_3_deviceName() {
        Nav.open("sync", {})
        const page = shown("syncPage")
        const field = findChild(page, "deviceNameField")
        verify(field.visible)
        verify(App.connection.deviceName.length > 0, "the machine's name until the worker names it")
        compare(field.text, App.connection.deviceName)
        verify(findChild(page, "deviceNameNote").text.indexOf("enrolled") >= 0)
        compare(findChild(page, "keyFingerprint").visible, false)
        compare(findChild(page, "enrolledFor").visible, false, "no one to name before enrolment")

        typeInto(field, "")
        findChild(page, "deviceNameSave").clicked()
        const error = findChild(page, "deviceNameError")
        verify(error.visible && error.text.length > 0, "an empty name is refused")
        typeInto(field, "Work phone")
        compare(error.visible, false, "typing clears the refusal")
        findChild(page, "deviceNameSave").clicked()
        compare(App.connection.deviceName, "Work phone")
        compare(findChild(page, "deviceNameSave").enabled, false)

        App.session.lock()
        tryVerify(() => findChild(window.contentItem, "pinPad") !== null, 5000)
        compare(App.connection.deviceName, "", "nothing of the store shows while locked")
        enterPin("135790")
        tryCompare(App.session, "state", Session.Unlocked, 5000)
        compare(App.connection.deviceName, "Work phone", "kept in the store")
        Nav.home()
    }

    // A language change rewrites the sync status and the enrolment form's problems at once,
    // not at the next change of state.
    function test_4_languageSwitchesAtOnce() {
        Nav.open("sync", {})
        const page = shown("syncPage")
        App.connection.enrol("", "")
        const status = findChild(page, "syncStatus")
        const serverError = findChild(page, "syncServerError")
        compare(status.text, "Not enrolled")
        compare(serverError.text, "Enter the server address.")
        App.preferences.language = "fr"
        compare(App.sync.statusText, "Non inscrit")
        compare(status.text, "Non inscrit")
        compare(serverError.text, "Saisissez l\u2019adresse du serveur.")
        App.preferences.language = "en"
        compare(status.text, "Not enrolled")
        compare(serverError.text, "Enter the server address.")
        Nav.home()
    }

    // Enrolled: who the device is for, as the server said, above the device's name, in either
    // language; a rename shows at once and, with the server out of reach, waits for the next
    // sync (said under the name), kept across a lock.
    function test_5_whoYouAreAndARenameThatWaits() {
        verify(Harness.enrolWithAbsentServer("Sam Taylor", "Riverside Outreach", "supervisor"))
        App.session.lock()
        tryVerify(() => findChild(window.contentItem, "pinPad") !== null, 5000)
        enterPin("135790")
        tryCompare(App.session, "state", Session.Unlocked, 5000)
        verify(App.connection.enrolled)
        compare(App.connection.userName, "Sam Taylor")
        compare(App.connection.organisationName, "Riverside Outreach")
        Nav.open("sync", {})
        const page = shown("syncPage")
        const who = findChild(page, "enrolledFor")
        verify(who.visible)
        compare(who.text, "Sam Taylor (supervisor) \u00b7 Riverside Outreach")
        App.preferences.language = "fr"
        compare(who.text, "Sam Taylor (superviseur) \u00b7 Riverside Outreach")
        App.preferences.language = "en"
        verify(who.mapToItem(page, 0, 0).y
               < findChild(page, "deviceNameField").mapToItem(page, 0, 0).y, "above the device's name")

        const field = findChild(page, "deviceNameField")
        typeInto(field, "Bus phone")
        findChild(page, "deviceNameSave").clicked()
        compare(App.connection.deviceName, "Bus phone")
        compare(field.text, "Bus phone")
        const note = findChild(page, "deviceNameNote")
        verify(note.text.indexOf("next sync") >= 0, note.text)
        // The sync thread tried the absent server: still waiting.
        wait(500)
        tryCompare(App.connection, "deviceNameWaiting", true, 5000)

        App.session.lock()
        tryVerify(() => findChild(window.contentItem, "pinPad") !== null, 5000)
        compare(App.connection.userName, "", "nothing of the store shows while locked")
        enterPin("135790")
        tryCompare(App.session, "state", Session.Unlocked, 5000)
        compare(App.connection.deviceName, "Bus phone")
        verify(App.connection.deviceNameWaiting, "still to be sent")
        Nav.home()
    }
}
