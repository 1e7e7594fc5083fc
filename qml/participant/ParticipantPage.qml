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
    onLeaving: addGoalFromField()

    function addGoalFromField() {
        if (newGoal.text.trim().length > 0 && page.detail.addGoal(newGoal.text))
            newGoal.text = ""
    }

    FieldError { text: page.detail.errorString; Layout.fillWidth: true }

    SectionTitle { text: qsTr("Stage") }
    Label {
        objectName: "currentStage"
        text: page.detail.stageLabel
        font.pixelSize: 20
        font.bold: true
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    Label {
        text: qsTr("Recovery is not a straight line: moving back a stage is normal.")
        opacity: 0.7
        font.pixelSize: 14
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    ChipGroup {
        objectName: "stageChips"
        multiple: false
        allowNone: false
        options: App.vocabulary.stage
        current: page.detail.stageKey
        onPicked: key => page.detail.moveToStage(key)
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
                font.pixelSize: 14
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
                Label {
                    text: goal.modelData.text
                    font.bold: true
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                ChipGroup {
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

    SectionTitle { text: qsTr("Consent") }
    Label {
        objectName: "consentState"
        text: page.detail.consentText
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    TextField {
        id: scope
        objectName: "consentScope"
        inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
        visible: page.detail.consentKey !== "given"
        placeholderText: qsTr("What they agreed to, in your words")
        Layout.fillWidth: true
        Accessible.name: qsTr("Consent scope")
    }
    RowLayout {
        Layout.fillWidth: true
        ActionButton {
            visible: page.detail.consentKey !== "given"
            text: qsTr("Consent given today")
            objectName: "giveConsentButton"
            Layout.minimumHeight: Style.touch
            Accessible.name: text
            onClicked: page.detail.giveConsent(scope.text)
        }
        ActionButton {
            visible: page.detail.consentKey === "given"
            text: qsTr("Record withdrawal of consent")
            objectName: "withdrawConsentButton"
            Layout.minimumHeight: Style.touch
            Accessible.name: qsTr("Record that consent was withdrawn today")
            onClicked: page.detail.withdrawConsent()
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
                required property string whenText
                required property string placeLabel
                required property string summary
                required property string note
                title: whenText
                detail: summary
                extra: note.length > 0 ? note : placeLabel
                badge: placeLabel
                hoverEnabled: false
                width: encounterList.width
            }
        }
    }
}
