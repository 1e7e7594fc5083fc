// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import Waypoint.Ui
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts

// One row of a list: a title with a short badge on its right, then a line or two of detail.
ItemDelegate {
    id: card
    property string title
    property string detail
    property string extra
    property string badge
    property color badgeColor: Material.accentColor
    width: ListView.view ? ListView.view.width : implicitWidth
    // A fixed implicit width: the height depends on the width (wrapped text), so a width that
    // followed the text would make layouts loop.
    implicitWidth: 240
    implicitHeight: Math.max(Style.touch + 16, contentItem.implicitHeight + topPadding + bottomPadding)
    topPadding: 10
    bottomPadding: 10
    readonly property var parts: [title, badge, detail, extra]
    Accessible.name: parts.filter(s => s.length > 0).join(", ")

    contentItem: ColumnLayout {
        spacing: 2
        RowLayout {
            spacing: 8
            Layout.fillWidth: true
            Label {
                text: card.title
                font.pixelSize: Math.round(card.font.pixelSize * 1.06) // follows the text size
                font.bold: true
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
            Label {
                visible: card.badge.length > 0
                text: card.badge
                color: card.badgeColor
                font.pixelSize: Math.round(card.font.pixelSize * 0.82)
                font.bold: true
                elide: Text.ElideRight
                Layout.maximumWidth: card.availableWidth * 0.6
            }
        }
        Label {
            visible: text.length > 0
            text: card.detail
            opacity: 0.8
            wrapMode: Text.Wrap
            maximumLineCount: 2
            elide: Text.ElideRight
            Layout.fillWidth: true
        }
        Label {
            visible: text.length > 0
            text: card.extra
            opacity: 0.7
            font.pixelSize: Math.round(card.font.pixelSize * 0.82)
            wrapMode: Text.Wrap
            maximumLineCount: 2
            elide: Text.ElideRight
            Layout.fillWidth: true
        }
    }
}
