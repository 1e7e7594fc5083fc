// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Waypoint.Ui

// Asks before something is deleted: the title and text name what goes, the buttons are at the
// bottom of the window where a thumb reaches, Cancel on the left. Emits `confirmed`.
Dialog {
    id: dialog
    property string text: ""
    property string confirmText: qsTr("Delete")
    signal confirmed()

    modal: true
    parent: Overlay.overlay
    width: Math.min(parent ? parent.width - 2 * Style.margin : 320, 420)
    x: parent ? (parent.width - width) / 2 : 0
    y: parent ? parent.height - height - Style.margin : 0
    // Drawn without Material's elevation shader (see ActionButton), so it shows everywhere.
    background: Rectangle {
        color: dialog.Material.dialogColor
        radius: 8
        border.width: 1
        border.color: dialog.Material.dividerColor
    }
    // One column as wide as the dialog, buttons included: its height follows the wrapped text.
    contentHeight: column.implicitHeight
    ColumnLayout {
        id: column
        width: dialog.availableWidth
        spacing: Style.margin
        Label {
            objectName: "confirmText"
            text: dialog.text
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        // Side by side while both labels fit whole; stacked at large text or in a longer language.
        GridLayout {
            columns: cancelButton.implicitWidth + Style.gap + confirmButtonItem.implicitWidth <= width ? 2 : 1
            columnSpacing: Style.gap
            rowSpacing: Style.gap
            Layout.fillWidth: true
            ActionButton {
                id: cancelButton
                objectName: "cancelConfirm"
                text: qsTr("Cancel")
                flat: true
                Layout.fillWidth: true
                onClicked: dialog.close()
            }
            ActionButton {
                id: confirmButtonItem
                objectName: "confirmButton"
                text: dialog.confirmText
                highlighted: true
                Layout.fillWidth: true
                onClicked: {
                    dialog.close()
                    dialog.confirmed()
                }
            }
        }
    }
}
