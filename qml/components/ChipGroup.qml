// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import Waypoint.Ui
import QtQuick.Controls
import QtQuick.Layouts

// Chips from a list of {key, label}. Single choice sets `current`; multiple toggles keys in
// `selected`. Emits picked/toggled so the owner writes the value to its editor.
ColumnLayout {
    id: group
    property string title
    property var options: []
    property bool multiple: true
    property var selected: []
    property string current: ""
    property bool allowNone: true
    property string error: ""
    signal toggled(string key)
    signal picked(string key)

    spacing: 4
    Layout.fillWidth: true

    Label {
        visible: group.title.length > 0
        text: group.title
        font.bold: true
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    // Packed with no spacing: the chips' own insets make even gaps, and the first chip's pill
    // lines up with the title above.
    Flow {
        spacing: 0
        Layout.fillWidth: true
        Layout.leftMargin: -Style.chipInset
        Layout.rightMargin: -Style.chipInset
        Repeater {
            model: group.options
            delegate: Chip {
                required property var modelData
                text: modelData.label
                objectName: "chip_" + modelData.key
                checked: group.multiple ? group.selected.indexOf(modelData.key) >= 0
                                        : group.current === modelData.key
                onClicked: {
                    if (group.multiple) {
                        group.toggled(modelData.key)
                    } else if (group.current === modelData.key && group.allowNone) {
                        group.picked("")
                    } else {
                        group.picked(modelData.key)
                    }
                    // Keep the visual state driven by the model, not by the click.
                    checked = Qt.binding(() => group.multiple ? group.selected.indexOf(modelData.key) >= 0
                                                              : group.current === modelData.key)
                }
            }
        }
    }
    FieldError {
        text: group.error
        Layout.fillWidth: true
    }
}
