// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Waypoint
import Waypoint.Ui

// The review of one diary entry as a conversation: who read it ("Read by Alex, 3 Dec"), then
// the comments, oldest first, each with its acknowledgement; on the worker's own entry each
// comment not yet acknowledged has an Acknowledge button.
ColumnLayout {
    id: threadView
    required property ReviewThread thread
    spacing: Style.gap

    Repeater {
        model: threadView.thread.readBy
        delegate: Label {
            required property string modelData
            objectName: "readBy"
            text: "\u2713 " + modelData
            color: Material.accentColor
            font.pixelSize: Style.fontSmall
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
    }

    Repeater {
        model: threadView.thread.comments
        delegate: Pane {
            id: bubble
            required property var modelData
            objectName: "comment_" + modelData.commentId
            Layout.fillWidth: true
            padding: 12
            Material.elevation: 0
            Material.background: Material.theme === Material.Dark ? "#1f2a2a" : "#eef5f4"
            Accessible.role: Accessible.StaticText
            Accessible.name: modelData.authorName + ", " + modelData.whenText + ": " + modelData.text
            ColumnLayout {
                anchors.left: parent.left
                anchors.right: parent.right
                spacing: 4
                Label {
                    text: bubble.modelData.authorName + " \u00b7 " + bubble.modelData.whenText
                    font.pixelSize: Style.fontCaption
                    font.bold: true
                    opacity: 0.8
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                Label {
                    objectName: "commentText"
                    text: bubble.modelData.text
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                Label {
                    objectName: "acknowledgedText"
                    visible: bubble.modelData.acknowledged
                    text: "\u2713 " + bubble.modelData.acknowledgedText
                    color: Material.accentColor
                    font.pixelSize: Style.fontCaption
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                Label {
                    visible: !bubble.modelData.acknowledged && bubble.modelData.mine
                    text: qsTr("Not acknowledged yet")
                    opacity: 0.7
                    font.pixelSize: Style.fontCaption
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                ActionButton {
                    objectName: "acknowledge"
                    visible: bubble.modelData.canAcknowledge
                    text: qsTr("Acknowledge")
                    Layout.minimumHeight: Style.touch
                    Accessible.name: qsTr("Acknowledge the comment of %1").arg(bubble.modelData.authorName)
                    onClicked: threadView.thread.acknowledge(bubble.modelData.commentId)
                }
            }
        }
    }
}
