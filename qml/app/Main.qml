// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import Waypoint
import Waypoint.Ui

// The window: first run, unlock, the neutral cover after quick-hide, "Check in" when the
// phone is past its organisation's offline lease, or the app itself.
// Which one shows is the session's state, decided in C++.
ApplicationWindow {
    id: window
    width: 360
    height: 780
    visible: true
    title: App.session.hidden ? qsTr("Notes") : qsTr("Waypoint")

    Material.theme: App.preferences.theme === "dark" ? Material.Dark
                  : App.preferences.theme === "light" ? Material.Light : Material.System
    Material.primary: Material.theme === Material.Dark ? "#134e4a" : "#0f766e"
    Material.accent: Material.theme === Material.Dark ? "#5eead4" : "#0f766e"
    font.pixelSize: Style.fontBody

    readonly property string screen: App.session.hidden ? "hidden"
        : App.session.state === Session.NeedsSetup ? "firstrun"
        : App.session.state === Session.Unlocked ? (App.lease.locked ? "lease" : "app") : "unlock"

    // For tools that drive the app from C++ (screenshots, benchmarks).
    function openScreen(name: string, properties: var) {
        Nav.open(name, properties)
    }
    function goHome(tab: int) {
        Nav.home()
        Nav.tab(tab)
    }

    Loader {
        id: content
        anchors.fill: parent
        objectName: "screenLoader"
        // The screen it shows gets the keyboard (the PIN pad takes typed digits).
        focus: true
        sourceComponent: window.screen === "hidden" ? neutral
                       : window.screen === "firstrun" ? firstRun
                       : window.screen === "app" ? shell
                       : window.screen === "lease" ? checkIn : unlock
    }

    // Quick hide from the keyboard, whatever has the focus (desktop).
    Shortcut {
        objectName: "hideShortcut"
        sequences: ["Ctrl+H"]
        context: Qt.ApplicationShortcut
        enabled: window.screen === "app" && App.preferences.quickHide
        onActivated: Nav.hide()
    }
    // Keys destroyed with the store: screens noted by quick hide are not reopened in a new one.
    onScreenChanged: if (screen === "firstrun") Nav.reopen = []

    Component { id: neutral; NeutralScreen { } }
    Component { id: firstRun; FirstRun { } }
    Component { id: unlock; Unlock { } }
    Component { id: shell; Shell { } }
    Component { id: checkIn; CheckIn { } }
}
