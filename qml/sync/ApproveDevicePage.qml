// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Waypoint
import Waypoint.Ui

// Approving a new device of this user (from the sync page's card): which device it is, then
// the six groups of five digits the new device shows, typed here. App.newDevices compares
// them (in constant time, in the sync layer); when they differ nothing is sent, and the page
// says so. Once approved the new device receives the user's keys, sealed to it.
FormPage {
    id: page
    objectName: "approveDevicePage"
    title: qsTr("Approve a device")

    property string deviceId: ""
    readonly property var device: App.newDevices.count >= 0 ? App.newDevices.device(deviceId) : ({})
    readonly property bool approved: device.state === "approved"
    readonly property int groups: 6

    function typed() {
        let parts = []
        for (let i = 0; i < page.groups; ++i)
            parts.push(fields.itemAt(i).text)
        return parts.join(" ")
    }
    function approve() {
        App.newDevices.approve(page.deviceId, page.typed())
    }

    Component.onCompleted: App.newDevices.clearActionError()

    Label {
        objectName: "approveDeviceName"
        text: page.device.name || ""
        font.bold: true
        font.pixelSize: Style.fontTitle
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    Label {
        objectName: "approveDeviceDetail"
        text: (page.device.platform || "").length > 0
            ? qsTr("%1 \u00b7 enrolled %2").arg(page.device.platform).arg(page.device.whenText || "")
            : qsTr("Enrolled %1").arg(page.device.whenText || "")
        opacity: 0.75
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    Label {
        visible: !page.approved
        text: qsTr("Approve only a device you hold now. It then receives your keys and can read your records.")
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    Label {
        visible: !page.approved
        text: qsTr("Type the six groups of numbers the new device shows")
        font.bold: true
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    // Three groups a row at phone width, as the new device shows them; each jumps to the next
    // once its five digits are in.
    GridLayout {
        objectName: "approveNumberGroups"
        visible: !page.approved
        columns: page.width > 560 ? 6 : 3
        columnSpacing: Style.gap
        rowSpacing: Style.gap
        Layout.fillWidth: true
        Repeater {
            id: fields
            model: page.groups
            delegate: TextField {
                id: field
                required property int index
                objectName: "approveGroup" + index
                maximumLength: 5
                enabled: !App.newDevices.busy
                inputMethodHints: Qt.ImhDigitsOnly | Qt.ImhNoPredictiveText
                validator: RegularExpressionValidator { regularExpression: /[0-9]{0,5}/ }
                font.family: "monospace"
                font.pixelSize: Style.fontTitle
                horizontalAlignment: TextInput.AlignHCenter
                placeholderText: "00000"
                Layout.fillWidth: true
                Layout.minimumWidth: 72
                Accessible.name: qsTr("Group %1 of 6").arg(field.index + 1)
                onTextEdited: {
                    App.newDevices.clearActionError()
                    if (text.length === 5 && field.index + 1 < page.groups)
                        fields.itemAt(field.index + 1).forceActiveFocus()
                }
                onAccepted: {
                    if (field.index + 1 < page.groups)
                        fields.itemAt(field.index + 1).forceActiveFocus()
                    else
                        page.approve()
                }
            }
        }
    }
    FieldError {
        objectName: "approveError"
        visible: text.length > 0
        text: App.newDevices.actionError
        Layout.fillWidth: true
    }
    ActionButton {
        objectName: "approveButton"
        visible: !page.approved
        text: App.newDevices.busy ? qsTr("Approving\u2026") : qsTr("Approve this device")
        enabled: !App.newDevices.busy
        highlighted: true
        Layout.fillWidth: true
        Accessible.name: text
        onClicked: page.approve()
    }
    Label {
        objectName: "approveDone"
        visible: page.approved
        text: qsTr("Approved. The new device receives your keys at its next check and then shows your key fingerprint: it should read %1.").arg(App.connection.keyFingerprint)
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    ActionButton {
        visible: page.approved
        text: qsTr("Done")
        highlighted: true
        Layout.fillWidth: true
        Accessible.name: text
        onClicked: page.goBack()
    }
}
