// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import Waypoint
import Waypoint.Ui

// Where the header's sync indicator leads: how syncing goes, until this device is enrolled
// enrolling it, and who syncs from here (this device's name, the user's key fingerprint).
FormPage {
    Component.onCompleted: App.newDevices.refresh()
    objectName: "syncPage"
    title: qsTr("Sync")
    SyncStatusSection { }
    NewDevicesSection { }
    EnrolmentSection { }
    IdentitySection { }
}
