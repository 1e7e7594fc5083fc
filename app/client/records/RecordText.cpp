// SPDX-License-Identifier: GPL-3.0-or-later
#include "RecordText.h"

#include "Pseudonym.h"
#include "StoreTypes.h"

#include <QLocale>

namespace wp::client {

QString RecordText::day(QDate date, QDate today)
{
    if (!date.isValid())
        return {};
    const qint64 days = today.daysTo(date);
    if (days == 0)
        return tr("Today");
    if (days == -1)
        return tr("Yesterday");
    if (days == 1)
        return tr("Tomorrow");
    if (days < 0 && days > -7)
        return tr("%n day(s) ago", "", int(-days));
    if (days > 0 && days < 7)
        return tr("In %n day(s)", "", int(days));
    return QLocale().toString(date, QLocale::ShortFormat);
}

QString RecordText::when(const QDateTime &time, QDate today)
{
    if (!time.isValid())
        return {};
    const QDateTime local = time.toLocalTime();
    return tr("%1, %2").arg(day(local.date(), today),
                            QLocale().toString(local.time(), QLocale::ShortFormat));
}

QString RecordText::followUp(QDate due, QDate today)
{
    if (!due.isValid())
        return {};
    if (due < today)
        return tr("Overdue: %1").arg(day(due, today));
    return tr("Follow up: %1").arg(day(due, today));
}

QString RecordText::lastContact(const QDateTime &time, QDate today)
{
    if (!time.isValid())
        return tr("No contact recorded yet");
    return tr("Last contact: %1").arg(day(time.toLocalTime().date(), today));
}

QString RecordText::pseudonymWarning(const QString &pseudonym)
{
    if (!looksLikeFullName(pseudonym))
        return {};
    return tr("This looks like a full name. Please use a pseudonym or initials instead.");
}

QString RecordText::encounterSummary(const Encounter &encounter)
{
    QStringList parts;
    for (Need need : encounter.needs)
        parts.append(labelOf(need));
    QStringList supplies;
    for (const QString &supply : encounter.supplies)
        supplies.append(itemLabel<Supply>(supply));
    if (!supplies.isEmpty())
        parts.append(supplies.join(QStringLiteral(", ")));
    if (encounter.durationMinutes > 0)
        parts.append(tr("%n min", "", encounter.durationMinutes));
    if (parts.isEmpty() && !encounter.nextStep.isEmpty())
        parts.append(encounter.nextStep);
    return parts.join(QStringLiteral(" \u00b7 "));
}

QString RecordText::diaryTitle(const DiaryEntry &entry)
{
    for (const QString &text : freeTexts(entry)) {
        const QString first = text.section(QLatin1Char('\n'), 0, 0).trimmed();
        if (!first.isEmpty())
            return first.size() > 80 ? first.left(79) + QChar(0x2026) : first;
    }
    return tr("Untitled entry");
}

QString RecordText::diaryExcerpt(const DiaryEntry &entry)
{
    QStringList parts;
    const QString rest = entry.text.section(QLatin1Char('\n'), 1).simplified();
    if (!rest.isEmpty())
        parts.append(rest);
    for (const QString &answer :
         {entry.prompts.howIFelt, entry.prompts.learned, entry.prompts.nextTime})
        if (!answer.trimmed().isEmpty() && !entry.text.trimmed().isEmpty())
            parts.append(answer.simplified());
    return parts.join(QStringLiteral(" ")).left(200);
}

QString RecordText::briefContact()
{
    return tr("Unnamed / brief contact");
}

QString RecordText::highlighted(const QString &snippet)
{
    QString escaped = snippet.toHtmlEscaped();
    escaped.replace(SearchHit::MatchStart, QStringLiteral("<b>"));
    escaped.replace(SearchHit::MatchEnd, QStringLiteral("</b>"));
    return escaped;
}

} // namespace wp::client
