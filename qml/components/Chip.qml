import QtQuick
import Waypoint.Ui
import QtQuick.Controls
import QtQuick.Controls.Material

// A selectable chip: checkable, at least 48 px tall, named for screen readers.
Button {
    id: chip
    checkable: true
    flat: !checked
    highlighted: checked
    implicitHeight: Math.max(Style.touch, implicitContentHeight + topPadding + bottomPadding)
    leftPadding: 14
    rightPadding: 14
    font.capitalization: Font.MixedCase
    Accessible.role: Accessible.CheckBox
    Accessible.name: text
    Accessible.checked: checked
}
