// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Waypoint
import Waypoint.Ui

// A supervision session: date and who, topics, a wellbeing check, diary entries to talk about,
// and action items with an owner, a due date and a done box.
FormPage {
    id: page
    objectName: "supervisionEditor"
    property string noteId: ""
    readonly property SupervisionRecordEditor editor: App.supervisionEditor
    readonly property var choices: editor.choices
    readonly property var f: editor.fields
    readonly property var e: editor.errors
    title: noteId.length > 0 ? qsTr("Supervision session") : qsTr("New supervision session")
    actionText: qsTr("Save")
    Component.onCompleted: {
        App.toDiscuss.showFor(noteId)
        noteId.length > 0 ? editor.load(noteId) : editor.startNew("")
    }
    onLeaving: {
        addTyped()
        editor.keepDraft()
    }
    onAction: save()

    function save() {
        addTyped()
        if (editor.save())
            page.StackView.view.pop()
    }
    function addTopicFromField() {
        page.editor.toggle("topics", topic.text.trim())
        topic.text = ""
    }
    function addActionItemFromField() {
        page.editor.addActionItem(actionText.text.trim(), owner.current, due.value)
        actionText.text = ""
        due.value = ""
    }
    // A topic or action item typed but not added yet is added, as Add would (a topic already
    // there stays, where Add would take it away); an empty field adds nothing.
    function addTyped() {
        const typedTopic = topic.text.trim()
        if (typedTopic.length > 0 && !(page.f.topics ?? []).includes(typedTopic))
            addTopicFromField()
        topic.text = ""
        if (actionText.text.trim().length > 0)
            addActionItemFromField()
    }
    function ownerLabel(key: string): string {
        const owner = App.vocabulary.owner.find(o => o.key === key)
        return owner ? owner.label : ""
    }

    ConflictBanner {
        recordId: page.noteId
        Layout.fillWidth: true
    }

    // A note stays in the worker's private audience: only they read it.
    ShareBadge {
        objectName: "noteReaders"
        shared: false
        maximumWidth: page.width - 2 * Style.margin
    }
    Label {
        visible: page.editor.restoredDraft
        text: qsTr("Your unsaved draft was restored.")
        opacity: 0.8
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    // Entries raised for this supervision, by a supervisor or the worker; each opens.
    SectionTitle {
        visible: App.toDiscuss.count > 0
        text: qsTr("To discuss")
    }
    Column {
        objectName: "toDiscuss"
        visible: App.toDiscuss.count > 0
        Layout.fillWidth: true
        Repeater {
            model: App.toDiscuss
            delegate: ListCard {
                required property string recordId
                required title
                required property string whenText
                required property string raisedText
                required property int index
                objectName: "toDiscuss_" + index
                width: parent ? parent.width : implicitWidth
                detail: raisedText
                extra: whenText
                onClicked: Nav.open("diary", { entryId: recordId })
            }
        }
    }
    DateChips {
        objectName: "heldOn"
        title: qsTr("Date")
        future: false
        allowNone: false
        value: page.f.heldOn ?? ""
        error: page.e.heldOn ?? ""
        onPicked: v => page.editor.setField("heldOn", v)
    }
    Label { text: qsTr("Supervisor"); font.bold: true }
    TextField {
        objectName: "supervisor"
        inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
        text: page.f.supervisor ?? ""
        placeholderText: qsTr("Name")
        Layout.fillWidth: true
        Accessible.name: qsTr("Supervisor")
        onTextEdited: page.editor.setField("supervisor", text)
    }
    FieldError { objectName: "supervisorError"; text: page.e.supervisor ?? ""; Layout.fillWidth: true }

    SectionTitle { text: qsTr("Topics") }
    Flow {
        spacing: 0
        Layout.fillWidth: true
        Layout.leftMargin: -Style.chipInset
        Layout.rightMargin: -Style.chipInset
        Repeater {
            model: page.f.topics ?? []
            // A tap puts the topic right or takes it out (asked first).
            delegate: Chip {
                required property string modelData
                required property int index
                objectName: "topic_" + modelData
                text: modelData + "  \u270e"
                checkable: false
                Accessible.name: qsTr("Edit topic %1").arg(modelData)
                onClicked: entryDialog.editEntry("topics", index, modelData)
            }
        }
    }
    RowLayout {
        Layout.fillWidth: true
        TextField {
            id: topic
            objectName: "newTopic"
            inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
            placeholderText: qsTr("Add a topic")
            Layout.fillWidth: true
            Accessible.name: qsTr("New topic")
            onAccepted: addTopic.clicked()
        }
        ActionButton {
            id: addTopic
            objectName: "addTopicButton"
            // Filled when there is something to add, so it reads as ready to tap.
            highlighted: enabled
            text: qsTr("Add")
            enabled: topic.text.trim().length > 0
            Layout.minimumHeight: Style.touch
            Accessible.name: qsTr("Add topic")
            onClicked: page.addTopicFromField()
        }
    }
    FieldError { text: page.e.topics ?? ""; Layout.fillWidth: true }

    SectionTitle { text: qsTr("Wellbeing check") }
    RatingRow {
        objectName: "wellbeing"
        title: qsTr("How am I doing?")
        lowText: qsTr("Struggling")
        highText: qsTr("Doing well")
        value: page.f.wellbeing ?? 0
        onRated: v => page.editor.setField("wellbeing", v)
    }
    TextField {
        objectName: "wellbeingNote"
        inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
        text: page.f.wellbeingNote ?? ""
        placeholderText: qsTr("A few words about it (optional)")
        Layout.fillWidth: true
        Accessible.name: qsTr("Wellbeing note")
        onTextEdited: page.editor.setField("wellbeingNote", text)
    }
    FieldError { text: page.e.wellbeingNote ?? ""; Layout.fillWidth: true }

    SectionTitle { text: qsTr("Diary entries to discuss") }
    Label {
        visible: page.choices.length === 0
        text: qsTr("Entries you share with your supervisor can be linked here.")
        opacity: 0.75
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    ChipGroup {
        objectName: "linkedDiary"
        options: page.choices
        selected: page.f.linkedDiaryEntries ?? []
        onToggled: key => page.editor.toggle("linkedDiaryEntries", key)
    }

    SectionTitle { text: qsTr("Action items") }
    Column {
        id: actionItemList
        spacing: Style.gap
        Layout.fillWidth: true
        Repeater {
            model: page.f.actionItems ?? []
            delegate: ColumnLayout {
                id: item
                required property var modelData
                required property int index
                spacing: 0
                width: actionItemList.width
                RowLayout {
                    spacing: 0
                    Layout.fillWidth: true
                    CheckBox {
                        text: item.modelData.text
                        checked: item.modelData.done
                        Layout.fillWidth: true
                        Accessible.name: qsTr("Done: %1").arg(item.modelData.text)
                        onToggled: page.editor.setActionItem(item.index, "done", checked)
                    }
                    // Put the words right, or take the item out (asked first).
                    ToolButton {
                        objectName: "editActionItem_" + item.index
                        text: "\u270e"
                        implicitWidth: Style.touch
                        implicitHeight: Style.touch
                        Accessible.name: qsTr("Edit action item %1").arg(item.modelData.text)
                        onClicked: entryDialog.editEntry("actionItems", item.index, item.modelData.text)
                    }
                }
                Label {
                    objectName: "actionItemDue_" + item.index
                    readonly property string ownerText: page.ownerLabel(item.modelData.owner)
                    text: item.modelData.due.length > 0 ? ownerText + " \u00b7 " + App.dateText(item.modelData.due) : ownerText
                    opacity: 0.7
                    font.pixelSize: Style.fontCaption
                    leftPadding: 48
                    Layout.fillWidth: true
                }
            }
        }
    }
    TextField {
        id: actionText
        objectName: "newActionItem"
        inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
        placeholderText: qsTr("Something agreed to do")
        Layout.fillWidth: true
        Accessible.name: qsTr("New action item")
    }
    ChipGroup {
        id: owner
        objectName: "actionOwner"
        title: qsTr("Who does it")
        multiple: false
        allowNone: false
        options: App.vocabulary.owner
        current: "worker"
        onPicked: key => owner.current = key
    }
    DateChips {
        id: due
        objectName: "actionDue"
        title: qsTr("Due")
        onPicked: v => due.value = v
    }
    ActionButton {
        objectName: "addActionButton"
        // Filled when there is something to add, so it reads as ready to tap.
        highlighted: enabled
        text: qsTr("Add action item")
        enabled: actionText.text.trim().length > 0
        Layout.minimumHeight: Style.touch
        Accessible.name: text
        onClicked: page.addActionItemFromField()
    }
    FieldError { text: page.e.actionItems ?? ""; Layout.fillWidth: true }

    // One topic or action item put right or taken out; kept when the session is saved.
    EntryDialog {
        id: entryDialog
        objectName: "entryDialog"
        property string list
        property int index: -1
        function editEntry(list: string, index: int, text: string) {
            entryDialog.list = list
            entryDialog.index = index
            entryDialog.edit(text)
        }
        title: list === "topics" ? qsTr("Topic") : qsTr("Action item")
        removeTitle: list === "topics" ? qsTr("Remove this topic?") : qsTr("Remove this action item?")
        onSaved: text => {
            if (entryDialog.list === "topics")
                page.editor.replaceAt("topics", entryDialog.index, text)
            else
                page.editor.setActionItem(entryDialog.index, "text", text)
        }
        onRemoved: page.editor.removeAt(entryDialog.list, entryDialog.index)
    }

    SectionTitle { text: qsTr("Notes") }
    TextArea {
        objectName: "notes"
        inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
        text: page.f.notes ?? ""
        placeholderText: qsTr("What we talked about")
        wrapMode: TextEdit.Wrap
        Layout.fillWidth: true
        Layout.minimumHeight: 96
        Accessible.name: qsTr("Notes")
        onTextChanged: if (text !== (page.f.notes ?? "")) page.editor.setField("notes", text)
    }
    FieldError { text: page.e.notes ?? ""; Layout.fillWidth: true }
    FieldError { objectName: "formError"; text: page.editor.errorString; Layout.fillWidth: true }
    ActionButton {
        objectName: "saveSupervision"
        text: qsTr("Save session")
        highlighted: true
        Layout.fillWidth: true
        Layout.minimumHeight: 56
        Accessible.name: text
        onClicked: page.save()
    }
    ActionButton {
        objectName: "deleteSupervision"
        visible: page.noteId.length > 0 && page.editor.canChange && !page.editor.isNew
        text: qsTr("Delete session")
        flat: true
        Layout.fillWidth: true
        Layout.minimumHeight: Style.touch
        Accessible.name: text
        onClicked: deleteDialog.open()
    }
    ConfirmDialog {
        id: deleteDialog
        objectName: "deleteSupervisionDialog"
        title: qsTr("Delete this supervision session?")
        text: qsTr("The session of %1 with %2, its topics and action items will be deleted from this phone and, after sync, from your other devices.").arg(App.dateText(page.f.heldOn ?? "")).arg(page.f.supervisor ?? "")
        onConfirmed: {
            if (page.editor.remove())
                page.StackView.view.pop()
        }
    }
}
