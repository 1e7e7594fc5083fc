// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Waypoint
import Waypoint.Ui

// The PIN pad. After wrong PINs the pad waits, with a countdown saying how long and why.
// The keys never move: every message has a place reserved above the pad (as tall as the
// longest one the pad can show), and the busy indicator takes the place of the dots, so no
// message appearing or going re-centres the column under the worker's thumb.
Page {
    id: unlock
    objectName: "unlock"
    property string entered: ""
    readonly property bool waiting: App.session.retrySeconds > 0
    readonly property bool padEnabled: !unlock.waiting && !App.session.busy
    readonly property color errorColor: Material.theme === Material.Dark ? Style.errorColorDark : Style.errorColor

    // Key presses reach the pad while the passphrase field does not take them.
    focus: true

    function submit() {
        if (unlock.entered.length === 0)
            return
        App.session.unlock(unlock.entered)
        unlock.entered = ""
    }
    function addDigit(d: string) {
        if (unlock.padEnabled && unlock.entered.length < 32)
            unlock.entered += d
    }

    // A keyboard works like the pad: digits, Backspace, Enter.
    Keys.onPressed: event => {
        if (passphrase.checked)
            return
        if (event.key >= Qt.Key_0 && event.key <= Qt.Key_9) {
            unlock.addDigit(String(event.key - Qt.Key_0))
        } else if (event.key === Qt.Key_Backspace || event.key === Qt.Key_Delete) {
            unlock.entered = unlock.entered.slice(0, -1)
        } else if (event.key === Qt.Key_Return || event.key === Qt.Key_Enter) {
            if (unlock.padEnabled)
                unlock.submit()
        } else {
            return
        }
        event.accepted = true
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
                font.pixelSize: Style.fontDisplay
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

            // What went wrong and how many attempts are left, bottom-aligned over the pad in a
            // space that never changes height.
            Item {
                id: messages
                objectName: "unlockMessages"
                Layout.fillWidth: true
                Layout.preferredHeight: Math.max(longestCountdown.implicitHeight, longestWait.implicitHeight)
                                        + messageColumn.spacing + longestAttempts.implicitHeight

                // The longest texts the pad shows, measured in the current language and size
                // (never shown): the reserved height.
                Label {
                    id: longestCountdown
                    visible: false
                    width: messages.width
                    wrapMode: Text.Wrap
                    text: qsTr("Too many wrong PINs. Try again in %n second(s).", "", 888)
                }
                Label {
                    id: longestWait
                    visible: false
                    width: messages.width
                    wrapMode: Text.Wrap
                    text: qsTr("Too many wrong PINs. Wait, then try again.")
                }
                Label {
                    id: longestAttempts
                    visible: false
                    width: messages.width
                    wrapMode: Text.Wrap
                    font.pixelSize: attemptsLabel.font.pixelSize
                    text: qsTr("%n attempt(s) left before everything on this phone is erased.", "", 5)
                }

                Column {
                    id: messageColumn
                    anchors.left: parent.left
                    anchors.right: parent.right
                    anchors.bottom: parent.bottom
                    spacing: 4
                    Label {
                        id: messageLabel
                        objectName: "unlockMessage"
                        text: unlock.waiting
                              ? qsTr("Too many wrong PINs. Try again in %n second(s).", "", App.session.retrySeconds)
                              : App.session.message
                        visible: text.length > 0
                        width: parent.width
                        color: unlock.errorColor
                        wrapMode: Text.Wrap
                        // A rare long message (a damaged file) stays inside the reserved space.
                        maximumLineCount: Math.max(1, Math.floor((messages.height
                            - (attemptsLabel.visible ? attemptsLabel.height + messageColumn.spacing : 0))
                            / Math.max(1, fontInfo.height)))
                        elide: Text.ElideRight
                        horizontalAlignment: Text.AlignHCenter
                        Accessible.role: Accessible.AlertMessage
                        Accessible.name: text
                        FontMetrics { id: fontInfo; font: messageLabel.font }
                    }
                    Label {
                        id: attemptsLabel
                        objectName: "attemptsLeft"
                        visible: App.session.attemptsLeft > 0 && App.session.attemptsLeft <= 5
                        text: qsTr("%n attempt(s) left before everything on this phone is erased.", "", App.session.attemptsLeft)
                        width: parent.width
                        wrapMode: Text.Wrap
                        font.pixelSize: Style.fontSmall
                        horizontalAlignment: Text.AlignHCenter
                    }
                }
            }

            // The dots, or while the PIN is checked, the busy indicator in their place.
            Item {
                Layout.fillWidth: true
                Layout.preferredHeight: 40
                Label {
                    objectName: "pinDots"
                    anchors.fill: parent
                    visible: !passphrase.checked && !App.session.busy
                    text: unlock.entered.length > 0 ? "\u25cf ".repeat(unlock.entered.length).trim() : " "
                    font.pixelSize: Style.glyphPinDots
                    font.letterSpacing: 4
                    horizontalAlignment: Text.AlignHCenter
                    verticalAlignment: Text.AlignVCenter
                    Accessible.name: qsTr("%n digit(s) entered", "", unlock.entered.length)
                }
                BusyIndicator {
                    objectName: "unlockBusy"
                    anchors.centerIn: parent
                    implicitWidth: 40
                    implicitHeight: 40
                    running: App.session.busy
                    visible: running
                }
            }
            TextField {
                id: passField
                objectName: "passphraseField"
                visible: passphrase.checked
                focus: passphrase.checked
                echoMode: TextInput.Password
                enabled: unlock.padEnabled
                placeholderText: qsTr("Passphrase")
                Layout.fillWidth: true
                Accessible.name: qsTr("Passphrase")
                onAccepted: {
                    App.session.unlock(text)
                    text = ""
                }
                // Back to typing once the check or the wait is over.
                onEnabledChanged: if (enabled && visible) forceActiveFocus()
                onVisibleChanged: if (visible) forceActiveFocus()
            }
            PinPad {
                objectName: "pinPad"
                visible: !passphrase.checked
                keysEnabled: unlock.padEnabled
                Layout.fillWidth: true
                onDigit: d => unlock.addDigit(d)
                onErase: unlock.entered = unlock.entered.slice(0, -1)
                onSubmit: unlock.submit()
            }
            CheckBox {
                id: passphrase
                objectName: "passphraseMode"
                text: qsTr("I use a passphrase")
                // Opens as the worker chose at setup; a tap here changes only this screen.
                checked: App.session.passphrase
                focusPolicy: Qt.NoFocus
                Layout.alignment: Qt.AlignHCenter
                // Never wider than the pad: with large text the label wraps instead.
                Layout.maximumWidth: column.width
                Accessible.name: text
                onToggled: if (!checked) unlock.forceActiveFocus()
                contentItem: Label {
                    text: passphrase.text
                    font: passphrase.font
                    leftPadding: passphrase.indicator.width + passphrase.spacing
                    wrapMode: Text.Wrap
                    verticalAlignment: Text.AlignVCenter
                }
            }
        }
    }
}
