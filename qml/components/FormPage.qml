// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import Waypoint.Ui
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts

// A pushed screen with a back button, a title, Hide (when quick-hide is on) and an optional
// action on the right. `leaving()` lets a form keep what is typed before the screen goes away
// (back, or hidden); `reopenWith`, when set, is what opens this screen again as it is now.
Page {
    id: page
    property string actionText: ""
    property bool actionEnabled: true
    property var reopenWith: null
    // False: the form is shown but cannot be changed (a record someone else wrote).
    property alias editable: body.enabled
    default property alias content: body.data
    property alias flickable: flick
    signal action()
    signal leaving()

    function goBack() {
        page.leaving()
        if (page.StackView.view)
            page.StackView.view.pop()
    }

    header: TitleBar {
        title: page.title
        leading: ToolButton {
            text: "\u2190"
            font.pixelSize: Style.glyphToolbar
            implicitWidth: Style.touch
            implicitHeight: Style.touch
            objectName: "backButton"
            Accessible.name: qsTr("Back")
            onClicked: page.goBack()
        }
        HideButton { }
        ToolButton {
            visible: page.actionText.length > 0
            text: page.actionText
            enabled: page.actionEnabled
            font.bold: true
            font.capitalization: Font.MixedCase
            implicitHeight: Style.touch
            objectName: "actionButton"
            Accessible.name: text
            onClicked: page.action()
        }
    }

    Flickable {
        id: flick
        anchors.fill: parent
        contentWidth: width
        contentHeight: body.implicitHeight + 2 * Style.margin
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        ScrollBar.vertical: ScrollBar { }
        ColumnLayout {
            id: body
            x: Math.max(Style.margin, (flick.width - width) / 2)
            y: Style.margin
            width: Math.min(flick.width - 2 * Style.margin, Style.maxContentWidth)
            spacing: Style.gap
        }
    }
}
