// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import Waypoint
import Waypoint.Ui
import QtQuick.Controls
import QtQuick.Layouts

// A date picked with one tap (today, tomorrow, in a week...) or typed, shown and read in the
// locale's short format. `value` is an ISO date or "" for none.
ColumnLayout {
    id: dates
    property string title
    property string value: ""
    property bool allowNone: true
    property bool future: true
    property string error: ""
    signal picked(string value)
    spacing: 4
    Layout.fillWidth: true

    // The value (never shown as such): ISO, in local time.
    function isoIn(days) {
        const d = new Date()
        d.setDate(d.getDate() + days)
        return Qt.formatDate(d, "yyyy-MM-dd")
    }
    readonly property var choices: future
        ? [{ days: 0, label: qsTr("Today") }, { days: 1, label: qsTr("Tomorrow") },
           { days: 3, label: qsTr("In 3 days") }, { days: 7, label: qsTr("In a week") },
           { days: 14, label: qsTr("In 2 weeks") }]
        : [{ days: 0, label: qsTr("Today") }, { days: -1, label: qsTr("Yesterday") },
           { days: -7, label: qsTr("A week ago") }]

    Label {
        visible: dates.title.length > 0
        text: dates.title
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
            model: dates.choices
            delegate: Chip {
                required property var modelData
                text: modelData.label
                objectName: dates.objectName + "_" + modelData.days
                checked: dates.value === dates.isoIn(modelData.days)
                onClicked: {
                    const iso = dates.isoIn(modelData.days)
                    dates.picked(dates.value === iso && dates.allowNone ? "" : iso)
                    checked = Qt.binding(() => dates.value === dates.isoIn(modelData.days))
                }
            }
        }
    }
    TextField {
        id: typed
        Layout.fillWidth: true
        objectName: dates.objectName + "_typed"
        placeholderText: qsTr("Or type a date, like %1").arg(App.dateText(dates.isoIn(0)))
        text: App.dateText(dates.value)
        inputMethodHints: Qt.ImhDate
        Accessible.name: dates.title.length > 0 ? qsTr("%1, date").arg(dates.title) : qsTr("Date")
        onEditingFinished: {
            const iso = App.isoDate(text)
            if (iso !== dates.value)
                dates.picked(iso)
        }
    }
    FieldError {
        text: dates.error
        Layout.fillWidth: true
    }
}
