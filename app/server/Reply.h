// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What every endpoint answers, independent of HTTP: a status and a CBOR body; and how
// database work becomes one (withDb).

#include "Database.h"
#include "Result.h"
#include "wire/Codec.h"

#include <QByteArray>
#include <QString>

#include <functional>

namespace wp::server {

struct Reply
{
    int status = 200;
    QByteArray body;
    QString errorCode; // for the request log
    int retryAfter = 0;
    double databaseMs = 0; // time spent on the database for it (for the request log)

    template <typename M> static Reply ok(const M &message)
    {
        return {200, wire::encode(message), {}, 0};
    }
    static Reply error(int status, const QString &code, const QString &message);
    // A body the codec refused: 413 too_large, otherwise 400 with the codec's code.
    static Reply decodingError(const Error &e);
};

// Answers a request, exactly once, on the thread that handles it or later on another.
using Answer = std::function<void(Reply)>;

// Runs `work` on a pooled connection; a lost connection is retried once on a fresh one
// (every operation is idempotent), then reported as 503 unavailable. SQL errors become 500
// with their SQL state only (the message could quote data). Adds the time spent to
// databaseMs.
Reply withDb(ConnectionPool &pool, const std::function<Reply(pqxx::connection &)> &work);

} // namespace wp::server
