import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import Waypoint
import Waypoint.Ui

// The sync state in the header of every main screen: a coloured dot and one word. Tapping it
// opens the sync page (status, "Sync now", enrolment). Drawn for the header's dark primary
// background.
ToolButton {
    id: indicator
    objectName: "syncIndicator"
    implicitHeight: Style.touch
    implicitWidth: Math.max(Style.touch, implicitContentWidth + leftPadding + rightPadding)
    Accessible.name: qsTr("Sync: %1").arg(App.sync.statusText)
    Accessible.description: App.sync.detailText
    onClicked: Nav.open("sync", {})

    readonly property color dotColor: App.sync.state === SyncController.Idle ? "#86efac"
        : App.sync.state === SyncController.Syncing ? "#ffffff"
        : App.sync.state === SyncController.Offline ? "#fcd34d"
        : App.sync.state === SyncController.Failed ? "#fca5a5" : "#cbd5e1"

    // Pulses while syncing (the dot's opacity follows it only then).
    property real pulse
    SequentialAnimation on pulse {
        running: App.sync.state === SyncController.Syncing
        loops: Animation.Infinite
        NumberAnimation { to: 0.3; duration: 500 }
        NumberAnimation { to: 1; duration: 500 }
    }

    contentItem: Row {
        spacing: 6
        Rectangle {
            objectName: "syncDot"
            width: 10
            height: 10
            radius: 5
            anchors.verticalCenter: parent.verticalCenter
            color: indicator.dotColor
            opacity: App.sync.state === SyncController.Syncing ? indicator.pulse : 1
            border.width: App.sync.state === SyncController.NotEnrolled ? 1 : 0
            border.color: "white"
        }
        Label {
            text: App.sync.shortText
            color: "white"
            font.pixelSize: 14
            anchors.verticalCenter: parent.verticalCenter
        }
    }
}
