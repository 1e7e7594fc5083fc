// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Waypoint.Ui

// What an empty list says: what will appear here and how to add the first one.
ColumnLayout {
    id: empty
    property string title
    property string body
    spacing: 6
    Label {
        text: empty.title
        font.pixelSize: Style.fontLead
        font.bold: true
        wrapMode: Text.Wrap
        horizontalAlignment: Text.AlignHCenter
        Layout.fillWidth: true
    }
    Label {
        text: empty.body
        opacity: 0.75
        wrapMode: Text.Wrap
        horizontalAlignment: Text.AlignHCenter
        Layout.fillWidth: true
    }
}
