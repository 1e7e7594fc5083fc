// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Waypoint
import Waypoint.Ui

// On Today: comments from a supervisor the worker has not acknowledged yet ("Alex commented
// on your entry of 3 Dec"); tapping one opens the entry, where it is acknowledged.
ColumnLayout {
    id: card
    objectName: "commentsCard"
    readonly property CommentInboxModel inbox: App.review.inbox
    visible: inbox.count > 0
    spacing: Style.gap

    SectionTitle { text: qsTr("Comments on your entries") }
    Repeater {
        model: card.inbox
        delegate: ListCard {
            required property string commentId
            required property string entryId
            required property string headline
            required property string commentText
            objectName: "inboxComment_" + commentId
            title: headline
            detail: commentText
            badge: qsTr("Read")
            Layout.fillWidth: true
            onClicked: Nav.open("diary", { entryId: entryId })
        }
    }
}
