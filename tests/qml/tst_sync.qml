// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import Waypoint
import Waypoint.Ui

// The header's sync indicator and the sync section of Settings: validation of the server
// address and the code, the QR code's text pasted whole, and a clear message when the server
// cannot be reached; the refused changes screen; a scrolled list keeping its place when a pull
// merges changes. (Enrolling against the real server: tests/appsync/tst_app_sync.)
TestCase {
    id: testCase
    name: "Sync"
    when: windowShown
    visible: true
    width: 360
    height: 780

    Component { id: shellComponent; Shell { anchors.fill: parent } }
    property Item shell: null

    function cleanupTestCase() {
        shell.destroy()
    }

    function initTestCase() {
        App.session.createPin("135790", "135790")
        tryCompare(App.session, "state", Session.Unlocked, 5000)
        shell = shellComponent.createObject(testCase)
        verify(shell !== null)
    }

    function page(name) {
        let found = null
        tryVerify(() => { found = findChild(shell, name); return found !== null && found.visible }, 3000,
                  "no screen " + name)
        tryCompare(shell, "busy", false)
        return found
    }
    function reveal(item) {
        let flick = item.parent
        while (flick && flick.contentY === undefined)
            flick = flick.parent
        if (!flick)
            return
        const y = item.mapToItem(flick.contentItem, 0, 0).y
        if (y < flick.contentY || y + item.height > flick.contentY + flick.height)
            flick.contentY = Math.max(0, Math.min(y - 80, flick.contentHeight - flick.height))
        wait(20)
    }
    function tap(root, name) {
        const item = findChild(root, name)
        verify(item !== null, "no item " + name)
        reveal(item)
        mouseClick(item)
        return item
    }
    function setText(root, name, text) {
        const field = findChild(root, name)
        verify(field !== null, "no field " + name)
        field.text = text
        return field
    }

    function test_1_indicatorSaysNotEnrolledAndOpensTheSyncPage() {
        compare(App.sync.state, SyncStatus.NotEnrolled)
        const home = page("home")
        const indicator = findChild(home, "syncIndicator")
        verify(indicator !== null)
        verify(indicator.visible)
        verify(indicator.height >= 48)
        verify(indicator.width >= 48)
        compare(indicator.Accessible.name, "Sync: Not enrolled")
        tap(home, "syncIndicator")
        const syncPage = page("syncPage")
        compare(findChild(syncPage, "syncStatus").text, "Not enrolled")
        verify(findChild(syncPage, "syncEnrolButton").visible)
        verify(!findChild(syncPage, "syncNowButton").visible)
        Nav.home()
        tryCompare(shell, "busy", false)
    }

    function test_2_settingsRefusesAnEmptyAddressAndCode() {
        Nav.open("settings", {})
        const settings = page("settingsPage")
        const section = findChild(settings, "enrolmentSection")
        verify(section !== null)
        compare(findChild(section, "syncServerError").text, "")
        tap(section, "syncEnrolButton")
        verify(findChild(section, "syncServerError").visible)
        compare(findChild(section, "syncServerError").text, "Enter the server address.")
        compare(findChild(section, "syncCodeError").text, "Enter the enrolment code.")
        compare(App.connection.enrolStep, SyncConnection.EnterCode)

        setText(section, "syncServerField", "sync.example.org")
        setText(section, "syncCodeField", "12345")
        tap(section, "syncEnrolButton")
        verify(findChild(section, "syncServerError").text.indexOf("https://") >= 0)
        verify(findChild(section, "syncCodeError").text.indexOf("16") >= 0)
        compare(App.sync.state, SyncStatus.NotEnrolled)
    }

    function test_3_theQrCodesTextFillsBothFields() {
        const section = findChild(page("settingsPage"), "enrolmentSection")
        setText(section, "syncServerField", "")
        const code = setText(section, "syncCodeField",
                             "waypoint:enrol?code=ABCD-EFGH-JKMN-PQRS&server=http%3A%2F%2F127.0.0.1%3A9")
        compare(code.text, "ABCD-EFGH-JKMN-PQRS")
        compare(findChild(section, "syncServerField").text, "http://127.0.0.1:9")
    }

    function test_4_anUnreachableServerIsSaidPlainly() {
        const section = findChild(page("settingsPage"), "enrolmentSection")
        tap(section, "syncEnrolButton")
        compare(findChild(section, "syncServerError").text, "")
        compare(findChild(section, "syncCodeError").text, "")
        tryCompare(App.connection, "enrolStep", SyncConnection.EnterCode, 15000)
        const message = findChild(section, "syncEnrolMessage")
        tryVerify(() => message.visible && message.text.indexOf("cannot be reached") >= 0, 5000)
        compare(App.sync.state, SyncStatus.NotEnrolled)
        verify(!findChild(section, "syncKeys").visible)
    }

    function test_5_refusedChangesAreListedWithTheirReasonAndCanBeDismissed() {
        Nav.home()
        tryCompare(shell, "busy", false)
        compare(Harness.refuseChanges(), 2)
        compare(App.sync.failedCount, 2)
        Nav.open("failedChanges", {})
        const screen = page("failedChangesPage")
        tryCompare(App.sync.failedChanges, "count", 2)
        verify(findChild(screen, "failedIntro").text.indexOf("refused 2 changes") >= 0)

        // Which record (kind and the label the lists show), why, and when; never the content.
        const first = findChild(screen, "failedRow0")
        const second = findChild(screen, "failedRow1")
        verify(first !== null && second !== null)
        verify(first.Accessible.name.indexOf("Participant") >= 0, first.Accessible.name)
        verify(first.Accessible.name.indexOf("R.F.") >= 0, first.Accessible.name)
        verify(first.Accessible.name.indexOf("belongs to another user") >= 0, first.Accessible.name)
        verify(first.Accessible.name.indexOf("Today") >= 0, first.Accessible.name)
        verify(second.Accessible.name.indexOf("Diary entry") >= 0, second.Accessible.name)
        verify(second.Accessible.name.indexOf("could not read") >= 0, second.Accessible.name)
        verify(second.Accessible.name.indexOf("Private words") < 0, second.Accessible.name)

        // One-thumb targets. Only a change that can never be applied can be dismissed.
        verify(findChild(screen, "failedRetryButton").height >= 48)
        const dismiss = findChild(first, "failedDismissButton")
        verify(dismiss.visible)
        verify(dismiss.height >= 48)
        verify(!findChild(second, "failedDismissButton").visible)

        const participants = App.caseload.count
        reveal(dismiss)
        mouseClick(dismiss)
        tryCompare(App.sync, "failedCount", 1)
        compare(App.sync.failedChanges.count, 1)
        compare(App.caseload.count, participants) // the record stays on this phone

        // Try again: back in the queue, to be sent.
        const pending = App.sync.pendingCount
        tap(screen, "failedRetryButton")
        tryCompare(App.sync, "failedCount", 0)
        compare(App.sync.pendingCount, pending + 1)
        verify(findChild(screen, "failedIntro").text.indexOf("No refused changes") >= 0)
        Nav.home()
        tryCompare(shell, "busy", false)
    }

    function test_6_aScrolledListKeepsItsPlaceWhenAPullMergesChanges() {
        verify(Harness.addDiaryEntries(150))
        Nav.tab(2)
        let list = null
        tryVerify(() => {
            list = findChild(shell, "diaryListView")
            return list !== null && list.visible && list.count >= 50
        }, 3000, "the diary list")
        // Scroll far enough that more pages load, then settle on row 80.
        for (let i = 0; i < 20 && list.count < 150; ++i) {
            list.positionViewAtEnd()
            wait(30)
        }
        verify(list.count >= 120, "rows loaded: " + list.count)
        list.positionViewAtIndex(80, ListView.Beginning)
        wait(50)
        const loaded = list.count
        const topRow = list.indexAt(10, list.contentY + 5)
        verify(topRow >= 79 && topRow <= 81, "top row " + topRow)
        const topId = App.diary.value(topRow, DiaryListModel.RecordIdRole)
        const topOnScreen = list.itemAtIndex(topRow).y - list.contentY
        const nextId = App.diary.value(topRow + 1, DiaryListModel.RecordIdRole)

        // Three new entries above, and a new text for the row under the top one.
        verify(Harness.mergeFromOtherDevice(3, nextId))
        wait(50)
        // As many rows as before stay loaded (the three at the bottom now begin the next page).
        verify(list.count >= loaded, "rows " + list.count)
        const nowTop = list.indexAt(10, list.contentY + 5)
        compare(App.diary.value(nowTop, DiaryListModel.RecordIdRole), topId)
        fuzzyCompare(list.itemAtIndex(nowTop).y - list.contentY, topOnScreen, 1)
        compare(App.diary.value(nowTop + 1, DiaryListModel.RecordIdRole), nextId)
        compare(App.diary.value(nowTop + 1, DiaryListModel.TitleRole), "Edited on the tablet")
        // The new entries are at the top, for when the worker scrolls back up.
        verify(String(App.diary.value(0, DiaryListModel.TitleRole)).indexOf("From the tablet") === 0)
        Nav.tab(0)
    }
}
