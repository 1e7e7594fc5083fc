// SPDX-License-Identifier: GPL-3.0-or-later
#include "InsightQueries.h"

#include "Store.h"

#include <QByteArrayView>
#include <QJsonArray>
#include <QJsonDocument>

#include <sqlite3.h>

#include <climits>
#include <limits>

namespace wp {

namespace {

// A forward-only reader of the CBOR that QCborValue writes (definite lengths only), for
// record_field: it reads heads and skips items in place, without copying or allocating, as
// it runs once per record in an aggregate.
class CborCursor
{
public:
    CborCursor(const void *data, int size)
        : m_p(static_cast<const uchar *>(data)), m_end(m_p + qMax(0, size))
    {
    }

    // An item's head: its major type and argument (a length, a count or a value). False at
    // the end of the data, on an indefinite length (never written) or a malformed head.
    bool head(int &major, quint64 &arg)
    {
        if (m_p >= m_end)
            return false;
        const uchar first = *m_p++;
        major = first >> 5;
        const int info = first & 0x1f;
        if (info < 24) {
            arg = quint64(info);
            return true;
        }
        if (info > 27)
            return false;
        const int bytes = 1 << (info - 24);
        if (m_end - m_p < bytes)
            return false;
        arg = 0;
        for (int i = 0; i < bytes; ++i)
            arg = (arg << 8) | *m_p++;
        return true;
    }
    // The next `n` bytes (a string's content), or null when the data ends first.
    const uchar *take(quint64 n)
    {
        if (quint64(m_end - m_p) < n)
            return nullptr;
        const uchar *at = m_p;
        m_p += n;
        return at;
    }
    // Skips one whole item, nested ones included.
    bool skip(int depth = 0)
    {
        int major = 0;
        quint64 arg = 0;
        if (depth > 32 || !head(major, arg))
            return false;
        switch (major) {
        case 2: // bytes
        case 3: // text
            return take(arg) != nullptr;
        case 4: // array
        case 5: // map: twice as many items
            for (quint64 i = 0, n = major == 5 ? 2 * arg : arg; i < n; ++i) {
                if (!skip(depth + 1))
                    return false;
            }
            return true;
        case 6: // a tag, then its item
            return skip(depth + 1);
        default: // integers, simple values and floats are all in their head
            return true;
        }
    }

private:
    const uchar *m_p;
    const uchar *m_end;
};

// record_field(fields, name): one top-level field of a record's CBOR field map, for the
// aggregates: a text as TEXT, an integer or a boolean as INTEGER, a list as its number of
// items; NULL when absent, of any other kind, or when the map cannot be read.
void recordField(sqlite3_context *context, int, sqlite3_value **args)
{
    if (sqlite3_value_type(args[0]) != SQLITE_BLOB)
        return sqlite3_result_null(context);
    CborCursor cbor(sqlite3_value_blob(args[0]), sqlite3_value_bytes(args[0]));
    // Text first, then its length in bytes (the order SQLite's documentation asks for).
    const auto *nameText = reinterpret_cast<const char *>(sqlite3_value_text(args[1]));
    const QByteArrayView name(nameText, sqlite3_value_bytes(args[1]));
    int major = 0;
    quint64 fields = 0;
    if (!cbor.head(major, fields) || major != 5)
        return sqlite3_result_null(context);
    for (quint64 i = 0; i < fields; ++i) {
        quint64 length = 0;
        if (!cbor.head(major, length) || major != 3) // field names are texts
            return sqlite3_result_null(context);
        const uchar *key = cbor.take(length);
        if (!key)
            return sqlite3_result_null(context);
        if (QByteArrayView(key, qsizetype(length)) != name) {
            if (!cbor.skip())
                return sqlite3_result_null(context);
            continue;
        }
        quint64 arg = 0;
        if (!cbor.head(major, arg))
            return sqlite3_result_null(context);
        switch (major) {
        case 0:
            return arg <= quint64(std::numeric_limits<qint64>::max())
                       ? sqlite3_result_int64(context, qint64(arg))
                       : sqlite3_result_null(context);
        case 1:
            return arg <= quint64(std::numeric_limits<qint64>::max())
                       ? sqlite3_result_int64(context, -1 - qint64(arg))
                       : sqlite3_result_null(context);
        case 3:
            if (const uchar *text = cbor.take(arg); text && arg <= quint64(INT_MAX))
                return sqlite3_result_text(context, reinterpret_cast<const char *>(text), int(arg),
                                           SQLITE_TRANSIENT);
            return sqlite3_result_null(context);
        case 4:
            return sqlite3_result_int64(context, qint64(qMin<quint64>(arg, INT_MAX)));
        case 7: // false, true
            return arg == 20 || arg == 21 ? sqlite3_result_int64(context, arg == 21 ? 1 : 0)
                                          : sqlite3_result_null(context);
        default:
            return sqlite3_result_null(context);
        }
    }
    sqlite3_result_null(context);
}

} // namespace

void registerRecordField(sql::Database &db)
{
    // Deterministic and innocuous: the planner may factor it, and it reads nothing else.
    sqlite3_create_function_v2(db.handle(), "record_field", 2,
                               SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, nullptr,
                               recordField, nullptr, nullptr, nullptr);
}

namespace {

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
