// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import Waypoint
import Waypoint.Ui

// The shared entry on a phone: pushed over the queue, back to it with the title bar.
Page {
    id: page
    objectName: "reviewEntryPage"
    property string entryId: ""
    Component.onCompleted: App.review.thread.open(entryId)
    header: TitleBar {
        title: qsTr("Shared entry")
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
    ReviewEntry { anchors.fill: parent }
}
