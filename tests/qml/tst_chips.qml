// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtTest
import Waypoint
import Waypoint.Ui

// Chips on a 360 px form: selecting one changes neither its size nor where the others are
// (the next tap lands where the worker aims), and a long label stays on the screen.
TestCase {
    id: testCase
    name: "Chips"
    when: windowShown
    visible: true // the form lives in the test window, where the mouse taps it
    width: 360
    height: 780

    FormPage {
        id: page
        width: 360
        height: 780
        title: "Encounter"
        ChipGroup {
            id: needs
            objectName: "needs"
            title: "Needs"
            options: App.vocabulary.need
            selected: []
            onToggled: key => {
                const next = selected.slice()
                const at = next.indexOf(key)
                if (at >= 0)
                    next.splice(at, 1)
                else
                    next.push(key)
                selected = next
            }
        }
        ChipGroup {
            id: places
            title: "Place"
            multiple: false
            options: App.vocabulary.place
            onPicked: key => current = key
        }
        ChipGroup {
            id: longOnes
            title: "Long labels"
            options: [
                { key: "short", label: "Food" },
                { key: "sentence", label: "Somewhere to stay tonight that takes dogs and stays open after midnight near the station" },
                { key: "word", label: "Antidisestablishmentarianism-and-then-some-more-letters-without-a-break" },
                { key: "after", label: "Clothes" }
            ]
            selected: []
            onToggled: key => selected = selected.indexOf(key) >= 0 ? [] : [key]
        }
    }

    function chipsOf(group) {
        const chips = []
        for (const option of group.options)
            chips.push(findChild(group, "chip_" + option.key))
        return chips
    }
    function allChips() {
        return chipsOf(needs).concat(chipsOf(places)).concat(chipsOf(longOnes))
    }
    function geometry() {
        return allChips().map(chip => {
            const p = chip.mapToItem(page.flickable.contentItem, 0, 0)
            return p.x.toFixed(1) + "," + p.y.toFixed(1) + " " + chip.width.toFixed(1) + "x" + chip.height.toFixed(1)
        })
    }
    function settle() {
        waitForItemPolished(page.flickable.contentItem.children[0])
        wait(20)
    }
    // Scrolls the form so the chip is on the screen, where a finger can tap it.
    function tapChip(chip) {
        const top = chip.mapToItem(page.flickable.contentItem, 0, 0).y
        const room = page.flickable.height
        if (top < page.flickable.contentY || top + chip.height > page.flickable.contentY + room)
            page.flickable.contentY = Math.max(0, Math.min(top - room / 2, page.flickable.contentHeight - room))
        settle()
        mouseClick(chip)
        settle()
    }

    function test_1_selectingAChipMovesNothing() {
        verify(needs.options.length >= 4, "the vocabulary has needs")
        settle()
        const chips = allChips()
        for (let i = 0; i < chips.length; ++i) {
            const before = geometry()
            tapChip(chips[i])
            verify(chips[i].checked, chips[i].text + " was not selected")
            const after = geometry()
            for (let j = 0; j < chips.length; ++j)
                compare(after[j], before[j], "selecting \"" + chips[i].text + "\" moved or resized \"" + chips[j].text + "\"")
            // And back.
            tapChip(chips[i])
            verify(!chips[i].checked, chips[i].text + " stayed selected")
            const again = geometry()
            for (let j = 0; j < chips.length; ++j)
                compare(again[j], before[j], "unselecting \"" + chips[i].text + "\" moved \"" + chips[j].text + "\"")
        }
    }

    function test_2_aLongLabelStaysOnTheScreen() {
        settle()
        for (const chip of chipsOf(longOnes)) {
            for (const checked of [false, true]) {
                if (chip.checked !== checked)
                    tapChip(chip)
                compare(chip.checked, checked)
                const left = chip.mapToItem(page, 0, 0).x
                // The touch area may reach into the margin by its inset; the pill never does.
                verify(left >= Style.margin - Style.chipInset, chip.text + " starts off the page: " + left)
                verify(left + chip.width <= page.width - Style.margin + Style.chipInset,
                       chip.text + " runs off the page: " + (left + chip.width))
                verify(chip.height >= Style.touch)
                // Its label is inside the chip, wrapped, not cut mid-line by the chip's edge.
                const label = chip.contentItem
                verify(label.width <= chip.width - chip.leftPadding - chip.rightPadding + 0.5)
                verify(chip.implicitContentHeight <= chip.height - chip.topPadding - chip.bottomPadding + 0.5,
                       chip.text + ": text taller than its chip")
            }
            if (chip.checked)
                tapChip(chip)
        }
        const sentence = findChild(longOnes, "chip_sentence")
        verify(sentence.height > Style.touch, "the long sentence wraps onto more lines")
    }
}
