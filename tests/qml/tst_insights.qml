// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import Waypoint
import Waypoint.Ui

// Insights opens from Today in one tap; on an empty store it says what will appear; once
// the worker logs an encounter and rates a diary entry, the charts show them, with their
// figures in words for screen readers; a colleague's encounter is not counted.
TestCase {
    id: testCase
    name: "Insights"
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
    function openFromToday() {
        const card = findChild(shell, "insightsCard")
        verify(card !== null && card.visible, "no Insights card on Today")
        let flick = card.parent
        while (flick && flick.contentY === undefined)
            flick = flick.parent
        flick.contentY = Math.max(0, flick.contentHeight - flick.height)
        wait(20)
        mouseClick(card)
        return page("insightsPage")
    }

    function test_1_emptyStoreSaysWhatWillAppear() {
        const insights = openFromToday()
        verify(App.insights.active)
        const empty = findChild(insights, "insightsEmpty")
        verify(empty.visible)
        compare(empty.title, "Log encounters and your weeks appear here")
        verify(!findChild(insights, "encountersChart").visible)
        verify(!findChild(insights, "caseloadChart").visible)
        verify(!findChild(insights, "wellbeingChart").visible)
        compare(App.insights.weekLabels.length, 12)
        Nav.home()
        tryCompare(shell, "depth", 1)
        tryVerify(() => !App.insights.active, 3000, "still active after leaving")
    }

    function test_2_chartsShowTheWorkersWeeks() {
        const insights = openFromToday()
        App.participantEditor.startNew("")
        App.participantEditor.setField("pseudonym", "JD")
        verify(App.participantEditor.save())
        const participantId = App.participantEditor.savedId
        App.encounterEditor.startNew(participantId)
        App.encounterEditor.setField("place", "shelter")
        verify(App.encounterEditor.save())

        // Read again while shown: the empty state gives way to the charts.
        tryVerify(() => !findChild(insights, "insightsEmpty").visible, 3000)
        const encounters = findChild(insights, "encountersChart")
        verify(encounters.visible)
        compare(App.insights.encounterTotal, 1)
        verify(encounters.Accessible.description.indexOf("1 in all") >= 0, encounters.Accessible.description)
        verify(encounters.Accessible.description.indexOf("Shelter 1") >= 0, encounters.Accessible.description)
        const caseload = findChild(insights, "caseloadChart")
        verify(caseload.visible)
        verify(caseload.Accessible.description.indexOf("Creating a safe place 1") >= 0, caseload.Accessible.description)
        verify(!findChild(insights, "wellbeingChart").visible)

        App.diaryEditor.startNew("")
        App.diaryEditor.setField("text", "a long day at the shelter")
        App.diaryEditor.setField("wellbeing", 4)
        App.diaryEditor.setField("stress", 2)
        verify(App.diaryEditor.save())
        const wellbeing = findChild(insights, "wellbeingChart")
        tryVerify(() => wellbeing.visible, 3000)
        verify(wellbeing.Accessible.description.indexOf("wellbeing 4.0, stress 2.0") >= 0, wellbeing.Accessible.description)

        // A colleague's encounter, pulled here, is not the worker's.
        verify(Harness.encounterFromColleague(participantId) !== "")
        wait(50)
        compare(App.insights.encounterTotal, 1)
        Nav.home()
        tryCompare(shell, "depth", 1)
    }
}
