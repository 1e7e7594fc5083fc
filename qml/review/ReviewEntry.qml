// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Waypoint
import Waypoint.Ui

// A worker's shared entry in full, read-only, for the supervisor: who wrote it and when,
// each part of it, the raise at the worker's next supervision, then the comments and a
// composer. Scrolls on its own.
Flickable {
    id: view
    objectName: "reviewEntry"
    readonly property ReviewThread thread: App.review.thread
    contentWidth: width
    contentHeight: column.implicitHeight + 2 * Style.margin
    clip: true
    boundsBehavior: Flickable.StopAtBounds
    ScrollBar.vertical: ScrollBar { }

    ColumnLayout {
        id: column
        x: Math.max(Style.margin, (view.width - width) / 2)
        y: Style.margin
        width: Math.min(view.width - 2 * Style.margin, Style.maxContentWidth)
        spacing: Style.gap

        Label {
            objectName: "reviewEntryWorker"
            text: view.thread.workerName
            font.pixelSize: Style.fontTitle
            font.bold: true
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Label {
            text: view.thread.whenText
            opacity: 0.75
            font.pixelSize: Style.fontSmall
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Label {
            visible: view.thread.errorString.length > 0
            objectName: "reviewError"
            text: view.thread.errorString
            color: Material.theme === Material.Dark ? Style.errorColorDark : Style.errorColor
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Repeater {
            model: view.thread.sections
            delegate: ColumnLayout {
                id: part
                required property var modelData
                spacing: 2
                Layout.fillWidth: true
                SectionTitle { text: part.modelData.label }
                Label {
                    text: part.modelData.text
                    wrapMode: Text.Wrap
                    textFormat: Text.PlainText
                    Layout.fillWidth: true
                }
            }
        }

        OnOffSwitch {
            objectName: "raiseSwitch"
            visible: !view.thread.own
            // One tap; the label says what is on.
            text: checked ? qsTr("Raised for the next supervision") : qsTr("Raise at next supervision")
            checked: view.thread.raised
            Layout.fillWidth: true
            onToggled: {
                view.thread.setRaised(checked)
                checked = Qt.binding(() => view.thread.raised)
            }
        }

        SectionTitle { text: qsTr("Comments") }
        Label {
            visible: view.thread.comments.length === 0
            text: qsTr("No comments yet. %1 sees what you write after the next sync.").arg(view.thread.workerName)
            opacity: 0.75
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        CommentThread {
            thread: view.thread
            Layout.fillWidth: true
        }
        TextArea {
            id: composer
            objectName: "commentComposer"
            inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
            placeholderText: qsTr("Write a comment for %1").arg(view.thread.workerName)
            wrapMode: TextEdit.Wrap
            Layout.fillWidth: true
            Layout.minimumHeight: 96
            Accessible.name: qsTr("Comment")
        }
        ActionButton {
            objectName: "sendComment"
            text: qsTr("Add comment")
            highlighted: true
            enabled: composer.text.trim().length > 0
            Layout.fillWidth: true
            Layout.minimumHeight: 56
            Accessible.name: text
            onClicked: {
                if (view.thread.addComment(composer.text))
                    composer.text = ""
            }
        }
    }
}
