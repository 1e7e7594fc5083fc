// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Waypoint.Ui

// A time that has passed, today or yesterday: a day chip and two wheels (hours, minutes),
// at the bottom of the window where a thumb reaches. Opens on the time now; a time still to
// come cannot be set. Emits `chosen` with the time picked.
Dialog {
    id: picker
    signal chosen(date at)
    property bool yesterday: false
    // The wheels' time, on the day chosen.
    readonly property date picked: {
        const d = new Date()
        d.setDate(d.getDate() - (picker.yesterday ? 1 : 0))
        d.setHours(hours.currentIndex, minutes.currentIndex, 0, 0)
        return d
    }
    // Re-evaluated when the wheels or the day move; the minute a wheel shows counts as passed.
    readonly property bool inFuture: picked.getTime() > Date.now()

    modal: true
    parent: Overlay.overlay
    width: Math.min(parent ? parent.width - 2 * Style.margin : 320, 420)
    x: parent ? (parent.width - width) / 2 : 0
    y: parent ? parent.height - height - Style.margin : 0
    title: qsTr("What time was it?")
    // Drawn without Material's elevation shader (see ActionButton), so it shows everywhere.
    background: Rectangle {
        color: picker.Material.dialogColor
        radius: 8
        border.width: 1
        border.color: picker.Material.dividerColor
    }
    // The time it opens on when that was today or yesterday (a saved encounter's); else now.
    property var start: null
    onAboutToShow: {
        const now = new Date()
        const dayStart = new Date(now.getFullYear(), now.getMonth(), now.getDate())
        const from = picker.start instanceof Date && !isNaN(picker.start.getTime())
                     && picker.start <= now && picker.start >= dayStart.getTime() - 86400000
                     ? picker.start : now
        picker.yesterday = from < dayStart
        hours.currentIndex = from.getHours()
        minutes.currentIndex = from.getMinutes()
    }

    function pad(n) {
        return (n < 10 ? "0" : "") + n
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Style.gap
        ChipGroup {
            objectName: "timeDayChips"
            multiple: false
            allowNone: false
            options: [{ key: "today", label: qsTr("Today") }, { key: "yesterday", label: qsTr("Yesterday") }]
            current: picker.yesterday ? "yesterday" : "today"
            onPicked: key => picker.yesterday = key === "yesterday"
        }
        RowLayout {
            Layout.alignment: Qt.AlignHCenter
            spacing: Style.gap
            Tumbler {
                id: hours
                objectName: "hourWheel"
                model: 24
                visibleItemCount: 3
                Layout.preferredWidth: 72
                Layout.preferredHeight: 3 * Style.touch
                Accessible.name: qsTr("Hour")
                delegate: Label {
                    required property int index
                    text: picker.pad(index)
                    font.pixelSize: Style.fontDisplay
                    horizontalAlignment: Text.AlignHCenter
                    verticalAlignment: Text.AlignVCenter
                    opacity: 1.0 - Math.abs(Tumbler.displacement) / 2
                }
            }
            Label {
                text: ":"
                font.pixelSize: Style.fontDisplay
            }
            Tumbler {
                id: minutes
                objectName: "minuteWheel"
                model: 60
                visibleItemCount: 3
                Layout.preferredWidth: 72
                Layout.preferredHeight: 3 * Style.touch
                Accessible.name: qsTr("Minute")
                delegate: Label {
                    required property int index
                    text: picker.pad(index)
                    font.pixelSize: Style.fontDisplay
                    horizontalAlignment: Text.AlignHCenter
                    verticalAlignment: Text.AlignVCenter
                    opacity: 1.0 - Math.abs(Tumbler.displacement) / 2
                }
            }
        }
        FieldError {
            objectName: "timeInFuture"
            text: picker.inFuture ? qsTr("That time has not come yet.") : ""
            Layout.fillWidth: true
        }
    }

    footer: RowLayout {
        spacing: Style.gap
        Item { Layout.fillWidth: true }
        ActionButton {
            objectName: "cancelTime"
            text: qsTr("Cancel")
            flat: true
            onClicked: picker.reject()
        }
        ActionButton {
            objectName: "setTime"
            text: qsTr("Set time")
            highlighted: true
            enabled: !picker.inFuture
            Layout.rightMargin: Style.margin
            Layout.bottomMargin: Style.gap
            onClicked: {
                picker.chosen(picker.picked)
                picker.accept()
            }
        }
    }
}
