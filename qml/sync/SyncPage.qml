import QtQuick
import Waypoint.Ui

// Where the header's sync indicator leads: the sync section on its own page.
FormPage {
    objectName: "syncPage"
    title: qsTr("Sync")
    SyncSection { }
}
