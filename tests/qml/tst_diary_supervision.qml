// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import Waypoint
import Waypoint.Ui

// Diary (validation, the share switch off by default and visible, drafts kept when leaving,
// self-care chips whatever the language), supervision (topics, action items reaching Today)
// and search.
TestCase {
    id: testCase
    name: "DiarySupervisionSearch"
    when: windowShown
    visible: true // the screens live inside the test window and must be hit-testable
    width: 360
    height: 780

    Component { id: shellComponent; Shell { anchors.fill: parent } }
    property Item shell: null

    function cleanupTestCase() {
        shell.destroy()
    }
    // The language is a preference kept across runs: a failing test must not leave French.
    function cleanup() {
        App.preferences.language = "en"
    }

    function initTestCase() {
        App.session.createPin("135790", "135790")
        tryCompare(App.session, "state", Session.Unlocked, 5000)
        shell = shellComponent.createObject(testCase)
    }
    function goHome(tab) {
        Nav.home()
        Nav.tab(tab)
        tryCompare(shell, "busy", false)
    }
    function page(name) {
        let found = null
        tryVerify(() => { found = findChild(shell, name); return found !== null && found.visible }, 3000,
                  "no screen " + name)
        tryCompare(shell, "busy", false) // the push transition has finished
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
    function typeInto(item, text) {
        reveal(item)
        item.forceActiveFocus()
        for (const c of text)
            keyClick(c)
    }

    function test_1_diaryIsPrivateByDefaultAndValidated() {
        Nav.open("diary", { entryId: "" })
        const editor = page("diaryEditor")
        compare(findChild(editor, "shareSwitch").checked, false)
        compare(findChild(editor, "shareState").text, "Private")
        compare(findChild(editor, "whoCanRead").text, "Who can read it: Only you")
        // This device does not sync: the switch promises no reader.
        verify(findChild(editor, "shareHint").text.indexOf("does not sync") > 0)
        tap(editor, "actionButton")
        verify(findChild(editor, "textError").text.length > 0)
        typeInto(findChild(editor, "diaryText"), "hard day at court")
        tap(editor, "shareSwitch")
        compare(findChild(editor, "shareState").text, "Shared")
        compare(findChild(editor, "whoCanRead").text, "Who can read it: Only you")
        verify(findChild(editor, "shareHint").text.indexOf("does not sync") > 0)
        tap(findChild(editor, "wellbeing"), "wellbeing_4")
        tap(editor, "actionButton")
        tryCompare(App.diary, "count", 1)
        goHome(2)
        const list = findChild(shell, "diaryListView")
        tryCompare(list, "count", 1)
        compare(App.diary.value(0, 256 + 4), true) // SharedRole: the list says "Shared"
    }

    function test_2_leavingAnUnsavedEntryKeepsADraft() {
        Nav.open("diary", { entryId: "" })
        let editor = page("diaryEditor")
        verify(!App.diaryEditor.restoredDraft)
        typeInto(findChild(editor, "diaryText"), "half a thought")
        tap(editor, "backButton")
        tryVerify(() => findChild(shell, "diaryEditor") === null)
        // The app locks (or is killed): only the sealed draft is left.
        App.session.lock()
        App.session.unlock("135790")
        tryCompare(App.session, "state", Session.Unlocked, 5000)
        Nav.open("diary", { entryId: "" })
        editor = page("diaryEditor")
        verify(App.diaryEditor.restoredDraft)
        compare(findChild(editor, "diaryText").text, "half a thought")
        compare(findChild(editor, "shareSwitch").checked, false)
        tap(editor, "actionButton")
        tryCompare(App.diary, "count", 2)
        goHome(0)
    }

    function test_3_supervisionActionItemsShowOnToday() {
        Nav.open("supervision", { noteId: "" })
        const editor = page("supervisionEditor")
        typeInto(findChild(editor, "newTopic"), "boundaries")
        tap(editor, "addTopicButton")
        compare(App.supervisionEditor.fields.topics.length, 1)
        typeInto(findChild(editor, "newActionItem"), "book a day off")
        tap(editor, "addActionButton")
        compare(App.supervisionEditor.fields.actionItems.length, 1)
        tap(editor, "actionButton")
        tryCompare(App.supervision, "count", 1)
        goHome(0)
        tryCompare(App.today.openActions, "count", 1)
        tap(shell, "actionDone")
        tryCompare(App.today.openActions, "count", 0)
    }

    function test_4_searchGroupsWhatItFinds() {
        Nav.open("search", {})
        const search = page("searchPage")
        typeInto(findChild(search, "searchField"), "court")
        const results = findChild(search, "searchResults")
        tryVerify(() => results.count >= 1, 3000)
        compare(App.search.results.value(0, 256 + 3), "Diary entries") // KindLabelRole
        goHome(0)
    }

    // Self-care is stored by key: chosen in French, the chips are still chosen in English.
    function test_5_selfCareChipsSurviveALanguageSwitch() {
        App.preferences.language = "fr"
        Nav.open("diary", { entryId: "" })
        let editor = page("diaryEditor")
        let chips = findChild(editor, "selfCareChips")
        compare(findChild(chips, "chip_took_break").text, "Pris une pause")
        tap(chips, "chip_took_break")
        tap(chips, "chip_rest")
        typeInto(findChild(editor, "diaryText"), "une pause entre deux rendez-vous")
        tap(editor, "actionButton")
        tryVerify(() => findChild(shell, "diaryEditor") === null)
        const id = App.diaryEditor.savedId
        goHome(0)

        App.preferences.language = "en"
        Nav.open("diary", { entryId: id })
        editor = page("diaryEditor")
        chips = findChild(editor, "selfCareChips")
        compare(findChild(chips, "chip_took_break").text, "Took a break")
        verify(findChild(chips, "chip_took_break").checked)
        verify(findChild(chips, "chip_rest").checked)
        verify(!findChild(chips, "chip_exercise").checked)
        compare(App.diaryEditor.fields.selfCare, ["took_break", "rest"])
        tap(editor, "backButton")
        goHome(0)
    }
}
