import QtQuick
import QtQuick.Controls
import Waypoint
import Waypoint.Ui

// The unlocked app: a stack whose first page is Home (the tabs); other screens are pushed.
StackView {
    id: stack
    objectName: "shell"
    initialItem: Home { }

    Component { id: participantPage; ParticipantPage { } }
    Component { id: participantForm; ParticipantForm { } }
    Component { id: encounterCapture; EncounterCapture { } }
    Component { id: diaryEditor; DiaryEditor { } }
    Component { id: supervisionEditor; SupervisionEditor { } }
    Component { id: searchPage; SearchPage { } }
    Component { id: settingsPage; SettingsPage { } }
    Component { id: syncPage; SyncPage { } }
    Component { id: failedChangesPage; FailedChangesPage { } }
    Component { id: scanPage; ScanPage { } }

    readonly property var screens: ({
        participant: participantPage,
        newParticipant: participantForm,
        encounter: encounterCapture,
        diary: diaryEditor,
        supervision: supervisionEditor,
        search: searchPage,
        settings: settingsPage,
        sync: syncPage,
        failedChanges: failedChangesPage,
        scan: scanPage
    })

    Connections {
        target: Nav
        function onOpen(screen, properties) {
            const component = stack.screens[screen]
            if (component && component.status === Component.Error) console.warn(component.errorString())
            if (component)
                stack.push(component, properties || {})
        }
        function onHome() {
            stack.pop(null)
        }
    }
    Connections {
        target: App.session
        function onStateChanged() {
            if (App.session.state !== Session.Unlocked)
                stack.pop(null)
        }
    }
}
