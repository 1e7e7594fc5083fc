// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Waypoint
import Waypoint.Ui

// How syncing goes, in Settings and on the sync page: the status and what it means, then,
// once enrolled, the last sync, changes waiting or refused, the server and "Sync now".
// Everything it shows and does goes through App.sync; enrolling is EnrolmentSection.
ColumnLayout {
    id: section
    objectName: "syncStatusSection"
    spacing: Style.gap
    Layout.fillWidth: true

    readonly property bool enrolled: App.connection.enrolled
    // The key steps' form says what each is about; the detail line would repeat it.
    readonly property bool askKeys: !enrolled
        && App.connection.enrolStep !== SyncConnection.EnterCode
        && App.connection.enrolStep !== SyncConnection.Redeeming

    Label {
        objectName: "syncStatus"
        text: App.sync.statusText
        font.bold: true
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    Label {
        objectName: "syncDetail"
        visible: !section.askKeys
        text: App.sync.detailText
        opacity: 0.75
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    Label {
        objectName: "syncLast"
        visible: section.enrolled
        text: App.sync.lastSyncText
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    Label {
        objectName: "syncPending"
        visible: section.enrolled
        text: App.sync.pendingCount === 0 ? qsTr("No changes waiting to be sent.")
            : qsTr("%n change(s) waiting to be sent.", "", App.sync.pendingCount)
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    FieldError {
        objectName: "syncFailed"
        visible: section.enrolled && App.sync.failedCount > 0
        text: visible ? qsTr("%n change(s) refused by the server. They stay on this phone.", "", App.sync.failedCount) : ""
        Layout.fillWidth: true
    }
    ActionButton {
        objectName: "syncFailedButton"
        visible: section.enrolled && App.sync.failedCount > 0
        text: qsTr("See refused changes")
        Layout.fillWidth: true
        Accessible.name: qsTr("See the changes the server refused")
        onClicked: Nav.open("failedChanges", {})
    }
    FieldError {
        objectName: "syncKeyChanged"
        visible: section.enrolled && App.sync.changedKeyCount > 0
        text: visible ? qsTr("The key of %n person(s) you sync with changed on the server. What they send is set aside until the new key is compared with them in person and confirmed.", "", App.sync.changedKeyCount) : ""
        Layout.fillWidth: true
    }
    FieldError {
        objectName: "syncSetAside"
        visible: section.enrolled && App.sync.setAsideCount > 0
        text: visible ? qsTr("%n change(s) from the server set aside: this phone could not check or read them.", "", App.sync.setAsideCount) : ""
        Layout.fillWidth: true
    }
    ActionButton {
        objectName: "syncSetAsideButton"
        visible: section.enrolled && App.sync.setAsideCount > 0
        text: qsTr("See changes set aside")
        Layout.fillWidth: true
        Accessible.name: qsTr("See the changes from the server that were set aside")
        onClicked: Nav.open("setAsideChanges", {})
    }
    FieldError {
        objectName: "syncConflicts"
        visible: App.sync.conflictCount > 0
        text: visible ? qsTr("%n conflict(s): a text was changed on this phone and on another device before they synced.", "", App.sync.conflictCount) : ""
        Layout.fillWidth: true
    }
    ActionButton {
        objectName: "syncConflictsButton"
        visible: App.sync.conflictCount > 0
        text: qsTr("Resolve conflicts")
        Layout.fillWidth: true
        Accessible.name: qsTr("Compare both versions of each conflict and choose")
        onClicked: Nav.open("conflicts", { recordId: "" })
    }
    Label {
        visible: section.enrolled && App.connection.serverUrl.length > 0
        text: qsTr("Server: %1").arg(App.connection.serverUrl)
        opacity: 0.75
        font.pixelSize: Style.fontSmall
        elide: Text.ElideMiddle
        Layout.fillWidth: true
    }
    ActionButton {
        objectName: "syncNowButton"
        visible: section.enrolled
        text: App.sync.state === SyncStatus.Syncing ? qsTr("Syncing\u2026") : qsTr("Sync now")
        enabled: App.sync.state !== SyncStatus.Syncing
        highlighted: true
        Layout.fillWidth: true
        Accessible.name: qsTr("Sync now")
        onClicked: App.sync.syncNow()
    }
}
