// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import Waypoint
import Waypoint.Ui

// Supervision sessions, newest first, with how many action items are still open and who
// can read them (only the worker: notes stay private).
Page {
    id: supervision
    objectName: "supervisionList"

    ListView {
        id: list
        objectName: "supervisionListView"
        anchors.fill: parent
        model: App.supervision
        clip: true
        bottomMargin: 88 // the last row scrolls clear of the round add button
        ScrollBar.vertical: ScrollBar { }
        delegate: ListCard {
            required property string recordId
            required property string heldOnText
            required property string supervisor
            required property string topicsText
            required property int openActions
            title: heldOnText
            detail: topicsText
            extra: supervisor
            readers: App.readers.privateText
            badge: openActions > 0 ? qsTr("%n open action(s)", "", openActions) : ""
            onClicked: Nav.open("supervision", { noteId: recordId })
        }
        EmptyState {
            anchors.centerIn: parent
            width: parent.width - 48
            visible: list.count === 0
            title: qsTr("No supervision sessions yet")
            body: qsTr("Note the topics, how you are doing, and what you agreed to do next.")
        }
    }

    AddButton {
        objectName: "addSupervisionButton"
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.margins: Style.margin
        Accessible.name: qsTr("New supervision session")
        onClicked: Nav.open("supervision", { noteId: "" })
    }
}
