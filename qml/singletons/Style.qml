// SPDX-License-Identifier: GPL-3.0-or-later
pragma Singleton
import QtQuick
import Waypoint

// Spacing and sizes shared by every screen; colours come from the Material theme.
QtObject {
    // Text sizes: one scale, the worker's text size in Settings (1, 1.25 or 1.5), applied to
    // every role, so titles, badges and metadata grow with the body text. Screens take their
    // sizes from here, never a number of their own (tests/qml/check_font_sizes.py).
    readonly property real textScale: App.preferences.textScale
    readonly property int fontBody: Math.round(16 * textScale)
    readonly property int fontEmphasis: Math.round(17 * textScale) // a list row's title
    readonly property int fontSmall: Math.round(14 * textScale) // metadata, header buttons, tabs
    readonly property int fontCaption: Math.round(13 * textScale) // badges, hints, scale ends
    readonly property int fontBadge: Math.round(12 * textScale) // the symbol in the sync badge
    readonly property int fontSection: Math.round(15 * textScale) // section titles in forms
    readonly property int fontLead: Math.round(18 * textScale) // empty states, scan prompts
    readonly property int fontTitle: Math.round(20 * textScale) // screen titles, names
    readonly property int fontHeading: Math.round(22 * textScale) // a screen's one heading
    readonly property int fontDisplay: Math.round(24 * textScale) // PIN digits, recovery key
    readonly property int fontHero: Math.round(26 * textScale) // the first-run welcome
    // Symbols drawn as text inside fixed-size buttons: icons, not reading text.
    readonly property int glyphToolbar: 22
    readonly property int glyphAdd: 32
    readonly property int glyphPinDots: 22
    // The badge beside a word in the header grows with the word.
    readonly property int badgeSize: Math.round(20 * textScale)

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
