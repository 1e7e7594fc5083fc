// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Waypoint.Ui

// Big digit keys for one thumb. Emits digits; the owner keeps the text.
GridLayout {
    id: pad
    columns: 3
    rowSpacing: 8
    columnSpacing: 8
    property bool keysEnabled: true
    signal digit(string d)
    signal erase()
    signal submit()

    Repeater {
        model: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "\u232b", "0", "OK"]
        delegate: ActionButton {
            id: key
            required property string modelData
            text: modelData === "OK" ? qsTr("OK") : modelData
            objectName: modelData === "\u232b" ? "key_erase" : modelData === "OK" ? "key_ok" : "key_" + modelData
            enabled: pad.keysEnabled
            // A tapped key never takes the keyboard focus from the screen that types digits.
            focusPolicy: Qt.NoFocus
            highlighted: modelData === "OK"
            font.pixelSize: Style.fontDisplay
            // Equal columns whatever each key's label: "OK" is no wider than "1".
            Layout.fillWidth: true
            Layout.preferredWidth: Style.touch
            Layout.minimumWidth: Style.touch
            Layout.preferredHeight: 64
            Layout.minimumHeight: Style.touch
            Accessible.name: modelData === "\u232b" ? qsTr("Delete last digit")
                           : modelData === "OK" ? qsTr("Unlock") : modelData
            onClicked: {
                if (modelData === "\u232b")
                    pad.erase()
                else if (modelData === "OK")
                    pad.submit()
                else
                    pad.digit(modelData)
            }
        }
    }
}
