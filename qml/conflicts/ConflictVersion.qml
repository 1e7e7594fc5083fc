// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Waypoint.Ui

// One side of a conflict: where and when it was written, whether the record shows it now,
// and the text itself, as typed (plain text).
Rectangle {
    id: box
    property string heading
    property string whenText
    property string text
    property bool shown: false
    color: "transparent"
    radius: 8
    border.width: box.shown ? 2 : 1
    border.color: box.shown ? Material.accentColor : Material.dividerColor
    implicitHeight: content.implicitHeight + 2 * Style.margin
    Accessible.role: Accessible.StaticText
    Accessible.name: heading + ", " + whenText + (shown ? ", " + qsTr("shown now") : "") + ": " + text

    ColumnLayout {
        id: content
        x: Style.margin
        y: Style.margin
        width: box.width - 2 * Style.margin
        spacing: 4
        Label {
            text: box.heading
            font.bold: true
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Label {
            id: when
            text: box.shown ? qsTr("%1 · shown now").arg(box.whenText) : box.whenText
            opacity: 0.75
            font.pixelSize: Style.fontSmall
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Label {
            id: versionText
            objectName: "versionText"
            text: box.text
            textFormat: Text.PlainText
            wrapMode: Text.Wrap
            topPadding: 4
            Layout.fillWidth: true
        }
    }
}
