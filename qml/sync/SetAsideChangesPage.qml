// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Waypoint
import Waypoint.Ui

// The changes from the server this phone set aside (reached from the sync page when there
// are any): what kind of record each was, why it was not taken in, and when. Nothing on the
// phone was changed by them, and sync went on around them. Rows sit in a Column (not a
// layout): Qt 6.4 layouts keep Repeater rows after a reset.
FormPage {
    id: page
    objectName: "setAsideChangesPage"
    title: qsTr("Changes set aside")

    readonly property var model: App.sync.setAsideChanges

    Label {
        objectName: "setAsideIntro"
        text: page.model.count > 0
            ? qsTr("%n change(s) from the server were set aside: this phone could not check or read them, or they were not valid. Nothing on this phone was changed by them, and everything else synced.", "", page.model.count)
            : qsTr("No changes set aside.")
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    Label {
        visible: page.model.count > 0
        text: qsTr("If this keeps happening, tell your administrator: it can mean a device or the server is not working as it should.")
        opacity: 0.75
        font.pixelSize: Style.fontSmall
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }

    Column {
        objectName: "setAsideList"
        spacing: Style.gap
        Layout.fillWidth: true
        Repeater {
            model: page.model
            delegate: Pane {
                id: row
                required property int index
                required property string kindLabel
                required property string reasonText
                required property string whenText
                objectName: "setAsideRow" + index
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
                Accessible.name: row.kindLabel + ", " + row.reasonText + ", " + row.whenText

                ColumnLayout {
                    width: parent.width
                    spacing: 4
                    Label {
                        text: row.kindLabel
                        font.bold: true
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                    FieldError {
                        objectName: "setAsideReason"
                        text: row.reasonText
                        Layout.fillWidth: true
                    }
                    Label {
                        text: qsTr("Set aside: %1").arg(row.whenText)
                        opacity: 0.75
                        font.pixelSize: Style.fontSmall
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                }
            }
        }
    }
}
