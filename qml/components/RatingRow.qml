// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import Waypoint.Ui
import QtQuick.Controls
import QtQuick.Layouts

// A 1..5 rating with words at both ends; 0 means not rated. Tapping the current value clears it.
ColumnLayout {
    id: rating
    property string title
    property string lowText
    property string highText
    property int value: 0
    signal rated(int value)
    spacing: 2
    Layout.fillWidth: true

    Label {
        text: rating.title
        font.bold: true
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    RowLayout {
        spacing: 0
        Layout.fillWidth: true
        Layout.leftMargin: -Style.chipInset
        Layout.rightMargin: -Style.chipInset
        Repeater {
            model: 5
            delegate: Chip {
                required property int index
                text: String(index + 1)
                objectName: rating.objectName + "_" + (index + 1)
                checked: rating.value === index + 1
                Layout.fillWidth: true
                Layout.minimumWidth: Style.touch
                Accessible.name: qsTr("%1: %2 of 5").arg(rating.title).arg(index + 1)
                onClicked: {
                    rating.rated(rating.value === index + 1 ? 0 : index + 1)
                    checked = Qt.binding(() => rating.value === index + 1)
                }
            }
        }
    }
    RowLayout {
        Layout.fillWidth: true
        Label { text: rating.lowText; opacity: 0.7; font.pixelSize: Style.fontCaption; Layout.fillWidth: true; wrapMode: Text.Wrap }
        Label { text: rating.highText; opacity: 0.7; font.pixelSize: Style.fontCaption; horizontalAlignment: Text.AlignRight; Layout.fillWidth: true; wrapMode: Text.Wrap }
    }
}
