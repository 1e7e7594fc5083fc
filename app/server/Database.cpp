// SPDX-License-Identifier: GPL-3.0-or-later
#include "Database.h"

#include "Uuid.h"

namespace wp::server {

ConnectionPool::ConnectionPool(std::string url, int size, Prepared prepared, std::string setup)
    : m_url(std::move(url)), m_size(size), m_prepared(std::move(prepared)),
      m_setup(std::move(setup))
{
}

ConnectionPool::Lease::Lease(ConnectionPool *pool, std::unique_ptr<pqxx::connection> c)
    : m_pool(pool), m_connection(std::move(c))
{
}

ConnectionPool::Lease::~Lease()
{
    if (m_pool)
        m_pool->release(std::move(m_connection));
}

Result<ConnectionPool::Lease> ConnectionPool::acquire()
{
    std::unique_ptr<pqxx::connection> c;
    {
        std::unique_lock lock(m_mutex);
        if (m_out < m_size && m_waiters.empty()) {
            ++m_out;
        } else {
            // First come, first served: a releasing thread hands its slot to the oldest
            // waiter, so a burst of requests cannot starve one of them for seconds.
            Waiter me;
            m_waiters.push_back(&me);
            me.woken.wait(lock, [&me] { return me.handedOver; });
        }
        if (!m_idle.empty()) {
            c = std::move(m_idle.back());
            m_idle.pop_back();
        }
    }
    if (!c || !c->is_open()) {
        try {
            c = std::make_unique<pqxx::connection>(m_url);
            // Registered here, prepared by libpqxx on first use on this connection.
            for (const auto &[name, sql] : m_prepared)
                c->prepare(name, sql);
            if (!m_setup.empty()) {
                pqxx::nontransaction w(*c);
                w.exec(m_setup);
            }
        } catch (const std::exception &) {
            // The message may hold connection details; callers log the fact, not the text.
            release(nullptr);
            return Error(ErrorCode::Unavailable, QStringLiteral("the database is unreachable"));
        }
    }
    return Lease(this, std::move(c));
}

void ConnectionPool::release(std::unique_ptr<pqxx::connection> c)
{
    {
        std::lock_guard lock(m_mutex);
        if (c && c->is_open())
            m_idle.push_back(std::move(c));
        if (m_waiters.empty()) {
            --m_out;
            return;
        }
        Waiter *next = m_waiters.front();
        m_waiters.pop_front();
        next->handedOver = true; // the slot stays counted in m_out: it changes hands
        next->woken.notify_one();
    }
}

namespace {

// The canonical text form, written straight into the SQL text (no QString on the way).
void appendUuid(std::string &out, const QUuid &id)
{
    static constexpr char Hex[] = "0123456789abcdef";
    const QByteArray raw = id.toRfc4122();
    for (int i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            out += '-';
        const auto b = static_cast<unsigned char>(raw[i]);
        out += Hex[b >> 4];
        out += Hex[b & 15];
    }
}

} // namespace

std::string sqlText(const QUuid &id)
{
    std::string out;
    out.reserve(36);
    appendUuid(out, id);
    return out;
}

pqxx::binarystring sqlBytes(const QByteArray &bytes)
{
    return pqxx::binarystring(bytes.constData(), std::size_t(bytes.size()));
}

QUuid uuidOf(const pqxx::field &f)
{
    return QUuid::fromString(QLatin1StringView(f.c_str()));
}

QByteArray bytesOf(const pqxx::field &f)
{
    if (f.is_null())
        return {};
    const pqxx::binarystring b(f);
    return QByteArray(b.get(), qsizetype(b.size()));
}

std::string uuidArray(const QList<QUuid> &ids)
{
    std::string out = "{";
    out.reserve(std::size_t(ids.size()) * 37 + 2);
    for (qsizetype i = 0; i < ids.size(); ++i) {
        if (i)
            out += ',';
        appendUuid(out, ids[i]);
    }
    return out + '}';
}

std::string bigintArray(const QList<qint64> &values)
{
    std::string out = "{";
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (i)
            out += ',';
        out += std::to_string(values[i]);
    }
    return out + '}';
}

std::string byteaArray(const QList<QByteArray> &values)
{
    // Each element is "\\x<hex>": the array literal's quoting eats one backslash.
    std::string out = "{";
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (i)
            out += ',';
        out += "\"\\\\x";
        out += values[i].toHex().toStdString();
        out += '"';
    }
    return out + '}';
}

PackedBytes packBytes(const QList<QByteArray> &values)
{
    PackedBytes out;
    qsizetype total = 0;
    for (const QByteArray &v : values)
        total += v.size();
    out.bytes.reserve(total);
    out.lengths.reserve(std::size_t(values.size()) * 4 + 2);
    out.lengths += '{';
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (i)
            out.lengths += ',';
        out.lengths += std::to_string(values[i].size());
        out.bytes += values[i];
    }
    out.lengths += '}';
    return out;
}

} // namespace wp::server
