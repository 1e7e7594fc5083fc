// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import Waypoint.Ui

// The round "+" in the corner of a list (drawn without shader effects, see ActionButton).
AbstractButton {
    id: add
    width: 64
    height: 64
    Accessible.role: Accessible.Button
    contentItem: Label {
        text: "+"
        font.pixelSize: Style.glyphAdd
        color: add.Material.theme === Material.Dark ? Style.onAccentDark : Style.onAccentLight
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
    }
    background: Rectangle {
        radius: width / 2
        color: Qt.darker(add.Material.accentColor, add.down ? 1.25 : 1.0)
        border.width: 1
        border.color: Qt.darker(add.Material.accentColor, 1.3)
    }
}
