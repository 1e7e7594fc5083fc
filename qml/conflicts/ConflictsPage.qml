// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Waypoint
import Waypoint.Ui

// Texts changed on this phone and on another device before they synced (from Today, the sync
// page, or a record's banner). Both versions side by side (stacked on a narrow phone); keep
// one, or write one text from both. Whatever is chosen is saved as an edit and synced. Rows
// sit in a Column (not a layout): Qt 6.4 layouts keep Repeater rows after a reset.
FormPage {
    id: page
    objectName: "conflictsPage"
    title: qsTr("Conflicts")

    // From a record's banner: only that record's conflicts; empty: all of them.
    property string recordId: ""
    readonly property var model: App.sync.conflicts
    // Side by side from this width; stacked below it.
    readonly property bool wide: width >= 560
    readonly property int shown: page.recordId.length > 0 && page.model.count > 0
                                 ? page.model.countFor(page.recordId) : page.model.count

    Label {
        objectName: "conflictsIntro"
        text: page.shown > 0
            ? qsTr("%n text(s) were changed on this phone and on another device before they synced. Both versions are kept: keep one, or write one text from both.", "", page.shown)
            : qsTr("No conflicts: this phone and your other devices agree.")
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    FieldError {
        objectName: "conflictsError"
        text: page.model.errorText
        Layout.fillWidth: true
    }

    Column {
        id: list
        objectName: "conflictList"
        spacing: Style.margin
        Layout.fillWidth: true
        Repeater {
            model: page.model
            delegate: Pane {
                id: row
                required property int index
                required property string recordId
                required property string kindLabel
                required property string fieldLabel
                required property string mineText
                required property string theirsText
                required property string mineWhen
                required property string theirsWhen
                required property bool mineShown
                property bool merging: false
                objectName: "conflictRow" + index
                visible: page.recordId.length === 0 || page.recordId === row.recordId
                width: list.width
                padding: 12
                Material.elevation: 0
                background: Rectangle {
                    radius: 8
                    color: "transparent"
                    border.width: 1
                    border.color: row.Material.dividerColor
                }
                Accessible.role: Accessible.ListItem
                Accessible.name: row.kindLabel + ", " + row.fieldLabel

                ColumnLayout {
                    width: parent.width
                    spacing: Style.gap
                    Label {
                        objectName: "conflictTitle"
                        text: qsTr("%1: %2").arg(row.kindLabel).arg(row.fieldLabel)
                        font.bold: true
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                    GridLayout {
                        id: versions
                        columns: page.wide ? 2 : 1
                        columnSpacing: Style.gap
                        rowSpacing: Style.gap
                        Layout.fillWidth: true
                        ConflictVersion {
                            objectName: "mineVersion"
                            heading: qsTr("This phone")
                            whenText: row.mineWhen
                            text: row.mineText
                            shown: row.mineShown
                            Layout.fillWidth: true
                            Layout.fillHeight: true
                            Layout.preferredWidth: page.wide ? (versions.width - versions.columnSpacing) / 2 : versions.width
                        }
                        ConflictVersion {
                            objectName: "theirsVersion"
                            heading: qsTr("Other device")
                            whenText: row.theirsWhen
                            text: row.theirsText
                            shown: !row.mineShown
                            Layout.fillWidth: true
                            Layout.fillHeight: true
                            Layout.preferredWidth: page.wide ? (versions.width - versions.columnSpacing) / 2 : versions.width
                        }
                        ActionButton {
                            objectName: "keepMineButton"
                            text: qsTr("Keep mine")
                            Accessible.name: qsTr("Keep this phone's version")
                            Layout.fillWidth: true
                            Layout.preferredWidth: page.wide ? (versions.width - versions.columnSpacing) / 2 : versions.width
                            onClicked: page.model.keepMine(row.index)
                        }
                        ActionButton {
                            objectName: "keepTheirsButton"
                            text: qsTr("Keep theirs")
                            Accessible.name: qsTr("Keep the other device's version")
                            Layout.fillWidth: true
                            Layout.preferredWidth: page.wide ? (versions.width - versions.columnSpacing) / 2 : versions.width
                            onClicked: page.model.keepTheirs(row.index)
                        }
                    }
                    ActionButton {
                        objectName: "mergeButton"
                        visible: !row.merging
                        text: qsTr("Merge both into one text")
                        Layout.fillWidth: true
                        onClicked: {
                            mergeText.text = row.mineText + "\n\n" + row.theirsText
                            row.merging = true
                        }
                    }
                    Label {
                        visible: row.merging
                        text: qsTr("Merged text: both versions, to edit into one")
                        font.bold: true
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                    TextArea {
                        id: mergeText
                        objectName: "mergeText"
                        visible: row.merging
                        wrapMode: TextEdit.Wrap
                        Layout.fillWidth: true
                        Layout.minimumHeight: 120
                        Accessible.name: qsTr("Merged text")
                    }
                    ActionButton {
                        objectName: "saveMergeButton"
                        visible: row.merging
                        text: qsTr("Save merged text")
                        highlighted: true
                        Layout.fillWidth: true
                        onClicked: page.model.merge(row.index, mergeText.text)
                    }
                }
            }
        }
    }
}
