// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Waypoint
import Waypoint.Ui

// Encounter capture, built for speed: who (recent first), where, what was addressed, supplies,
// how long, stage after, follow-up, save. About ten taps; typing is optional. The time is
// when the form opened unless the worker says otherwise (earlier today, or a time picked).
// Opened on a saved encounter (`encounterId`), the same form puts it right or deletes it;
// one written by someone else is shown, not changed.
FormPage {
    id: page
    objectName: "encounterCapture"
    property string participantId: ""
    property string encounterId: ""
    readonly property EncounterRecordEditor editor: App.encounterEditor
    readonly property var choices: editor.choices
    readonly property var durations: [5, 10, 15, 30, 45, 60, 90]
    readonly property var briefChoice: [{ key: "brief", label: qsTr("Unnamed / brief contact") }]
    readonly property var f: editor.fields
    readonly property var e: editor.errors
    readonly property bool brief: (f.participantId ?? "") === "brief"
    readonly property bool existing: encounterId.length > 0
    // Who the encounter was with, in the words the delete question uses.
    readonly property string whoText: {
        if (page.brief)
            return qsTr("an unnamed contact")
        const chosen = page.choices.find(c => c.key === (page.f.participantId ?? ""))
        return chosen ? chosen.label : ""
    }
    title: existing ? qsTr("Encounter") : qsTr("New encounter")
    actionText: editor.canChange ? qsTr("Save") : ""
    editable: editor.canChange
    // Opened again (after quick hide) for whoever the form is about now: that is its draft.
    reopenWith: existing ? ({ encounterId: page.encounterId })
                         : ({ participantId: page.f.participantId ?? "" })
    Component.onCompleted: {
        if (existing)
            editor.load(encounterId)
        else
            editor.startNew(participantId)
    }
    onLeaving: editor.keepDraft()
    onAction: save()

    function save() {
        if (editor.save())
            page.StackView.view.pop()
    }

    Label {
        objectName: "notYours"
        visible: page.existing && !page.editor.canChange
        text: qsTr("Someone else wrote this encounter: you can read it, not change it.")
        opacity: 0.8
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    Label {
        visible: page.editor.restoredDraft
        text: qsTr("Your unsaved draft was restored.")
        opacity: 0.8
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }

    ChipGroup {
        objectName: "participantChips"
        title: qsTr("Who")
        multiple: false
        allowNone: false
        options: page.briefChoice.concat(page.choices)
        current: page.f.participantId ?? ""
        error: page.e.participantId ?? ""
        onPicked: key => page.editor.setField("participantId", key)
    }
    TextField {
        id: who
        objectName: "findParticipant"
        inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
        placeholderText: qsTr("Someone else? Type a pseudonym")
        Layout.fillWidth: true
        Accessible.name: qsTr("Find a participant")
        onTextEdited: {
            addProblem.text = ""
            page.editor.findChoices(text)
        }
    }
    // Someone met for the first time: added and chosen in one tap, the form stays open.
    ActionButton {
        id: addTyped
        objectName: "addTypedParticipant"
        readonly property string typed: who.text.trim()
        visible: typed.length > 0
                 && !page.choices.some(c => c.label.toLowerCase() === typed.toLowerCase())
        text: qsTr("Add \u201c%1\u201d as a new participant").arg(typed)
        Layout.fillWidth: true
        onClicked: addProblem.text = page.editor.addParticipant(typed)
    }
    FieldError {
        objectName: "newPseudonymWarning"
        // A warning, not an error: amber, and saving still works.
        color: Material.theme === Material.Dark ? Style.sharedColorDark : Style.sharedColor
        visible: addTyped.visible && text.length > 0
        text: App.pseudonymWarning(addTyped.typed)
        Layout.fillWidth: true
    }
    FieldError { id: addProblem; objectName: "addParticipantError"; Layout.fillWidth: true }

    ChipGroup {
        id: when
        objectName: "whenChips"
        // The chip last tapped; a restored draft keeps its own time, which no chip names.
        property string chosen: page.editor.restoredDraft || page.existing ? "" : "now"
        title: qsTr("When: %1").arg(page.editor.whenText)
        multiple: false
        allowNone: false
        options: [{ key: "now", label: qsTr("Now") }, { key: "30", label: qsTr("30 min ago") },
                  { key: "60", label: qsTr("1 h ago") }, { key: "120", label: qsTr("2 h ago") },
                  { key: "other", label: qsTr("Other time\u2026") }]
        current: chosen
        error: page.e.occurredAt ?? ""
        onPicked: key => {
            if (key === "other") {
                timePicker.open()
                return
            }
            when.chosen = key
            page.editor.setTime(new Date(Date.now() - (key === "now" ? 0 : Number(key)) * 60000))
        }
    }
    TimePicker {
        id: timePicker
        objectName: "timePicker"
        start: page.existing && page.f.occurredAt ? new Date(page.f.occurredAt) : null
        onChosen: at => {
            when.chosen = "other"
            page.editor.setTime(at)
        }
    }

    ChipGroup {
        objectName: "placeChips"
        title: qsTr("Where")
        multiple: false
        allowNone: false
        options: App.vocabulary.place
        current: page.f.place ?? ""
        onPicked: key => page.editor.setField("place", key)
    }
    ChipGroup {
        objectName: "needChips"
        title: qsTr("Needs addressed")
        options: App.vocabulary.need
        selected: page.f.needs ?? []
        onToggled: key => page.editor.toggle("needs", key)
    }
    ChipGroup {
        objectName: "supplyChips"
        title: qsTr("Harm-reduction supplies given")
        options: App.vocabulary.supplies
        selected: page.f.supplies ?? []
        onToggled: key => page.editor.toggle("supplies", key)
    }
    ChipGroup {
        objectName: "durationChips"
        title: qsTr("How long")
        multiple: false
        options: page.durations.map(m => ({ key: String(m), label: qsTr("%1 min").arg(m) }))
        current: String(page.f.durationMinutes ?? "")
        error: page.e.durationMinutes ?? ""
        onPicked: key => page.editor.setField("durationMinutes", key.length > 0 ? Number(key) : 0)
    }
    Label { text: qsTr("Note"); font.bold: true }
    TextArea {
        objectName: "note"
        inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
        text: page.f.note ?? ""
        placeholderText: qsTr("A few words (optional)")
        wrapMode: TextEdit.Wrap
        Layout.fillWidth: true
        Layout.minimumHeight: 72
        Accessible.name: qsTr("Note")
        onTextChanged: if (text !== (page.f.note ?? "")) page.editor.setField("note", text)
    }
    FieldError { text: page.e.note ?? ""; Layout.fillWidth: true }

    ChipGroup {
        objectName: "stageAfterChips"
        visible: !page.brief
        title: qsTr("Stage after this encounter")
        multiple: false
        options: App.vocabulary.stage
        current: page.f.stageAfter ?? ""
        error: page.e.stageAfter ?? ""
        onPicked: key => page.editor.setField("stageAfter", key)
    }
    Label { text: qsTr("Next step"); font.bold: true }
    TextField {
        objectName: "nextStep"
        inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
        text: page.f.nextStep ?? ""
        placeholderText: qsTr("e.g. Go with them to the housing office")
        Layout.fillWidth: true
        Accessible.name: qsTr("Next step")
        onTextEdited: page.editor.setField("nextStep", text)
    }
    FieldError { objectName: "nextStepError"; text: page.e.nextStep ?? ""; Layout.fillWidth: true }
    DateChips {
        objectName: "followUp"
        title: qsTr("Follow up")
        value: page.f.followUpOn ?? ""
        error: page.e.followUpOn ?? ""
        onPicked: v => page.editor.setField("followUpOn", v)
    }

    SectionTitle { text: qsTr("Referrals, advocacy, obstacles") }
    ChipGroup {
        objectName: "referralChips"
        title: qsTr("Referred to")
        options: App.vocabulary.service
        selected: (page.f.referrals ?? []).map(r => r.service)
        onToggled: key => page.editor.toggleItem("referrals", "service", key)
    }
    ChipGroup {
        objectName: "advocacyChips"
        title: qsTr("Advocated with")
        options: App.vocabulary.service
        selected: page.f.advocacy ?? []
        onToggled: key => page.editor.toggle("advocacy", key)
    }
    ChipGroup {
        objectName: "obstacleChips"
        title: qsTr("Obstacles met at")
        options: App.vocabulary.service
        selected: page.f.obstacles ?? []
        onToggled: key => page.editor.toggle("obstacles", key)
    }
    OnOffSwitch {
        objectName: "safetyConcern"
        text: qsTr("Safety concern")
        checked: page.f.safetyConcern ?? false
        Layout.fillWidth: true
        Accessible.name: text
        onToggled: page.editor.setField("safetyConcern", checked)
    }
    FieldError { objectName: "formError"; text: page.editor.errorString; Layout.fillWidth: true }
    ActionButton {
        objectName: "saveEncounter"
        visible: page.editor.canChange
        text: qsTr("Save encounter")
        highlighted: true
        Layout.fillWidth: true
        Layout.minimumHeight: 56
        Accessible.name: text
        onClicked: page.save()
    }
    ActionButton {
        objectName: "deleteEncounter"
        visible: page.existing && page.editor.canChange && !page.editor.isNew
        text: qsTr("Delete encounter")
        flat: true
        Layout.fillWidth: true
        Layout.minimumHeight: Style.touch
        Accessible.name: text
        onClicked: deleteDialog.open()
    }
    ConfirmDialog {
        id: deleteDialog
        objectName: "deleteEncounterDialog"
        title: qsTr("Delete this encounter?")
        text: page.whoText.length > 0
              ? qsTr("The encounter with %1 (%2) will be deleted from this phone and, after sync, from your other devices.").arg(page.whoText).arg(page.editor.whenText)
              : qsTr("The encounter of %1 will be deleted from this phone and, after sync, from your other devices.").arg(page.editor.whenText)
        onConfirmed: {
            if (page.editor.remove())
                page.StackView.view.pop()
        }
    }
}
