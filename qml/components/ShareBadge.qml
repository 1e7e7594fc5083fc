// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import Waypoint
import Waypoint.Ui
import QtQuick.Controls
import QtQuick.Controls.Material

// Who can read a diary entry or a note ("Only you", "You and Alex (supervisor)"), in words
// and colour, never by colour alone.
Rectangle {
    id: badge
    property bool shared: false
    // The words, from App.readers.
    property string readers: shared ? App.readers.sharedText : App.readers.privateText
    readonly property bool dark: Material.theme === Material.Dark
    readonly property color tone: shared ? (dark ? Style.sharedColorDark : Style.sharedColor)
                                         : (dark ? Style.privateColorDark : Style.privateColor)
    implicitWidth: Math.min(label.implicitWidth + 20, maximumWidth)
    // Two lines rather than a badge wider than the row.
    property real maximumWidth: 10000
    implicitHeight: Math.max(28, label.implicitHeight + 8)
    radius: height / 2
    color: "transparent"
    border.color: tone
    border.width: 2
    Accessible.role: Accessible.StaticText
    Accessible.name: qsTr("Who can read it: %1").arg(badge.readers)
    Label {
        id: label
        objectName: "shareBadgeText"
        anchors.centerIn: parent
        width: Math.min(implicitWidth, badge.maximumWidth - 20)
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.Wrap
        text: badge.readers
        color: badge.tone
        font.bold: true
        font.pixelSize: Style.fontCaption
    }
}
