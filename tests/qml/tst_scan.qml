// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import Waypoint
import Waypoint.Ui

// "Scan QR code" in the enrolment form: the scan page says plainly when there is no camera
// (every desktop without a webcam, and this test machine), "Paste instead" goes back to the
// form, and a code read by the scanner fills the form exactly like the pasted text.
TestCase {
    id: testCase
    name: "Scan"
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
        App.session.createPin("135790", "135790")
        tryCompare(App.session, "state", Session.Unlocked, 5000)
        shell = shellComponent.createObject(testCase)
        verify(shell !== null)
    }

    function init() {
        Nav.home()
        tryCompare(shell, "busy", false)
    }

    function page(name) {
        let found = null
        tryVerify(() => { found = findChild(shell, name); return found !== null && found.visible }, 3000,
                  "no screen " + name)
        tryCompare(shell, "busy", false)
        return found
    }
    function tap(root, name) {
        const item = findChild(root, name)
        verify(item !== null, "no item " + name)
        verify(item.visible, name + " is hidden")
        const flick = root.flickable
        if (flick) {
            const y = item.mapToItem(flick.contentItem, 0, 0).y
            flick.contentY = Math.max(0, Math.min(y - 80, flick.contentHeight - flick.height))
            wait(20)
        }
        mouseClick(item)
        return item
    }

    function openScanPage() {
        Nav.open("settings", {})
        const settings = page("settingsPage")
        tap(settings, "syncScanButton")
        return page("scanPage")
    }

    function test_1_withoutACameraThePageSaysSoAndOffersToPaste() {
        const scan = openScanPage()
        const scanner = findChild(scan, "qrScanner")
        verify(scanner !== null)
        // The page is on top, so the scanner wants the camera; there is none here.
        tryCompare(scanner, "running", true)
        verify(!scanner.cameraAvailable, "this test expects a machine without a camera")
        compare(scanner.status, QrScanner.NoCamera)
        const status = findChild(scan, "scanStatus")
        verify(status.visible)
        compare(status.text, "No camera found. Paste the code instead.")
        verify(!findChild(scan, "scanGuide").visible)
        const paste = findChild(scan, "scanPasteButton")
        verify(paste.visible)
        verify(paste.highlighted)
        verify(paste.height >= 48)
        verify(findChild(scan, "scanCancelButton").height >= 48)

        tap(scan, "scanPasteButton")
        const settings = page("settingsPage")
        const section = findChild(settings, "enrolmentSection")
        verify(findChild(section, "syncCodeField").visible)
        verify(findChild(section, "syncEnrolButton").visible)
        compare(findChild(shell, "scanPage"), null)
    }

    function test_2_cancelAlsoGoesBack() {
        const scan = openScanPage()
        tap(scan, "scanCancelButton")
        tryCompare(shell, "depth", 2)
        compare(shell.currentItem.objectName, "settingsPage")
    }

    function test_3_aScannedCodeFillsTheFormLikeAPaste() {
        Nav.open("settings", {})
        const section = findChild(page("settingsPage"), "enrolmentSection")
        findChild(section, "syncServerField").text = ""
        findChild(section, "syncCodeField").text = ""
        tap(page("settingsPage"), "syncScanButton")
        const scan = page("scanPage")
        // What the page does when the scanner reads the printed code.
        scan.finish("waypoint:enrol?code=ABCD-EFGH-JKMN-PQRS&server=https%3A%2F%2Fsync.example.org")
        tryCompare(shell, "depth", 2)
        compare(shell.currentItem.objectName, "settingsPage")
        compare(findChild(section, "syncCodeField").text, "ABCD-EFGH-JKMN-PQRS")
        compare(findChild(section, "syncServerField").text, "https://sync.example.org")
    }

    function test_4_aWaypointLinkWithoutACodeKeepsScanning() {
        const scan = openScanPage()
        scan.finish("waypoint:enrol?server=https%3A%2F%2Fsync.example.org")
        verify(scan.wrongCode)
        compare(shell.currentItem, scan)
        tap(scan, "scanCancelButton")
        page("settingsPage")
    }
}
