// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// RAII over the SQLCipher C API: one owner per sqlite3* and sqlite3_stmt*, a transaction that
// rolls back unless committed, and SQLite result codes mapped to wp::Error.

#include "Result.h"

#include <QByteArray>
#include <QString>
#include <QUuid>

#include <memory>
#include <string>
#include <type_traits>
#include <unordered_map>

struct sqlite3;
struct sqlite3_stmt;

namespace wp::sql {

// Maps a SQLite result code (primary or extended) to a user-facing error.
Error errorFrom(int rc, sqlite3 *db = nullptr);

class Statement
{
public:
    Statement() = default;
    Statement(sqlite3 *db, sqlite3_stmt *stmt) : m_db(db), m_stmt(stmt) {}
    explicit Statement(Error prepareError) : m_error(std::move(prepareError)) {}
    ~Statement();
    Statement(Statement &&other) noexcept;
    Statement &operator=(Statement &&other) noexcept;
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    bool isValid() const { return m_stmt != nullptr; }
    const Error &prepareError() const { return m_error; }

    // Parameters are 1-based, as in SQLite.
    Statement &bind(int index, qint64 value);
    Statement &bind(int index, int value) { return bind(index, qint64(value)); }
    Statement &bind(int index, bool value) { return bind(index, qint64(value ? 1 : 0)); }
    Statement &bind(int index, const QString &text); // null QString binds NULL
    Statement &bind(int index, const char *latin1) = delete;
    Statement &bindBlob(int index, const QByteArray &bytes); // null QByteArray binds NULL
    Statement &bindId(int index, const QUuid &id);           // 16 bytes, NULL when null
    Statement &bindNull(int index);

    // true: a row is ready; false: done.
    Result<bool> step();
    // Steps to the end, for statements that return no rows.
    Status exec();
    // Steps through the rows, calling `onRow` with the statement on each. `onRow` returns
    // nothing, a bool (false: stop here) or a Status (an error stops and is returned).
    template <typename F> Status forEachRow(F &&onRow);
    void reset();

    // Columns are 0-based, as in SQLite.
    qint64 int64(int column) const;
    double real(int column) const;
    QString text(int column) const;
    QByteArray blob(int column) const;
    QUuid id(int column) const;
    bool isNull(int column) const;

private:
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
    Error m_error;
};

template <typename F> Status Statement::forEachRow(F &&onRow)
{
    using Answer = std::invoke_result_t<F &, Statement &>;
    for (;;) {
        Result<bool> row = step();
        if (!row)
            return row.error();
        if (!*row)
            return {};
        if constexpr (std::is_void_v<Answer>) {
            onRow(*this);
        } else if constexpr (std::is_same_v<Answer, bool>) {
            if (!onRow(*this))
                return {};
        } else {
            if (Status s = onRow(*this); !s)
                return s;
        }
    }
}

class Database
{
public:
    enum class OpenMode { ReadWrite, ReadWriteCreate };

    static Result<std::unique_ptr<Database>> open(const QString &path, OpenMode mode);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    sqlite3 *handle() const { return m_db; }

    // Runs one or more statements that return no rows we need.
    Status exec(const char *sql);
    Statement prepare(const char *sql);
    // A prepared statement kept for the life of the connection (hot paths); returned reset,
    // with its bindings cleared.
    Statement &cached(const char *sql);
    // A single integer result ("PRAGMA user_version", "SELECT count(*) ...").
    Result<qint64> scalar(const char *sql);

    qint64 lastInsertRowId() const;

private:
    explicit Database(sqlite3 *db) : m_db(db) {}
    Statement prepareWith(const char *sql, unsigned flags);

    sqlite3 *m_db = nullptr;
    std::unordered_map<std::string, std::unique_ptr<Statement>> m_cache;
};

// BEGIN IMMEDIATE: takes the write lock up front, so a busy store fails here and not halfway
// through a change. Rolls back in the destructor unless commit() succeeded. Inside another
// transaction it is a savepoint (bulk imports wrap many changes in one commit).
class Transaction
{
public:
    static Result<Transaction> begin(Database &db);
    ~Transaction();
    Transaction(Transaction &&other) noexcept;
    Transaction &operator=(Transaction &&) = delete;
    Transaction(const Transaction &) = delete;

    Status commit();

private:
    Transaction(Database *db, bool nested) : m_db(db), m_nested(nested) {}
    Database *m_db = nullptr;
    bool m_nested = false;
};

} // namespace wp::sql
