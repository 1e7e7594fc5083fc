#include "Database.h"

#include "Uuid.h"

namespace wp::server {

ConnectionPool::ConnectionPool(std::string url, int size) : m_url(std::move(url)), m_size(size) {}

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
        m_available.wait(lock, [this] { return m_out < m_size; });
        ++m_out;
        if (!m_idle.empty()) {
            c = std::move(m_idle.back());
            m_idle.pop_back();
        }
    }
    if (!c || !c->is_open()) {
        try {
            c = std::make_unique<pqxx::connection>(m_url);
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
        --m_out;
        if (c && c->is_open())
            m_idle.push_back(std::move(c));
    }
    m_available.notify_one();
}

std::string sqlText(const QUuid &id)
{
    return idText(id).toStdString();
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
    for (qsizetype i = 0; i < ids.size(); ++i) {
        if (i)
            out += ',';
        out += sqlText(ids[i]);
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

} // namespace wp::server
