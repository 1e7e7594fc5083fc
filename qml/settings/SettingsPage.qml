// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Waypoint
import Waypoint.Ui

// Security first (PIN, auto-lock, quick-hide), then language and theme, sync, about.
FormPage {
    id: page
    objectName: "settingsPage"
    title: qsTr("Settings")
    readonly property var lockDelays: [30, 60, 120, 300, 600]

    SectionTitle { text: qsTr("Security") }
    Label {
        objectName: "protectionLabel"
        visible: !App.session.pinOnly
        text: qsTr("Your records are locked with your PIN and with a key kept in this device's keychain: a copy of Waypoint's files alone cannot be opened.")
        wrapMode: Text.Wrap
        opacity: 0.8
        Layout.fillWidth: true
    }
    FieldError {
        objectName: "pinOnlyWarning"
        text: App.session.pinOnly
              ? qsTr("Protected by your PIN only: this device had no keychain when Waypoint was set up, so someone with a copy of Waypoint's files could try every PIN on another computer.")
              : ""
        Layout.fillWidth: true
    }
    ActionButton {
        text: qsTr("Change PIN")
        objectName: "changePinButton"
        Layout.minimumHeight: Style.touch
        Accessible.name: text
        onClicked: changePin.open()
    }
    // Said once the new PIN is in place (the dialog has closed by then).
    Label {
        id: pinChangedNote
        objectName: "pinChangedNote"
        property bool shown: false
        visible: shown
        text: qsTr("PIN changed. Use your new PIN from now on.")
        color: Material.accentColor
        font.bold: true
        wrapMode: Text.Wrap
        Layout.fillWidth: true
        Accessible.role: Accessible.AlertMessage
        Accessible.name: text
    }
    ChipGroup {
        objectName: "autoLockChips"
        title: qsTr("Lock automatically after")
        multiple: false
        allowNone: false
        options: page.lockDelays.map(s => ({ key: String(s),
            label: s < 60 ? qsTr("%n second(s)", "", s) : qsTr("%n minute(s)", "", s / 60) }))
        current: String(App.preferences.autoLockSeconds)
        onPicked: key => App.preferences.autoLockSeconds = Number(key)
    }
    Label {
        text: qsTr("Waypoint also locks as soon as you leave the app.")
        opacity: 0.7
        font.pixelSize: Style.fontSmall
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    OnOffSwitch {
        objectName: "quickHideSwitch"
        text: qsTr("Show the quick-hide button")
        checked: App.preferences.quickHide
        Layout.fillWidth: true
        Accessible.name: text
        onToggled: App.preferences.quickHide = checked
    }
    Label {
        text: qsTr("Quick-hide covers the screen with a plain page and locks Waypoint at once.")
        opacity: 0.7
        font.pixelSize: Style.fontSmall
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }

    SectionTitle { text: qsTr("Language and appearance") }
    ChipGroup {
        objectName: "languageChips"
        title: qsTr("Language")
        multiple: false
        allowNone: false
        // Each language by its own name, the convention (a French speaker looks for "Français").
        options: [{ key: "en", label: "English" }, { key: "fr", label: "Fran\u00e7ais" }] // i18n-exempt: native names
        current: App.preferences.language
        onPicked: key => App.preferences.language = key
    }
    ChipGroup {
        objectName: "themeChips"
        title: qsTr("Theme")
        multiple: false
        allowNone: false
        options: [{ key: "system", label: qsTr("Like the system") }, { key: "light", label: qsTr("Light") },
                  { key: "dark", label: qsTr("Dark") }]
        current: App.preferences.theme
        onPicked: key => App.preferences.theme = key
    }
    ChipGroup {
        objectName: "textSizeChips"
        title: qsTr("Text size")
        multiple: false
        allowNone: false
        options: [{ key: "1", label: qsTr("Normal") }, { key: "1.25", label: qsTr("Large") },
                  { key: "1.5", label: qsTr("Largest") }]
        current: String(App.preferences.textScale)
        onPicked: key => App.preferences.textScale = Number(key)
    }

    SectionTitle { text: qsTr("Sync") }
    SyncStatusSection { }
    EnrolmentSection { }

    SectionTitle { text: qsTr("About and privacy") }
    Label {
        text: qsTr("Waypoint %1. Everything you record is kept on this phone in an encrypted file, unlocked only by your PIN. Diary entries are private unless you share them one by one. Participants are recorded by pseudonym. When sync is set up, records leave the phone end-to-end encrypted: the server cannot read them.").arg(Qt.application.version)
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    ActionButton {
        text: qsTr("Lock now")
        objectName: "lockNowButton"
        Layout.minimumHeight: Style.touch
        Accessible.name: text
        onClicked: App.session.lock()
    }

    Dialog {
        id: changePin
        objectName: "changePinDialog"
        title: qsTr("Change PIN")
        modal: true
        anchors.centerIn: Overlay.overlay
        width: Math.min(page.width - 32, 420)
        onOpened: {
            pinChangedNote.shown = false
            oldPin.text = ""
            newPin.text = ""
            confirmPin.text = ""
            App.session.message = ""
        }
        // A shown problem with the new PIN follows the typing and goes once it is fixed.
        function recheck() {
            App.session.recheckNewPin(newPin.text, confirmPin.text, /[^0-9]/.test(newPin.text))
        }
        Connections {
            target: App.session
            function onPinChanged() {
                changePin.close()
                pinChangedNote.shown = true
            }
        }
        ColumnLayout {
            anchors.fill: parent
            spacing: 8
            TextField {
                id: oldPin
                objectName: "oldPin"
                echoMode: TextInput.Password
                placeholderText: qsTr("Current PIN")
                Layout.fillWidth: true
                Accessible.name: qsTr("Current PIN")
            }
            TextField {
                id: newPin
                objectName: "changeNewPin"
                echoMode: TextInput.Password
                placeholderText: qsTr("New PIN")
                Layout.fillWidth: true
                Accessible.name: qsTr("New PIN")
                onTextEdited: changePin.recheck()
            }
            // The rule before it can be broken, not only in the error after.
            Label {
                objectName: "changePinRule"
                text: qsTr("At least 6 digits, not a run like 123456 nor one of the most common PINs. With letters in it, it is a passphrase of at least 6 characters.")
                wrapMode: Text.Wrap
                opacity: 0.8
                font.pixelSize: Style.fontSmall
                Layout.fillWidth: true
            }
            TextField {
                id: confirmPin
                objectName: "changeConfirmPin"
                echoMode: TextInput.Password
                placeholderText: qsTr("New PIN again")
                Layout.fillWidth: true
                Accessible.name: qsTr("Confirm new PIN")
                onTextEdited: changePin.recheck()
            }
            FieldError { objectName: "changePinError"; text: App.session.message; Layout.fillWidth: true }
            ActionButton {
                objectName: "confirmChangePin"
                text: App.session.busy ? qsTr("Changing\u2026") : qsTr("Change PIN")
                enabled: !App.session.busy
                highlighted: true
                Layout.fillWidth: true
                Layout.minimumHeight: Style.touch
                Accessible.name: qsTr("Change PIN")
                onClicked: App.session.changePin(oldPin.text, newPin.text, confirmPin.text)
            }
            ActionButton {
                text: qsTr("Cancel")
                flat: true
                Layout.fillWidth: true
                Layout.minimumHeight: Style.touch
                Accessible.name: text
                onClicked: changePin.close()
            }
        }
    }
}
