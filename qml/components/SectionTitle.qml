// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Waypoint.Ui

Label {
    font.pixelSize: Style.fontSection
    font.bold: true
    font.capitalization: Font.AllUppercase
    font.letterSpacing: 0.6
    color: Material.accentColor
    wrapMode: Text.Wrap
    topPadding: 12
    Layout.fillWidth: true
    Accessible.role: Accessible.Heading
    Accessible.name: text
}
