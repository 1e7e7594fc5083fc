// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Waypoint
import Waypoint.Ui

// First run: what Waypoint keeps and who sees it, in plain words; then a PIN or passphrase.
Page {
    id: firstRun
    objectName: "firstRun"

    Flickable {
        id: flick
        anchors.fill: parent
        contentWidth: width
        contentHeight: column.implicitHeight + 48
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        ScrollBar.vertical: ScrollBar { }

        ColumnLayout {
            id: column
            x: Math.max(Style.margin, (flick.width - width) / 2)
            y: 24
            width: Math.min(flick.width - 2 * Style.margin, 560)
            spacing: 12

            Label {
                text: qsTr("Welcome to Waypoint")
                font.pixelSize: Style.fontHero
                font.bold: true
                wrapMode: Text.Wrap
                Layout.fillWidth: true
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }
            Label {
                text: qsTr("A notebook for your peer work: the people you support, your encounters, your diary and your supervision.")
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }

            SectionTitle { text: qsTr("What it keeps, and who can see it") }
            Repeater {
                model: [
                    qsTr("Everything stays on this phone, locked with your PIN. Without it the file is unreadable, even if the phone is lost or taken."),
                    qsTr("People you support are recorded by a pseudonym or initials, never a full name."),
                    qsTr("Your diary is private. Your supervisor sees an entry only if you switch on \u201cShare\u201d for that entry."),
                    qsTr("Your supervision notes are yours alone: only you can read them."),
                    qsTr("It works with no signal. Nothing leaves this phone until a device is enrolled for sync, and then only encrypted.")
                ]
                delegate: RowLayout {
                    id: point
                    required property string modelData
                    spacing: 10
                    Layout.fillWidth: true
                    Label { text: "\u2022"; font.pixelSize: Style.fontLead; Layout.alignment: Qt.AlignTop }
                    Label {
                        text: point.modelData
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                }
            }

            SectionTitle { text: passphrase.checked ? qsTr("Choose a passphrase") : qsTr("Choose a PIN") }
            Label {
                objectName: "pinRule"
                text: qsTr("At least 6 digits, not a run like 123456 nor one of the most common PINs; or a passphrase of at least 6 characters. There is no way to recover it: after 10 wrong tries everything on this phone is erased.")
                wrapMode: Text.Wrap
                opacity: 0.8
                Layout.fillWidth: true
            }
            // Chosen before typing: a PIN is digits only (the unlock screen shows a digit pad),
            // a passphrase may have letters and spaces (the unlock screen shows a text field).
            CheckBox {
                id: passphrase
                objectName: "usePassphrase"
                text: qsTr("Use a passphrase instead of digits")
                Layout.fillWidth: true
                Accessible.name: text
                onToggled: App.session.message = ""
                // Wraps with large text rather than cutting the choice short.
                contentItem: Label {
                    text: passphrase.text
                    font: passphrase.font
                    leftPadding: passphrase.indicator.width + passphrase.spacing
                    wrapMode: Text.Wrap
                    verticalAlignment: Text.AlignVCenter
                }
            }
            TextField {
                id: pin
                objectName: "newPin"
                echoMode: TextInput.Password
                inputMethodHints: passphrase.checked ? Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
                                                     : Qt.ImhDigitsOnly | Qt.ImhSensitiveData
                placeholderText: passphrase.checked ? qsTr("Passphrase") : qsTr("PIN")
                Layout.fillWidth: true
                Accessible.name: qsTr("New PIN or passphrase")
                // A shown problem follows the typing: it goes once the PIN is fixed.
                onTextEdited: App.session.recheckNewPin(pin.text, confirm.text, passphrase.checked)
            }
            TextField {
                id: confirm
                objectName: "confirmPin"
                echoMode: TextInput.Password
                inputMethodHints: pin.inputMethodHints
                placeholderText: qsTr("Type it again")
                Layout.fillWidth: true
                Accessible.name: qsTr("Confirm PIN or passphrase")
                onTextEdited: App.session.recheckNewPin(pin.text, confirm.text, passphrase.checked)
                onAccepted: create.clicked()
            }
            FieldError {
                objectName: "pinError"
                text: App.session.message
                Layout.fillWidth: true
            }
            Label {
                text: qsTr("When this phone is enrolled for sync, Waypoint shows you a recovery key to write down.")
                wrapMode: Text.Wrap
                opacity: 0.7
                font.pixelSize: Style.fontSmall
                Layout.fillWidth: true
            }
            ActionButton {
                objectName: "pinOnlyButton"
                visible: App.session.keystoreUnavailable
                text: qsTr("Protect with my PIN only")
                enabled: !App.session.busy
                Layout.fillWidth: true
                Layout.minimumHeight: Style.touch
                Accessible.name: qsTr("Protect my records with my PIN only, without a keychain")
                onClicked: App.session.createPinOnly(pin.text, confirm.text, passphrase.checked)
            }
            ActionButton {
                id: create
                objectName: "createPinButton"
                text: App.session.busy ? qsTr("Setting up\u2026")
                      : App.session.keystoreUnavailable ? qsTr("Try the keychain again")
                      : qsTr("Create PIN and start")
                highlighted: true
                enabled: !App.session.busy
                Layout.fillWidth: true
                Layout.minimumHeight: Style.touch
                Accessible.name: qsTr("Create PIN and start")
                onClicked: App.session.createPin(pin.text, confirm.text, passphrase.checked)
            }
            BusyIndicator {
                running: App.session.busy
                visible: running
                Layout.alignment: Qt.AlignHCenter
            }
        }
    }
}
