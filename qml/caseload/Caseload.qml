// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Waypoint
import Waypoint.Ui

// Everyone the worker supports: search by pseudonym, filter by stage, newest contact first.
Page {
    id: caseload
    objectName: "caseload"

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        ColumnLayout {
            spacing: 4
            Layout.fillWidth: true
            Layout.margins: Style.margin
            Layout.bottomMargin: 0
            TextField {
                id: query
                objectName: "caseloadSearch"
                inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
                placeholderText: qsTr("Search by pseudonym")
                Layout.fillWidth: true
                Accessible.name: qsTr("Search the caseload")
                onTextChanged: App.caseload.query = text
            }
            ChipGroup {
                multiple: false
                options: App.vocabulary.stage
                current: App.caseload.stageFilter
                onPicked: key => App.caseload.stageFilter = key
            }
        }

        ListView {
            id: list
            objectName: "caseloadList"
            model: App.caseload
            clip: true
            bottomMargin: 88 // the last row scrolls clear of the round add button
            Layout.fillWidth: true
            Layout.fillHeight: true
            ScrollBar.vertical: ScrollBar { }
            delegate: ListCard {
                required property string recordId
                required property string pseudonym
                required property string stageLabel
                required property string lastContactText
                required property string followUpText
                required property bool followUpOverdue
                title: pseudonym
                detail: stageLabel
                extra: lastContactText
                badge: followUpText
                badgeColor: followUpOverdue ? (Material.theme === Material.Dark ? Style.errorColorDark : Style.errorColor)
                                            : Material.accentColor
                onClicked: Nav.open("participant", { participantId: recordId })
            }
            EmptyState {
                anchors.centerIn: parent
                width: parent.width - 48
                visible: list.count === 0
                title: query.text.length > 0 || App.caseload.stageFilter.length > 0
                       ? qsTr("No one matches") : qsTr("No participants yet")
                body: query.text.length > 0 || App.caseload.stageFilter.length > 0
                      ? qsTr("Try another pseudonym or clear the stage filter.")
                      : qsTr("Add the people you support with a pseudonym or initials.")
            }
        }
    }

    AddButton {
        objectName: "addParticipantButton"
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.margins: Style.margin
        Accessible.name: qsTr("Add participant")
        onClicked: Nav.open("newParticipant", {})
    }
}
