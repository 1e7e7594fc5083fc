// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Waypoint
import Waypoint.Ui

// The changes the server refused (reached from the sync page when there are any): which
// record each one was, why, and when; "Try again" puts them all back in the queue and syncs.
// A change that can never be applied can be dismissed: the record stays on this phone as it
// is. Rows sit in a Column (not a layout): Qt 6.4 layouts keep Repeater rows after a reset.
FormPage {
    id: page
    objectName: "failedChangesPage"
    title: qsTr("Refused changes")

    readonly property var model: App.sync.failedChanges

    Label {
        objectName: "failedIntro"
        text: page.model.count > 0
            ? qsTr("The server refused %n change(s). Nothing is lost: each one is still saved on this phone as you typed it.", "", page.model.count)
            : qsTr("No refused changes. Everything waiting on this phone can be sent.")
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    ActionButton {
        objectName: "failedRetryButton"
        visible: page.model.count > 0
        text: qsTr("Try again")
        highlighted: true
        enabled: App.sync.state !== SyncStatus.Syncing
        Layout.fillWidth: true
        Accessible.name: qsTr("Send the refused changes again")
        onClicked: App.sync.retryFailed()
    }
    Label {
        visible: page.model.count > 0
        text: qsTr("Try again after an update of Waypoint or of the server. If a change is refused again, ask your administrator.")
        opacity: 0.75
        font.pixelSize: Style.fontSmall
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }

    Column {
        objectName: "failedList"
        spacing: Style.gap
        Layout.fillWidth: true
        Repeater {
            model: page.model
            delegate: Pane {
                id: row
                required property int index
                required property string kindLabel
                required property string recordLabel
                required property string reasonText
                required property string whenText
                required property bool deletion
                required property bool canDismiss
                objectName: "failedRow" + index
                width: parent ? parent.width : 0
                padding: 12
                Material.elevation: 0
                background: Rectangle {
                    radius: 8
                    color: "transparent"
                    border.width: 1
                    border.color: row.Material.dividerColor
                }
                Accessible.role: Accessible.ListItem
                Accessible.name: row.kindLabel + ", " + row.recordLabel + ", " + row.reasonText + ", " + row.whenText

                ColumnLayout {
                    width: parent.width
                    spacing: 4
                    Label {
                        text: row.deletion ? qsTr("%1 (deleted): %2").arg(row.kindLabel).arg(row.recordLabel)
                                           : qsTr("%1: %2").arg(row.kindLabel).arg(row.recordLabel)
                        font.bold: true
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                    FieldError {
                        objectName: "failedReason"
                        text: row.reasonText
                        Layout.fillWidth: true
                    }
                    Label {
                        text: qsTr("Refused: %1").arg(row.whenText)
                        opacity: 0.75
                        font.pixelSize: Style.fontSmall
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                    ActionButton {
                        objectName: "failedDismissButton"
                        visible: row.canDismiss
                        text: qsTr("Dismiss (keep it on this phone only)")
                        flat: true
                        Layout.fillWidth: true
                        Accessible.name: qsTr("Dismiss: keep %1 on this phone only").arg(row.recordLabel)
                        onClicked: App.sync.dismissFailed(row.index)
                    }
                }
            }
        }
    }
}
