// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Waypoint
import Waypoint.Ui

// Shown instead of the app, once unlocked, when this phone has not reached its server for
// longer than its organisation's offline lease (App.lease). No records are shown until a
// check-in succeeds; nothing on the phone is changed meanwhile.
Page {
    id: checkIn
    objectName: "checkIn"
    // The gate to read: App.lease in the app, a stand-in in tests.
    property var lease: App.lease
    readonly property color errorColor: Material.theme === Material.Dark ? Style.errorColorDark : Style.errorColor

    Flickable {
        id: flick
        anchors.fill: parent
        contentWidth: width
        contentHeight: column.implicitHeight + 48
        boundsBehavior: Flickable.StopAtBounds
        clip: true

        ColumnLayout {
            id: column
            x: (flick.width - width) / 2
            y: Math.max(24, (flick.height - implicitHeight) / 2)
            width: Math.min(flick.width - 32, 360)
            spacing: 16

            Label {
                text: qsTr("Check in")
                font.pixelSize: Style.fontHeading
                font.bold: true
                wrapMode: Text.Wrap
                horizontalAlignment: Text.AlignHCenter
                Layout.fillWidth: true
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }
            Label {
                objectName: "leaseText"
                text: qsTr("Your organisation asks this phone to reach its server at least every %n day(s). It has not done so for longer, so your notes stay hidden until it checks in.", "", checkIn.lease.days)
                wrapMode: Text.Wrap
                horizontalAlignment: Text.AlignHCenter
                Layout.fillWidth: true
            }
            Label {
                text: qsTr("Nothing on this phone is lost: your notes and unsent changes are kept.")
                opacity: 0.8
                wrapMode: Text.Wrap
                horizontalAlignment: Text.AlignHCenter
                Layout.fillWidth: true
            }
            BusyIndicator {
                objectName: "checkingIndicator"
                running: checkIn.lease.checking
                visible: running
                Layout.alignment: Qt.AlignHCenter
            }
            Label {
                objectName: "problemText"
                text: checkIn.lease.problem
                visible: text.length > 0 && !checkIn.lease.checking
                color: checkIn.errorColor
                wrapMode: Text.Wrap
                horizontalAlignment: Text.AlignHCenter
                Layout.fillWidth: true
                Accessible.role: Accessible.AlertMessage
                Accessible.name: text
            }
            ActionButton {
                objectName: "checkInButton"
                text: checkIn.lease.checking ? qsTr("Checking in…") : qsTr("Check in now")
                highlighted: true
                enabled: !checkIn.lease.checking
                Layout.fillWidth: true
                onClicked: checkIn.lease.checkIn()
            }
            ActionButton {
                text: qsTr("Lock")
                flat: true
                Layout.alignment: Qt.AlignHCenter
                onClicked: App.session.lock()
            }
        }
    }
}
