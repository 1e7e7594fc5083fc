// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import Waypoint
import Waypoint.Ui

// The worker's side of review: a supervisor's comment on an own entry shows on Today until
// acknowledged; the entry says who read it and has an Acknowledge button, which turns into
// "You acknowledged this". No Review tab for a worker.
TestCase {
    id: testCase
    name: "ReviewWorker"
    when: windowShown
    visible: true
    width: 360
    height: 780

    Component { id: shellComponent; Shell { anchors.fill: parent } }
    property Item shell: null

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

    function test_acknowledgeAComment() {
        const alex = Harness.enrolForReview("worker", "", "Alex")
        verify(alex.length > 0)
        compare(App.review.supervisor, false)
        compare(findChild(shell, "tab_4").visible, false)

        // The worker's own entry, shared; Alex's comment arrives by sync.
        App.diaryEditor.startNew("")
        App.diaryEditor.setField("text", "Long day at court")
        App.diaryEditor.setField("shared", true)
        verify(App.diaryEditor.save())
        const entryId = App.diary.value(0, DiaryListModel.RecordIdRole)
        const commentId = Harness.commentFrom(alex, entryId, "Well handled, see you Friday")
        verify(commentId.length > 0)

        Nav.tab(0)
        const card = findChild(shell, "commentsCard")
        tryCompare(card, "visible", true)
        const item = findChild(card, "inboxComment_" + commentId)
        verify(item !== null)
        verify(item.title.indexOf("Alex commented on your entry of") === 0, item.title)
        reveal(item)
        mouseClick(item)

        const editor = page("diaryEditor")
        const feedback = findChild(editor, "entryFeedback")
        tryCompare(feedback, "visible", true)
        const ack = findChild(editor, "acknowledge")
        verify(ack !== null && ack.visible)
        reveal(ack)
        mouseClick(ack)
        tryVerify(() => App.review.feedback.comments.length === 1
                  && App.review.feedback.comments[0].acknowledged, 3000, "acknowledged")
        compare(App.review.feedback.comments[0].acknowledgedText, "You acknowledged this")
        tryCompare(App.review.inbox, "count", 0)
        tryCompare(card, "visible", false)
        shell.pop(null)
    }
}
