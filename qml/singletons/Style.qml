// SPDX-License-Identifier: GPL-3.0-or-later
pragma Singleton
import QtQuick

// Spacing and sizes shared by every screen; colours come from the Material theme.
QtObject {
    readonly property int touch: 48
    readonly property int gap: 8
    readonly property int margin: 16
    readonly property int chipInset: 3 // half the visual gap between packed chips
    readonly property int maxContentWidth: 720
    readonly property color sharedColor: "#b45309"
    readonly property color sharedColorDark: "#fbbf24"
    readonly property color privateColor: "#0f766e"
    readonly property color privateColorDark: "#5eead4"
    readonly property color errorColor: "#b3261e"
    readonly property color errorColorDark: "#f2b8b5"
    // Text on the accent colour: white on the light theme's dark teal, near-black on the dark
    // theme's light teal (both above 4.5:1).
    readonly property color onAccentLight: "#ffffff"
    readonly property color onAccentDark: "#042f2e"
}
