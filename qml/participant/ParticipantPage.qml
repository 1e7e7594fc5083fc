// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Waypoint
import Waypoint.Ui

// One participant: stage and its history (moving back is one tap and normal), goals set
// together, consent, and the encounters timeline.
FormPage {
    id: page
    objectName: "participantPage"
    property string participantId
    readonly property ParticipantDetail detail: App.participant
    title: detail.pseudonym
    actionText: qsTr("Encounter")
    onAction: Nav.open("encounter", { participantId: page.participantId })
    Component.onCompleted: detail.load(participantId)
    // A goal typed but not added is added when the page is left (back, or hidden), as Add would.
    // A withdrawal of consent still waiting for its Undo is carried out then.
    onLeaving: {
        addGoalFromField()
        if (withdrawal.running)
            page.eraseNow()
    }

    // What erasure removes, said before it runs (the same words for Delete and Withdraw).
    readonly property string erasureText: qsTr("%1 and %n encounter(s) will be removed from this phone and, after sync, from your other devices and the server. This cannot be undone.", "", page.detail.encounterCount).arg(page.detail.pseudonym)

    function eraseNow() {
        withdrawal.stop()
        if (page.detail.erase())
            Nav.home()
    }

    function addGoalFromField() {
        if (newGoal.text.trim().length > 0 && page.detail.addGoal(newGoal.text))
            newGoal.text = ""
    }

    FieldError { text: page.detail.errorString; Layout.fillWidth: true }
    Label {
        objectName: "notYours"
        visible: !page.detail.canChange && page.detail.participantId !== ""
        text: qsTr("Someone else added this participant: you can read their page, not change it.")
        opacity: 0.8
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }

    SectionTitle { text: qsTr("Stage") }
    Label {
        objectName: "currentStage"
        text: page.detail.stageLabel
        font.pixelSize: Style.fontTitle
        font.bold: true
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    Label {
        text: qsTr("Recovery is not a straight line: moving back a stage is normal.")
        opacity: 0.7
        font.pixelSize: Style.fontSmall
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    ChipGroup {
        objectName: "stageChips"
        enabled: page.detail.canChange
        multiple: false
        allowNone: false
        options: App.vocabulary.stage
        current: page.detail.stageKey
        onPicked: key => {
            if (page.detail.moveToStage(key))
                stageUndoTime.restart()
        }
    }
    // A stage tapped by mistake is taken back here, for a few seconds, without a history entry.
    RowLayout {
        objectName: "stageUndoBar"
        visible: page.detail.canUndoStage && stageUndoTime.running
        Layout.fillWidth: true
        Label {
            text: qsTr("Stage changed to %1.").arg(page.detail.stageLabel)
            opacity: 0.75
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Button {
            objectName: "undoStage"
            text: qsTr("Undo")
            flat: true
            Layout.minimumHeight: Style.touch
            Accessible.name: qsTr("Undo the stage change")
            onClicked: {
                stageUndoTime.stop()
                page.detail.undoStage()
            }
        }
    }
    Timer {
        id: stageUndoTime
        interval: 8000
        onTriggered: page.detail.forgetStageUndo()
    }
    Column {
        id: stageHistoryList
        Layout.fillWidth: true
        Repeater {
            model: page.detail.stageHistory
            delegate: Label {
                required property var modelData
                text: modelData.date + "  \u2192  " + modelData.label
                opacity: 0.75
                font.pixelSize: Style.fontSmall
                wrapMode: Text.Wrap
                width: stageHistoryList.width
            }
        }
    }

    SectionTitle { text: qsTr("Goals") }
    Label {
        visible: page.detail.goals.length === 0
        text: qsTr("No goals yet. Goals belong to the working partnership: set them together.")
        opacity: 0.75
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    Column {
        id: goalList
        spacing: Style.gap
        Layout.fillWidth: true
        Repeater {
            model: page.detail.goals
            delegate: ColumnLayout {
                id: goal
                required property var modelData
                spacing: 2
                width: goalList.width
                RowLayout {
                    spacing: 0
                    Layout.fillWidth: true
                    Label {
                        text: goal.modelData.text
                        font.bold: true
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                    // Put the words right, or take the goal out (asked first).
                    ToolButton {
                        objectName: "editGoal_" + goal.modelData.text
                        visible: page.detail.canChange
                        text: "\u270e"
                        implicitWidth: Style.touch
                        implicitHeight: Style.touch
                        Accessible.name: qsTr("Edit goal %1").arg(goal.modelData.text)
                        onClicked: goalDialog.editGoal(goal.modelData.id, goal.modelData.text)
                    }
                }
                ChipGroup {
                    enabled: page.detail.canChange
                    multiple: false
                    allowNone: false
                    options: App.vocabulary.goalStatus
                    current: goal.modelData.status
                    onPicked: key => page.detail.setGoalStatus(goal.modelData.id, key)
                }
            }
        }
    }
    RowLayout {
        visible: page.detail.canChange
        Layout.fillWidth: true
        TextField {
            id: newGoal
            objectName: "newGoal"
            inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
            placeholderText: qsTr("A goal you agreed together")
            Layout.fillWidth: true
            Accessible.name: qsTr("New goal")
            onAccepted: addGoal.clicked()
        }
        ActionButton {
            id: addGoal
            text: qsTr("Add")
            objectName: "addGoalButton"
            // Filled when there is something to add, so it reads as ready to tap.
            highlighted: enabled
            enabled: newGoal.text.trim().length > 0
            Layout.minimumHeight: Style.touch
            Accessible.name: qsTr("Add goal")
            onClicked: page.addGoalFromField()
        }
    }

    EntryDialog {
        id: goalDialog
        objectName: "goalDialog"
        property string goalId
        function editGoal(id: string, text: string) {
            goalDialog.goalId = id
            goalDialog.edit(text)
        }
        title: qsTr("Goal")
        removeTitle: qsTr("Remove this goal?")
        onSaved: text => page.detail.editGoal(goalDialog.goalId, text)
        onRemoved: page.detail.removeGoal(goalDialog.goalId)
    }

    SectionTitle { text: qsTr("Consent") }
    Label {
        objectName: "consentState"
        text: page.detail.consentText
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    Column {
        id: consentHistoryList
        objectName: "consentHistory"
        Layout.fillWidth: true
        visible: page.detail.consentHistory.length > 1 // the one entry is the line above
        Repeater {
            model: page.detail.consentHistory
            delegate: Label {
                required property var modelData
                text: modelData.date + "  \u2014  " + modelData.text
                opacity: 0.75
                font.pixelSize: Style.fontSmall
                wrapMode: Text.Wrap
                width: consentHistoryList.width
            }
        }
    }
    TextField {
        id: scope
        objectName: "consentScope"
        inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
        visible: page.detail.canChange && page.detail.consentKey !== "given"
        placeholderText: qsTr("What they agreed to, in your words")
        Layout.fillWidth: true
        Accessible.name: qsTr("Consent scope")
    }
    RowLayout {
        visible: page.detail.canChange
        Layout.fillWidth: true
        ActionButton {
            visible: page.detail.consentKey !== "given"
            text: qsTr("Consent given today")
            objectName: "giveConsentButton"
            enabled: scope.text.trim().length > 0 // what they agreed to, before it is saved
            Layout.minimumHeight: Style.touch
            Layout.fillWidth: true
            Layout.maximumWidth: implicitWidth
            Accessible.name: text
            onClicked: page.detail.giveConsent(scope.text)
        }
        ActionButton {
            visible: page.detail.consentKey === "given"
            text: qsTr("Record withdrawal of consent")
            objectName: "withdrawConsentButton"
            Layout.minimumHeight: Style.touch
            Layout.fillWidth: true
            Layout.maximumWidth: implicitWidth
            Accessible.name: qsTr("Record that consent was withdrawn today")
            onClicked: eraseDialog.ask(true)
        }
    }
    Pane {
        objectName: "withdrawalUndoBar"
        visible: withdrawal.running
        Material.background: Material.color(Material.Grey, Material.Shade800)
        Layout.fillWidth: true
        RowLayout {
            anchors.fill: parent
            Label {
                text: qsTr("Consent withdrawn. Erasing %1 in %2 s.").arg(page.detail.pseudonym).arg(withdrawal.secondsLeft)
                color: "white"
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Button {
                objectName: "undoWithdrawal"
                text: qsTr("Undo")
                flat: true
                Layout.minimumHeight: Style.touch
                Accessible.name: qsTr("Undo the withdrawal of consent")
                onClicked: withdrawal.stop()
            }
        }
    }
    Timer {
        id: withdrawal
        objectName: "withdrawalTimer"
        property int secondsLeft: 10
        interval: 1000
        repeat: true
        onRunningChanged: if (running) secondsLeft = 10
        onTriggered: {
            secondsLeft -= 1
            if (secondsLeft <= 0)
                page.eraseNow()
        }
    }

    SectionTitle { text: qsTr("Encounters") }
    Label {
        visible: page.detail.encounters.count === 0
        text: qsTr("No encounters recorded with %1 yet.").arg(page.detail.pseudonym)
        opacity: 0.75
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    Column {
        id: encounterList
        spacing: Style.gap
        Layout.fillWidth: true
        Repeater {
            model: page.detail.encounters
            delegate: ListCard {
                required property string recordId
                required property string whenText
                required property string placeLabel
                required property string summary
                required property string note
                objectName: "encounter_" + recordId
                title: whenText
                detail: summary
                extra: note.length > 0 ? note : placeLabel
                badge: placeLabel
                width: encounterList.width
                onClicked: Nav.open("encounter", { encounterId: recordId })
            }
        }
    }

    SectionTitle { text: qsTr("Rename or delete"); visible: page.detail.canChange }
    ActionButton {
        visible: page.detail.canChange
        text: qsTr("Rename")
        objectName: "renameParticipantButton"
        Layout.minimumHeight: Style.touch
        Accessible.name: qsTr("Rename %1").arg(page.detail.pseudonym)
        onClicked: renameDialog.edit(page.detail.pseudonym)
    }
    EntryDialog {
        id: renameDialog
        objectName: "renameDialog"
        removable: false
        title: qsTr("Pseudonym or initials")
        onSaved: text => page.detail.rename(text)
    }
    ActionButton {
        visible: page.detail.canChange
        text: qsTr("Delete participant")
        objectName: "deleteParticipantButton"
        Layout.minimumHeight: Style.touch
        Accessible.name: qsTr("Delete %1 and their encounters").arg(page.detail.pseudonym)
        onClicked: eraseDialog.ask(false)
    }

    Dialog {
        id: eraseDialog
        objectName: "eraseDialog"
        property bool withdrawing: false
        function ask(withdraw: bool) {
            withdrawing = withdraw
            open()
        }
        modal: true
        parent: Overlay.overlay
        width: Math.min(parent ? parent.width - 2 * Style.margin : 320, 420)
        x: parent ? (parent.width - width) / 2 : 0
        y: parent ? parent.height - height - Style.margin : 0 // where a thumb reaches
        // Drawn without Material's elevation shader (as ConfirmDialog), so it shows everywhere.
        background: Rectangle {
            color: eraseDialog.Material.dialogColor
            radius: 8
            border.width: 1
            border.color: eraseDialog.Material.dividerColor
        }
        title: withdrawing ? qsTr("Withdraw consent?") : qsTr("Delete %1?").arg(page.detail.pseudonym)
        // One column as wide as the dialog, buttons included: its height follows the text.
        contentHeight: erasureColumn.implicitHeight
        ColumnLayout {
            id: erasureColumn
            width: eraseDialog.availableWidth
            spacing: Style.margin
            Label {
                visible: eraseDialog.withdrawing
                text: qsTr("Withdrawing consent erases %1's records. You can undo it for 10 seconds.").arg(page.detail.pseudonym)
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Label {
                objectName: "erasureText"
                text: page.erasureText
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            // Side by side while both labels fit whole; stacked at large text or in a longer language.
            GridLayout {
                columns: keepButton.implicitWidth + Style.gap + eraseButton.implicitWidth <= width ? 2 : 1
                columnSpacing: Style.gap
                rowSpacing: Style.gap
                Layout.fillWidth: true
                ActionButton {
                    id: keepButton
                    objectName: "keepParticipant"
                    text: qsTr("Cancel")
                    flat: true
                    Layout.fillWidth: true
                    onClicked: eraseDialog.close()
                }
                ActionButton {
                    id: eraseButton
                    objectName: "confirmErase"
                    text: eraseDialog.withdrawing ? qsTr("Withdraw and erase") : qsTr("Delete")
                    highlighted: true
                    Layout.fillWidth: true
                    onClicked: {
                        eraseDialog.close()
                        if (eraseDialog.withdrawing)
                            withdrawal.start()
                        else
                            page.eraseNow()
                    }
                }
            }
        }
    }
}
