// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Waypoint
import Waypoint.Ui

// Who syncs from here, on the sync page: once enrolled, who the device is for (the user's name
// and organisation, as the server says), then this device's name, the worker's to choose (sent
// to the server at enrolment and with each rename), and, once the device has them, the
// fingerprint of the user's keys.
ColumnLayout {
    id: section
    objectName: "syncIdentitySection"
    spacing: Style.gap
    Layout.fillWidth: true

    readonly property var errors: App.connection.enrolErrors
    readonly property string nameError: errors.deviceName || ""

    function rename() {
        App.connection.setDeviceName(nameField.text)
    }

    SectionTitle { text: qsTr("This device") }
    Label {
        objectName: "enrolledFor"
        visible: text.length > 0
        text: App.connection.enrolledFor
        font.bold: true
        wrapMode: Text.Wrap
        Layout.fillWidth: true
        Accessible.name: qsTr("Syncing for %1").arg(text)
    }
    RowLayout {
        spacing: Style.gap
        Layout.fillWidth: true
        TextField {
            id: nameField
            objectName: "deviceNameField"
            text: App.connection.deviceName
            maximumLength: 80
            inputMethodHints: Qt.ImhNoPredictiveText
            Layout.fillWidth: true
            Accessible.name: qsTr("Device name")
            onTextEdited: App.connection.clearEnrolError("deviceName")
            onAccepted: section.rename()
        }
        ActionButton {
            objectName: "deviceNameSave"
            text: qsTr("Rename")
            enabled: nameField.text.trim() !== App.connection.deviceName
            Accessible.name: qsTr("Rename this device")
            onClicked: section.rename()
        }
    }
    FieldError {
        objectName: "deviceNameError"
        visible: text.length > 0
        text: section.nameError
        Layout.fillWidth: true
    }
    Label {
        objectName: "deviceNameNote"
        text: !App.connection.enrolled
            ? qsTr("Sent to your organisation's server when this device is enrolled, so your devices can be told apart.")
            : App.connection.deviceNameWaiting
                ? qsTr("The new name reaches your organisation's server at the next sync.")
                : qsTr("Your organisation's server knows this device by this name, so your devices can be told apart.")
        opacity: 0.75
        wrapMode: Text.Wrap
        font.pixelSize: Style.fontSmall
        Layout.fillWidth: true
    }
    Label {
        visible: App.connection.keyFingerprint.length > 0
        text: qsTr("Your key fingerprint")
        font.bold: true
        Layout.fillWidth: true
    }
    Label {
        objectName: "keyFingerprint"
        visible: text.length > 0
        text: App.connection.keyFingerprint
        font.family: "monospace"
        wrapMode: Text.Wrap
        Layout.fillWidth: true
        Accessible.name: qsTr("Your key fingerprint: %1").arg(text)
    }
    Label {
        visible: App.connection.keyFingerprint.length > 0
        text: qsTr("The people you sync with see the same digits for your keys: compare them in person when Waypoint or your supervisor asks.")
        opacity: 0.75
        wrapMode: Text.Wrap
        font.pixelSize: Style.fontSmall
        Layout.fillWidth: true
    }
}
