// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Waypoint
import Waypoint.Ui

// A new participant: a pseudonym (never a full name), where the relationship stands, consent.
FormPage {
    id: page
    objectName: "participantForm"
    readonly property Editor editor: App.participantEditor
    readonly property var f: editor.fields
    readonly property var e: editor.errors
    readonly property var consent: f.consent ?? {}
    title: qsTr("New participant")
    actionText: qsTr("Save")
    Component.onCompleted: editor.startNew("")
    onLeaving: editor.keepDraft()
    onAction: {
        if (editor.save()) {
            page.StackView.view.pop()
            Nav.open("participant", { participantId: editor.savedId })
        }
    }

    Label {
        visible: page.editor.restoredDraft
        text: qsTr("Your unsaved draft was restored.")
        opacity: 0.8
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    Label { text: qsTr("Pseudonym or initials"); font.bold: true }
    TextField {
        objectName: "pseudonym"
        inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
        text: page.f.pseudonym ?? ""
        placeholderText: qsTr("e.g. JD or \u201cBlue jacket\u201d")
        Layout.fillWidth: true
        Accessible.name: qsTr("Pseudonym or initials")
        onTextEdited: page.editor.setField("pseudonym", text)
    }
    FieldError { objectName: "pseudonymError"; text: page.e.pseudonym ?? ""; Layout.fillWidth: true }
    FieldError {
        objectName: "pseudonymWarning"
        // A warning, not an error: amber, and saving still works.
        color: Material.theme === Material.Dark ? Style.sharedColorDark : Style.sharedColor
        text: App.pseudonymWarning(page.f.pseudonym ?? "")
        Layout.fillWidth: true
    }
    Label {
        text: qsTr("Never a full name: a code or initials you will recognise.")
        opacity: 0.7
        font.pixelSize: Style.fontSmall
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    ChipGroup {
        title: qsTr("Stage")
        multiple: false
        allowNone: false
        options: App.vocabulary.stage
        current: page.f.stage ?? "safe_place"
        onPicked: key => page.editor.setField("stage", key)
    }
    ChipGroup {
        title: qsTr("Consent")
        multiple: false
        allowNone: false
        options: App.vocabulary.consent
        current: page.consent.state ?? "not_asked"
        error: page.e.consent ?? ""
        onPicked: key => page.editor.setSubField("consent", "state", key)
    }
    TextField {
        inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
        visible: (page.consent.state ?? "") === "given"
        text: page.consent.scope ?? ""
        placeholderText: qsTr("What they agreed to, in your words")
        Layout.fillWidth: true
        Accessible.name: qsTr("Consent scope")
        onTextEdited: page.editor.setSubField("consent", "scope", text)
    }
    DateChips {
        title: qsTr("Follow up")
        value: page.f.followUpDue ?? ""
        error: page.e.followUpDue ?? ""
        onPicked: v => page.editor.setField("followUpDue", v)
    }
}
