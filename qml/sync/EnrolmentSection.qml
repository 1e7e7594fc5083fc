// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Waypoint
import Waypoint.Ui

// Enrolling this device, in Settings and on the sync page, in two steps: the server address
// and the one-time code (typed, pasted or scanned), then the user's keys. On the user's first
// device Waypoint makes them with a recovery key, shown once (groups and a QR code) and
// checked by typing one group back; a later device is approved from another of the user's
// devices (KeyApprovalSection) or asks for that key. Hidden once enrolled.
// Everything it shows and does goes through App.connection; how syncing goes is
// SyncStatusSection.
ColumnLayout {
    id: section
    objectName: "enrolmentSection"
    visible: !App.connection.enrolled
    spacing: Style.gap
    Layout.fillWidth: true

    readonly property int step: App.connection.enrolStep
    readonly property var errors: App.connection.enrolErrors
    readonly property bool askCode: step === SyncConnection.EnterCode || step === SyncConnection.Redeeming
    readonly property bool askKeys: step === SyncConnection.MakeKeys
        || step === SyncConnection.EnterRecoveryKey || step === SyncConnection.SettingUpKeys
    readonly property bool showKey: step === SyncConnection.ShowRecoveryKey
    readonly property bool checkKey: step === SyncConnection.CheckRecoveryKey
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
        onTextEdited: App.connection.clearEnrolError("server")
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
            onTextEdited: App.connection.clearEnrolError("code")
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

    // ----- step 2 on a later device: approval by another device, or the recovery key
    KeyApprovalSection { }

    // ----- step 2: the user's keys (made here with a new recovery key, or restored with it)
    ColumnLayout {
        id: keys
        objectName: "syncKeys"
        visible: section.askKeys
        spacing: Style.gap
        Layout.fillWidth: true
        // Back at the code (done, cancelled, locked): no key stays in the field.
        Connections {
            target: App.connection
            function onEnrolStepChanged() {
                if (App.connection.enrolStep === SyncConnection.EnterCode)
                    typedKey.text = ""
            }
        }

        Label {
            text: section.firstDevice
                ? qsTr("This is your first device. Waypoint now makes your keys and a recovery key: the only way to read your records on a new phone. Have a pen and paper ready; the key is shown once.")
                : qsTr("You already use Waypoint on another device. Type the recovery key shown when you set it up, to bring your keys to this phone.")
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        TextField {
            id: typedKey
            objectName: "syncRecoveryKeyField"
            visible: !section.firstDevice
            enabled: section.step !== SyncConnection.SettingUpKeys
            placeholderText: "XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX"
            inputMethodHints: Qt.ImhNoPredictiveText | Qt.ImhPreferUppercase | Qt.ImhSensitiveData
            font.family: "monospace"
            Layout.fillWidth: true
            Accessible.name: qsTr("Recovery key")
            onTextEdited: App.connection.clearEnrolError("recoveryKey")
        }
        // The form of the key before it is typed, not only in the error after.
        Label {
            objectName: "syncRecoveryKeyRule"
            visible: !section.firstDevice
            text: qsTr("Nine groups of four letters and digits. Spaces, dashes and capitals do not matter.")
            opacity: 0.75
            wrapMode: Text.Wrap
            font.pixelSize: Style.fontSmall
            Layout.fillWidth: true
        }
        FieldError {
            objectName: "syncRecoveryKeyError"
            visible: text.length > 0
            text: section.errors.recoveryKey || ""
            Layout.fillWidth: true
        }
        ActionButton {
            objectName: "syncKeysButton"
            text: section.step === SyncConnection.SettingUpKeys
                ? (section.firstDevice ? qsTr("Making your keys\u2026") : qsTr("Restoring your keys\u2026"))
                : section.firstDevice ? qsTr("Show my recovery key") : qsTr("Restore my keys")
            enabled: section.step !== SyncConnection.SettingUpKeys
            highlighted: true
            Layout.fillWidth: true
            Accessible.name: text
            onClicked: section.firstDevice ? App.connection.makeKeys()
                                           : App.connection.restoreKeys(typedKey.text)
        }
        ActionButton {
            objectName: "askAnotherDeviceButton"
            visible: !section.firstDevice
            text: App.connection.approvalFingerprint.length > 0
                ? qsTr("Back to waiting for approval") : qsTr("Approve from another device instead")
            flat: true
            enabled: section.step !== SyncConnection.SettingUpKeys
            Layout.fillWidth: true
            Accessible.name: text
            onClicked: App.connection.askAnotherDevice()
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

    // ----- the new recovery key, shown once
    ColumnLayout {
        id: card
        objectName: "recoveryKeyCard"
        visible: section.showKey
        spacing: Style.gap
        Layout.fillWidth: true
        property bool showQr: false
        readonly property var groups: App.connection.recoveryKeyGroups
        readonly property var qr: App.connection.recoveryKeyQr

        Label {
            text: qsTr("Your recovery key")
            font.bold: true
            font.pixelSize: Style.fontTitle
            Layout.fillWidth: true
        }
        Label {
            text: qsTr("Write this down; it is the only way to read your records on a new phone. Keep it somewhere safe, away from this phone. Waypoint shows it only now, and nobody can recover it for you.")
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        GridLayout {
            objectName: "recoveryKeyGroups"
            visible: !card.showQr
            columns: 3
            columnSpacing: Style.margin
            rowSpacing: Style.gap
            Layout.alignment: Qt.AlignHCenter
            Repeater {
                model: card.groups
                delegate: RowLayout {
                    id: group
                    required property int index
                    required property string modelData
                    spacing: 4
                    Label {
                        text: String(group.index + 1)
                        opacity: 0.6
                        font.pixelSize: Style.fontCaption
                        Layout.alignment: Qt.AlignBaseline
                    }
                    Label {
                        text: group.modelData
                        font.family: "monospace"
                        font.pixelSize: Style.fontDisplay
                        font.bold: true
                        font.letterSpacing: 2
                        Accessible.name: qsTr("Group %1: %2").arg(group.index + 1)
                            .arg(group.modelData.split("").join(" "))
                    }
                }
            }
        }
        // The same key as a QR code, to print or to keep on paper beside the groups.
        Rectangle {
            objectName: "recoveryKeyQr"
            visible: card.showQr
            color: "white"
            implicitWidth: 232
            implicitHeight: 232
            Layout.alignment: Qt.AlignHCenter
            // One square per module, made only while shown: a few hundred plain items, drawn
            // in the same frame as the rest of the screen.
            Grid {
                id: modules
                readonly property int size: card.qr.length
                readonly property int cell: size > 0 ? Math.floor(200 / size) : 0
                anchors.centerIn: parent
                columns: size
                Repeater {
                    model: card.showQr ? modules.size * modules.size : 0
                    delegate: Rectangle {
                        required property int index
                        width: modules.cell
                        height: modules.cell
                        color: card.qr[Math.floor(index / modules.size)][index % modules.size] === "1"
                            ? "black" : "white"
                    }
                }
            }
            Accessible.name: qsTr("The recovery key as a QR code")
        }
        ActionButton {
            objectName: "recoveryKeyQrButton"
            text: card.showQr ? qsTr("Show the groups") : qsTr("Show QR code")
            flat: true
            Layout.fillWidth: true
            Accessible.name: text
            onClicked: card.showQr = !card.showQr
        }
        ActionButton {
            objectName: "recoveryKeyWrittenButton"
            text: qsTr("I have written it down")
            highlighted: true
            Layout.fillWidth: true
            Accessible.name: text
            onClicked: {
                card.showQr = false
                App.connection.recoveryKeyWrittenDown()
            }
        }
    }

    // ----- the check that the key was written down: one group, typed back
    ColumnLayout {
        id: check
        objectName: "recoveryKeyCheck"
        visible: section.checkKey
        spacing: Style.gap
        Layout.fillWidth: true
        Connections {
            target: App.connection
            function onEnrolStepChanged() {
                if (App.connection.enrolStep !== SyncConnection.CheckRecoveryKey)
                    checkField.text = ""
            }
        }

        Label {
            text: qsTr("From what you wrote down, type group %1 of your recovery key.")
                .arg(App.connection.checkGroup)
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        TextField {
            id: checkField
            objectName: "recoveryKeyCheckField"
            placeholderText: "XXXX"
            maximumLength: 6
            inputMethodHints: Qt.ImhNoPredictiveText | Qt.ImhPreferUppercase | Qt.ImhSensitiveData
            font.family: "monospace"
            font.pixelSize: Style.fontDisplay
            Layout.fillWidth: true
            Accessible.name: qsTr("Group %1 of the recovery key").arg(App.connection.checkGroup)
            onAccepted: App.connection.confirmRecoveryKey(text)
            onTextEdited: App.connection.clearEnrolError("check")
        }
        FieldError {
            objectName: "recoveryKeyCheckError"
            visible: text.length > 0
            text: section.errors.check || ""
            Layout.fillWidth: true
        }
        ActionButton {
            objectName: "recoveryKeyCheckButton"
            text: qsTr("Check and finish")
            highlighted: true
            Layout.fillWidth: true
            Accessible.name: text
            onClicked: App.connection.confirmRecoveryKey(checkField.text)
        }
        ActionButton {
            objectName: "recoveryKeyAgainButton"
            text: qsTr("Show the key again")
            flat: true
            Layout.fillWidth: true
            Accessible.name: text
            onClicked: App.connection.showRecoveryKeyAgain()
        }
    }
    FieldError {
        objectName: "syncEnrolMessage"
        visible: !App.connection.enrolled && text.length > 0
        text: App.connection.enrolMessage
        Layout.fillWidth: true
    }
}
