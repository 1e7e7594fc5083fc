// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import Waypoint.Ui
import QtQuick.Controls
import QtQuick.Controls.Material

// A validation message shown right under the field it is about.
Label {
    visible: text.length > 0
    color: Material.theme === Material.Dark ? Style.errorColorDark : Style.errorColor
    wrapMode: Text.Wrap
    font.pixelSize: Style.fontSmall
    Accessible.role: Accessible.AlertMessage
    Accessible.name: text
}
