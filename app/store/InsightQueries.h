// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The figures behind the Insights charts, computed by SQL aggregates over the worker's own
// records (created here, or by the same user on another device): a colleague's participants,
// encounters or shared diary entries are never counted as the worker's. Weeks start on Monday
// at 00:00 in the device's local time zone, so a week across a daylight-saving change is one
// hour shorter or longer and every record still falls in the week the worker lived it.

#include "Result.h"
#include "Vocabulary.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QUuid>

#include <optional>

namespace wp {

class Store;
namespace sql {
class Database;
}

// record_field(fields, name) in SQL on this connection: one top-level field of a record's
// CBOR field map (InsightQueries.cpp).
void registerRecordField(sql::Database &db);

// Encounters per week, one series per place that has any; weeks with none count zero.
struct WeeklyEncounters
{
    struct Series
    {
        Place place = Place::Other;
        QList<int> perWeek; // one count per week, as `weeks`
    };
    QList<QDate> weeks; // each week's Monday, oldest first
    QList<Series> byPlace;
    int total = 0;
    // The largest number of encounters in one week (all places together).
    int busiestWeek = 0;
};

struct StageCount
{
    Stage stage = Stage::SafePlace;
    int participants = 0;
};

// One diary entry with a rating: either may be missing.
struct WellbeingPoint
{
    QDateTime at;
    std::optional<int> wellbeing;
    std::optional<int> stress;
};

struct WellbeingSeries
{
    QDate from;                    // the first week's Monday
    QDate to;                      // the day after the last week
    QList<WellbeingPoint> entries; // oldest first
    QList<QDate> selfCareDays;     // local days with an entry that notes self-care
};

class InsightQueries
{
public:
    static constexpr int Weeks = 12;

    // `localUser`: this device's user (null when not enrolled: every record is then its own).
    InsightQueries(Store &store, const QUuid &localUser);

    // The Mondays of the `weeks` weeks ending with the one that holds `today`, oldest first.
    static QList<QDate> weeksUpTo(const QDate &today, int weeks = Weeks);

    Result<WeeklyEncounters> encountersPerWeek(const QDate &today, int weeks = Weeks);
    // The caseload by stage: every stage, in the vocabulary's order, zeros included.
    Result<QList<StageCount>> caseloadByStage();
    // Diary entries with a wellbeing or stress rating over the same weeks.
    Result<WellbeingSeries> wellbeing(const QDate &today, int weeks = Weeks);

private:
    Store &m_store;
    QUuid m_localUser;
};

} // namespace wp
