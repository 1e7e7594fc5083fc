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
                text: qsTr("Search")
                objectName: "searchButton"
                font.capitalization: Font.MixedCase
                implicitHeight: Style.touch
                Accessible.name: qsTr("Search everything")
                onClicked: Nav.open("search", {})
            }
            ToolButton {
                id: hideButton
                text: qsTr("Hide")
                objectName: "quickHideButton"
                font.capitalization: Font.MixedCase
                implicitHeight: Style.touch
                visible: App.preferences.quickHide
                Accessible.name: qsTr("Quick hide: cover the screen and lock")
                onClicked: App.session.quickHide()
            }
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

    StackLayout {
        anchors.fill: parent
        currentIndex: tabs.currentIndex
        Today { }
        Caseload { }
        DiaryList { }
        SupervisionList { }
    }

    footer: TabBar {
        id: tabs
        objectName: "tabs"
        // Four fixed tabs (not a Repeater): a language change retranslates them in place
        // and keeps the current tab.
        TabButton { objectName: "tab_0"; text: qsTr("Today"); implicitHeight: 56; leftPadding: 2; rightPadding: 2; font.pixelSize: 14; font.capitalization: Font.MixedCase; Accessible.name: text }
        TabButton { objectName: "tab_1"; text: qsTr("Caseload"); implicitHeight: 56; leftPadding: 2; rightPadding: 2; font.pixelSize: 14; font.capitalization: Font.MixedCase; Accessible.name: text }
        TabButton { objectName: "tab_2"; text: qsTr("Diary"); implicitHeight: 56; leftPadding: 2; rightPadding: 2; font.pixelSize: 14; font.capitalization: Font.MixedCase; Accessible.name: text }
        TabButton { objectName: "tab_3"; text: qsTr("Supervision"); implicitHeight: 56; leftPadding: 2; rightPadding: 2; font.pixelSize: 14; font.capitalization: Font.MixedCase; Accessible.name: text }
    }
}
