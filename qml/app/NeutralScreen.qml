// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import Waypoint.Ui
import QtQuick.Controls
import QtQuick.Layouts
import Waypoint

// What quick-hide shows: a plain, unremarkable screen. The app is already locked underneath;
// tapping "Continue" goes to the PIN pad.
Page {
    id: cover
    objectName: "neutralScreen"
    ColumnLayout {
        anchors.centerIn: parent
        width: Math.min(parent.width - 48, 400)
        spacing: 12
        Label {
            text: new Date().toLocaleDateString(Qt.locale(), Locale.LongFormat)
            font.pixelSize: Style.fontHeading
            wrapMode: Text.Wrap
            horizontalAlignment: Text.AlignHCenter
            Layout.fillWidth: true
        }
        Label {
            text: qsTr("No notes")
            opacity: 0.6
            horizontalAlignment: Text.AlignHCenter
            Layout.fillWidth: true
        }
        ActionButton {
            text: qsTr("Continue")
            flat: true
            objectName: "revealButton"
            Layout.alignment: Qt.AlignHCenter
            Layout.minimumHeight: 48
            Accessible.name: text
            onClicked: App.session.reveal()
        }
    }
}
