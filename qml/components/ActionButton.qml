// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Waypoint.Ui

// A button drawn without shader effects (Material's elevation needs a GPU; the software
// renderer and offscreen screenshots would show no background). Highlighted = the main action.
Button {
    id: button
    implicitHeight: Math.max(Style.touch, implicitContentHeight + topPadding + bottomPadding)
    font.capitalization: Font.MixedCase
    font.bold: highlighted
    leftPadding: 16
    topInset: 0
    bottomInset: 0
    rightPadding: 16
    Accessible.name: text
    // In a row short of room (large text, a longer language) the button narrows and its
    // label wraps, rather than pushing the screen wider than the phone.
    Layout.minimumWidth: Math.min(implicitWidth, 2 * Style.touch)

    contentItem: Label {
        text: button.text
        font: button.font
        color: !button.enabled ? button.Material.hintTextColor
             : button.highlighted ? (button.Material.theme === Material.Dark ? Style.onAccentDark : Style.onAccentLight)
             : button.flat ? button.Material.accentColor : button.Material.foreground
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        wrapMode: Text.Wrap
        elide: Text.ElideRight
    }
    background: Rectangle {
        implicitWidth: 64
        implicitHeight: Style.touch
        radius: 6
        color: !button.enabled ? button.Material.buttonDisabledColor
             : button.highlighted ? Qt.darker(button.Material.accentColor, button.down ? 1.25 : 1.0)
             : button.flat ? "transparent"
             : button.down ? Qt.darker(button.Material.buttonColor, 1.15) : button.Material.buttonColor
        border.width: button.highlighted || button.flat ? 0 : 1
        border.color: button.Material.dividerColor
    }
}
