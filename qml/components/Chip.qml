// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import Waypoint.Ui

// A selectable chip: checkable, at least 48 px tall, named for screen readers. Checked chips
// are filled and carry a tick, so the state never depends on colour alone. The pill is inset
// by `Style.chipInset` on every side inside its touch area, so chips packed with no spacing
// show the same gap across and down, and touch targets meet without dead zones.
// A chip has the same size checked or not (the tick's room is always kept, the label centred
// in it), so selecting one never moves the chips after it under the worker's finger. It is
// never wider than its row: a long label wraps, then elides, inside the margin.
Button {
    id: chip
    checkable: true
    // The row the chip sits in (a Flow or a layout); zero until that row has a width.
    property real maximumWidth: parent ? parent.width : 0
    readonly property real tickRoom: checkable ? Math.ceil(tickMetrics.advanceWidth) : 0
    readonly property real naturalWidth: Math.max(48, Math.ceil(leftPadding + rightPadding + tickRoom
                                                                + labelMetrics.advanceWidth) + 1)
    implicitWidth: maximumWidth > 0 ? Math.min(maximumWidth, naturalWidth) : naturalWidth
    implicitHeight: Math.max(Style.touch, implicitContentHeight + topPadding + bottomPadding)
    // A little less padding where the tick's room is kept, so chips stay compact.
    leftPadding: (checkable ? 10 : 14) + Style.chipInset
    rightPadding: (checkable ? 10 : 14) + Style.chipInset
    topPadding: 6
    bottomPadding: 6
    font.capitalization: Font.MixedCase
    Accessible.role: Accessible.CheckBox
    Accessible.name: text
    Accessible.checked: checked

    TextMetrics { id: tickMetrics; font: chip.font; text: "\u2713 " }
    TextMetrics { id: labelMetrics; font: chip.font; text: chip.text }

    // The label wraps at the same width checked or not; checked, it moves right into the room
    // kept for the tick.
    readonly property real labelLeft: checked ? tickRoom : tickRoom / 2
    contentItem: Label {
        text: chip.text
        font: chip.font
        color: chip.checked ? (chip.Material.theme === Material.Dark ? Style.onAccentDark : Style.onAccentLight) : chip.Material.foreground
        leftPadding: chip.labelLeft
        rightPadding: chip.tickRoom - chip.labelLeft
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        wrapMode: Text.Wrap
        maximumLineCount: 3
        elide: Text.ElideRight

        Label {
            objectName: "chipTick"
            text: "\u2713"
            visible: chip.checked
            font: chip.font
            color: chip.Material.theme === Material.Dark ? Style.onAccentDark : Style.onAccentLight
            // Just left of the label's first character, in the room kept for it.
            x: chip.labelLeft - chip.tickRoom + Math.max(0, (chip.availableWidth - chip.tickRoom
                   - Math.min(labelMetrics.advanceWidth, chip.availableWidth - chip.tickRoom)) / 2)
            anchors.verticalCenter: parent.verticalCenter
        }
    }
    background: Item {
        implicitWidth: 48
        implicitHeight: Style.touch
        Rectangle {
            anchors.fill: parent
            anchors.margins: Style.chipInset
            radius: Math.min(height / 2, 24)
            color: chip.checked ? chip.Material.accentColor
                 : chip.down ? chip.Material.rippleColor : "transparent"
            border.width: chip.checked ? 0 : 1
            border.color: chip.Material.hintTextColor
        }
    }
}
