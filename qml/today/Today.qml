// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Waypoint
import Waypoint.Ui

// Today: the two quick actions first, then follow-ups due, open action items and recent
// encounters.
Flickable {
    id: today
    objectName: "today"
    contentWidth: width
    contentHeight: column.implicitHeight + 2 * Style.margin
    clip: true
    boundsBehavior: Flickable.StopAtBounds
    ScrollBar.vertical: ScrollBar { }

    Component.onCompleted: App.today.refresh()

    ColumnLayout {
        id: column
        x: Math.max(Style.margin, (today.width - width) / 2)
        y: Style.margin
        width: Math.min(today.width - 2 * Style.margin, Style.maxContentWidth)
        spacing: Style.gap

        RowLayout {
            spacing: Style.gap
            Layout.fillWidth: true
            ActionButton {
                text: qsTr("New encounter")
                objectName: "newEncounterButton"
                highlighted: true
                Layout.fillWidth: true
                Layout.preferredWidth: (column.width - Style.gap) / 2 // halves; their text wraps at this width
                Layout.minimumHeight: 56
                Layout.fillHeight: true // both as tall as the taller (its text may wrap)
                Accessible.name: text
                onClicked: Nav.open("encounter", { participantId: "" })
            }
            ActionButton {
                text: qsTr("New diary entry")
                objectName: "newDiaryButton"
                Layout.fillWidth: true
                Layout.preferredWidth: (column.width - Style.gap) / 2 // halves; their text wraps at this width
                Layout.minimumHeight: 56
                Layout.fillHeight: true
                Accessible.name: text
                onClicked: Nav.open("diary", { entryId: "" })
            }
        }

        // A new device of this user waits for approval from one they have (the sync page).
        ListCard {
            objectName: "newDeviceCard"
            visible: App.newDevices.pendingNotice.length > 0
            title: App.newDevices.pendingNotice
            titleLines: 4 // the name and the time whole, in every language and text size
            detail: qsTr("Approve it only if it is yours.")
            badge: qsTr("Check")
            badgeColor: Material.theme === Material.Dark ? Style.errorColorDark : Style.errorColor
            Layout.fillWidth: true
            onClicked: Nav.open("sync", {})
        }

        // Texts changed here and on another device: both kept until the worker chooses.
        ListCard {
            objectName: "conflictsCard"
            visible: App.sync.conflictCount > 0
            title: qsTr("%n conflict(s) to resolve", "", App.sync.conflictCount)
            detail: qsTr("Both versions are kept until you choose.")
            badge: qsTr("Resolve")
            badgeColor: Material.theme === Material.Dark ? Style.errorColorDark : Style.errorColor
            Layout.fillWidth: true
            onClicked: Nav.open("conflicts", { recordId: "" })
        }

        // A supervisor's comments on the worker's entries, until acknowledged.
        CommentsCard { Layout.fillWidth: true }

        // Forms left unsaved (kept sealed as drafts): resume or throw away.
        SectionTitle {
            visible: App.today.drafts.count > 0
            text: qsTr("Unfinished drafts")
        }
        Column {
            id: draftList
            objectName: "draftList"
            visible: App.today.drafts.count > 0
            spacing: Style.gap
            Layout.fillWidth: true
            Repeater {
                model: App.today.drafts
                delegate: RowLayout {
                    id: draftRow
                    required property string name
                    required property string title
                    required property string kindLabel
                    required property string whenText
                    required property string screen
                    required property var properties
                    width: draftList.width
                    spacing: 0
                    ListCard {
                        objectName: "draft_" + draftRow.name
                        title: draftRow.title
                        detail: draftRow.kindLabel
                        badge: draftRow.whenText
                        Layout.fillWidth: true
                        Accessible.name: qsTr("Resume draft: %1, %2").arg(draftRow.kindLabel).arg(draftRow.title)
                        onClicked: Nav.open(draftRow.screen, draftRow.properties)
                    }
                    ToolButton {
                        objectName: "discardDraft"
                        text: "\u2715"
                        implicitWidth: Style.touch
                        implicitHeight: Style.touch
                        Accessible.name: qsTr("Discard draft: %1").arg(draftRow.title)
                        onClicked: {
                            discardDialog.draftName = draftRow.name
                            discardDialog.draftTitle = draftRow.title
                            discardDialog.open()
                        }
                    }
                }
            }
        }

        SectionTitle { text: qsTr("Follow-ups due") }
        Label {
            visible: App.today.followUps.count === 0
            text: qsTr("Nothing due. Follow-up dates you set on an encounter appear here.")
            opacity: 0.75
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Column {
            id: followUpList
            spacing: Style.gap
            Layout.fillWidth: true
            Repeater {
                model: App.today.followUps
                delegate: ListCard {
                    required property string recordId
                    required property string pseudonym
                    required property string stageLabel
                    required property string followUpText
                    required property bool followUpOverdue
                    title: pseudonym
                    detail: stageLabel
                    badge: followUpText
                    badgeColor: followUpOverdue ? (Material.theme === Material.Dark ? Style.errorColorDark : Style.errorColor)
                                                : Material.accentColor
                    width: followUpList.width
                    onClicked: Nav.open("participant", { participantId: recordId })
                }
            }
        }

        SectionTitle { text: qsTr("Open action items") }
        Label {
            visible: App.today.openActions.count === 0
            text: qsTr("No open action items from supervision.")
            opacity: 0.75
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Column {
            id: actionList
            spacing: Style.gap
            Layout.fillWidth: true
            Repeater {
                model: App.today.openActions
                delegate: RowLayout {
                    id: action
                    required property string noteId
                    required property string itemId
                    required property string itemText
                    required property string ownerLabel
                    required property string dueText
                    required property bool overdue
                    spacing: 4
                    width: actionList.width
                    CheckBox {
                        objectName: "actionDone"
                        Layout.alignment: Qt.AlignTop
                        Accessible.name: qsTr("Mark done: %1").arg(action.itemText)
                        onToggled: App.today.setActionDone(action.noteId, action.itemId, checked)
                    }
                    ColumnLayout {
                        spacing: 0
                        Layout.fillWidth: true
                        Layout.topMargin: 10
                        Label {
                            text: action.itemText
                            wrapMode: Text.Wrap
                            Layout.fillWidth: true
                        }
                        Label {
                            text: action.dueText.length > 0 ? action.ownerLabel + " \u00b7 " + action.dueText : action.ownerLabel
                            font.pixelSize: Style.fontCaption
                            font.bold: action.overdue
                            color: action.overdue ? (Material.theme === Material.Dark ? Style.errorColorDark : Style.errorColor)
                                                  : Material.foreground
                            opacity: action.overdue ? 1 : 0.7
                            wrapMode: Text.Wrap
                            Layout.fillWidth: true
                        }
                    }
                }
            }
        }

        SectionTitle { text: qsTr("Recent encounters") }
        Label {
            visible: App.today.recentEncounters.count === 0
            text: qsTr("No encounters yet. Tap \u201cNew encounter\u201d after you meet someone.")
            opacity: 0.75
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Column {
            id: recentList
            spacing: Style.gap
            Layout.fillWidth: true
            Repeater {
                model: App.today.recentEncounters
                delegate: ListCard {
                    required property string recordId
                    required property string participantName
                    required property string whenText
                    required property string placeLabel
                    required property string summary
                    objectName: "recentEncounter_" + recordId
                    title: participantName
                    detail: summary
                    extra: placeLabel
                    badge: whenText
                    width: recentList.width
                    onClicked: Nav.open("encounter", { encounterId: recordId })
                }
            }
        }

        // The worker's weeks as charts (qml/insights).
        ListCard {
            objectName: "insightsCard"
            title: qsTr("Your last 12 weeks")
            detail: qsTr("Encounters by place, caseload by stage, wellbeing and stress")
            badge: qsTr("Insights")
            Layout.fillWidth: true
            Layout.topMargin: Style.gap
            Accessible.name: qsTr("Insights: your last 12 weeks as charts")
            onClicked: Nav.open("insights", {})
        }
    }

    Dialog {
        id: discardDialog
        objectName: "discardDraftDialog"
        property string draftName
        property string draftTitle
        parent: Overlay.overlay
        anchors.centerIn: parent
        width: Math.min(today.width - 32, 420)
        modal: true
        title: qsTr("Discard this draft?")
        ColumnLayout {
            anchors.fill: parent
            Label {
                text: qsTr("\u201c%1\u201d will be gone for good.").arg(discardDialog.draftTitle)
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
        }
        footer: DialogButtonBox {
            Button {
                objectName: "keepDraft"
                text: qsTr("Keep")
                flat: true
                Accessible.name: text
                onClicked: discardDialog.close()
            }
            Button {
                objectName: "confirmDiscard"
                text: qsTr("Discard")
                flat: true
                Accessible.name: text
                onClicked: {
                    App.today.drafts.discard(discardDialog.draftName)
                    discardDialog.close()
                }
            }
        }
    }
}
