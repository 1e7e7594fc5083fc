// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import Waypoint
import Waypoint.Ui

// The app restarted over tst_passphrase_1_setup's folder: it opens on the passphrase field,
// not the digit pad, and the passphrase opens the store.
TestCase {
    id: testCase
    name: "PassphraseRestart"
    when: windowShown
    width: 360
    height: 780

    Component { id: mainWindow; Main { } }
    property var window: null

    function screen() {
        const loader = findChild(window.contentItem, "screenLoader")
        return loader && loader.item ? loader.item.objectName : ""
    }
    function find(name) {
        const item = findChild(window.contentItem, name)
        verify(item !== null, "no item " + name)
        return item
    }

    function initTestCase() {
        window = mainWindow.createObject(testCase)
        verify(window !== null)
        tryCompare(window, "visible", true)
    }
    function cleanupTestCase() {
        window.destroy()
    }

    function test_1_opensOnThePassphraseField() {
        tryVerify(() => screen() === "unlock", 5000)
        compare(App.session.passphrase, true)
        const field = find("passphraseField")
        verify(field.visible)
        verify(!find("pinPad").visible)
        field.text = "river stone 42"
        field.accepted()
        tryCompare(App.session, "state", Session.Unlocked, 5000)
    }
}
