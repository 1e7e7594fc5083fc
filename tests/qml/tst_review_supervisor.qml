// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import Waypoint
import Waypoint.Ui

// A supervisor's review: the Review tab appears for a supervisor only; the queue lists what a
// worker shared, new first; opening an entry shows it read-only and marks it reviewed; a
// comment added below it joins the thread; a worker chip filters the queue; one tap raises the
// entry at the worker's next supervision, and it stays raised when the entry is opened again.
TestCase {
    id: testCase
    name: "ReviewSupervisor"
    when: windowShown
    visible: true
    width: 360
    height: 780

    Component { id: shellComponent; Shell { anchors.fill: parent } }
    property Item shell: null
    property string sam: ""

    function initTestCase() {
        App.session.createPin("135790", "135790")
        tryCompare(App.session, "state", Session.Unlocked, 5000)
        shell = shellComponent.createObject(testCase)
    }
    function cleanupTestCase() {
        shell.destroy()
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
    function typeInto(item, text) {
        reveal(item)
        item.forceActiveFocus()
        for (const c of text)
            keyClick(c)
    }

    function test_1_reviewTabOnlyForASupervisor() {
        const tab = findChild(shell, "tab_4")
        verify(tab !== null)
        compare(tab.visible, false)
        sam = Harness.enrolForReview("supervisor", "Sam", "")
        verify(sam.length > 0)
        tryCompare(App.review, "supervisor", true)
        tryCompare(tab, "visible", true)
    }

    function test_2_queueOpenMarkReviewedAndComment() {
        const older = Harness.sharedEntryFrom(sam, "Court visit went long", 3)
        const newer = Harness.sharedEntryFrom(sam, "Hard night at the shelter", 1)
        verify(older.length > 0 && newer.length > 0)
        Nav.tab(4)
        const queue = page("reviewQueue")
        const list = findChild(queue, "reviewQueueView")
        tryCompare(list, "count", 2)
        compare(App.review.queue.value(0, ReviewQueueModel.SnippetRole), "Hard night at the shelter")
        compare(App.review.queue.value(0, ReviewQueueModel.WorkerNameRole), "Sam")
        compare(App.review.queue.value(0, ReviewQueueModel.ReviewedRole), false)

        // At phone width the entry opens as a page of its own, read-only, and is reviewed.
        queue.openEntry(newer) // what tapping its row does
        const entry = page("reviewEntryPage")
        compare(findChild(entry, "reviewEntryWorker").text, "Sam")
        verify(findChild(entry, "diaryText") === null) // nothing to edit
        tryCompare(App.review.queue, "count", 2)
        tryVerify(() => App.review.queue.value(1, ReviewQueueModel.RecordIdRole) === newer, 3000,
                  "the reviewed entry goes after the new one")
        compare(App.review.queue.value(1, ReviewQueueModel.ReviewedRole), true)

        // A comment joins the thread under the entry.
        const composer = findChild(entry, "commentComposer")
        typeInto(composer, "Thank you, let us talk Friday")
        const send = findChild(entry, "sendComment")
        reveal(send)
        mouseClick(send)
        tryVerify(() => App.review.thread.comments.length === 1, 3000, "the comment is shown")
        compare(App.review.thread.comments[0].text, "Thank you, let us talk Friday")
        compare(App.review.thread.comments[0].acknowledged, false)
        compare(composer.text, "")
        tryCompare(App.review.queue, "count", 2)
        tryVerify(() => App.review.queue.value(1, ReviewQueueModel.CommentCountRole) === 1)
        shell.pop(null)
    }

    function test_3_sideBySideAtDesktopWidth() {
        testCase.width = 1280
        testCase.height = 800
        Nav.tab(4)
        const queue = page("reviewQueue")
        tryCompare(queue, "sideBySide", true)
        const id = App.review.queue.value(0, ReviewQueueModel.RecordIdRole)
        queue.openEntry(id) // what tapping its row does
        tryCompare(App.review.thread, "entryId", id)
        compare(shell.depth, 1) // no page pushed: the entry shows beside the list
        verify(findChild(queue, "reviewEntry").visible)
        testCase.width = 360
        testCase.height = 780
    }

    function raiseSwitchOf(entryId) {
        tryCompare(shell, "depth", 1)
        findChild(shell, "reviewQueue").openEntry(entryId)
        tryVerify(() => shell.depth === 2, 3000, "the entry opens")
        tryCompare(shell, "busy", false)
        let toggle = null
        tryVerify(() => { toggle = findChild(shell.currentItem, "raiseSwitch"); return toggle !== null },
                  3000, "no raise switch")
        return toggle
    }

    function test_4_raiseAtNextSupervisionSurvivesReopening() {
        Nav.tab(4)
        const queue = page("reviewQueue")
        tryCompare(queue, "sideBySide", false)
        const id = App.review.queue.value(0, ReviewQueueModel.RecordIdRole)
        let toggle = raiseSwitchOf(id)
        compare(toggle.checked, false)
        compare(toggle.text, "Raise at next supervision")
        reveal(toggle)
        mouseClick(toggle)
        tryCompare(App.review.thread, "raised", true)
        compare(toggle.checked, true)
        compare(toggle.text, "Raised for the next supervision")
        shell.pop(null)

        toggle = raiseSwitchOf(id)
        tryCompare(toggle, "checked", true)
        compare(toggle.text, "Raised for the next supervision")
        reveal(toggle)
        mouseClick(toggle) // and back off
        tryCompare(App.review.thread, "raised", false)
        compare(toggle.text, "Raise at next supervision")
        shell.pop(null)
        tryCompare(raiseSwitchOf(id), "checked", false)
        shell.pop(null)
    }
}
