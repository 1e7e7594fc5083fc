// SPDX-License-Identifier: GPL-3.0-or-later
#include "Reply.h"

#include <chrono>

namespace wp::server {

Reply Reply::error(int status, const QString &code, const QString &message)
{
    return {status, wire::encode(wire::ErrorBody{code, message}), code, 0};
}

Reply Reply::decodingError(const Error &e)
{
    const QString code = wire::serverErrorCode(e);
    return error(code == u"too_large" ? 413 : 400, code, e.message);
}

Reply withDb(ConnectionPool &pool, const std::function<Reply(pqxx::connection &)> &work)
{
    const auto start = std::chrono::steady_clock::now();
    const auto attempt = [&]() -> Reply {
        for (int attempt = 0; attempt < 2; ++attempt) {
            auto lease = pool.acquire();
            if (!lease)
                return Reply::error(503, QStringLiteral("unavailable"), lease.error().message);
            try {
                return work(**lease);
            } catch (const pqxx::broken_connection &) {
                // A restarted PostgreSQL leaves stale pooled connections; try one fresh one.
                continue;
            } catch (const pqxx::sql_error &e) {
                // The SQL state is safe to report; the message could quote data.
                return Reply::error(
                    500, QStringLiteral("internal"),
                    QStringLiteral("database error %1").arg(QString::fromStdString(e.sqlstate())));
            } catch (const std::exception &) {
                return Reply::error(500, QStringLiteral("internal"),
                                    QStringLiteral("server error"));
            }
        }
        return Reply::error(503, QStringLiteral("unavailable"),
                            QStringLiteral("the database is unreachable"));
    };
    Reply r = attempt();
    r.databaseMs +=
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    return r;
}

} // namespace wp::server
