// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import Waypoint
import Waypoint.Ui

// The sync state in the header of every main screen: a badge (colour and symbol, so colour
// is never the only cue) and, when the header has room, one word. Tapping it opens the sync
// page (status, "Sync now", enrolment). Drawn for the header's dark primary background.
ToolButton {
    id: indicator
    objectName: "syncIndicator"
    // The badge alone (the header sets this when the word would squeeze the title).
    property bool compact: false
    // The width with the word, whether or not it is shown.
    readonly property real fullWidth: Math.max(Style.touch, Style.badgeSize + 6 + word.width + leftPadding + rightPadding)
    TextMetrics {
        id: word
        text: App.sync.shortText
        font.pixelSize: Style.fontSmall
    }
    implicitHeight: Style.touch
    implicitWidth: Math.max(Style.touch, implicitContentWidth + leftPadding + rightPadding)
    leftPadding: 8
    rightPadding: 8
    Accessible.name: qsTr("Sync: %1").arg(App.sync.statusText)
    Accessible.description: App.sync.detailText
    onClicked: Nav.open("sync", {})

    readonly property int state: App.sync.state
    // An open conflict is not "all synced": amber and "!" until the worker chooses.
    readonly property bool conflicts: state === SyncStatus.Idle && App.sync.pendingCount === 0
                                      && App.sync.conflictCount > 0
    readonly property color badgeColor: conflicts ? "#fcd34d"
        : state === SyncStatus.Idle ? "#86efac"
        : state === SyncStatus.Syncing ? "#ffffff"
        : state === SyncStatus.Offline ? "#fcd34d"
        : state === SyncStatus.Failed ? "#fca5a5" : "transparent"
    readonly property string symbol: conflicts ? "!"
        : state === SyncStatus.Idle
        ? (App.sync.pendingCount > 0 ? String(Math.min(App.sync.pendingCount, 99)) : "\u2713")
        : state === SyncStatus.Syncing ? "\u2191\u2193"
        : state === SyncStatus.Offline ? "\u2013"
        : state === SyncStatus.Failed ? "!" : ""

    // Pulses while syncing (the badge's opacity follows it only then).
    property real pulse
    SequentialAnimation on pulse {
        running: indicator.state === SyncStatus.Syncing
        loops: Animation.Infinite
        NumberAnimation { to: 0.4; duration: 500 }
        NumberAnimation { to: 1; duration: 500 }
    }

    contentItem: Row {
        spacing: 6
        Rectangle {
            objectName: "syncBadge"
            width: Style.badgeSize
            height: Style.badgeSize
            radius: Style.badgeSize / 2
            anchors.verticalCenter: parent.verticalCenter
            color: indicator.badgeColor
            opacity: indicator.state === SyncStatus.Syncing ? indicator.pulse : 1
            border.width: indicator.state === SyncStatus.NotEnrolled ? 2 : 0
            border.color: "white"
            Label {
                anchors.centerIn: parent
                text: indicator.symbol
                color: "#1f2937"
                font.pixelSize: Style.fontBadge
                font.bold: true
            }
        }
        Label {
            visible: !indicator.compact
            text: App.sync.shortText
            color: "white"
            font.pixelSize: Style.fontSmall
            anchors.verticalCenter: parent.verticalCenter
        }
    }
}
