// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import QtCharts
import Waypoint
import Waypoint.Ui

// Insights: the worker's last 12 weeks at a glance, from their own records on this phone:
// encounters per week by place, the caseload by stage, wellbeing and stress from the diary.
// The figures come from the store's aggregates (App.insights); each chart has them in words
// for screen readers. Axes are `ValuesAxis`, ValueAxis's other name: Qt 6.4's QtCharts type
// description lists the class twice, and qmllint knows it only by this one.
FormPage {
    id: page
    objectName: "insightsPage"
    title: qsTr("Insights")

    readonly property var board: App.insights
    readonly property bool dark: Material.theme === Material.Dark
    readonly property bool narrow: width < 560
    readonly property bool empty: board.encounterTotal === 0 && board.caseloadTotal === 0
                                  && board.wellbeing.length === 0 && board.selfCareDays.length === 0
    // One colour per place and per stage, told apart with colour blindness too.
    readonly property var colours: ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9",
                                    "#D55E00", "#F0E442", "#999999"]
    readonly property color wellbeingColor: dark ? "#56B4E9" : "#0072B2"
    readonly property color stressColor: dark ? "#F0A050" : "#D55E00"
    readonly property color selfCareColor: dark ? "#5eead4" : "#009E73"
    readonly property color chartText: Material.foreground
    readonly property color gridColor: Material.dividerColor

    Component.onCompleted: {
        board.active = true
        page.draw()
    }
    Component.onDestruction: board.active = false

    Connections {
        target: page.board
        function onChanged() {
            page.draw()
        }
    }

    function placeColor(key: string): color {
        const places = App.vocabulary.place
        const index = places.findIndex(p => p.key === key)
        return colours[Math.max(0, index) % colours.length]
    }

    function stageColour(index: int): color {
        return colours[[1, 0, 2][index % 3]]
    }

    // The series are made from the board's lists: charts take their points by calls.
    function draw() {
        bars.clear()
        for (const s of board.placeSeries) {
            const set = bars.append(s.label, s.counts)
            set.color = placeColor(s.key)
            set.borderColor = set.color
        }
        stagePie.clear()
        for (let i = 0; i < board.stages.length; ++i) {
            const s = board.stages[i]
            const slice = stagePie.append(s.label, s.count)
            slice.color = stageColour(i)
            slice.borderColor = page.Material.background
        }
        wellbeingLine.clear()
        stressLine.clear()
        for (const p of board.wellbeing) {
            if (p.wellbeing !== undefined)
                wellbeingLine.append(p.day, p.wellbeing)
            if (p.stress !== undefined)
                stressLine.append(p.day, p.stress)
        }
        selfCareMarks.clear()
        for (const d of board.selfCareDays)
            selfCareMarks.append(d + 0.5, 0.75)
    }

    // Week labels as many as fit side by side at the text size (every third week on a phone
    // at the normal size), the last one always: [{ text, at }] with `at` in the x axis'
    // units, `perWeek` a week's width there.
    function weekLabels(perWeek: real, offset: real): var {
        const labels = []
        const count = board.weekLabels.length
        const plotWidth = Math.min(width - 2 * Style.margin, Style.maxContentWidth) - 40
        const step = Math.max(1, Math.ceil((widestWeek.advanceWidth + 2 * Style.gap) * count
                                           / Math.max(1, plotWidth)))
        for (let w = (count - 1) % step; w < count; w += step)
            labels.push({ text: board.weekLabels[w], at: perWeek * w + offset })
        return labels
    }

    // QtCharts hides some category labels as it sees fit; these are drawn under the plot
    // area by the chart itself, where they fit.
    TextMetrics {
        id: widestWeek
        font.pixelSize: Style.fontCaption
        text: page.board.weekLabels.reduce((a, b) => b.length > a.length ? b : a, "")
    }

    component Chart: ChartView {
        id: chart
        property var xLabels: [] // [{ text, at }]
        property real xMin: 0
        property real xMax: 1
        antialiasing: true
        animationOptions: ChartView.NoAnimation
        backgroundColor: "transparent"
        plotAreaColor: "transparent"
        backgroundRoundness: 0
        margins { left: 0; right: 0; top: 0; bottom: chart.xLabels.length > 0 ? Style.fontCaption + 10 : 0 }
        legend.visible: false // a Legend below, whose labels wrap instead of being cut
        Accessible.role: Accessible.Chart
        Layout.fillWidth: true
        Layout.preferredHeight: page.narrow ? 280 : 340
        Repeater {
            model: chart.xLabels
            delegate: Label {
                required property var modelData
                text: modelData.text ?? "" // undefined while the list is replaced
                font.pixelSize: Style.fontCaption
                color: page.chartText
                x: Math.max(0, Math.min(chart.width - width,
                                        chart.plotArea.x - width / 2 + chart.plotArea.width
                                        * (modelData.at - chart.xMin) / Math.max(1e-6, chart.xMax - chart.xMin)))
                y: chart.plotArea.y + chart.plotArea.height + 6
            }
        }
    }
    // What each colour means, every label whole.
    component Legend: Flow {
        id: legend
        property var items: [] // [{ label, color, square }]
        spacing: 4
        Layout.fillWidth: true
        Repeater {
            model: legend.items
            delegate: Row {
                id: entry
                required property var modelData
                spacing: 6
                rightPadding: 2 * Style.gap
                Rectangle {
                    width: 12
                    height: entry.modelData.square ? 12 : 3
                    radius: entry.modelData.square ? 2 : 0
                    color: entry.modelData.color
                    anchors.verticalCenter: parent.verticalCenter
                }
                Label {
                    text: entry.modelData.label
                    font.pixelSize: Style.fontCaption
                }
            }
        }
    }
    Label {
        text: qsTr("Your last 12 weeks, from your own records on this phone.")
        opacity: 0.75
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }

    EmptyState {
        objectName: "insightsEmpty"
        visible: page.empty
        title: qsTr("Log encounters and your weeks appear here")
        body: qsTr("Once you log encounters, add participants or rate how you are in the diary, this page shows your encounters per week by place, your caseload by stage, and your wellbeing and stress over the last 12 weeks.")
        Layout.fillWidth: true
        Layout.topMargin: 2 * Style.margin
    }

    SectionTitle {
        visible: !page.empty
        text: qsTr("Encounters per week")
    }
    Label {
        visible: !page.empty && page.board.encounterTotal === 0
        text: qsTr("No encounters in these 12 weeks. Each encounter you log appears in its week.")
        opacity: 0.75
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    Chart {
        objectName: "encountersChart"
        visible: !page.empty && page.board.encounterTotal > 0
        Accessible.name: qsTr("Encounters per week by place")
        Accessible.description: page.board.encountersText
        xLabels: page.weekLabels(1, 0)
        xMin: -0.5
        xMax: Math.max(1, page.board.weekLabels.length) - 0.5
        StackedBarSeries {
            id: bars
            barWidth: 0.7
            // Bar i is week i; the chart's xLabels name some of the weeks' Mondays.
            axisX: ValuesAxis {
                min: -0.5
                max: Math.max(1, page.board.weekLabels.length) - 0.5
                tickType: ValuesAxis.TicksDynamic // a mark under each week's bar
                tickAnchor: 0
                tickInterval: 1
                labelsVisible: false
                gridVisible: false
                color: page.gridColor
            }
            axisY: ValuesAxis {
                min: 0
                max: Math.max(4, page.board.busiestWeek)
                tickType: ValuesAxis.TicksDynamic
                tickAnchor: 0
                tickInterval: Math.max(1, Math.ceil(Math.max(4, page.board.busiestWeek) / 4))
                labelFormat: "%d"
                labelsColor: page.chartText
                labelsFont.pixelSize: Style.fontCaption
                gridLineColor: page.gridColor
                color: page.gridColor
            }
        }
    }

    Legend {
        visible: !page.empty && page.board.encounterTotal > 0
        items: page.board.placeSeries.map(s => ({ label: s.label, color: page.placeColor(s.key), square: true }))
    }

    SectionTitle {
        visible: !page.empty
        text: qsTr("Caseload by stage")
    }
    Label {
        visible: !page.empty && page.board.caseloadTotal === 0
        text: qsTr("No participants yet. Each person you add appears in their stage.")
        opacity: 0.75
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    Chart {
        objectName: "caseloadChart"
        visible: !page.empty && page.board.caseloadTotal > 0
        Layout.preferredHeight: page.narrow ? 240 : 300
        Accessible.name: qsTr("Caseload by stage")
        Accessible.description: page.board.caseloadText
        PieSeries {
            id: stagePie
            holeSize: 0.45
            size: 0.9
        }
    }
    Legend {
        visible: !page.empty && page.board.caseloadTotal > 0
        items: page.board.stages.map((s, i) => ({ label: qsTr("%1: %2").arg(s.label).arg(s.count),
                                                   color: page.stageColour(i), square: true }))
    }

    SectionTitle {
        visible: !page.empty
        text: qsTr("Wellbeing and stress")
    }
    Label {
        visible: !page.empty && page.board.wellbeing.length === 0
        text: qsTr("No ratings in these 12 weeks. Rate your wellbeing and stress in a diary entry and they appear here.")
        opacity: 0.75
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    Chart {
        objectName: "wellbeingChart"
        visible: !page.empty && page.board.wellbeing.length > 0
        Accessible.name: qsTr("Wellbeing and stress from your diary")
        Accessible.description: page.board.wellbeingText
        xLabels: page.weekLabels(7, 0)
        xMin: 0
        xMax: Math.max(1, page.board.days)
        // Days since the first Monday, a line at each Monday.
        ValuesAxis {
            id: dayAxis
            min: 0
            max: Math.max(1, page.board.days)
            tickType: ValuesAxis.TicksDynamic
            tickAnchor: 0
            tickInterval: 7
            labelsVisible: false
            gridLineColor: page.gridColor
            color: page.gridColor
        }
        ValuesAxis {
            id: ratingAxis
            min: 0.5
            max: 5.5
            tickType: ValuesAxis.TicksDynamic
            tickAnchor: 1
            tickInterval: 1
            labelFormat: "%d"
            labelsColor: page.chartText
            labelsFont.pixelSize: Style.fontCaption
            gridLineColor: page.gridColor
            color: page.gridColor
        }
        LineSeries {
            id: wellbeingLine
            name: qsTr("Wellbeing (5: good)")
            color: page.wellbeingColor
            width: 3
            pointsVisible: true
            axisX: dayAxis
            axisY: ratingAxis
        }
        LineSeries {
            id: stressLine
            name: qsTr("Stress (5: overwhelmed)")
            color: page.stressColor
            width: 3
            style: Qt.DashLine
            pointsVisible: true
            axisX: dayAxis
            axisY: ratingAxis
        }
        ScatterSeries {
            id: selfCareMarks
            name: qsTr("Self-care")
            color: page.selfCareColor
            borderColor: page.selfCareColor
            markerShape: ScatterSeries.MarkerShapeRectangle
            markerSize: 9
            axisX: dayAxis
            axisY: ratingAxis
        }
    }
    Legend {
        visible: !page.empty && page.board.wellbeing.length > 0
        items: [{ label: wellbeingLine.name, color: page.wellbeingColor, square: false },
                { label: stressLine.name, color: page.stressColor, square: false },
                { label: selfCareMarks.name, color: page.selfCareColor, square: true }]
    }
}
