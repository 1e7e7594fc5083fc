// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Waypoint.Ui

// The top bar of a screen: an optional leading button (back), the title, then the screen's
// buttons. The title is never cut to "…": when it does not fit beside the buttons at the
// chosen text size, it takes the full width on a line of its own under them, wrapped between
// words, so a large text size or a longer language keeps it readable.
ToolBar {
    id: bar
    property string title
    // The leading button (back), if any.
    property alias leading: leadingRow.data
    // The buttons on the right, in order.
    default property alias trailing: trailingRow.data
    readonly property int titleInset: leadingRow.implicitWidth > 0 ? 0 : 12
    // Room for the title beside the buttons. From sizes the layouts do not set: a choice
    // made while a layout arranges its items would not be arranged.
    readonly property real inlineRoom: availableWidth - leadingRow.implicitWidth
                                       - trailingRow.implicitWidth - titleInset
    // The title's width on one line at its size.
    readonly property real titleWidth: titleMetrics.advanceWidth
    // Beside the buttons while it fits whole at the body text's size (it shrinks that far
    // before it moves to a line of its own).
    readonly property bool titleInline: titleWidth * Style.fontBody / Style.fontTitle <= inlineRoom
    readonly property Label titleLabel: titleInline ? inlineTitle : ownLineTitle

    Material.foreground: "white"
    background: Rectangle { color: Material.primary }

    TextMetrics {
        id: titleMetrics
        font: inlineTitle.font
        text: bar.title
    }

    ColumnLayout {
        anchors.left: parent.left
        anchors.right: parent.right
        spacing: 0
        RowLayout {
            id: row
            spacing: 0
            Layout.fillWidth: true
            Row {
                id: leadingRow
                Layout.alignment: Qt.AlignVCenter
            }
            Label {
                id: inlineTitle
                objectName: "screenTitle"
                visible: bar.titleInline
                text: bar.title
                font.pixelSize: Style.fontTitle
                font.bold: true
                fontSizeMode: Text.HorizontalFit
                minimumPixelSize: Style.fontBody
                elide: Text.ElideRight
                verticalAlignment: Text.AlignVCenter
                Layout.leftMargin: bar.titleInset
                Layout.fillWidth: true
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }
            Item {
                visible: !bar.titleInline
                implicitHeight: Style.touch
                Layout.fillWidth: true
            }
            Row {
                id: trailingRow
                Layout.alignment: Qt.AlignVCenter
            }
        }
        Label {
            id: ownLineTitle
            objectName: "screenTitle"
            visible: !bar.titleInline
            text: bar.title
            font.pixelSize: Style.fontTitle
            font.bold: true
            // A word longer than the whole width breaks rather than being cut.
            wrapMode: Text.WrapAtWordBoundaryOrAnywhere
            maximumLineCount: 2
            elide: Text.ElideRight
            Layout.fillWidth: true
            Layout.leftMargin: 12
            Layout.rightMargin: 12
            Layout.bottomMargin: 8
            Accessible.role: Accessible.Heading
            Accessible.name: text
        }
    }
}
