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
    // Who can read the record, in words ("Only you"), under the rest; none when empty.
    property string readers
    // A notice whose title must read in full (a device's name and time) allows more lines.
    property int titleLines: 2
    width: ListView.view ? ListView.view.width : implicitWidth
    // A fixed implicit width: the height depends on the width (wrapped text), so a width that
    // followed the text would make layouts loop.
    implicitWidth: 240
    implicitHeight: Math.max(Style.touch + 16, contentItem.implicitHeight + topPadding + bottomPadding)
    topPadding: 10
    bottomPadding: 10
    readonly property var parts: [title, badge, detail, extra,
        readers.length > 0 ? qsTr("who can read it: %1").arg(readers) : ""]
    readonly property bool badgeBelow: badge.length > 0
        && titleMetrics.advanceWidth + 8 + badgeMetrics.advanceWidth > availableWidth
    TextMetrics {
        id: titleMetrics
        text: card.title
        font.pixelSize: Style.fontEmphasis
        font.bold: true
    }
    TextMetrics {
        id: badgeMetrics
        text: card.badge
        font.pixelSize: Style.fontCaption
        font.bold: true
    }
    Accessible.name: parts.filter(s => s.length > 0).join(", ")

    component CardHeading: Item {
        id: heading
        property string title
        property string badge
        property color badgeColor
        property bool badgeBelow
        property int titleLines: 2
        property font badgeFont
        readonly property real badgeHeight: badgeLabel.visible ? badgeLabel.implicitHeight : 0
        implicitHeight: heading.badgeBelow ? titleLabel.implicitHeight + badgeHeight
                                        : Math.max(titleLabel.implicitHeight, badgeHeight)
        Label {
            id: titleLabel
            objectName: "cardTitle"
            width: heading.badgeBelow || heading.badge.length === 0 ? heading.width
                   : heading.width - badgeLabel.width - 8
            y: heading.badgeBelow ? 0 : (heading.height - implicitHeight) / 2
            text: heading.title
            font.pixelSize: Style.fontEmphasis
            font.bold: true
            wrapMode: Text.Wrap
            maximumLineCount: heading.titleLines
            elide: Text.ElideRight
        }
        Label {
            id: badgeLabel
            objectName: "cardBadge"
            visible: heading.badge.length > 0
            width: heading.badgeBelow ? heading.width : Math.min(implicitWidth, heading.width * 0.6)
            x: heading.badgeBelow ? 0 : heading.width - width
            y: heading.badgeBelow ? titleLabel.implicitHeight : (heading.height - implicitHeight) / 2
            text: heading.badge
            color: heading.badgeColor
            font: heading.badgeFont
            wrapMode: Text.Wrap
        }
    }

    contentItem: ColumnLayout {
        spacing: 2
        // The title and its badge side by side when both fit whole; otherwise (large text, a
        // long pseudonym, a longer language) the badge goes under the title, neither cut.
        // Placed by bindings, not a layout, so the choice follows the width at once.
        CardHeading {
            title: card.title
            badge: card.badge
            badgeColor: card.badgeColor
            badgeBelow: card.badgeBelow
            badgeFont: badgeMetrics.font
            titleLines: card.titleLines
            Layout.fillWidth: true
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
            font.pixelSize: Style.fontCaption
            wrapMode: Text.Wrap
            maximumLineCount: 2
            elide: Text.ElideRight
            Layout.fillWidth: true
        }
        ShareBadge {
            objectName: "cardReaders"
            visible: card.readers.length > 0
            readers: card.readers
            maximumWidth: card.availableWidth
        }
    }
}
