// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Waypoint
import Waypoint.Ui

// Enrolling this device, in Settings and on the sync page, in two steps: the server address
// and the one-time code (typed, pasted or scanned), then the recovery passphrase (chosen on
// the user's first device, typed again on a later one). Hidden once enrolled. Everything it
// shows and does goes through App.connection; how syncing goes is SyncStatusSection.
ColumnLayout {
    id: section
    objectName: "enrolmentSection"
    visible: !App.connection.enrolled
    spacing: Style.gap
    Layout.fillWidth: true

    readonly property int step: App.connection.enrolStep
    readonly property var errors: App.connection.enrolErrors
    readonly property bool askCode: step === SyncConnection.EnterCode || step === SyncConnection.Redeeming
    readonly property bool askPassphrase: step === SyncConnection.ChoosePassphrase
        || step === SyncConnection.EnterPassphrase || step === SyncConnection.SettingUpKeys
    readonly property bool firstDevice: App.connection.firstDevice

    // ----- step 1: server address and one-time code
    Label {
        visible: section.askCode
        text: qsTr("Your administrator gives you a server address and a one-time code (valid for an hour).")
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    Label {
        visible: section.askCode
        text: qsTr("Server address")
        font.bold: true
        Layout.fillWidth: true
    }
    TextField {
        id: server
        objectName: "syncServerField"
        visible: section.askCode
        enabled: section.step === SyncConnection.EnterCode
        placeholderText: "https://sync.example.org"
        inputMethodHints: Qt.ImhUrlCharactersOnly | Qt.ImhNoAutoUppercase | Qt.ImhNoPredictiveText
        Layout.fillWidth: true
        Accessible.name: qsTr("Server address")
    }
    FieldError {
        objectName: "syncServerError"
        visible: section.askCode && text.length > 0
        text: section.errors.server || ""
        Layout.fillWidth: true
    }
    Label {
        visible: section.askCode
        text: qsTr("Enrolment code")
        font.bold: true
        Layout.fillWidth: true
    }
    RowLayout {
        visible: section.askCode
        spacing: Style.gap
        Layout.fillWidth: true
        TextField {
            id: code
            objectName: "syncCodeField"
            enabled: section.step === SyncConnection.EnterCode
            placeholderText: "XXXX-XXXX-XXXX-XXXX"
            inputMethodHints: Qt.ImhNoPredictiveText | Qt.ImhPreferUppercase
            Layout.fillWidth: true
            Accessible.name: qsTr("Enrolment code")
            // The QR code's text pasted whole fills both fields.
            onTextChanged: {
                if (text.indexOf("waypoint:") !== 0)
                    return
                const parsed = App.connection.parseEnrolText(text)
                if (parsed.server.length > 0)
                    server.text = parsed.server
                text = parsed.code
            }
        }
        ActionButton {
            objectName: "syncPasteButton"
            text: qsTr("Paste")
            enabled: section.step === SyncConnection.EnterCode
            Accessible.name: qsTr("Paste the code or the QR code's text")
            onClicked: {
                code.selectAll()
                code.paste()
            }
        }
    }
    FieldError {
        objectName: "syncCodeError"
        visible: section.askCode && text.length > 0
        text: section.errors.code || ""
        Layout.fillWidth: true
    }
    // Got a QR code: the scan page (qml/scan) sends its text back here, read like a paste.
    ActionButton {
        objectName: "syncScanButton"
        visible: section.askCode
        text: qsTr("Scan QR code")
        enabled: section.step === SyncConnection.EnterCode
        Layout.fillWidth: true
        Accessible.name: qsTr("Scan the enrolment QR code with the camera")
        onClicked: Nav.open("scan", {})
    }
    Connections {
        target: Nav
        function onEnrolmentScanned(text: string) {
            if (section.askCode && section.step === SyncConnection.EnterCode)
                code.text = text
        }
    }
    ActionButton {
        objectName: "syncEnrolButton"
        visible: section.askCode
        text: section.step === SyncConnection.Redeeming ? qsTr("Connecting\u2026") : qsTr("Enrol this device")
        enabled: section.step === SyncConnection.EnterCode && App.session.state === Session.Unlocked
        highlighted: true
        Layout.fillWidth: true
        Accessible.name: qsTr("Enrol this device")
        onClicked: App.connection.enrol(server.text, code.text)
    }
    BusyIndicator {
        visible: App.connection.busy
        running: visible
        Layout.alignment: Qt.AlignHCenter
    }

    // ----- step 2: the recovery passphrase
    ColumnLayout {
        id: passphrase
        objectName: "syncPassphrase"
        visible: section.askPassphrase
        spacing: Style.gap
        Layout.fillWidth: true
        // Back at the code (done, cancelled, locked): no passphrase stays in the fields.
        Connections {
            target: App.connection
            function onEnrolStepChanged() {
                if (App.connection.enrolStep === SyncConnection.EnterCode) {
                    first.text = ""
                    second.text = ""
                }
            }
        }

        Label {
            text: section.firstDevice
                ? qsTr("This is your first device. Choose a recovery passphrase: it protects the copy of your keys kept on the server, and you will type it when you set up another phone. Nobody can recover it for you, so write it down somewhere safe.")
                : qsTr("You already use Waypoint on another device. Enter the recovery passphrase you chose then, to bring your keys to this phone.")
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        TextField {
            id: first
            objectName: "syncPassphraseField"
            echoMode: TextInput.Password
            enabled: section.step !== SyncConnection.SettingUpKeys
            placeholderText: qsTr("Recovery passphrase")
            Layout.fillWidth: true
            Accessible.name: qsTr("Recovery passphrase")
        }
        FieldError {
            visible: text.length > 0
            text: section.errors.passphrase || ""
            Layout.fillWidth: true
        }
        TextField {
            id: second
            objectName: "syncConfirmField"
            visible: section.firstDevice
            echoMode: TextInput.Password
            enabled: section.step !== SyncConnection.SettingUpKeys
            placeholderText: qsTr("Recovery passphrase again")
            Layout.fillWidth: true
            Accessible.name: qsTr("Confirm the recovery passphrase")
        }
        FieldError {
            visible: text.length > 0
            text: section.errors.confirm || ""
            Layout.fillWidth: true
        }
        ActionButton {
            objectName: "syncPassphraseButton"
            text: section.step === SyncConnection.SettingUpKeys ? qsTr("Setting up keys\u2026")
                : section.firstDevice ? qsTr("Save passphrase and finish") : qsTr("Restore my keys")
            enabled: section.step !== SyncConnection.SettingUpKeys
            highlighted: true
            Layout.fillWidth: true
            Accessible.name: text
            onClicked: App.connection.setPassphrase(first.text, second.text)
        }
        ActionButton {
            objectName: "syncCancelButton"
            text: qsTr("Cancel")
            flat: true
            enabled: section.step !== SyncConnection.SettingUpKeys
            Layout.fillWidth: true
            Accessible.name: qsTr("Cancel enrolment")
            onClicked: App.connection.cancelEnrolment()
        }
    }
    FieldError {
        objectName: "syncEnrolMessage"
        visible: !App.connection.enrolled && text.length > 0
        text: App.connection.enrolMessage
        Layout.fillWidth: true
    }
}
