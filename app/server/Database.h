// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// PostgreSQL access for the service: a small pool of libpqxx connections shared by the HTTP
// worker threads, and conversions between Qt values and SQL parameters.

#include "Result.h"

#include <QByteArray>
#include <QList>
#include <QUuid>

#include <pqxx/pqxx>

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace wp::server {

class ConnectionPool
{
public:
    // Statements every connection prepares when it is opened (name, SQL): the service's hot
    // queries are parsed and planned once per connection, not once per request.
    using Prepared = std::vector<std::pair<std::string, std::string>>;

    // `setup`: SQL run once on every new connection (session settings).
    ConnectionPool(std::string url, int size, Prepared prepared = {}, std::string setup = {});

    // One connection, returned to the pool when the lease ends (dropped if it broke, so the
    // next lease reconnects: a restarted PostgreSQL costs one failed request, not an outage).
    class Lease
    {
    public:
        Lease(ConnectionPool *pool, std::unique_ptr<pqxx::connection> c);
        // A moved-from lease gives nothing back: with a defaulted move it would still point at
        // the pool, and its destructor would release a slot it does not hold, so that the pool
        // would bound nothing.
        Lease(Lease &&other) noexcept
            : m_pool(std::exchange(other.m_pool, nullptr)),
              m_connection(std::move(other.m_connection))
        {
        }
        Lease &operator=(Lease &&) = delete;
        ~Lease();
        pqxx::connection &operator*() { return *m_connection; }
        pqxx::connection *operator->() { return m_connection.get(); }

    private:
        ConnectionPool *m_pool;
        std::unique_ptr<pqxx::connection> m_connection;
    };

    // Unavailable when PostgreSQL cannot be reached.
    Result<Lease> acquire();

private:
    void release(std::unique_ptr<pqxx::connection> c);

    std::string m_url;
    int m_size;
    Prepared m_prepared;
    std::string m_setup;
    int m_out = 0;
    struct Waiter
    {
        std::condition_variable woken;
        bool handedOver = false;
    };

    std::vector<std::unique_ptr<pqxx::connection>> m_idle;
    std::deque<Waiter *> m_waiters; // oldest first
    std::mutex m_mutex;
};

std::string sqlText(const QUuid &id);
pqxx::binarystring sqlBytes(const QByteArray &bytes);
QUuid uuidOf(const pqxx::field &f);
QByteArray bytesOf(const pqxx::field &f);
// A PostgreSQL array literal of uuids / bigints for "= ANY($1::uuid[])" and unnest().
std::string uuidArray(const QList<QUuid> &ids);
std::string bigintArray(const QList<qint64> &values);
std::string byteaArray(const QList<QByteArray> &values);
// Many byte strings as one binary parameter plus their lengths ("{12,7,...}"): the bulk of a
// batch travels as raw bytes instead of a hex array literal (half the size, no parsing).
// SQL splits it with substring() (see push_changes in sql/push_single.sql).
struct PackedBytes
{
    QByteArray bytes;
    std::string lengths;
};
PackedBytes packBytes(const QList<QByteArray> &values);

} // namespace wp::server
