// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import Waypoint
import Waypoint.Ui

// A diary entry changed on this phone and on another device before they synced: the conflict
// shows on Today, on the sync page and on the entry; the conflict page shows both versions
// (stacked on a narrow phone, side by side when wide); "Keep mine" and a merged text resolve it,
// and the entry shows the chosen text.
TestCase {
    id: testCase
    name: "Conflicts"
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
        verify(item.visible, name + " is hidden")
        reveal(item)
        mouseClick(item)
        return item
    }
    function home() {
        Nav.home()
        Nav.tab(0)
        tryCompare(shell, "busy", false)
    }

    function test_1_aConflictShowsOnTodayTheSyncPageAndTheEntry() {
        const id = Harness.conflictFromOtherDevice("Phone: walked to the library with Sam",
                                                   "Tablet: met Sam at the pier")
        verify(id.length > 0)
        compare(App.sync.conflictCount, 1)

        // Today: a card that leads to the conflicts.
        home()
        const card = findChild(page("today"), "conflictsCard")
        verify(card !== null)
        tryVerify(() => card.visible)
        verify(card.title.indexOf("1 conflict to resolve") >= 0, card.title)
        verify(card.height >= 48)
        tap(page("today"), "conflictsCard")
        const list = page("conflictsPage")
        verify(findChild(list, "conflictsIntro").text.indexOf("1 text was changed") >= 0)
        home()

        // The sync page: not "Up to date", and a row to the list.
        Nav.open("sync", {})
        const syncPage = page("syncPage")
        const said = findChild(syncPage, "syncConflicts")
        verify(said.visible)
        verify(said.text.indexOf("1 conflict") === 0, said.text)
        verify(findChild(syncPage, "syncStatus").text !== "Up to date")
        tap(syncPage, "syncConflictsButton")
        page("conflictsPage")
        home()

        // The entry itself: a banner above the text.
        Nav.open("diary", { entryId: id })
        const editor = page("diaryEditor")
        const banner = findChild(editor, "conflictBanner")
        verify(banner.visible)
        compare(findChild(editor, "diaryText").text, "Tablet: met Sam at the pier")
        home()
    }

    function test_2_bothVersionsAreStackedOnAPhoneAndKeepMineWins() {
        const id = App.sync.conflicts.data(App.sync.conflicts.index(0, 0), ConflictListModel.RecordIdRole)
        Nav.open("diary", { entryId: id })
        const editor = page("diaryEditor")
        tap(editor, "conflictBannerButton")
        const screen = page("conflictsPage")
        compare(screen.recordId, id)
        const row = findChild(screen, "conflictRow0")
        const mine = findChild(row, "mineVersion")
        const theirs = findChild(row, "theirsVersion")
        compare(findChild(mine, "versionText").text, "Phone: walked to the library with Sam")
        compare(findChild(theirs, "versionText").text, "Tablet: met Sam at the pier")
        verify(mine.Accessible.name.indexOf("This phone") === 0, mine.Accessible.name)
        verify(theirs.Accessible.name.indexOf("shown now") >= 0, theirs.Accessible.name)
        // 360 px wide: one above the other, each the full width, inside the screen.
        verify(!screen.wide)
        verify(theirs.mapToItem(screen, 0, 0).y >= mine.mapToItem(screen, 0, 0).y + mine.height)
        compare(theirs.width, mine.width)
        verify(mine.mapToItem(screen, 0, 0).x + mine.width <= screen.width)
        verify(findChild(row, "keepMineButton").height >= 48)

        tap(row, "keepMineButton")
        tryCompare(App.sync, "conflictCount", 0)
        verify(findChild(screen, "conflictsIntro").text.indexOf("No conflicts") === 0)
        screen.goBack()
        const back = page("diaryEditor")
        tryCompare(findChild(back, "diaryText"), "text", "Phone: walked to the library with Sam")
        verify(!findChild(back, "conflictBanner").visible)
        home()
    }

    function test_3_sideBySideWhenWideAndAMergedTextResolvesIt() {
        const id = Harness.conflictFromOtherDevice("Mine: bring ID on Monday",
                                                   "Theirs: come back at ten")
        verify(id.length > 0)
        testCase.width = 800
        Nav.open("conflicts", { recordId: "" })
        const screen = page("conflictsPage")
        const row = findChild(screen, "conflictRow0")
        const mine = findChild(row, "mineVersion")
        const theirs = findChild(row, "theirsVersion")
        tryVerify(() => screen.wide)
        // Side by side: the same top, mine on the left.
        tryCompare(theirs, "y", mine.y)
        verify(theirs.x >= mine.x + mine.width)

        tap(row, "mergeButton")
        const merge = findChild(row, "mergeText")
        verify(merge.visible)
        verify(merge.text.indexOf("Mine: bring ID on Monday") >= 0)
        verify(merge.text.indexOf("Theirs: come back at ten") >= 0)
        merge.text = "Come back at ten on Monday, with ID"
        tap(row, "saveMergeButton")
        tryCompare(App.sync, "conflictCount", 0)
        testCase.width = 360
        home()
        Nav.open("diary", { entryId: id })
        compare(findChild(page("diaryEditor"), "diaryText").text, "Come back at ten on Monday, with ID")
        home()
    }
}
