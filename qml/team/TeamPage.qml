// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Waypoint
import Waypoint.Ui

// The supervisor's team: one row per worker with their last sync (as of this device's last
// sync), the entries awaiting review and their wellbeing trend in words beside a sparkline.
// A tap opens the review queue filtered to that worker.
Page {
    id: page
    objectName: "teamPage"
    readonly property TeamModel team: App.review.team
    Component.onCompleted: team.reload()
    header: TitleBar {
        title: qsTr("Team")
        leading: ToolButton {
            text: "\u2190"
            font.pixelSize: Style.glyphToolbar
            implicitWidth: Style.touch
            implicitHeight: Style.touch
            objectName: "backButton"
            Accessible.name: qsTr("Back")
            onClicked: page.StackView.view.pop()
        }
        HideButton { }
    }

    ListView {
        id: list
        objectName: "teamView"
        anchors.fill: parent
        model: page.team
        clip: true
        ScrollBar.vertical: ScrollBar { }
        delegate: ItemDelegate {
            id: row
            required property string userId
            required property string name
            required property string lastSyncText
            required property int awaitingReview
            required property string awaitingText
            required property string trend
            required property string trendText
            required property var ratings
            objectName: "teamRow_" + userId
            width: ListView.view.width
            implicitHeight: Math.max(Style.touch, contentItem.implicitHeight + 20)
            Accessible.name: name + ", " + lastSyncText + ", " + awaitingText + ", " + trendText
            onClicked: {
                App.review.queue.workerFilter = userId
                page.StackView.view.pop()
            }
            contentItem: ColumnLayout {
                spacing: 4
                Label {
                    text: row.name
                    font.bold: true
                    font.pixelSize: Style.fontEmphasis
                    elide: Text.ElideRight
                    Layout.fillWidth: true
                }
                Label {
                    text: row.lastSyncText
                    opacity: 0.7
                    font.pixelSize: Style.fontCaption
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                Label {
                    objectName: "awaitingText"
                    text: row.awaitingText
                    font.bold: row.awaitingReview > 0
                    color: row.awaitingReview > 0 ? Material.accentColor : Material.foreground
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                RowLayout {
                    spacing: 8
                    Layout.fillWidth: true
                    // The newest ratings, oldest on the left: a bar per rating, 1 to 5.
                    Row {
                        spacing: 2
                        height: 20
                        visible: row.ratings.length > 0
                        Layout.alignment: Qt.AlignVCenter
                        Repeater {
                            model: row.ratings
                            delegate: Rectangle {
                                required property int modelData
                                width: 5
                                height: 4 * modelData
                                y: 20 - height
                                radius: 1
                                color: Material.foreground
                                opacity: 0.6
                            }
                        }
                    }
                    Label {
                        objectName: "trendText"
                        text: (row.trend === "up" ? "\u2197 " : row.trend === "down" ? "\u2198 "
                               : row.trend === "steady" ? "\u2192 " : "") + row.trendText
                        font.pixelSize: Style.fontCaption
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                }
            }
        }
        EmptyState {
            anchors.centerIn: parent
            width: parent.width - 48
            visible: list.count === 0
            title: qsTr("No workers yet")
            body: qsTr("The workers you supervise appear here after a sync.")
        }
    }
}
