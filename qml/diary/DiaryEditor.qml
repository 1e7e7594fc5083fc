// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Waypoint
import Waypoint.Ui

// A diary entry: free text, guided prompts that can be skipped, wellbeing and stress,
// self-care and themes, and the share switch, off by default and impossible to miss.
FormPage {
    id: page
    objectName: "diaryEditor"
    property string entryId: ""
    readonly property Editor editor: App.diaryEditor
    readonly property var f: editor.fields
    readonly property var e: editor.errors
    readonly property bool shared: f.shared ?? false
    // Who reads it, in words: "Only you", "You and Alex (supervisor)" (App.readers).
    readonly property string readers: shared ? App.readers.sharedText : App.readers.privateText
    title: entryId.length > 0 ? qsTr("Diary entry") : qsTr("New diary entry")
    actionText: qsTr("Save")
    Component.onCompleted: entryId.length > 0 ? editor.load(entryId) : editor.startNew("")
    onLeaving: editor.keepDraft()
    onAction: save()

    function save() {
        if (editor.save())
            page.StackView.view.pop()
    }

    ConflictBanner {
        recordId: page.entryId
        Layout.fillWidth: true
    }

    // The share state, at the top, in words and colour.
    Rectangle {
        objectName: "shareBanner"
        readonly property bool dark: Material.theme === Material.Dark
        color: "transparent"
        border.width: 2
        border.color: page.shared ? (dark ? Style.sharedColorDark : Style.sharedColor)
                                  : (dark ? Style.privateColorDark : Style.privateColor)
        radius: 8
        Layout.fillWidth: true
        implicitHeight: shareRow.implicitHeight + 16
        RowLayout {
            id: shareRow
            anchors.fill: parent
            anchors.margins: 8
            ColumnLayout {
                spacing: 0
                Layout.fillWidth: true
                Label {
                    objectName: "shareState"
                    text: page.shared ? qsTr("Shared") : qsTr("Private")
                    font.bold: true
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                Label {
                    objectName: "whoCanRead"
                    text: qsTr("Who can read it: %1").arg(page.readers)
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                Label {
                    objectName: "shareHint"
                    text: page.shared ? App.readers.sharedHint : App.readers.privateHint
                    font.pixelSize: Style.fontCaption
                    opacity: 0.75
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
            }
            OnOffSwitch {
                objectName: "shareSwitch"
                checked: page.shared
                Accessible.name: App.readers.reach === EntryReaders.NoSupervisor
                                 ? qsTr("Share this entry (no supervisor is assigned to you)")
                                 : qsTr("Share this entry with my supervisor")
                onToggled: page.editor.setField("shared", checked)
            }
        }
    }

    Label {
        visible: page.editor.restoredDraft
        text: qsTr("Your unsaved draft was restored.")
        opacity: 0.8
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }

    Label { text: qsTr("Your entry"); font.bold: true }
    TextArea {
        objectName: "diaryText"
        inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
        text: page.f.text ?? ""
        placeholderText: qsTr("Write freely, or use the prompts below")
        wrapMode: TextEdit.Wrap
        Layout.fillWidth: true
        Layout.minimumHeight: 120
        Accessible.name: qsTr("Diary text")
        onTextChanged: if (text !== (page.f.text ?? "")) page.editor.setField("text", text)
    }
    FieldError { objectName: "textError"; text: page.e.text ?? ""; Layout.fillWidth: true }

    SectionTitle { text: qsTr("Guided prompts (skip any)") }
    Column {
        id: promptList
        spacing: Style.gap
        Layout.fillWidth: true
        Repeater {
            model: [
                { field: "whatHappened", label: qsTr("What happened?") },
                { field: "howIFelt", label: qsTr("How did I feel?") },
                { field: "wentWell", label: qsTr("What went well, or not?") },
                { field: "learned", label: qsTr("What did I learn?") },
                { field: "nextTime", label: qsTr("What will I do next?") }
            ]
            delegate: ColumnLayout {
                id: prompt
                required property var modelData
                spacing: 2
                width: promptList.width
                Label { text: prompt.modelData.label; wrapMode: Text.Wrap; Layout.fillWidth: true }
                TextArea {
                    objectName: "prompt_" + prompt.modelData.field
                    inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
                    text: page.f[prompt.modelData.field] ?? ""
                    wrapMode: TextEdit.Wrap
                    Layout.fillWidth: true
                    Accessible.name: prompt.modelData.label
                    onTextChanged: if (text !== (page.f[prompt.modelData.field] ?? ""))
                                       page.editor.setField(prompt.modelData.field, text)
                }
                FieldError {
                    objectName: "promptError_" + prompt.modelData.field
                    text: page.e[prompt.modelData.field] ?? ""
                    Layout.fillWidth: true
                }
            }
        }
    }

    SectionTitle { text: qsTr("How are you?") }
    RatingRow {
        objectName: "wellbeing"
        title: qsTr("Wellbeing")
        lowText: qsTr("Low")
        highText: qsTr("Good")
        value: page.f.wellbeing ?? 0
        onRated: v => page.editor.setField("wellbeing", v)
    }
    RatingRow {
        objectName: "stress"
        title: qsTr("Stress")
        lowText: qsTr("Calm")
        highText: qsTr("Overwhelmed")
        value: page.f.stress ?? 0
        onRated: v => page.editor.setField("stress", v)
    }
    ChipGroup {
        objectName: "selfCareChips"
        title: qsTr("Self-care I did")
        options: App.vocabulary.selfCare
        selected: page.f.selfCare ?? []
        onToggled: key => page.editor.toggle("selfCare", key)
    }
    ChipGroup {
        objectName: "themeChips"
        title: qsTr("Themes")
        options: App.vocabulary.theme
        selected: page.f.themes ?? []
        onToggled: key => page.editor.toggle("themes", key)
    }
    EntryFeedback {
        entryId: page.entryId
        Layout.fillWidth: true
    }
    FieldError { objectName: "formError"; text: page.editor.errorString; Layout.fillWidth: true }
    ActionButton {
        objectName: "saveDiary"
        text: qsTr("Save entry")
        highlighted: true
        Layout.fillWidth: true
        Layout.minimumHeight: 56
        Accessible.name: text
        onClicked: page.save()
    }
    ActionButton {
        objectName: "deleteDiary"
        visible: page.entryId.length > 0 && page.editor.canChange && !page.editor.isNew
        text: qsTr("Delete entry")
        flat: true
        Layout.fillWidth: true
        Layout.minimumHeight: Style.touch
        Accessible.name: text
        onClicked: deleteDialog.open()
    }
    ConfirmDialog {
        id: deleteDialog
        objectName: "deleteDiaryDialog"
        title: qsTr("Delete this diary entry?")
        text: qsTr("Your entry of %1 will be deleted from this phone and, after sync, from your other devices.").arg(page.f.writtenAt ? App.dateText(Qt.formatDate(new Date(page.f.writtenAt), "yyyy-MM-dd")) : "")
        onConfirmed: {
            if (page.editor.remove())
                page.StackView.view.pop()
        }
    }
}
