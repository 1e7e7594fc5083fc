// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Waypoint
import Waypoint.Ui

// The supervisor's review queue: the entries workers shared, not yet reviewed first, then
// newest first; chips filter by worker and by theme. At 900 px and wider the entry opens
// beside the list; narrower, it opens as a page of its own.
Page {
    id: queuePage
    objectName: "reviewQueue"
    readonly property ReviewQueueModel queue: App.review.queue
    readonly property bool sideBySide: width >= 900
    property string selectedId: ""

    function openEntry(id: string) {
        queuePage.selectedId = id
        if (queuePage.sideBySide)
            App.review.thread.open(id)
        else
            Nav.open("reviewEntry", { entryId: id })
    }

    RowLayout {
        anchors.fill: parent
        spacing: 0

        ColumnLayout {
            spacing: 0
            Layout.fillHeight: true
            Layout.fillWidth: !queuePage.sideBySide
            Layout.preferredWidth: queuePage.sideBySide ? 400 : -1

            ItemDelegate {
                objectName: "teamButton"
                text: qsTr("Your team") + " \u203a"
                Layout.fillWidth: true
                implicitHeight: Style.touch
                Accessible.name: qsTr("Open your team")
                onClicked: Nav.open("team", {})
            }
            Flow {
                id: workerChips
                objectName: "workerChips"
                visible: queuePage.queue.workers.length > 1
                Layout.fillWidth: true
                Layout.leftMargin: Style.margin - Style.chipInset
                Layout.rightMargin: Style.margin - Style.chipInset
                Layout.topMargin: Style.gap
                Chip {
                    objectName: "allWorkersChip"
                    text: qsTr("All workers")
                    checked: queuePage.queue.workerFilter === ""
                    onClicked: {
                        queuePage.queue.workerFilter = ""
                        checked = Qt.binding(() => queuePage.queue.workerFilter === "")
                    }
                }
                Repeater {
                    model: queuePage.queue.workers
                    delegate: Chip {
                        id: workerChip
                        required property var modelData
                        objectName: "workerChip_" + modelData.id
                        text: modelData.name
                        checked: queuePage.queue.workerFilter === modelData.id
                        // A tap chooses this worker, or every worker again when chosen.
                        onClicked: {
                            queuePage.queue.workerFilter = checked ? modelData.id : ""
                            checked = Qt.binding(() => queuePage.queue.workerFilter === workerChip.modelData.id)
                        }
                    }
                }
            }
            Flickable {
                objectName: "themeChipsRow"
                Layout.fillWidth: true
                Layout.leftMargin: Style.margin - Style.chipInset
                Layout.rightMargin: Style.margin - Style.chipInset
                implicitHeight: themeRow.implicitHeight
                contentWidth: themeRow.implicitWidth
                flickableDirection: Flickable.HorizontalFlick
                boundsBehavior: Flickable.StopAtBounds
                clip: true
                Row {
                    id: themeRow
                    Repeater {
                        model: queuePage.queue.themes
                        delegate: Chip {
                            id: themeChip
                            required property var modelData
                            objectName: "themeChip_" + modelData.key
                            maximumWidth: 0
                            text: modelData.label
                            checked: queuePage.queue.themeFilter === modelData.key
                            onClicked: {
                                queuePage.queue.themeFilter = checked ? modelData.key : ""
                                checked = Qt.binding(() => queuePage.queue.themeFilter === themeChip.modelData.key)
                            }
                        }
                    }
                }
            }

            ListView {
                id: list
                objectName: "reviewQueueView"
                model: queuePage.queue
                clip: true
                Layout.fillWidth: true
                Layout.fillHeight: true
                ScrollBar.vertical: ScrollBar { }
                delegate: ItemDelegate {
                    id: row
                    required property string recordId
                    required property string workerName
                    required property string whenText
                    required property string themesText
                    required property string snippet
                    required property bool reviewed
                    required property int commentCount
                    objectName: "queueRow_" + recordId
                    width: ListView.view.width
                    highlighted: queuePage.sideBySide && queuePage.selectedId === recordId
                    implicitHeight: Math.max(72, contentItem.implicitHeight + 20)
                    Accessible.name: workerName + ", " + whenText + ", " + (reviewed ? qsTr("reviewed") : qsTr("new")) + ", " + snippet
                    onClicked: queuePage.openEntry(recordId)
                    contentItem: ColumnLayout {
                        spacing: 4
                        RowLayout {
                            spacing: 8
                            Layout.fillWidth: true
                            Label {
                                text: row.workerName
                                font.bold: true
                                font.pixelSize: Style.fontEmphasis
                                elide: Text.ElideRight
                                Layout.fillWidth: true
                            }
                            Label {
                                objectName: "reviewedBadge"
                                text: row.reviewed ? qsTr("Reviewed") : qsTr("New")
                                font.pixelSize: Style.fontCaption
                                font.bold: true
                                color: row.reviewed ? row.Material.foreground : row.Material.accentColor
                                opacity: row.reviewed ? 0.6 : 1
                            }
                        }
                        Label {
                            text: row.commentCount > 0
                                  ? qsTr("%1 \u00b7 %n comment(s)", "", row.commentCount).arg(row.whenText)
                                  : row.whenText
                            opacity: 0.7
                            font.pixelSize: Style.fontCaption
                            wrapMode: Text.Wrap
                            Layout.fillWidth: true
                        }
                        Label {
                            visible: text.length > 0
                            text: row.snippet
                            opacity: 0.85
                            wrapMode: Text.Wrap
                            maximumLineCount: 2
                            elide: Text.ElideRight
                            Layout.fillWidth: true
                        }
                        Label {
                            visible: text.length > 0
                            text: row.themesText
                            color: Material.accentColor
                            font.pixelSize: Style.fontCaption
                            wrapMode: Text.Wrap
                            Layout.fillWidth: true
                        }
                    }
                }
                EmptyState {
                    anchors.centerIn: parent
                    width: parent.width - 48
                    visible: list.count === 0
                    title: qsTr("Nothing to review")
                    body: queuePage.queue.workerFilter !== "" || queuePage.queue.themeFilter !== ""
                          ? qsTr("No shared entry matches these filters.")
                          : qsTr("Entries your workers share with you appear here after a sync.")
                }
            }
        }

        ToolSeparator {
            visible: queuePage.sideBySide
            orientation: Qt.Vertical
            Layout.fillHeight: true
            padding: 0
        }

        Item {
            visible: queuePage.sideBySide
            Layout.fillWidth: true
            Layout.fillHeight: true
            ReviewEntry {
                anchors.fill: parent
                visible: App.review.thread.entryId.length > 0
            }
            Label {
                anchors.centerIn: parent
                width: parent.width - 48
                visible: App.review.thread.entryId.length === 0
                text: qsTr("Choose an entry to read it here.")
                horizontalAlignment: Text.AlignHCenter
                opacity: 0.7
                wrapMode: Text.Wrap
            }
        }
    }
}
