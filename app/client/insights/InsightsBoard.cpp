// SPDX-License-Identifier: GPL-3.0-or-later
#include "InsightsBoard.h"

#include "InsightQueries.h"
#include "Store.h"
#include "SyncIdentity.h"

#include <QLocale>

namespace wp::client {

namespace {

QString dayLabel(const QDate &day)
{
    return QLocale().toString(day, QStringLiteral("d MMM"));
}

QString average(int sum, int count)
{
    return count ? QLocale().toString(double(sum) / count, 'f', 1) : InsightsBoard::tr("no rating");
}

} // namespace

InsightsBoard::InsightsBoard(QObject *parent) : QObject(parent) {}

void InsightsBoard::setStore(wp::Store *store)
{
    m_store = store;
    m_stale = true;
    if (!store) {
        clear();
        Q_EMIT changed();
        return;
    }
    if (m_active)
        refresh();
}

void InsightsBoard::storeChanged()
{
    m_stale = true;
    if (m_active)
        refresh();
}

void InsightsBoard::setToday(const QDate &today)
{
    m_today = today;
    storeChanged();
}

void InsightsBoard::setActive(bool active)
{
    if (m_active == active)
        return;
    m_active = active;
    Q_EMIT activeChanged();
    // The weeks move with the calendar: opening the screen always reads them again.
    if (active)
        refresh();
}

void InsightsBoard::clear()
{
    m_weekLabels.clear();
    m_placeSeries.clear();
    m_stages.clear();
    m_wellbeing.clear();
    m_selfCareDays.clear();
    m_encounterTotal = m_busiestWeek = m_caseloadTotal = m_days = 0;
    m_encountersText.clear();
    m_caseloadText.clear();
    m_wellbeingText.clear();
    m_error.clear();
}

void InsightsBoard::refresh()
{
    clear();
    m_stale = false;
    if (!m_store) {
        Q_EMIT changed();
        return;
    }
    const QDate today = m_today.isValid() ? m_today : QDate::currentDate();
    InsightQueries queries(*m_store, sync::SyncIdentity::localUser(*m_store));
    const Result<WeeklyEncounters> weeks = queries.encountersPerWeek(today);
    const Result<QList<StageCount>> stages = queries.caseloadByStage();
    const Result<WellbeingSeries> diary = queries.wellbeing(today);
    if (!weeks || !stages || !diary) {
        m_error = !weeks ? weeks.error().message
                         : (!stages ? stages.error().message : diary.error().message);
        Q_EMIT changed();
        return;
    }

    // Encounters per week by place.
    QStringList weekTexts;
    for (int w = 0; w < weeks->weeks.size(); ++w) {
        m_weekLabels.append(dayLabel(weeks->weeks[w]));
        int inWeek = 0;
        QStringList parts;
        for (const WeeklyEncounters::Series &s : weeks->byPlace) {
            if (const int n = s.perWeek.value(w)) {
                inWeek += n;
                parts.append(tr("%1 %2").arg(labelOf(s.place)).arg(n));
            }
        }
        weekTexts.append(inWeek ? tr("week of %1: %2 (%3)")
                                      .arg(m_weekLabels.last())
                                      .arg(inWeek)
                                      .arg(parts.join(QStringLiteral(", ")))
                                : tr("week of %1: none").arg(m_weekLabels.last()));
    }
    for (const WeeklyEncounters::Series &s : weeks->byPlace) {
        QVariantList counts;
        for (int n : s.perWeek)
            counts.append(n);
        m_placeSeries.append(QVariantMap{{QStringLiteral("key"), keyOf(s.place)},
                                         {QStringLiteral("label"), labelOf(s.place)},
                                         {QStringLiteral("counts"), counts}});
    }
    m_encounterTotal = weeks->total;
    m_busiestWeek = weeks->busiestWeek;
    m_encountersText = tr("Encounters per week, last %1 weeks, %2 in all: %3.")
                           .arg(weeks->weeks.size())
                           .arg(m_encounterTotal)
                           .arg(weekTexts.join(QStringLiteral("; ")));

    // The caseload by stage.
    QStringList stageTexts;
    for (const StageCount &s : *stages) {
        m_stages.append(QVariantMap{{QStringLiteral("key"), keyOf(s.stage)},
                                    {QStringLiteral("label"), labelOf(s.stage)},
                                    {QStringLiteral("count"), s.participants}});
        m_caseloadTotal += s.participants;
        stageTexts.append(tr("%1 %2").arg(labelOf(s.stage)).arg(s.participants));
    }
    m_caseloadText = tr("Caseload by stage: %1. Total: %2.")
                         .arg(stageTexts.join(QStringLiteral(", ")))
                         .arg(m_caseloadTotal);

    // Wellbeing and stress per entry; in words, as weekly averages.
    const QDateTime from = diary->from.startOfDay();
    m_days = int(diary->from.daysTo(diary->to));
    struct Sums
    {
        int wellbeing = 0, wellbeingCount = 0, stress = 0, stressCount = 0;
    };
    QList<Sums> perWeek(weeks->weeks.size());
    for (const WellbeingPoint &p : diary->entries) {
        const double day = double(from.msecsTo(p.at)) / (24.0 * 3600 * 1000);
        QVariantMap point{{QStringLiteral("day"), day}};
        Sums &sums = perWeek[qBound(0, int(diary->from.daysTo(p.at.toLocalTime().date()) / 7),
                                    int(perWeek.size()) - 1)];
        if (p.wellbeing) {
            point.insert(QStringLiteral("wellbeing"), *p.wellbeing);
            sums.wellbeing += *p.wellbeing;
            ++sums.wellbeingCount;
        }
        if (p.stress) {
            point.insert(QStringLiteral("stress"), *p.stress);
            sums.stress += *p.stress;
            ++sums.stressCount;
        }
        m_wellbeing.append(point);
    }
    QStringList selfCareTexts;
    for (const QDate &d : diary->selfCareDays) {
        m_selfCareDays.append(diary->from.daysTo(d));
        selfCareTexts.append(dayLabel(d));
    }
    QStringList averages;
    for (int w = 0; w < perWeek.size(); ++w) {
        const Sums &s = perWeek[w];
        if (s.wellbeingCount || s.stressCount)
            averages.append(tr("week of %1: wellbeing %2, stress %3")
                                .arg(m_weekLabels.value(w), average(s.wellbeing, s.wellbeingCount),
                                     average(s.stress, s.stressCount)));
    }
    m_wellbeingText =
        tr("Wellbeing and stress, 1 to 5, weekly averages of %1 rated diary "
           "entries: %2.")
            .arg(diary->entries.size())
            .arg(averages.isEmpty() ? tr("none yet") : averages.join(QStringLiteral("; ")));
    if (!selfCareTexts.isEmpty())
        m_wellbeingText +=
            QLatin1Char(' ') +
            tr("Self-care noted on: %1.").arg(selfCareTexts.join(QStringLiteral(", ")));
    Q_EMIT changed();
}

} // namespace wp::client
