// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Waypoint.Ui

// One entry of a list (a goal, a topic, an action item) put right or taken out: its words in
// a field, Save, and Remove, which asks first and names the entry. At the bottom of the window
// where a thumb reaches. `edit(text)` opens it on an entry.
Dialog {
    id: dialog
    property string entryText: ""
    // What the entry is, in the sentence that asks before removing it ("goal", "topic").
    property string removeTitle: qsTr("Remove this?")
    // False for an entry that can be put right but not taken out (a participant's pseudonym).
    property bool removable: true
    signal saved(string text)
    signal removed()

    function edit(text: string) {
        dialog.entryText = text
        field.text = text
        dialog.open()
    }

    modal: true
    parent: Overlay.overlay
    width: Math.min(parent ? parent.width - 2 * Style.margin : 320, 420)
    x: parent ? (parent.width - width) / 2 : 0
    y: parent ? parent.height - height - Style.margin : 0
    background: Rectangle {
        color: dialog.Material.dialogColor
        radius: 8
        border.width: 1
        border.color: dialog.Material.dividerColor
    }
    onOpened: field.forceActiveFocus()
    // One column as wide as the dialog, buttons included.
    contentHeight: column.implicitHeight
    ColumnLayout {
        id: column
        width: dialog.availableWidth
        spacing: Style.margin
        TextField {
            id: field
            objectName: "entryField"
            inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
            Layout.fillWidth: true
            Accessible.name: dialog.title
            onAccepted: if (saveEntry.enabled) saveEntry.clicked()
        }
        // Side by side while both labels fit whole; stacked at large text or in a longer language.
        GridLayout {
            columns: (removeEntry.visible ? removeEntry.implicitWidth + Style.gap : 0)
                     + saveEntry.implicitWidth <= width ? 2 : 1
            columnSpacing: Style.gap
            rowSpacing: Style.gap
            Layout.fillWidth: true
            ActionButton {
                id: removeEntry
                objectName: "removeEntry"
                visible: dialog.removable
                text: qsTr("Remove")
                flat: true
                Layout.fillWidth: true
                Accessible.name: qsTr("Remove \u201c%1\u201d").arg(dialog.entryText)
                onClicked: {
                    dialog.close()
                    confirm.open()
                }
            }
            ActionButton {
                id: saveEntry
                objectName: "saveEntry"
                text: qsTr("Save")
                highlighted: true
                enabled: field.text.trim().length > 0
                Layout.fillWidth: true
                onClicked: {
                    dialog.close()
                    if (field.text.trim() !== dialog.entryText)
                        dialog.saved(field.text.trim())
                }
            }
        }
    }
    ConfirmDialog {
        id: confirm
        objectName: "confirmRemove"
        title: dialog.removeTitle
        text: qsTr("\u201c%1\u201d will be taken out.").arg(dialog.entryText)
        confirmText: qsTr("Remove")
        onConfirmed: dialog.removed()
    }
}
