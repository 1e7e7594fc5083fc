// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Waypoint
import Waypoint.Ui

// On the sync page: one card for each device of this user enrolled after this one, until the
// person dismisses it (App.newDevices). A device that waits can be approved (the approve page
// asks for the numbers it shows) or denied, after a confirmation: the server revokes it and
// it erases itself. One restored with the recovery key can only be dismissed; if it was not
// the user, the administrator revokes it. Rows sit in a Column (not a layout): Qt 6.4 layouts
// keep Repeater rows after a reset.
ColumnLayout {
    id: section
    objectName: "newDevicesSection"
    visible: App.connection.enrolled && App.newDevices.count > 0
    spacing: Style.gap
    Layout.fillWidth: true

    property string denyId: ""
    property string denyName: ""

    SectionTitle { text: qsTr("New devices") }
    FieldError {
        objectName: "newDeviceActionError"
        visible: text.length > 0 && !App.newDevices.busy
        text: App.newDevices.actionError
        Layout.fillWidth: true
    }
    Column {
        objectName: "newDevicesList"
        spacing: Style.gap
        Layout.fillWidth: true
        Repeater {
            model: App.newDevices
            delegate: Pane {
                id: card
                required property int index
                required property string deviceId
                required property string name
                required property string platform
                required property string whenText
                required property string deviceState
                required property string stateText
                readonly property bool pending: deviceState === "pending"
                objectName: "newDeviceCard" + index
                width: parent ? parent.width : 0
                padding: 12
                Material.elevation: 0
                background: Rectangle {
                    radius: 8
                    color: "transparent"
                    border.width: card.pending ? 2 : 1
                    border.color: card.pending ? card.Material.accentColor : card.Material.dividerColor
                }
                Accessible.role: Accessible.ListItem
                Accessible.name: card.name + ", " + card.whenText + ", " + card.stateText

                ColumnLayout {
                    width: parent.width
                    spacing: 4
                    Label {
                        text: card.name
                        font.bold: true
                        font.pixelSize: Style.fontEmphasis
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                    Label {
                        text: card.platform.length > 0
                            ? qsTr("%1 \u00b7 enrolled %2").arg(card.platform).arg(card.whenText)
                            : qsTr("Enrolled %1").arg(card.whenText)
                        opacity: 0.75
                        font.pixelSize: Style.fontSmall
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                    Label {
                        objectName: "newDeviceState"
                        text: card.stateText
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                    // Approve and Deny side by side: both reach a thumb.
                    RowLayout {
                        visible: card.pending
                        spacing: Style.gap
                        Layout.fillWidth: true
                        ActionButton {
                            objectName: "newDeviceDeny"
                            text: qsTr("Deny")
                            flat: true
                            enabled: !App.newDevices.busy
                            Layout.fillWidth: true
                            Accessible.name: qsTr("Deny %1").arg(card.name)
                            onClicked: {
                                section.denyId = card.deviceId
                                section.denyName = card.name
                                denyDialog.open()
                            }
                        }
                        ActionButton {
                            objectName: "newDeviceApprove"
                            text: qsTr("Approve")
                            highlighted: true
                            enabled: !App.newDevices.busy
                            Layout.fillWidth: true
                            Accessible.name: qsTr("Approve %1").arg(card.name)
                            onClicked: Nav.open("approveDevice", { deviceId: card.deviceId })
                        }
                    }
                    ActionButton {
                        objectName: "newDeviceDismiss"
                        visible: !card.pending
                        text: qsTr("Dismiss")
                        flat: true
                        Layout.fillWidth: true
                        Accessible.name: qsTr("Dismiss the notice of %1").arg(card.name)
                        onClicked: App.newDevices.dismiss(card.deviceId)
                    }
                }
            }
        }
    }

    ConfirmDialog {
        id: denyDialog
        objectName: "newDeviceDenyDialog"
        title: qsTr("Deny %1?").arg(section.denyName)
        text: qsTr("The device is revoked and erases itself. If it was yours, you will need a new enrolment code for it.")
        confirmText: qsTr("Deny")
        onConfirmed: App.newDevices.deny(section.denyId)
    }
}
