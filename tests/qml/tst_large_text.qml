// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtTest
import Waypoint
import Waypoint.Ui

// The largest text size on a phone-sized window, in English and in French: every main
// screen's title stays whole (never cut to "…"), the tab labels are never smaller than at the
// standard size and are not cut, and titles, badges and metadata grow with the body text.
TestCase {
    id: testCase
    name: "LargeText"
    when: windowShown
    width: 360
    height: 780

    Component { id: mainWindow; Main { } }
    property var window: null
    property string participantId: ""

    function shown(name) {
        let found = null
        tryVerify(() => {
            found = findChild(window.contentItem, name)
            const shell = findChild(window.contentItem, "shell")
            return found !== null && found.visible && shell !== null && !shell.busy
        }, 5000, "no screen " + name)
        return found
    }
    // Every visible item under `item` named `name` (findChild gives only the first).
    function allVisible(item, name) {
        let out = []
        if (!item || !item.visible)
            return out
        if (item.objectName === name)
            out.push(item)
        const children = item.children || []
        for (let i = 0; i < children.length; ++i)
            out = out.concat(allVisible(children[i], name))
        return out
    }
    function visibleTitle() {
        const titles = allVisible(window.contentItem, "screenTitle")
        compare(titles.length, 1, "one title shows")
        return titles[0]
    }
    function setScale(scale) {
        App.preferences.textScale = scale
        wait(50)
    }

    function initTestCase() {
        App.preferences.language = "en"
        App.preferences.textScale = 1
        window = mainWindow.createObject(testCase)
        verify(window !== null)
        tryCompare(window, "visible", true)
        App.session.createPin("135790", "135790")
        tryCompare(App.session, "state", Session.Unlocked, 5000)
        App.participantEditor.startNew("")
        App.participantEditor.setField("pseudonym", "Mo")
        verify(App.participantEditor.save())
        participantId = App.participantEditor.savedId
    }
    function cleanupTestCase() {
        App.preferences.language = "en"
        App.preferences.textScale = 1
        window.destroy()
    }
    function cleanup() {
        Nav.home()
        App.preferences.language = "en"
        App.preferences.textScale = 1
    }

    // One scale for every role: each size at the largest text is one and a half times the
    // standard one, and the window's body text follows it.
    function test_1_oneScale() {
        const roles = ["fontBody", "fontSmall", "fontCaption", "fontSection", "fontEmphasis",
                       "fontTitle", "fontHeading", "fontDisplay"]
        const standard = {}
        for (const role of roles)
            standard[role] = Style[role]
        compare(window.font.pixelSize, 16)
        setScale(1.5)
        for (const role of roles)
            compare(Style[role], Math.round(standard[role] * 1.5), role)
        compare(window.font.pixelSize, 24)
    }

    // What is shown grows: the header title, a badge on a list row, a section title and the
    // metadata line of the participant page.
    function test_2_screensGrow() {
        Nav.open("participant", { participantId: testCase.participantId })
        const page = shown("participantPage")
        const sizes = () => ({
            title: visibleTitle().font.pixelSize,
            stage: findChild(page, "currentStage").font.pixelSize,
            body: window.font.pixelSize
        })
        const before = sizes()
        setScale(1.5)
        const after = sizes()
        for (const key of Object.keys(before))
            compare(after[key], Math.round(before[key] * 1.5), key + " grows with the body text")
    }

    function test_3_titles_data() {
        const screens = [
            { tag: "today", tab: 0 },
            { tag: "caseload", tab: 1 },
            { tag: "diary", tab: 2 },
            { tag: "supervision", tab: 3 },
            { tag: "participant", screen: "participant", page: "participantPage" },
            { tag: "newParticipant", screen: "newParticipant", page: "participantForm" },
            { tag: "encounter", screen: "encounter", page: "encounterCapture" },
            { tag: "diaryEditor", screen: "diary", page: "diaryEditor" },
            { tag: "supervisionEditor", screen: "supervision", page: "supervisionEditor" },
            { tag: "settings", screen: "settings", page: "settingsPage" },
            { tag: "sync", screen: "sync", page: "syncPage" },
            { tag: "conflicts", screen: "conflicts", page: "conflictsPage" }
        ]
        const rows = []
        for (const language of ["en", "fr"])
            for (const s of screens)
                rows.push(Object.assign({}, s, { tag: s.tag + " " + language, language: language }))
        return rows
    }

    // The title of every main screen stays whole at the largest size, in both languages.
    function test_3_titles(data) {
        App.preferences.language = data.language
        setScale(1.5)
        if (data.tab !== undefined) {
            Nav.home()
            Nav.tab(data.tab)
            shown("home")
        } else {
            const properties = data.screen === "participant" ? { participantId: testCase.participantId }
                             : data.screen === "encounter" ? { participantId: testCase.participantId }
                             : data.screen === "diary" ? { entryId: "" }
                             : data.screen === "supervision" ? { noteId: "" }
                             : data.screen === "conflicts" ? { recordId: "" } : {}
            Nav.open(data.screen, properties)
            const page = shown(data.page)
            wait(50)
            // Nothing in the form pushes it wider than the phone (a label would run off).
            const body = page.flickable.contentItem.children[0]
            verify(body.x + body.width <= page.width - Style.margin + 0.5,
                   "the form fits the screen: " + (body.x + body.width) + " of " + page.width)
        }
        wait(50)
        const title = visibleTitle()
        verify(title.text.length > 0, "the screen has a title")
        verify(!title.truncated, "\"" + title.text + "\" is whole, not cut")
        compare(title.font.pixelSize, Style.fontTitle)
        verify(title.width >= title.contentWidth - 0.5, "the title has the room it needs")
        const left = title.mapToItem(window.contentItem, 0, 0).x
        verify(left >= 12, "the title is placed in its bar, clear of the back button")
        verify(left + title.width <= window.width + 0.5, "the title stays on the screen")
        if (data.screen === "encounter")
            App.encounterEditor.discard()
        if (data.screen === "diary")
            App.diaryEditor.discard()
        if (data.screen === "supervision")
            App.supervisionEditor.discard()
        if (data.screen === "newParticipant")
            App.participantEditor.discard()
    }

    function test_4_tabs_data() {
        return [{ tag: "en", language: "en" }, { tag: "fr", language: "fr" }]
    }

    // The tab labels never shrink below the standard size when the text grows, and none is cut.
    function test_4_tabs(data) {
        App.preferences.language = data.language
        Nav.home()
        shown("home")
        const labels = () => [0, 1, 2, 3].map(i => findChild(window.contentItem, "tab_" + i).contentItem)
        wait(50)
        const standard = labels().map(l => l.font.pixelSize)
        setScale(1.5)
        const large = labels()
        let right = 0
        for (let i = 0; i < 4; ++i) {
            verify(large[i].font.pixelSize >= standard[i],
                   "\"" + large[i].text + "\" at " + large[i].font.pixelSize + " px, "
                   + standard[i] + " px at the standard size")
            verify(large[i].font.pixelSize > standard[i], "the tabs grow with the text")
            verify(!large[i].truncated, "\"" + large[i].text + "\" is whole")
            const tab = findChild(window.contentItem, "tab_" + i)
            const edge = tab.mapToItem(window.contentItem, tab.width, 0).x
            right = Math.max(right, edge)
        }
        verify(right <= window.width + 0.5, "the four tabs fit the window")
    }
}
