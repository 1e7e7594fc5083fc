// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import Waypoint
import Waypoint.Ui

// The unlocked app: a stack whose first page is Home (the tabs); other screens are pushed.
// Quick hide notes which screens are open; the next unlock opens them again.
StackView {
    id: stack
    objectName: "shell"
    initialItem: Home { }
    // Each pushed screen with the name and properties it was opened with.
    property var opened: []

    function openScreen(screen: string, properties: var, operation: int) {
        const component = stack.screens[screen]
        if (component && component.status === Component.Error) console.warn(component.errorString())
        if (!component)
            return
        const item = stack.push(component, properties || {}, operation)
        const open = []
        for (let i = 1; i < stack.depth; ++i)
            open.push(stack.get(i))
        stack.opened = stack.opened.filter(o => open.includes(o.item))
                                   .concat([{ item: item, screen: screen, properties: properties || {} }])
    }

    // Forms keep what is typed (as when leaving them), then the app is covered and locked.
    function hide() {
        const reopen = []
        for (let i = 1; i < stack.depth; ++i) {
            const item = stack.get(i)
            const entry = stack.opened.find(o => o.item === item)
            if (!entry)
                continue
            const form = item as FormPage
            if (form)
                form.leaving()
            reopen.push({ screen: entry.screen,
                          properties: form && form.reopenWith ? form.reopenWith : entry.properties })
        }
        Nav.reopen = reopen
        App.session.quickHide()
    }

    function reopenHidden() {
        const reopen = Nav.reopen
        Nav.reopen = []
        for (const s of reopen)
            stack.openScreen(s.screen, s.properties, StackView.Immediate)
    }
    // On the next turn of the event loop: the shell is made as the session unlocks, before
    // the forms have the store and its drafts.
    Timer {
        interval: 0
        running: true
        onTriggered: stack.reopenHidden()
    }

    Component { id: participantPage; ParticipantPage { } }
    Component { id: participantForm; ParticipantForm { } }
    Component { id: encounterCapture; EncounterCapture { } }
    Component { id: diaryEditor; DiaryEditor { } }
    Component { id: supervisionEditor; SupervisionEditor { } }
    Component { id: searchPage; SearchPage { } }
    Component { id: settingsPage; SettingsPage { } }
    Component { id: syncPage; SyncPage { } }
    Component { id: failedChangesPage; FailedChangesPage { } }
    Component { id: approveDevicePage; ApproveDevicePage { } }
    Component { id: setAsideChangesPage; SetAsideChangesPage { } }
    Component { id: scanPage; ScanPage { } }
    Component { id: conflictsPage; ConflictsPage { } }
    Component { id: insightsPage; Insights { } }
    Component { id: reviewEntryPage; ReviewEntryPage { } }
    Component { id: teamPage; TeamPage { } }

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
        approveDevice: approveDevicePage,
        setAsideChanges: setAsideChangesPage,
        scan: scanPage,
        conflicts: conflictsPage,
        insights: insightsPage,
        reviewEntry: reviewEntryPage,
        team: teamPage
    })

    Connections {
        target: Nav
        function onOpen(screen, properties) {
            stack.openScreen(screen, properties, StackView.PushTransition)
        }
        function onHide() {
            stack.hide()
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
