// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Waypoint
import Waypoint.Ui

// One field over everything; results grouped by kind, the words found in bold.
Page {
    id: page
    objectName: "searchPage"

    header: ToolBar {
        Material.foreground: "white"
        background: Rectangle { color: Material.primary }
        RowLayout {
            anchors.fill: parent
            spacing: 0
            ToolButton {
                text: "\u2190"
                font.pixelSize: Style.glyphToolbar
                implicitWidth: Style.touch
                implicitHeight: Style.touch
                Accessible.name: qsTr("Back")
                onClicked: page.StackView.view.pop()
            }
            TextField {
                id: field
                objectName: "searchField"
                inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
                placeholderText: qsTr("Search everything")
                Material.foreground: "white"
                Material.accent: "white"
                placeholderTextColor: "#ccffffff"
                focus: true
                Layout.fillWidth: true
                Layout.rightMargin: 12
                Accessible.name: qsTr("Search everything")
                onTextChanged: App.search.query = text
            }
            HideButton { }
        }
    }
    Component.onCompleted: field.text = App.search.query
    // Ready to type as soon as Search opens (the keyboard comes up on a phone).
    StackView.onActivated: field.forceActiveFocus()

    ListView {
        id: list
        objectName: "searchResults"
        anchors.fill: parent
        model: App.search.results
        clip: true
        ScrollBar.vertical: ScrollBar { }
        delegate: ItemDelegate {
            id: hit
            required property string kind
            required property string recordId
            required property string participantId
            required property string title
            required property string snippet
            required property string kindLabel
            required property bool firstOfKind
            width: ListView.view.width
            implicitHeight: Math.max(Style.touch + 8, contentItem.implicitHeight + 16)
            Accessible.name: title + ", " + snippet.replace(/<[^>]*>/g, "")
            onClicked: {
                if (kind === "participant")
                    Nav.open("participant", { participantId: recordId })
                else if (kind === "encounter")
                    Nav.open("encounter", { encounterId: recordId })
                else if (kind === "diary")
                    Nav.open("diary", { entryId: recordId })
                else if (kind === "shared")
                    Nav.open("reviewEntry", { entryId: recordId })
                else if (kind === "supervision")
                    Nav.open("supervision", { noteId: recordId })
            }
            contentItem: ColumnLayout {
                spacing: 2
                SectionTitle {
                    visible: hit.firstOfKind
                    text: hit.kindLabel
                    bottomPadding: 4
                }
                Label {
                    text: hit.title
                    font.bold: true
                    // Who and when, whole at a large text size.
                    wrapMode: Text.Wrap
                    maximumLineCount: 2
                    elide: Text.ElideRight
                    Layout.fillWidth: true
                }
                Label {
                    text: hit.snippet
                    textFormat: Text.StyledText
                    wrapMode: Text.Wrap
                    maximumLineCount: 3
                    elide: Text.ElideRight
                    opacity: 0.85
                    Layout.fillWidth: true
                }
            }
        }
        EmptyState {
            anchors.centerIn: parent
            width: parent.width - 48
            visible: list.count === 0
            title: field.text.trim().length > 0 ? qsTr("Nothing found") : qsTr("Search your notes")
            body: field.text.trim().length > 0
                  ? qsTr("No participant, encounter, diary entry or supervision note contains \u201c%1\u201d.").arg(field.text.trim())
                  : qsTr("Participants, encounters, diary entries and supervision notes, all in one place. Everything is searched on this phone.")
        }
    }
}
