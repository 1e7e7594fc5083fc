// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// How records read in lists: relative days ("Yesterday", "In 3 days"), short summaries of
// chips, labels of vocabulary keys. All translated (context "RecordText").

#include "Records.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QString>

namespace wp::client {

class RecordText
{
    Q_DECLARE_TR_FUNCTIONS(RecordText)
public:
    static QString day(QDate date, QDate today = QDate::currentDate());
    static QString when(const QDateTime &time, QDate today = QDate::currentDate());
    static QString followUp(QDate due, QDate today = QDate::currentDate());
    static QString lastContact(const QDateTime &time, QDate today = QDate::currentDate());
    static QString encounterSummary(const Encounter &encounter);
    static QString diaryTitle(const DiaryEntry &entry);
    static QString diaryExcerpt(const DiaryEntry &entry);
    static QString briefContact();
    // A warning when a pseudonym looks like a full name, or "".
    static QString pseudonymWarning(const QString &pseudonym);
    // Escapes a store snippet and turns its match markers into bold.
    static QString highlighted(const QString &snippet);
};

} // namespace wp::client
