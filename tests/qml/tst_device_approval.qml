// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import Waypoint
import Waypoint.Ui

// Approval by an existing device, on screen: a new device waiting for approval shows its
// request number in six groups, goes on waiting after a lock, and can turn to the recovery
// key and back; on a device with the keys, the sync page's card for a new device and Today's
// line lead to the approve page, where a mistyped number is refused with a clear error and
// nothing sent, and the right one goes to the server. (Against the real server:
// tests/appsync/tst_app_approval.)
TestCase {
    id: testCase
    name: "DeviceApproval"
    when: windowShown
    visible: true
    width: 360
    height: 780

    Component { id: shellComponent; Shell { anchors.fill: parent } }
    property Item shell: null
    property string shownNumber: ""

    function initTestCase() {
        App.session.createPin("135790", "135790")
        tryCompare(App.session, "state", Session.Unlocked, 5000)
        shell = shellComponent.createObject(testCase)
        verify(shell !== null)
    }
    function cleanupTestCase() {
        shell.destroy()
    }
    function relock() {
        App.session.lock()
        tryVerify(() => App.session.state !== Session.Unlocked, 5000)
        App.session.unlock("135790")
        tryCompare(App.session, "state", Session.Unlocked, 5000)
    }
    function page(name) {
        let found = null
        tryVerify(() => { found = findChild(shell, name); return found !== null && found.visible }, 3000,
                  "no screen " + name)
        tryCompare(shell, "busy", false)
        return found
    }
    function reveal(item) {
        let flick = item.parent
        while (flick && flick.contentY === undefined)
            flick = flick.parent
        if (!flick)
            return
        const y = item.mapToItem(flick.contentItem, 0, 0).y
        if (y < flick.contentY || y + item.height > flick.contentY + flick.height)
            flick.contentY = Math.max(0, Math.min(y - 80, flick.contentHeight - flick.height))
        wait(20)
    }
    function tap(root, name) {
        const item = findChild(root, name)
        verify(item !== null, "no item " + name)
        tryVerify(() => item.visible, 3000, name + " is not shown")
        reveal(item)
        mouseClick(item)
        return item
    }
    function typeNumber(screen, number) {
        const groups = number.split(" ")
        compare(groups.length, 6)
        for (let i = 0; i < 6; ++i) {
            const field = findChild(screen, "approveGroup" + i)
            verify(field !== null)
            field.text = groups[i]
        }
    }

    function test_1_theWaitingScreenShowsTheNumberAndSurvivesALock() {
        shownNumber = Harness.awaitApprovalWithAbsentServer()
        compare(shownNumber.split(" ").length, 6)
        relock()
        compare(App.connection.enrolStep, SyncConnection.AwaitApproval)
        Nav.open("sync", {})
        const syncPage = page("syncPage")
        const section = findChild(syncPage, "keyApprovalSection")
        verify(section.visible)
        const grid = findChild(section, "approvalFingerprint")
        verify(grid.visible)
        compare(App.connection.approvalFingerprintGroups.length, 6)
        compare(App.connection.approvalFingerprint, shownNumber)
        verify(grid.Accessible.name.indexOf(shownNumber) >= 0, grid.Accessible.name)
        // The check runs in the background: the screen stays usable, and says the server
        // is out of reach while it keeps asking.
        verify(!App.connection.busy)
        const message = findChild(syncPage, "syncEnrolMessage")
        tryVerify(() => message.visible && message.text.indexOf("keeps asking") >= 0, 15000)
        compare(App.connection.enrolStep, SyncConnection.AwaitApproval)

        // The recovery key instead, and back to the same number.
        tap(section, "useRecoveryKeyButton")
        compare(App.connection.enrolStep, SyncConnection.EnterRecoveryKey)
        verify(findChild(syncPage, "syncRecoveryKeyField").visible)
        verify(!grid.visible)
        tap(syncPage, "askAnotherDeviceButton")
        compare(App.connection.enrolStep, SyncConnection.AwaitApproval)
        compare(App.connection.approvalFingerprint, shownNumber)
        Nav.home()
        tryCompare(shell, "busy", false)
    }

    function test_2_aMistypedNumberIsRefusedAndTheRightOneIsSent() {
        verify(Harness.enrolWithAbsentServer("Sam Taylor", "Riverside Outreach", "worker"))
        relock()
        verify(App.connection.enrolled)
        compare(App.connection.approvalFingerprint, "")
        const number = Harness.listWaitingDevice("Pixel 8")
        compare(App.newDevices.count, 1)

        // Today names the device and leads to the sync page.
        const home = page("home")
        const line = findChild(home, "newDeviceCard")
        tryVerify(() => line.visible, 3000)
        verify(line.title.indexOf("A new device asks to join: Pixel 8, ") === 0, line.title)
        verify(!findChild(line, "cardTitle").truncated, "the name and the time read in full")
        mouseClick(line)
        const syncPage = page("syncPage")
        const card = findChild(syncPage, "newDeviceCard0")
        verify(card !== null && card.visible)
        verify(card.Accessible.name.indexOf("Pixel 8") >= 0, card.Accessible.name)
        verify(findChild(card, "newDeviceDeny").visible)
        verify(!findChild(card, "newDeviceDismiss").visible)

        tap(card, "newDeviceApprove")
        const screen = page("approveDevicePage")
        compare(findChild(screen, "approveDeviceName").text, "Pixel 8")
        for (let i = 0; i < 6; ++i)
            verify(findChild(screen, "approveGroup" + i).height >= 48)

        // One digit off: a clear error, nothing sent.
        const wrong = number.slice(0, -1) + (number.slice(-1) === "0" ? "1" : "0")
        typeNumber(screen, wrong)
        tap(screen, "approveButton")
        const error = findChild(screen, "approveError")
        verify(error.visible)
        verify(error.text.indexOf("Nothing was sent") >= 0, error.text)
        verify(!App.newDevices.busy)
        // Typing again clears it.
        findChild(screen, "approveGroup5").textEdited()
        compare(error.text, "")

        // The right number passes the check and goes to the server, which is out of reach here.
        typeNumber(screen, number)
        tap(screen, "approveButton")
        tryVerify(() => error.text.indexOf("cannot be reached") >= 0, 15000, error.text)
        verify(error.text.indexOf("Nothing was sent") < 0)
        compare(App.newDevices.device(App.newDevices.data(App.newDevices.index(0, 0), 256)).state,
                "pending")
        screen.goBack()
        tryCompare(shell, "busy", false)
    }

    function test_3_denyAsksFirst() {
        const syncPage = page("syncPage")
        const card = findChild(syncPage, "newDeviceCard0")
        tap(card, "newDeviceDeny")
        const dialog = findChild(syncPage, "newDeviceDenyDialog")
        tryVerify(() => dialog.opened, 3000)
        verify(dialog.text.indexOf("revoked and erases itself") >= 0, dialog.text)
        dialog.reject()
        tryVerify(() => !dialog.visible, 3000)
        compare(App.newDevices.count, 1) // nothing denied
        Nav.home()
        tryCompare(shell, "busy", false)
    }
}
