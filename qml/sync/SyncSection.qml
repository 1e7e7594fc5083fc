pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Waypoint
import Waypoint.Ui

// Sync in Settings and on the sync page: the status, "Sync now", counts and last sync once
// enrolled; before that, enrolment in two steps (server address and one-time code, then the
// recovery passphrase). Everything it shows and does goes through App.sync.
ColumnLayout {
    id: section
    objectName: "syncSection"
    spacing: Style.gap
    Layout.fillWidth: true

    readonly property int step: App.sync.enrolStep
    readonly property var errors: App.sync.enrolErrors
    readonly property bool askCode: !App.sync.enrolled
        && (step === SyncController.EnterCode || step === SyncController.Redeeming)
    readonly property bool askPassphrase: !App.sync.enrolled
        && (step === SyncController.ChoosePassphrase || step === SyncController.EnterPassphrase
            || step === SyncController.SettingUpKeys)
    readonly property bool firstDevice: step === SyncController.ChoosePassphrase
        || (step === SyncController.SettingUpKeys && !passphrase.restoring)

    Label {
        objectName: "syncStatus"
        text: App.sync.statusText
        font.bold: true
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    Label {
        objectName: "syncDetail"
        visible: !section.askPassphrase
        text: App.sync.detailText
        opacity: 0.75
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }

    // ----- enrolled: status and Sync now
    Label {
        objectName: "syncLast"
        visible: App.sync.enrolled
        text: App.sync.lastSyncText
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    Label {
        objectName: "syncPending"
        visible: App.sync.enrolled
        text: App.sync.pendingCount === 0 ? qsTr("No changes waiting to be sent.")
            : qsTr("%n change(s) waiting to be sent.", "", App.sync.pendingCount)
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    FieldError {
        objectName: "syncFailed"
        visible: App.sync.enrolled && App.sync.failedCount > 0
        text: visible ? qsTr("%n change(s) refused by the server. They stay on this phone.", "", App.sync.failedCount) : ""
        Layout.fillWidth: true
    }
    ActionButton {
        objectName: "syncFailedButton"
        visible: App.sync.enrolled && App.sync.failedCount > 0
        text: qsTr("See refused changes")
        Layout.fillWidth: true
        Accessible.name: qsTr("See the changes the server refused")
        onClicked: Nav.open("failedChanges", {})
    }
    Label {
        visible: App.sync.enrolled && App.sync.serverUrl.length > 0
        text: qsTr("Server: %1").arg(App.sync.serverUrl)
        opacity: 0.75
        font.pixelSize: 14
        elide: Text.ElideMiddle
        Layout.fillWidth: true
    }
    ActionButton {
        objectName: "syncNowButton"
        visible: App.sync.enrolled
        text: App.sync.state === SyncController.Syncing ? qsTr("Syncing\u2026") : qsTr("Sync now")
        enabled: App.sync.state !== SyncController.Syncing
        highlighted: true
        Layout.fillWidth: true
        Accessible.name: qsTr("Sync now")
        onClicked: App.sync.syncNow()
    }

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
        enabled: section.step === SyncController.EnterCode
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
            enabled: section.step === SyncController.EnterCode
            placeholderText: "XXXX-XXXX-XXXX-XXXX"
            inputMethodHints: Qt.ImhNoPredictiveText | Qt.ImhPreferUppercase
            Layout.fillWidth: true
            Accessible.name: qsTr("Enrolment code")
            // The QR code's text pasted whole fills both fields.
            onTextChanged: {
                if (text.indexOf("waypoint:") !== 0)
                    return
                const parsed = App.sync.parseEnrolText(text)
                if (parsed.server.length > 0)
                    server.text = parsed.server
                text = parsed.code
            }
        }
        ActionButton {
            objectName: "syncPasteButton"
            text: qsTr("Paste")
            enabled: section.step === SyncController.EnterCode
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
        enabled: section.step === SyncController.EnterCode
        Layout.fillWidth: true
        Accessible.name: qsTr("Scan the enrolment QR code with the camera")
        onClicked: Nav.open("scan", {})
    }
    Connections {
        target: Nav
        function onEnrolmentScanned(text: string) {
            if (section.askCode && section.step === SyncController.EnterCode)
                code.text = text
        }
    }
    ActionButton {
        objectName: "syncEnrolButton"
        visible: section.askCode
        text: section.step === SyncController.Redeeming ? qsTr("Connecting\u2026") : qsTr("Enrol this device")
        enabled: section.step === SyncController.EnterCode && App.session.state === Session.Unlocked
        highlighted: true
        Layout.fillWidth: true
        Accessible.name: qsTr("Enrol this device")
        onClicked: App.sync.enrol(server.text, code.text)
    }
    BusyIndicator {
        visible: App.sync.busy && !App.sync.enrolled
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
        // Initial value for a section created while enrolment waits at the passphrase (resumed
        // after a lock); later steps set it.
        property bool restoring: App.sync.enrolStep === SyncController.EnterPassphrase
        Connections {
            target: App.sync
            function onEnrolChanged() {
                if (App.sync.enrolStep === SyncController.EnterPassphrase)
                    passphrase.restoring = true
                else if (App.sync.enrolStep === SyncController.ChoosePassphrase)
                    passphrase.restoring = false
                if (App.sync.enrolStep === SyncController.EnterCode) {
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
            enabled: section.step !== SyncController.SettingUpKeys
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
            enabled: section.step !== SyncController.SettingUpKeys
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
            text: section.step === SyncController.SettingUpKeys ? qsTr("Setting up keys\u2026")
                : section.firstDevice ? qsTr("Save passphrase and finish") : qsTr("Restore my keys")
            enabled: section.step !== SyncController.SettingUpKeys
            highlighted: true
            Layout.fillWidth: true
            Accessible.name: text
            onClicked: App.sync.setPassphrase(first.text, second.text)
        }
        ActionButton {
            objectName: "syncCancelButton"
            text: qsTr("Cancel")
            flat: true
            enabled: section.step !== SyncController.SettingUpKeys
            Layout.fillWidth: true
            Accessible.name: qsTr("Cancel enrolment")
            onClicked: App.sync.cancelEnrolment()
        }
    }
    FieldError {
        objectName: "syncEnrolMessage"
        visible: !App.sync.enrolled && text.length > 0
        text: App.sync.enrolMessage
        Layout.fillWidth: true
    }
}
