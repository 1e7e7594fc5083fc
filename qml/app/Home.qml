// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Waypoint
import Waypoint.Ui

// The four places a worker lives in, as tabs, with search, quick-hide and settings on top.
Page {
    id: home
    objectName: "home"
    property alias currentTab: tabs.currentIndex

    header: ToolBar {
        Material.foreground: "white"
        background: Rectangle { color: Material.primary }
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: 12
            spacing: 0
            Label {
                id: homeTitle
                text: tabs.currentItem ? (tabs.currentItem as TabButton).text : ""
                font.pixelSize: 20
                font.bold: true
                // Long titles (French "Aujourd'hui") shrink a little before they elide.
                fontSizeMode: Text.HorizontalFit
                minimumPixelSize: 14
                verticalAlignment: Text.AlignVCenter
                elide: Text.ElideRight
                Layout.fillWidth: true
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }
            SyncIndicator {
                id: syncIndicator
                // The title keeps its room: the badge alone when the word would squeeze it.
                compact: homeTitle.implicitWidth > home.width - 12 - searchButton.implicitWidth
                         - (hideButton.visible ? hideButton.implicitWidth : 0)
                         - settingsButton.implicitWidth - syncIndicator.fullWidth
            }
            ToolButton {
                id: searchButton
                leftPadding: 8
                rightPadding: 8
                text: qsTr("Search")
                objectName: "searchButton"
                font.capitalization: Font.MixedCase
                implicitHeight: Style.touch
                Accessible.name: qsTr("Search everything")
                onClicked: Nav.open("search", {})
            }
            HideButton { id: hideButton }
            ToolButton {
                id: settingsButton
                text: "\u22ee"
                font.pixelSize: 22
                implicitWidth: Style.touch
                implicitHeight: Style.touch
                objectName: "settingsButton"
                Accessible.name: qsTr("Settings")
                onClicked: Nav.open("settings", {})
            }
        }
    }

    Connections {
        target: Nav
        function onTab(index) {
            tabs.currentIndex = index
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        // After unlocking: wrong PINs (and checks cut short by the app closing) since the
        // previous unlock, so a worker learns that someone may have tried their phone.
        Pane {
            id: unlockNotice
            objectName: "unlockNotice"
            readonly property int wrong: App.session.wrongPinsBeforeUnlock
            readonly property int interrupted: App.session.interruptedChecksBeforeUnlock
            visible: wrong > 0 || interrupted > 0
            Layout.fillWidth: true
            padding: 12
            Material.background: Material.theme === Material.Dark ? "#3b2f0b" : "#fef3c7"
            Material.elevation: 0
            Accessible.role: Accessible.AlertMessage
            Accessible.name: noticeText.text

            RowLayout {
                anchors.left: parent.left
                anchors.right: parent.right
                spacing: 8
                Label {
                    id: noticeText
                    objectName: "unlockNoticeText"
                    text: {
                        const parts = []
                        if (unlockNotice.wrong > 0)
                            parts.push(App.session.passphrase
                                       ? qsTr("%n wrong passphrase(s) entered since Waypoint was last unlocked.", "", unlockNotice.wrong)
                                       : qsTr("%n wrong PIN(s) entered since Waypoint was last unlocked.", "", unlockNotice.wrong))
                        if (unlockNotice.interrupted > 0)
                            parts.push(qsTr("%n unlock(s) stopped halfway: Waypoint was closed while it was checking.", "", unlockNotice.interrupted))
                        parts.push(qsTr("If that was not you, someone may have tried to open Waypoint."))
                        return parts.join(" ")
                    }
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                ToolButton {
                    objectName: "dismissUnlockNotice"
                    text: qsTr("OK")
                    font.capitalization: Font.MixedCase
                    implicitHeight: Style.touch
                    Layout.alignment: Qt.AlignVCenter
                    Accessible.name: qsTr("Dismiss the notice about wrong PINs")
                    onClicked: App.session.dismissUnlockNotice()
                }
            }
        }

        StackLayout {
            currentIndex: tabs.currentIndex
            Layout.fillWidth: true
            Layout.fillHeight: true
            Today { }
            Caseload { }
            DiaryList { }
            SupervisionList { }
        }
    }

    // The tab bar shares its width equally (a small implicit width keeps it from scrolling).
    // All four labels use one size: the chosen text size, or smaller when the longest label
    // would not fit its quarter (never below 11 px), so no label touches the edge or is cut.
    readonly property int tabPadding: 8
    readonly property real tabFontSize: {
        const wanted = 14 * App.preferences.textScale
        const room = tabs.width / 4 - 2 * tabPadding
        const widest = Math.max(tab0Text.advanceWidth, tab1Text.advanceWidth, tab2Text.advanceWidth,
                                tab3Text.advanceWidth)
        return Math.max(11, Math.min(wanted, widest > 0 ? Math.floor(14 * room / widest) : wanted))
    }
    TextMetrics { id: tab0Text; font.pixelSize: 14; text: tab0.text }
    TextMetrics { id: tab1Text; font.pixelSize: 14; text: tab1.text }
    TextMetrics { id: tab2Text; font.pixelSize: 14; text: tab2.text }
    TextMetrics { id: tab3Text; font.pixelSize: 14; text: tab3.text }

    component WaypointTab: TabButton {
        id: tab
        implicitWidth: Style.touch
        implicitHeight: 56
        font.capitalization: Font.MixedCase
        Accessible.name: text
        contentItem: Label {
            text: tab.text
            font: tab.font
            color: tab.checked ? tab.Material.accentColor : tab.Material.foreground
            horizontalAlignment: Text.AlignHCenter
            verticalAlignment: Text.AlignVCenter
            elide: Text.ElideRight
        }
    }

    footer: TabBar {
        id: tabs
        objectName: "tabs"
        // Four fixed tabs (not a Repeater): a language change retranslates them in place
        // and keeps the current tab.
        WaypointTab { id: tab0; objectName: "tab_0"; text: qsTr("Today"); font.pixelSize: home.tabFontSize; leftPadding: home.tabPadding; rightPadding: home.tabPadding }
        WaypointTab { id: tab1; objectName: "tab_1"; text: qsTr("Caseload"); font.pixelSize: home.tabFontSize; leftPadding: home.tabPadding; rightPadding: home.tabPadding }
        WaypointTab { id: tab2; objectName: "tab_2"; text: qsTr("Diary"); font.pixelSize: home.tabFontSize; leftPadding: home.tabPadding; rightPadding: home.tabPadding }
        WaypointTab { id: tab3; objectName: "tab_3"; text: qsTr("Supervision"); font.pixelSize: home.tabFontSize; leftPadding: home.tabPadding; rightPadding: home.tabPadding }
    }
}
