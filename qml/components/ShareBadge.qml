// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import Waypoint.Ui
import QtQuick.Controls
import QtQuick.Controls.Material

// Whether a diary entry is private or shared with the supervisor, in words and colour,
// never by colour alone.
Rectangle {
    id: badge
    property bool shared: false
    readonly property bool dark: Material.theme === Material.Dark
    readonly property color tone: shared ? (dark ? Style.sharedColorDark : Style.sharedColor)
                                         : (dark ? Style.privateColorDark : Style.privateColor)
    implicitWidth: label.implicitWidth + 20
    implicitHeight: Math.max(28, label.implicitHeight + 8)
    radius: height / 2
    color: "transparent"
    border.color: tone
    border.width: 2
    Accessible.role: Accessible.StaticText
    Accessible.name: label.text
    Label {
        id: label
        anchors.centerIn: parent
        text: badge.shared ? qsTr("Shared with supervisor") : qsTr("Private")
        color: badge.tone
        font.bold: true
        font.pixelSize: Style.fontCaption
    }
}
