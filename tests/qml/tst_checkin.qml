// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import Waypoint
import Waypoint.Ui

// The "Check in" screen of a phone past its organisation's offline lease: it says the lease
// in words, runs a check-in, and says so when the phone is offline.
TestCase {
    id: testCase
    name: "CheckIn"
    when: windowShown
    width: 360
    height: 780

    // A stand-in for App.lease: the gate's properties and its one action.
    QtObject {
        id: gate
        property int days: 14
        property bool checking: false
        property string problem: ""
        property int checkIns: 0
        function checkIn() { checkIns += 1; checking = true }
    }

    Component { id: screenComponent; CheckIn { lease: gate; width: 360; height: 780 } }

    function test_saysTheLeaseAndChecksIn() {
        const page = createTemporaryObject(screenComponent, testCase)
        verify(page !== null)
        const text = findChild(page, "leaseText")
        verify(text.text.indexOf("14") >= 0, text.text)
        const button = findChild(page, "checkInButton")
        verify(button.enabled)
        compare(findChild(page, "problemText").text, "")

        button.clicked()
        compare(gate.checkIns, 1)
        verify(!button.enabled, "no second check-in while one runs")
        verify(findChild(page, "checkingIndicator").running)

        // Offline: the screen says so and offers to try again.
        gate.problem = "This phone is offline."
        gate.checking = false
        const problem = findChild(page, "problemText")
        compare(problem.text, "This phone is offline.")
        verify(!findChild(page, "checkingIndicator").running)
        verify(button.enabled)
    }

    function test_oneDayInTheSingular() {
        gate.days = 1
        gate.problem = ""
        const page = createTemporaryObject(screenComponent, testCase)
        const text = findChild(page, "leaseText").text
        verify(text.indexOf("day") >= 0 && text.indexOf("1 days") < 0, text)
        gate.days = 14
    }
}
