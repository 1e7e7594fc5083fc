import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Waypoint
import Waypoint.Ui

// The PIN pad. After wrong PINs the pad waits, with a countdown saying how long and why.
Page {
    id: unlock
    objectName: "unlock"
    property string entered: ""
    readonly property bool waiting: App.session.retrySeconds > 0

    function submit() {
        if (unlock.entered.length === 0)
            return
        App.session.unlock(unlock.entered)
        unlock.entered = ""
    }

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
            spacing: 12

            Label {
                text: qsTr("Waypoint is locked")
                font.pixelSize: 24
                font.bold: true
                wrapMode: Text.Wrap
                horizontalAlignment: Text.AlignHCenter
                Layout.fillWidth: true
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }
            Label {
                text: passphrase.checked ? qsTr("Enter your passphrase") : qsTr("Enter your PIN")
                opacity: 0.8
                horizontalAlignment: Text.AlignHCenter
                Layout.fillWidth: true
            }
            Label {
                objectName: "pinDots"
                visible: !passphrase.checked
                text: unlock.entered.length > 0 ? "\u25cf ".repeat(unlock.entered.length).trim() : " "
                font.pixelSize: 22
                font.letterSpacing: 4
                horizontalAlignment: Text.AlignHCenter
                Layout.fillWidth: true
                Layout.minimumHeight: 32
                Accessible.name: qsTr("%n digit(s) entered", "", unlock.entered.length)
            }
            TextField {
                id: passField
                objectName: "passphraseField"
                visible: passphrase.checked
                echoMode: TextInput.Password
                enabled: !unlock.waiting && !App.session.busy
                placeholderText: qsTr("Passphrase")
                Layout.fillWidth: true
                Accessible.name: qsTr("Passphrase")
                onAccepted: {
                    App.session.unlock(text)
                    text = ""
                }
            }
            Label {
                objectName: "unlockMessage"
                text: unlock.waiting
                      ? qsTr("Too many wrong PINs. Try again in %n second(s).", "", App.session.retrySeconds)
                      : App.session.message
                visible: text.length > 0
                color: Material.theme === Material.Dark ? Style.errorColorDark : Style.errorColor
                wrapMode: Text.Wrap
                horizontalAlignment: Text.AlignHCenter
                Layout.fillWidth: true
                Accessible.role: Accessible.AlertMessage
                Accessible.name: text
            }
            Label {
                visible: App.session.attemptsLeft > 0 && App.session.attemptsLeft <= 5
                text: qsTr("%n attempt(s) left before everything on this phone is erased.", "", App.session.attemptsLeft)
                wrapMode: Text.Wrap
                font.pixelSize: 14
                horizontalAlignment: Text.AlignHCenter
                Layout.fillWidth: true
            }
            PinPad {
                visible: !passphrase.checked
                keysEnabled: !unlock.waiting && !App.session.busy
                Layout.fillWidth: true
                onDigit: d => { if (unlock.entered.length < 32) unlock.entered += d }
                onErase: unlock.entered = unlock.entered.slice(0, -1)
                onSubmit: unlock.submit()
            }
            BusyIndicator {
                running: App.session.busy
                visible: running
                Layout.alignment: Qt.AlignHCenter
            }
            CheckBox {
                id: passphrase
                text: qsTr("I use a passphrase")
                Layout.alignment: Qt.AlignHCenter
                Accessible.name: text
            }
        }
    }
}
