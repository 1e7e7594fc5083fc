// SPDX-License-Identifier: GPL-3.0-or-later
#include "InsightQueries.h"

#include "Store.h"

#include <QByteArrayView>
#include <QCborStreamReader>
#include <QJsonArray>
#include <QJsonDocument>

#include <sqlite3.h>

namespace wp {

namespace {

// Reads the current text string (a key or a value) into `out`, chunk by chunk.
bool readText(QCborStreamReader &reader, QByteArray &out)
{
    out.clear();
    for (;;) {
        const qsizetype size = reader.currentStringChunkSize();
        if (size < 0)
            return false;
        const qsizetype at = out.size();
        out.resize(at + size);
        const auto chunk = reader.readStringChunk(out.data() + at, size);
        if (chunk.status == QCborStreamReader::EndOfString) {
            out.resize(at);
            return true;
        }
        if (chunk.status != QCborStreamReader::Ok)
            return false;
        out.resize(at + chunk.data);
    }
}

// record_field(fields, name): one top-level field of a record's CBOR field map, for the
// aggregates: a text as TEXT, an integer or a boolean as INTEGER, a list as its number of
// items; NULL when absent or of any other kind. Streams through the map without decoding
// the fields it skips (a diary entry's long text costs nothing).
void recordField(sqlite3_context *context, int, sqlite3_value **args)
{
    if (sqlite3_value_type(args[0]) != SQLITE_BLOB)
        return sqlite3_result_null(context);
    const auto *data = static_cast<const char *>(sqlite3_value_blob(args[0]));
    const int size = sqlite3_value_bytes(args[0]);
    // Text first, then its length in bytes (the order SQLite's documentation asks for).
    const auto *nameText = reinterpret_cast<const char *>(sqlite3_value_text(args[1]));
    const QByteArrayView name(nameText, sqlite3_value_bytes(args[1]));
    QCborStreamReader reader(data, size);
    if (!reader.isMap() || !reader.enterContainer())
        return sqlite3_result_null(context);
    QByteArray text;
    while (reader.lastError() == QCborError::NoError && reader.hasNext()) {
        if (!reader.isString()) { // not a field name: skip it and its value
            reader.next();
            reader.next();
            continue;
        }
        if (!readText(reader, text))
            return sqlite3_result_null(context);
        if (QByteArrayView(text) != name) {
            reader.next(); // the value
            continue;
        }
        if (reader.isString()) {
            if (!readText(reader, text))
                return sqlite3_result_null(context);
            return sqlite3_result_text(context, text.constData(), int(text.size()),
                                       SQLITE_TRANSIENT);
        }
        if (reader.isInteger())
            return sqlite3_result_int64(context, reader.toInteger());
        if (reader.isBool())
            return sqlite3_result_int64(context, reader.toBool() ? 1 : 0);
        if (reader.isArray()) {
            if (reader.isLengthKnown())
                return sqlite3_result_int64(context, reader.length());
            qint64 items = 0;
            reader.enterContainer();
            while (reader.lastError() == QCborError::NoError && reader.hasNext() && reader.next())
                ++items;
            return sqlite3_result_int64(context, items);
        }
        return sqlite3_result_null(context);
    }
    sqlite3_result_null(context);
}

void registerRecordField(sql::Database &db)
{
    // Deterministic and innocuous: the planner may factor it, and it reads nothing else.
    sqlite3_create_function_v2(db.handle(), "record_field", 2,
                               SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, nullptr,
                               recordField, nullptr, nullptr, nullptr);
}

qint64 startOf(const QDate &day)
{
    return day.startOfDay().toMSecsSinceEpoch(); // local time, whatever the DST offset
}

// The records that are the worker's own: created here (NULL) or by the same user elsewhere.
constexpr char Own[] = "(author IS NULL OR author = :user)";

template <class E> std::optional<E> keyed(const sql::Statement &row, int column)
{
    return row.isNull(column) ? std::nullopt : fromKey<E>(row.text(column));
}

} // namespace

InsightQueries::InsightQueries(Store &store, const QUuid &localUser)
    : m_store(store), m_localUser(localUser)
{
    registerRecordField(store.database());
}

QList<QDate> InsightQueries::weeksUpTo(const QDate &today, int weeks)
{
    const QDate monday = today.addDays(1 - today.dayOfWeek());
    QList<QDate> out;
    for (int i = weeks - 1; i >= 0; --i)
        out.append(monday.addDays(-7 * i));
    return out;
}

Result<WeeklyEncounters> InsightQueries::encountersPerWeek(const QDate &today, int weeks)
{
    WeeklyEncounters out;
    out.weeks = weeksUpTo(today, weeks);
    // The weeks' bounds in Unix ms, each Monday's local midnight, plus the end of the last.
    QJsonArray bounds;
    for (const QDate &monday : std::as_const(out.weeks))
        bounds.append(startOf(monday));
    bounds.append(startOf(out.weeks.last().addDays(7)));

    const QByteArray query = QByteArrayLiteral(R"sql(
        WITH weeks AS (
            SELECT key AS week, value AS start, lead(value) OVER (ORDER BY key) AS stop
            FROM json_each(:bounds))
        SELECT weeks.week, record_field(r.fields, 'place'), count(*)
        FROM weeks JOIN records r
            ON r.type = 'encounter' AND r.deleted = 0
               AND r.sort_at >= weeks.start AND r.sort_at < weeks.stop
        WHERE )sql") + QByteArray(Own).replace("author", "r.author") +
                             " GROUP BY 1, 2";
    sql::Statement st = m_store.database().prepare(query.constData());
    if (!st.isValid())
        return st.prepareError();
    st.bind(1, QString::fromUtf8(QJsonDocument(bounds).toJson(QJsonDocument::Compact)));
    st.bindId(2, m_localUser);

    QList<QList<int>> counts(int(Vocabulary<Place>::entries.size()), QList<int>(weeks, 0));
    QList<int> perWeek(weeks, 0);
    const Status read = st.forEachRow([&](const sql::Statement &row) {
        const int week = int(row.int64(0));
        if (week < 0 || week >= weeks)
            return;
        // No place, or one from a newer version: counted, as "other".
        const Place place = keyed<Place>(row, 1).value_or(Place::Other);
        const int n = int(row.int64(2));
        counts[int(place)][week] += n;
        perWeek[week] += n;
        out.total += n;
    });
    if (!read)
        return read.error();
    for (const auto &entry : Vocabulary<Place>::entries) {
        const QList<int> &series = counts[int(entry.value)];
        if (std::any_of(series.begin(), series.end(), [](int n) { return n > 0; }))
            out.byPlace.append({entry.value, series});
    }
    out.busiestWeek = perWeek.isEmpty() ? 0 : *std::max_element(perWeek.begin(), perWeek.end());
    return out;
}

Result<QList<StageCount>> InsightQueries::caseloadByStage()
{
    const QByteArray query = QByteArrayLiteral(R"sql(
        SELECT record_field(fields, 'stage'), count(*) FROM records
        WHERE type = 'participant' AND deleted = 0 AND )sql") +
                             Own + " GROUP BY 1";
    sql::Statement st = m_store.database().prepare(query.constData());
    if (!st.isValid())
        return st.prepareError();
    st.bindId(1, m_localUser);
    QList<StageCount> out;
    for (const auto &entry : Vocabulary<Stage>::entries)
        out.append({entry.value, 0});
    const Status read = st.forEachRow([&](const sql::Statement &row) {
        // A participant saved without a stage is at the first one, as Participant reads it.
        const Stage stage = keyed<Stage>(row, 0).value_or(Stage::SafePlace);
        out[int(stage)].participants += int(row.int64(1));
    });
    if (!read)
        return read.error();
    return out;
}

Result<WellbeingSeries> InsightQueries::wellbeing(const QDate &today, int weeks)
{
    WellbeingSeries out;
    const QList<QDate> mondays = weeksUpTo(today, weeks);
    out.from = mondays.first();
    out.to = mondays.last().addDays(7);
    const QByteArray query = QByteArrayLiteral(R"sql(
        SELECT at, wellbeing, stress, self_care FROM (
            SELECT sort_at AS at, record_field(fields, 'wellbeing') AS wellbeing,
                   record_field(fields, 'stress') AS stress,
                   record_field(fields, 'selfCare') AS self_care
            FROM records
            WHERE type = 'diary' AND deleted = 0 AND sort_at >= :from AND sort_at < :to
                  AND )sql") +
                             Own + R"sql()
        WHERE wellbeing IS NOT NULL OR stress IS NOT NULL OR self_care > 0
        ORDER BY at)sql";
    sql::Statement st = m_store.database().prepare(query.constData());
    if (!st.isValid())
        return st.prepareError();
    st.bind(1, startOf(out.from)).bind(2, startOf(out.to)).bindId(3, m_localUser);
    const auto rating = [](const sql::Statement &row, int column) -> std::optional<int> {
        return row.isNull(column) ? std::nullopt : std::optional<int>(int(row.int64(column)));
    };
    const Status read = st.forEachRow([&](const sql::Statement &row) {
        const QDateTime at = QDateTime::fromMSecsSinceEpoch(row.int64(0));
        if (!row.isNull(3) && row.int64(3) > 0) {
            const QDate day = at.toLocalTime().date();
            if (out.selfCareDays.isEmpty() || out.selfCareDays.last() != day)
                out.selfCareDays.append(day);
        }
        if (!row.isNull(1) || !row.isNull(2))
            out.entries.append({at, rating(row, 1), rating(row, 2)});
    });
    if (!read)
        return read.error();
    return out;
}

} // namespace wp
