// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import QtMultimedia
import Waypoint
import Waypoint.Ui

// Scanning the enrolment QR code (from waypoint-server issue-code or scripts/dev-server) with
// the camera. QrScanner runs the camera behind the VideoOutput (Qt Multimedia's capture
// session) only while this page is on top and the app is in front, and reads the frames; the
// code's text goes back to the enrolment form through Nav.enrolmentScanned, where it is read
// exactly like a pasted one. Without a camera the page says so and offers to paste. Frames
// are only decoded in memory: nothing is saved or logged.
FormPage {
    id: page
    objectName: "scanPage"
    title: qsTr("Scan QR code")

    property bool wrongCode: false

    // The scanner read a Waypoint code: parsed by the form's own parser (copied into a plain
    // object: qmllint 6.4 cannot see a QVariantMap's keys).
    function finish(text: string) {
        const parsed = Object.assign({}, App.connection.parseEnrolText(text))
        if (parsed.code.length === 0) {
            page.wrongCode = true
            scanner.restart()
            return
        }
        Nav.enrolmentScanned(text)
        page.goBack()
    }

    QrScanner {
        id: scanner
        objectName: "qrScanner"
        videoOutput: output
        acceptPrefix: "waypoint:"
        running: page.StackView.status === StackView.Active
        onDecoded: text => page.finish(text)
        onRejected: page.wrongCode = true
    }

    readonly property bool unavailable: scanner.status === QrScanner.NoCamera
        || scanner.status === QrScanner.CameraFailed

    Rectangle {
        id: viewfinder
        objectName: "scanViewfinder"
        color: "#1f2933"
        radius: 8
        clip: true
        Layout.fillWidth: true
        Layout.preferredHeight: Math.min(width, page.height * 0.55)

        VideoOutput {
            id: output
            objectName: "scanPreview"
            anchors.fill: parent
            fillMode: VideoOutput.PreserveAspectCrop
            visible: !page.unavailable
        }
        // Where to hold the code: a square with bright corners, big enough to aim at quickly.
        Item {
            id: guide
            objectName: "scanGuide"
            visible: !page.unavailable
            anchors.centerIn: parent
            width: Math.min(parent.width, parent.height) * 0.68
            height: width
            Repeater {
                model: 4
                delegate: Item {
                    id: corner
                    required property int index
                    width: guide.width * 0.22
                    height: width
                    x: index % 2 === 0 ? 0 : guide.width - width
                    y: index < 2 ? 0 : guide.height - height
                    Rectangle {
                        color: "white"
                        width: parent.width
                        height: 5
                        radius: 2
                        y: corner.index < 2 ? 0 : parent.height - height
                    }
                    Rectangle {
                        color: "white"
                        width: 5
                        height: parent.height
                        radius: 2
                        x: corner.index % 2 === 0 ? 0 : parent.width - width
                    }
                }
            }
        }
        Label {
            objectName: "scanStatus"
            anchors.fill: parent
            anchors.margins: Style.margin
            visible: page.unavailable || scanner.status === QrScanner.Starting
            color: "white"
            font.pixelSize: Style.fontLead
            font.bold: page.unavailable
            horizontalAlignment: Text.AlignHCenter
            verticalAlignment: Text.AlignVCenter
            wrapMode: Text.Wrap
            text: scanner.status === QrScanner.NoCamera
                ? qsTr("No camera found. Paste the code instead.")
                : scanner.status === QrScanner.CameraFailed
                ? qsTr("The camera cannot be used. Waypoint may not be allowed to use it. Paste the code instead.")
                : qsTr("Starting the camera\u2026")
            Accessible.role: Accessible.AlertMessage
            Accessible.name: text
        }
    }
    Label {
        objectName: "scanHint"
        visible: !page.unavailable
        text: page.wrongCode
            ? qsTr("This QR code is not a Waypoint enrolment code. Scan the one your administrator gave you.")
            : qsTr("Hold the QR code from your administrator inside the frame. It is read as soon as it is sharp.")
        color: page.wrongCode ? (Material.theme === Material.Dark ? Style.errorColorDark : Style.errorColor)
                              : Material.foreground
        wrapMode: Text.Wrap
        Layout.fillWidth: true
        Accessible.name: text
    }
    Label {
        visible: page.unavailable
        text: qsTr("Copy the text of the QR code (it starts with waypoint:) or type the code printed under it.")
        opacity: 0.75
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    ActionButton {
        objectName: "scanPasteButton"
        text: qsTr("Paste instead")
        highlighted: page.unavailable
        Layout.fillWidth: true
        Accessible.name: qsTr("Paste the code instead")
        onClicked: page.goBack()
    }
    ActionButton {
        objectName: "scanCancelButton"
        text: qsTr("Cancel")
        flat: true
        Layout.fillWidth: true
        Accessible.name: qsTr("Cancel scanning")
        onClicked: page.goBack()
    }
}
