// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import Waypoint.Ui

// A switch drawn without shader effects (Material's knob shadow needs a GPU), 48 px tall.
Switch {
    id: control
    implicitHeight: Math.max(Style.touch, implicitContentHeight + topPadding + bottomPadding)
    Accessible.name: text
    indicator: Rectangle {
        implicitWidth: 44
        implicitHeight: 24
        x: control.text.length > 0 ? control.width - width - control.rightPadding : control.leftPadding
        y: (control.height - height) / 2
        radius: height / 2
        color: control.checked ? control.Material.accentColor : "transparent"
        border.width: 2
        border.color: control.checked ? control.Material.accentColor : control.Material.hintTextColor
        Rectangle {
            width: 16
            height: 16
            radius: 8
            y: 4
            x: control.checked ? parent.width - width - 4 : 4
            color: control.checked ? (control.Material.theme === Material.Dark ? Style.onAccentDark : Style.onAccentLight)
                                   : control.Material.hintTextColor
            Behavior on x { NumberAnimation { duration: 120 } }
        }
    }
    contentItem: Label {
        text: control.text
        font: control.font
        wrapMode: Text.Wrap
        verticalAlignment: Text.AlignVCenter
        rightPadding: control.indicator.width + 12
    }
}
