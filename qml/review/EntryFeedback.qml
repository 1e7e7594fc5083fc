// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Layouts
import Waypoint
import Waypoint.Ui

// Under the worker's own diary entry: who read it ("Read by Alex, 3 Dec") and the comments
// on it, each with an Acknowledge button. Hidden while there is neither.
ColumnLayout {
    id: feedback
    objectName: "entryFeedback"
    property string entryId: ""
    readonly property ReviewThread thread: App.review.feedback
    visible: entryId.length > 0 && thread.entryId === entryId
             && (thread.readBy.length > 0 || thread.comments.length > 0)
    spacing: Style.gap
    Component.onCompleted: if (entryId.length > 0) thread.open(entryId)

    SectionTitle { text: qsTr("From your supervisor") }
    CommentThread {
        thread: feedback.thread
        Layout.fillWidth: true
    }
}
