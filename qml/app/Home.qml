// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Waypoint
import Waypoint.Ui

// The four places a worker lives in, as tabs, with search, quick-hide and settings on top;
// a fifth, Review, for a supervisor (who keeps the other four: they are often a worker too).
Page {
    id: home
    objectName: "home"
    property alias currentTab: tabs.currentIndex
    readonly property bool reviewing: App.review.supervisor
    readonly property int tabCount: reviewing ? 5 : 4
    onReviewingChanged: if (!reviewing && tabs.currentIndex === 4) tabs.currentIndex = 0

    header: TitleBar {
        id: titleBar
        title: tabs.currentItem ? (tabs.currentItem as TabButton).text : ""
        SyncIndicator {
            id: syncIndicator
            // The title keeps its room beside the buttons: the badge alone when the word
            // would push the title onto a line of its own.
            compact: titleBar.titleWidth > titleBar.availableWidth - 12 - searchButton.implicitWidth
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
            font.pixelSize: Style.glyphToolbar
            implicitWidth: Style.touch
            implicitHeight: Style.touch
            objectName: "settingsButton"
            Accessible.name: qsTr("Settings")
            onClicked: Nav.open("settings", {})
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
            ReviewQueue { }
        }
    }

    // The tab labels use one size: the chosen text size's, smaller only when the tabs
    // would not fit side by side (never below 11 px); what fits does not depend on the text
    // size, so a larger text size never makes the tabs smaller than the standard one. Each
    // tab is as wide as its label plus an equal share of the room left, so a long label
    // ("Aujourd'hui") takes the room a short one does not need; nothing is cut.
    readonly property int tabPadding: 8
    readonly property real tabLabelsWidth: tab0Text.advanceWidth + tab1Text.advanceWidth
                                           + tab2Text.advanceWidth + tab3Text.advanceWidth
                                           + (reviewing ? tab4Text.advanceWidth : 0)
    readonly property real tabFontSize: {
        const wanted = Style.fontSmall
        const room = home.width - 2 * tabCount * tabPadding
        // Measured at `wanted`, so `fit` is the same at every text size.
        const fit = tabLabelsWidth > 0 ? Math.floor(wanted * room / tabLabelsWidth) : wanted
        return Math.max(11, Math.min(wanted, fit))
    }
    function tabWidth(labelWidth: real): real {
        const scale = tabFontSize / Style.fontSmall
        const spare = Math.max(0, home.width - 2 * tabCount * tabPadding - scale * tabLabelsWidth)
        return scale * labelWidth + 2 * tabPadding + spare / tabCount
    }
    TextMetrics { id: tab0Text; font.pixelSize: Style.fontSmall; text: tab0.text }
    TextMetrics { id: tab1Text; font.pixelSize: Style.fontSmall; text: tab1.text }
    TextMetrics { id: tab2Text; font.pixelSize: Style.fontSmall; text: tab2.text }
    TextMetrics { id: tab3Text; font.pixelSize: Style.fontSmall; text: tab3.text }
    TextMetrics { id: tab4Text; font.pixelSize: Style.fontSmall; text: tab4.text }

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
        // Its own size does not follow the tabs' (they follow the page's width).
        contentWidth: home.tabCount * Style.touch
        // Fixed tabs (not a Repeater): a language change retranslates them in place
        // and keeps the current tab.
        WaypointTab { id: tab0; objectName: "tab_0"; text: qsTr("Today"); font.pixelSize: home.tabFontSize; width: home.tabWidth(tab0Text.advanceWidth); leftPadding: home.tabPadding; rightPadding: home.tabPadding }
        WaypointTab { id: tab1; objectName: "tab_1"; text: qsTr("Caseload"); font.pixelSize: home.tabFontSize; width: home.tabWidth(tab1Text.advanceWidth); leftPadding: home.tabPadding; rightPadding: home.tabPadding }
        WaypointTab { id: tab2; objectName: "tab_2"; text: qsTr("Diary"); font.pixelSize: home.tabFontSize; width: home.tabWidth(tab2Text.advanceWidth); leftPadding: home.tabPadding; rightPadding: home.tabPadding }
        WaypointTab { id: tab3; objectName: "tab_3"; text: qsTr("Supervision"); font.pixelSize: home.tabFontSize; width: home.tabWidth(tab3Text.advanceWidth); leftPadding: home.tabPadding; rightPadding: home.tabPadding }
        WaypointTab { id: tab4; objectName: "tab_4"; text: qsTr("Review"); visible: home.reviewing; font.pixelSize: home.tabFontSize; width: home.reviewing ? home.tabWidth(tab4Text.advanceWidth) : 0; leftPadding: home.tabPadding; rightPadding: home.tabPadding }
    }
}
