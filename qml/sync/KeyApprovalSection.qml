// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Waypoint
import Waypoint.Ui

// A later device of a user who has keys: how the keys come to it. Approval from one of the
// user's other devices is the recommended way; the recovery key is the other. Once asked, the
// request fingerprint is shown large, in six groups of five digits, to be typed on the other
// device, while App.connection asks the server in the background (it goes on after a lock or
// a restart). Part of EnrolmentSection, which shows what went wrong below it.
ColumnLayout {
    id: section
    objectName: "keyApprovalSection"
    readonly property int step: App.connection.enrolStep
    readonly property bool choosing: step === SyncConnection.ChooseKeyWay
        || step === SyncConnection.RequestingApproval
    readonly property bool waiting: step === SyncConnection.AwaitApproval
    visible: choosing || waiting
    spacing: Style.gap
    Layout.fillWidth: true

    // ----- the choice (a Column, not a layout: Qt 6.4 layouts left these wrapped labels at a
    // stale height, under the button)
    Column {
        objectName: "approvalChoice"
        visible: section.choosing
        spacing: Style.gap
        Layout.fillWidth: true
        Label {
            text: qsTr("You already use Waypoint on another device. How should your keys come to this one?")
            wrapMode: Text.Wrap
            width: parent.width
        }
        ActionButton {
            objectName: "askApprovalButton"
            text: section.step === SyncConnection.RequestingApproval
                ? qsTr("Asking\u2026") : qsTr("Approve from another device")
            enabled: section.step === SyncConnection.ChooseKeyWay
            highlighted: true
            width: parent.width
            Accessible.name: qsTr("Approve this device from another of your devices")
            onClicked: App.connection.askApproval()
        }
        Label {
            text: qsTr("Recommended: your phone or computer that has Waypoint already shows this device; you check a number there and approve.")
            opacity: 0.75
            wrapMode: Text.Wrap
            font.pixelSize: Style.fontSmall
            width: parent.width
        }
    }

    // ----- waiting for the approval
    ColumnLayout {
        objectName: "approvalWaiting"
        visible: section.waiting
        spacing: Style.gap
        Layout.fillWidth: true
        Label {
            text: qsTr("Waiting for approval")
            font.bold: true
            font.pixelSize: Style.fontTitle
            Layout.fillWidth: true
        }
        Label {
            text: qsTr("On your other device, open Sync and approve this device; check the numbers match.")
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        // Large and grouped, to be read across a table: three groups a row at phone width.
        GridLayout {
            objectName: "approvalFingerprint"
            columns: section.width > 560 ? 6 : 3
            columnSpacing: Style.margin
            rowSpacing: Style.gap
            Layout.alignment: Qt.AlignHCenter
            Accessible.role: Accessible.StaticText
            Accessible.name: qsTr("Request number: %1").arg(App.connection.approvalFingerprint)
            Repeater {
                model: App.connection.approvalFingerprintGroups
                delegate: Label {
                    required property string modelData
                    text: modelData
                    font.family: "monospace"
                    font.pixelSize: Style.fontDisplay
                    font.bold: true
                    horizontalAlignment: Text.AlignHCenter
                    Layout.fillWidth: true
                }
            }
        }
        RowLayout {
            visible: section.waiting && App.connection.enrolMessage.length === 0
            spacing: Style.gap
            Layout.fillWidth: true
            BusyIndicator {
                running: section.waiting
                implicitWidth: Style.touch
                implicitHeight: Style.touch
            }
            Label {
                text: qsTr("This screen moves on by itself once the other device approves. You can lock Waypoint meanwhile.")
                opacity: 0.75
                wrapMode: Text.Wrap
                font.pixelSize: Style.fontSmall
                Layout.fillWidth: true
            }
        }
    }

    // ----- either way: the recovery key instead, or stop
    ActionButton {
        objectName: "useRecoveryKeyButton"
        text: qsTr("Use my recovery key")
        flat: true
        enabled: section.step !== SyncConnection.RequestingApproval
        Layout.fillWidth: true
        Accessible.name: qsTr("Use my recovery key instead")
        onClicked: App.connection.useRecoveryKey()
    }
    ActionButton {
        objectName: "approvalCancelButton"
        text: qsTr("Cancel")
        flat: true
        enabled: section.step !== SyncConnection.RequestingApproval
        Layout.fillWidth: true
        Accessible.name: qsTr("Cancel enrolment")
        onClicked: App.connection.cancelEnrolment()
    }
}
