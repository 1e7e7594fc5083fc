// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import Waypoint
import Waypoint.Ui

// Quick hide in a top bar: the same word, at the same place (left of the screen's own action,
// within reach of the thumb holding the phone) on every screen that shows records.
ToolButton {
    leftPadding: 8
    rightPadding: 8
    text: qsTr("Hide")
    objectName: "quickHideButton"
    font.capitalization: Font.MixedCase
    implicitHeight: Style.touch
    visible: App.preferences.quickHide
    Accessible.name: qsTr("Quick hide: cover the screen and lock")
    onClicked: Nav.hide()
}
