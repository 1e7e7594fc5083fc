// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Waypoint
import Waypoint.Ui

// At the top of a record's screen while it has an open conflict: says so in words, and leads
// to both versions.
Rectangle {
    id: banner
    objectName: "conflictBanner"
    property string recordId: ""
    // Read again whenever the number of open conflicts changes.
    readonly property int open: recordId.length > 0 && App.sync.conflictCount > 0
                                ? App.sync.conflicts.countFor(recordId) : 0
    readonly property color tone: Material.theme === Material.Dark ? Style.errorColorDark : Style.errorColor
    visible: open > 0
    color: "transparent"
    border.width: 2
    border.color: tone
    radius: 8
    implicitHeight: visible ? content.implicitHeight + 2 * Style.gap : 0

    ColumnLayout {
        id: content
        x: Style.gap + 4
        y: Style.gap
        width: banner.width - 2 * (Style.gap + 4)
        spacing: 4
        Label {
            text: qsTr("Changed on another device too")
            font.bold: true
            color: banner.tone
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Label {
            text: qsTr("This was edited on this phone and on another device before they synced. Both versions are kept until you choose.")
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        ActionButton {
            objectName: "conflictBannerButton"
            text: qsTr("Compare and choose")
            Accessible.name: qsTr("Compare both versions and choose")
            Layout.fillWidth: true
            onClicked: Nav.open("conflicts", { recordId: banner.recordId })
        }
    }
}
