// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import Waypoint.Ui

// Where the header's sync indicator leads: how syncing goes and, until this device is
// enrolled, enrolling it.
FormPage {
    objectName: "syncPage"
    title: qsTr("Sync")
    SyncStatusSection { }
    EnrolmentSection { }
}
