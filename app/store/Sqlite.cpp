// SPDX-License-Identifier: GPL-3.0-or-later
#include "Sqlite.h"

#include "WipingAllocator.h"

#define SQLITE_HAS_CODEC 1
#include <sqlite3.h>

#include <QCoreApplication>

namespace wp::sql {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Store", text);
}
} // namespace

Error errorFrom(int rc, sqlite3 *db)
{
    // Only the SQLite message is appended, never statement text or values.
    const QString detail =
        db ? QString::fromUtf8(sqlite3_errmsg(db)) : QString::fromUtf8(sqlite3_errstr(rc));
    switch (rc & 0xff) {
    case SQLITE_NOTADB:
        return {ErrorCode::NotAStore, tr("This is not a Waypoint store, or the key is wrong.")};
    case SQLITE_CORRUPT:
        return {ErrorCode::Corrupt, tr("The store is damaged (%1).").arg(detail)};
    case SQLITE_FULL:
        return {ErrorCode::DiskFull, tr("The disk is full; the change was not saved.")};
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return {ErrorCode::Busy, tr("The store is in use by another process.")};
    case SQLITE_IOERR:
        if (rc == SQLITE_IOERR_SHORT_READ)
            return {ErrorCode::Corrupt, tr("The store file is truncated.")};
        return {ErrorCode::Io, tr("The store could not be read or written (%1).").arg(detail)};
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_PERM:
        return {ErrorCode::Io, tr("The store file could not be opened (%1).").arg(detail)};
    case SQLITE_CONSTRAINT:
    case SQLITE_TOOBIG:
    case SQLITE_RANGE:
    case SQLITE_MISMATCH:
        return {ErrorCode::InvalidInput, tr("The store refused the change (%1).").arg(detail)};
    default:
        return {ErrorCode::Internal, tr("Unexpected store error (%1).").arg(detail)};
    }
}

// ---------------------------------------------------------------- Statement

Statement::~Statement()
{
    if (m_stmt)
        sqlite3_finalize(m_stmt);
}

Statement::Statement(Statement &&other) noexcept
    : m_db(std::exchange(other.m_db, nullptr)), m_stmt(std::exchange(other.m_stmt, nullptr)),
      m_error(std::move(other.m_error))
{
}

Statement &Statement::operator=(Statement &&other) noexcept
{
    if (this != &other) {
        if (m_stmt)
            sqlite3_finalize(m_stmt);
        m_db = std::exchange(other.m_db, nullptr);
        m_stmt = std::exchange(other.m_stmt, nullptr);
        m_error = std::move(other.m_error);
    }
    return *this;
}

Statement &Statement::bind(int index, qint64 value)
{
    if (m_stmt)
        sqlite3_bind_int64(m_stmt, index, value);
    return *this;
}

Statement &Statement::bind(int index, const QString &text)
{
    if (!m_stmt)
        return *this;
    if (text.isNull()) {
        sqlite3_bind_null(m_stmt, index);
    } else {
        const QByteArray utf8 = text.toUtf8();
        sqlite3_bind_text64(m_stmt, index, utf8.constData(), sqlite3_uint64(utf8.size()),
                            SQLITE_TRANSIENT, SQLITE_UTF8);
    }
    return *this;
}

Statement &Statement::bindBlob(int index, const QByteArray &bytes)
{
    if (!m_stmt)
        return *this;
    if (bytes.isNull())
        sqlite3_bind_null(m_stmt, index);
    else
        sqlite3_bind_blob64(m_stmt, index, bytes.constData(), sqlite3_uint64(bytes.size()),
                            SQLITE_TRANSIENT);
    return *this;
}

Statement &Statement::bindId(int index, const QUuid &id)
{
    return bindBlob(index, id.isNull() ? QByteArray() : id.toRfc4122());
}

Statement &Statement::bindNull(int index)
{
    if (m_stmt)
        sqlite3_bind_null(m_stmt, index);
    return *this;
}

Result<bool> Statement::step()
{
    if (!m_stmt)
        return m_error;
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    Error e = errorFrom(sqlite3_extended_errcode(m_db) ? sqlite3_extended_errcode(m_db) : rc, m_db);
    sqlite3_reset(m_stmt);
    return e;
}

Status Statement::exec()
{
    for (;;) {
        Result<bool> r = step();
        if (!r)
            return r.error();
        if (!*r)
            return {};
    }
}

void Statement::reset()
{
    if (m_stmt) {
        sqlite3_reset(m_stmt);
        sqlite3_clear_bindings(m_stmt);
    }
}

