import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import Waypoint.Ui

// A selectable chip: checkable, at least 48 px tall, named for screen readers. Checked chips
// are filled and carry a tick, so the state never depends on colour alone. The pill is inset
// by `Style.chipInset` on every side inside its touch area, so chips packed with no spacing
// show the same gap across and down, and touch targets meet without dead zones.
Button {
    id: chip
    checkable: true
    implicitHeight: Math.max(Style.touch, implicitContentHeight + topPadding + bottomPadding)
    leftPadding: 14 + Style.chipInset
    rightPadding: 14 + Style.chipInset
    topPadding: 6
    bottomPadding: 6
    font.capitalization: Font.MixedCase
    Accessible.role: Accessible.CheckBox
    Accessible.name: text
    Accessible.checked: checked

    contentItem: Label {
        text: (chip.checked ? "\u2713 " : "") + chip.text
        font: chip.font
        color: chip.checked ? (chip.Material.theme === Material.Dark ? Style.onAccentDark : Style.onAccentLight) : chip.Material.foreground
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        wrapMode: Text.Wrap
    }
    background: Item {
        implicitWidth: 48
        implicitHeight: Style.touch
        Rectangle {
            anchors.fill: parent
            anchors.margins: Style.chipInset
            radius: height / 2
            color: chip.checked ? chip.Material.accentColor
                 : chip.down ? chip.Material.rippleColor : "transparent"
            border.width: chip.checked ? 0 : 1
            border.color: chip.Material.hintTextColor
        }
    }
}
