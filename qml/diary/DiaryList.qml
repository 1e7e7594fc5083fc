// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Waypoint
import Waypoint.Ui

// The worker's reflective diary, newest first. Every entry says who can read it: only the
// worker, or the worker and their supervisors by name.
Page {
    id: diary
    objectName: "diaryList"

    ListView {
        id: list
        objectName: "diaryListView"
        anchors.fill: parent
        model: App.diary
        clip: true
        bottomMargin: 88 // the last row scrolls clear of the round add button
        ScrollBar.vertical: ScrollBar { }
        delegate: ItemDelegate {
            id: row
            required property string recordId
            required property string whenText
            required property string title
            required property string excerpt
            required property bool shared
            required property string themesText
            required property int wellbeing
            width: ListView.view.width
            implicitHeight: Math.max(72, contentItem.implicitHeight + 20)
            readonly property string readers: shared ? App.readers.sharedText : App.readers.privateText
            Accessible.name: title + ", " + qsTr("who can read it: %1").arg(readers) + ", " + whenText
            onClicked: Nav.open("diary", { entryId: recordId })
            contentItem: ColumnLayout {
                spacing: 4
                RowLayout {
                    spacing: 8
                    Layout.fillWidth: true
                    Label {
                        text: row.whenText
                        opacity: 0.7
                        font.pixelSize: Style.fontCaption
                        Layout.fillWidth: true
                        // Beside a long badge at a large text size: two lines, never cut.
                        wrapMode: Text.Wrap
                    }
                    ShareBadge {
                        objectName: "rowReaders"
                        shared: row.shared
                        readers: row.readers
                        maximumWidth: row.availableWidth * 0.6
                    }
                }
                Label {
                    text: row.title
                    font.bold: true
                    font.pixelSize: Style.fontEmphasis
                    wrapMode: Text.Wrap
                    maximumLineCount: 2
                    elide: Text.ElideRight
                    Layout.fillWidth: true
                }
                Label {
                    visible: text.length > 0
                    text: row.excerpt
                    opacity: 0.8
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
            title: qsTr("Your diary is empty")
            body: qsTr("Write about your day: what happened, how you felt, what you learned. Entries are private unless you share one.")
        }
    }

    AddButton {
        objectName: "addDiaryButton"
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.margins: Style.margin
        Accessible.name: qsTr("New diary entry")
        onClicked: Nav.open("diary", { entryId: "" })
    }
}