qint64 Statement::int64(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}
double Statement::real(int column) const
{
    return sqlite3_column_double(m_stmt, column);
}

QString Statement::text(int column) const
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    if (!data)
        return {};
    return QString::fromUtf8(data, sqlite3_column_bytes(m_stmt, column));
}

QByteArray Statement::blob(int column) const
{
    const void *data = sqlite3_column_blob(m_stmt, column);
    const int size = sqlite3_column_bytes(m_stmt, column);
    if (!data)
        return {};
    return QByteArray(static_cast<const char *>(data), size);
}

QUuid Statement::id(int column) const
{
    const QByteArray bytes = blob(column);
    return bytes.size() == 16 ? QUuid::fromRfc4122(bytes) : QUuid();
}

bool Statement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

// ---------------------------------------------------------------- Database

Result<std::unique_ptr<Database>> Database::open(const QString &path, OpenMode mode)
{
    installWipingAllocator(); // before SQLite initialises, which the first open does
    sqlite3 *db = nullptr;
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_PRIVATECACHE;
    if (mode == OpenMode::ReadWriteCreate)
        flags |= SQLITE_OPEN_CREATE;
    const int rc = sqlite3_open_v2(path.toUtf8().constData(), &db, flags, nullptr);
    if (rc != SQLITE_OK) {
        Error e = errorFrom(rc, db);
        sqlite3_close_v2(db);
        return e;
    }
    sqlite3_extended_result_codes(db, 1);
    return std::unique_ptr<Database>(new Database(db));
}

Database::~Database()
{
    m_cache.clear(); // finalize before closing
    if (m_db)
        sqlite3_close_v2(m_db);
}

Status Database::exec(const char *sql)
{
    char *message = nullptr;
    const int rc = sqlite3_exec(m_db, sql, nullptr, nullptr, &message);
    sqlite3_free(message);
    if (rc != SQLITE_OK)
        return errorFrom(sqlite3_extended_errcode(m_db), m_db);
    return {};
}

Statement Database::prepare(const char *sql)
{
    return prepareWith(sql, 0);
}

Statement Database::prepareWith(const char *sql, unsigned flags)
{
    sqlite3_stmt *stmt = nullptr;
    const int rc = sqlite3_prepare_v3(m_db, sql, -1, flags, &stmt, nullptr);
    if (rc != SQLITE_OK) {
        sqlite3_finalize(stmt);
        return Statement(errorFrom(sqlite3_extended_errcode(m_db), m_db));
    }
    return Statement(m_db, stmt);
}

Statement &Database::cached(const char *sql)
{
    auto it = m_cache.find(sql);
    if (it == m_cache.end() || !it->second->isValid()) {
        // Persistent: a kept statement does not hold on to the connection's lookaside slots,
        // which then serve the short-lived allocations of every step (each allocation outside
        // lookaside is a malloc, and with memory security an mlock/munlock pair).
        auto stmt = std::make_unique<Statement>(prepareWith(sql, SQLITE_PREPARE_PERSISTENT));
        it = m_cache.insert_or_assign(sql, std::move(stmt)).first;
        return *it->second;
    }
    it->second->reset();
    return *it->second;
}

Result<qint64> Database::scalar(const char *sql)
{
    Statement st = prepare(sql);
    Result<bool> row = st.step();
    if (!row)
        return row.error();
    return *row ? st.int64(0) : 0;
}

qint64 Database::lastInsertRowId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

// ---------------------------------------------------------------- Transaction

Result<Transaction> Transaction::begin(Database &db)
{
    // Inside an outer transaction (a bulk import) a change becomes a savepoint, so it still
    // rolls back on its own when it fails.
    const bool nested = sqlite3_get_autocommit(db.handle()) == 0;
    if (Status s = db.exec(nested ? "SAVEPOINT wp_nested" : "BEGIN IMMEDIATE"); !s)
        return s.error();
    return Transaction(&db, nested);
}

Transaction::~Transaction()
{
    // Nothing to report from a destructor: the data is left as it was before begin().
    if (m_db && m_nested)
        (void)m_db->exec("ROLLBACK TO wp_nested; RELEASE wp_nested");
    else if (m_db)
        (void)m_db->exec("ROLLBACK");
}

Transaction::Transaction(Transaction &&other) noexcept
    : m_db(std::exchange(other.m_db, nullptr)), m_nested(other.m_nested)
{
}

Status Transaction::commit()
{
    Status s = m_db->exec(m_nested ? "RELEASE wp_nested" : "COMMIT");
    if (s)
        m_db = nullptr;
    return s;
}

} // namespace wp::sql
