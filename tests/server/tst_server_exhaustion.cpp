// SPDX-License-Identifier: GPL-3.0-or-later
// The server against clients that try to exhaust it before they are known: many idle
// connections, heads and bodies that trickle in, declared lengths never sent, oversized
// bodies, guessed credentials, pages of heavy envelopes. Each test names what must hold.
// The clients are raw sockets bound to their own loopback addresses (all of 127.0.0.0/8 is
// loopback on Linux), so one process is many clients; the legitimate devices come from
// 127.0.0.1.

#include "Enrolment.h"
#include "LocalServer.h"
#include "Store.h"
#include "SyncEngine.h"
#include "TestDevice.h"
#include "Uuid.h"
#include "wire/Codec.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <algorithm>
#include <arpa/inet.h>
#include <atomic>
#include <netinet/in.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace wp;
using namespace wp::wire;

namespace {

template <typename R> QByteArray why(const R &r)
{
    return r.ok() ? QByteArray() : r.error().message.toUtf8();
}

// A TCP connection to the server on 127.0.0.1:`port` from the loopback address `source`.
int connectFrom(const char *source, int port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -1;
    sockaddr_in from{};
    from.sin_family = AF_INET;
    ::inet_pton(AF_INET, source, &from.sin_addr);
    sockaddr_in to{};
    to.sin_family = AF_INET;
    to.sin_port = htons(quint16(port));
    ::inet_pton(AF_INET, "127.0.0.1", &to.sin_addr);
    if (::bind(fd, reinterpret_cast<sockaddr *>(&from), sizeof from) != 0 ||
        ::connect(fd, reinterpret_cast<sockaddr *>(&to), sizeof to) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

bool sendAll(int fd, QByteArrayView data)
{
    while (!data.isEmpty()) {
        const ssize_t n = ::send(fd, data.data(), std::size_t(data.size()), MSG_NOSIGNAL);
        if (n <= 0)
            return false;
        data = data.sliced(n);
    }
    return true;
}

// What the server answered on `fd` within `timeoutMs`: the status, 0 when it closed the
// connection without an answer, -1 when it said nothing yet.
int statusWithin(int fd, int timeoutMs)
{
    QByteArray got;
    QElapsedTimer t;
    t.start();
    for (qint64 left = timeoutMs; left > 0; left = timeoutMs - t.elapsed()) {
        pollfd p{fd, POLLIN, 0};
        if (::poll(&p, 1, int(left)) <= 0)
            break;
        char buffer[4096];
        const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
        if (n <= 0)
            return got.startsWith("HTTP/1.1 ") ? got.mid(9, 3).toInt() : 0;
        got.append(buffer, n);
        if (got.startsWith("HTTP/1.1 ") && got.contains("\r\n\r\n"))
            return got.mid(9, 3).toInt();
    }
    return -1;
}

// Whether the server closed `fd` (end of stream or reset) within `timeoutMs`; what it said
// before is read and dropped.
bool closedWithin(int fd, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    for (qint64 left = timeoutMs; left > 0; left = timeoutMs - t.elapsed()) {
        pollfd p{fd, POLLIN, 0};
        if (::poll(&p, 1, int(left)) <= 0)
            return false;
        char buffer[4096];
        if (::recv(fd, buffer, sizeof buffer, 0) <= 0)
            return true;
    }
    return false;
}

QByteArray head(const char *method, const char *path, const QByteArray &authorization,
                qint64 contentLength)
{
    QByteArray h = QByteArray(method) + ' ' + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    if (!authorization.isEmpty())
        h += "Authorization: " + authorization + "\r\n";
    if (contentLength >= 0)
        h += "Content-Type: application/cbor\r\nContent-Length: " +
             QByteArray::number(contentLength) + "\r\n";
    return h + "\r\n";
}

// Well-formed credentials nobody holds.
QByteArray guessedAuthorization(const QUuid &organisation)
{
    QByteArray token(32, '\0');
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(token.data()), 8);
    return "Waypoint " + organisation.toByteArray(QUuid::WithoutBraces) + '.' +
           createUuidV7().toByteArray(QUuid::WithoutBraces) + '.' +
           token.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

qint64 residentKiB(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').constFirst().toLongLong();
    return -1;
}

qint64 openDescriptors(qint64 pid)
{
    return QDir(QStringLiteral("/proc/%1/fd").arg(pid)).entryList(QDir::NoDotAndDotDot).size();
}

double percentile(std::vector<double> ms, double p)
{
    std::sort(ms.begin(), ms.end());
    return ms.empty() ? 0 : ms[std::min(ms.size() - 1, std::size_t(p * double(ms.size())))];
}

// Clients that try to exhaust the server, on threads of their own, from their own loopback
// addresses, each connection replaced as soon as the server closes it: idle connections, heads
// of large bodies whose bytes trickle in (a byte a second), and oversized bodies sent whole.
class Flood
{
public:
    struct Crowd
    {
        const char *source;
        int connections;
        QByteArray head; // empty: an idle connection that sends nothing
    };

    Flood(int port, std::vector<Crowd> crowds, QByteArray oversized, const char *oversizedSource)
        : m_port(port), m_crowds(std::move(crowds)), m_oversized(std::move(oversized)),
          m_oversizedSource(oversizedSource)
    {
    }
    ~Flood() { stop(); }

    // Returns once every connection is open.
    void start()
    {
        for (std::size_t c = 0; c < m_crowds.size(); ++c)
            for (int i = 0; i < m_crowds[c].connections; ++i)
                m_open.push_back({open(c), c});
        m_opened = int(m_open.size());
        m_trickler = std::thread([this] { trickle(); });
        m_sender = std::thread([this] { sendOversized(); });
    }

    void stop()
    {
        m_stop = true;
        if (m_trickler.joinable())
            m_trickler.join();
        if (m_sender.joinable())
            m_sender.join();
        for (const auto &[fd, crowd] : m_open)
            if (fd >= 0)
                ::close(fd);
        m_open.clear();
    }

    int opened() const { return m_opened; }
    int oversizedAnswered() const { return m_oversizedAnswered; }

private:
    int open(std::size_t crowd)
    {
        const int fd = connectFrom(m_crowds[crowd].source, m_port);
        if (fd >= 0 && !m_crowds[crowd].head.isEmpty())
            sendAll(fd, m_crowds[crowd].head);
        return fd;
    }

    void trickle()
    {
        using Clock = std::chrono::steady_clock;
        // When each connection sends its next byte: a second apart, spread over the second.
        std::vector<Clock::time_point> due(m_open.size());
        for (std::size_t i = 0; i < due.size(); ++i)
            due[i] = Clock::now() + std::chrono::milliseconds(i % 1000);
        std::vector<pollfd> polled;
        while (!m_stop) {
            polled.clear();
            for (const auto &[fd, crowd] : m_open)
                polled.push_back({fd, POLLIN, 0});
            ::poll(polled.data(), polled.size(), 20);
            const auto now = Clock::now();
            for (std::size_t i = 0; i < m_open.size(); ++i) {
                auto &[fd, crowd] = m_open[i];
                char buffer[4096];
                const bool closed = fd < 0 || ((polled[i].revents & (POLLIN | POLLHUP | POLLERR)) &&
                                               ::recv(fd, buffer, sizeof buffer, 0) <= 0);
                if (closed) {
                    if (fd >= 0)
                        ::close(fd);
                    fd = open(crowd);
                    ++m_opened;
                    due[i] = now + std::chrono::seconds(1);
                } else if (now >= due[i] && !m_crowds[crowd].head.isEmpty()) {
                    ::send(fd, "x", 1, MSG_NOSIGNAL | MSG_DONTWAIT);
                    due[i] = now + std::chrono::seconds(1);
                }
            }
        }
    }

    void sendOversized()
    {
        while (!m_stop) {
            const int fd = connectFrom(m_oversizedSource, m_port);
            if (fd >= 0) {
                if (sendAll(fd, m_oversized) && statusWithin(fd, 5000) == 413)
                    ++m_oversizedAnswered;
                ::close(fd);
            }
            for (int i = 0; i < 5 && !m_stop; ++i)
                std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
    }

    const int m_port;
    const std::vector<Crowd> m_crowds;
    const QByteArray m_oversized;
    const char *const m_oversizedSource;
    std::vector<std::pair<int, std::size_t>> m_open; // fd, crowd
    std::atomic<bool> m_stop{false};
    std::atomic<int> m_opened{0};
    std::atomic<int> m_oversizedAnswered{0};
    std::thread m_trickler;
    std::thread m_sender;
};

} // namespace

class TestServerExhaustion : public QObject
{
    Q_OBJECT

    LocalServer fx;
    LocalServer::Org org;
    QHash<QUuid, std::shared_ptr<UserSecrets>> secrets; // per user, shared by their devices
    QTemporaryDir dir;
    int stores = 0;

    // An enrolled device of `user` in `o`; the first device of a user makes its keys.
    std::unique_ptr<TestDevice> device(const LocalServer::Org &o, const QUuid &user,
                                       const TestDevice *sibling = nullptr)
    {
        auto d = std::make_unique<TestDevice>(fx.baseUrl());
        if (!d->enrol(fx.issueCode(o.id, user)))
            return nullptr;
        if (sibling)
            d->shareSecretsWith(*sibling);
        else if (secrets.contains(user))
            d->useSecrets(secrets.value(user));
        else if (!d->createKeys())
            return nullptr;
        secrets.insert(user, d->user());
        return d;
    }

    // One incremental sync of `d` as a device sends it (POST /v1/sync), with a small batch
    // when `sequence` is not 0; the time it took, in ms, or -1 when it failed.
    double timedSync(TestDevice &d, std::uint64_t sequence)
    {
        SyncRequest req{d.cursor, 100, 0, {}};
        if (sequence)
            req.push =
                encode(d.batch(sequence, {{createUuidV7(), RecordType::DiaryEntry, "a short note"},
                                          {createUuidV7(), RecordType::Encounter, "another"}}));
        QElapsedTimer t;
        t.start();
        const HttpReply r = d.call("POST", QStringLiteral("/v1/sync"), encode(req));
        const double ms = double(t.nsecsElapsed()) / 1e6;
        if (r.status != 200)
            return -1;
        auto resp = decodeSyncResponse(r.body);
        if (!resp || (sequence && resp->push.isEmpty()))
            return -1;
        auto page = decodePullResponse(resp->pull);
        if (!page)
            return -1;
        d.cursor = page->cursor;
        return ms;
    }

private slots:
    void initTestCase()
    {
        // Thousands of connections, each a descriptor here and one in the server (which
        // inherits this limit and raises its own).
        rlimit files = {};
        QVERIFY(getrlimit(RLIMIT_NOFILE, &files) == 0);
        files.rlim_cur = std::min<rlim_t>(files.rlim_max, 16384);
        QVERIFY(setrlimit(RLIMIT_NOFILE, &files) == 0);
        QVERIFY2(files.rlim_cur >= 4096, "needs an open-file limit of at least 4096");

        QVERIFY2(fx.startDatabase(), qPrintable(fx.lastError()));
        QVERIFY2(fx.startServer(), qPrintable(fx.lastError()));
        org = fx.createOrganisation(QStringLiteral("Riverside Peers"));
        QVERIFY(!org.worker1.isNull());
    }

    void oneAddressHoldsAtMostItsShareOfConnections()
    {
        // The default share is 512 connections an address.
        std::vector<int> fds;
        for (int i = 0; i < 520; ++i) {
            const int fd = connectFrom("127.0.0.9", fx.port());
            QVERIFY(fd >= 0);
            fds.push_back(fd);
        }
        QTest::qWait(500);
        int refused = 0;
        for (int fd : fds)
            refused += closedWithin(fd, 1);
        QCOMPARE(refused, 8);
        // Others are still served.
        auto d = device(org, org.worker1);
        QVERIFY(d);
        QCOMPARE(d->call("GET", QStringLiteral("/v1/device")).status, 200);
        // Places are given back when connections close.
        for (int fd : fds)
            ::close(fd);
        QTest::qWait(300);
        const int again = connectFrom("127.0.0.9", fx.port());
        QVERIFY(sendAll(again, head("GET", "/v1/keys", {}, -1)));
        QCOMPARE(statusWithin(again, 5000), 401);
        ::close(again);
    }

    void theServerHoldsNoMoreConnectionsThanItsCap()
    {
        QVERIFY2(fx.startServer({QStringLiteral("--max-connections"), QStringLiteral("40")}),
                 qPrintable(fx.lastError()));
        std::vector<int> fds;
        for (int i = 0; i < 50; ++i) {
            // From many addresses, so that only the overall cap applies.
            const QByteArray source = "127.0.1." + QByteArray::number(i + 1);
            const int fd = connectFrom(source.constData(), fx.port());
            QVERIFY(fd >= 0);
            fds.push_back(fd);
        }
        QTest::qWait(500);
        int refused = 0;
        for (int fd : fds)
            refused += closedWithin(fd, 1);
        QCOMPARE(refused, 10);
        for (int fd : fds)
            ::close(fd);
        QVERIFY2(fx.startServer(), qPrintable(fx.lastError()));
    }

    void aDeclaredLengthCostsNoMemoryUntilItsBytesArrive()
    {
        auto d = device(org, org.worker1);
        QVERIFY(d);
        const qint64 before = residentKiB(fx.serverPid());
        QVERIFY(before > 0);
        // 64 pushes of an authenticated device announce 8 MB each and send nothing more.
        std::vector<int> fds;
        for (int i = 0; i < 64; ++i) {
            const int fd = connectFrom("127.0.0.10", fx.port());
            QVERIFY(fd >= 0);
            QVERIFY(sendAll(fd, head("POST", "/v1/push", d->authorization(), 8000000)));
            fds.push_back(fd);
        }
        QTest::qWait(1000);
        const qint64 grown = residentKiB(fx.serverPid()) - before;
        for (int fd : fds)
            ::close(fd);
        QVERIFY2(grown < 64 * 1024,
                 qPrintable(QStringLiteral("the server grew by %1 KiB").arg(grown)));
        // The device's pushes still go through.
        QCOMPARE(
            d->push(d->batch(1, {{createUuidV7(), RecordType::DiaryEntry, "still here"}})).status,
            200);
    }

    void headsAndBodiesThatTrickleAreCutOff()
    {
        auto d = device(org, org.worker1);
        QVERIFY(d);
        // A head that never ends, and a body of an authenticated device that comes a byte at
        // a time: both let go after their timeouts (10 s each by default), not kept.
        const int slowHead = connectFrom("127.0.0.11", fx.port());
        const int slowBody = connectFrom("127.0.0.11", fx.port());
        QVERIFY(slowHead >= 0 && slowBody >= 0);
        QVERIFY(sendAll(slowHead, "POST /v1/push HTTP/1.1\r\n"));
        QVERIFY(sendAll(slowBody, head("POST", "/v1/push", d->authorization(), 1 << 20)));
        QElapsedTimer t;
        t.start();
        qint64 headCut = -1, bodyCut = -1;
        while ((headCut < 0 || bodyCut < 0) && t.elapsed() < 16000) {
            if (headCut < 0 && (!sendAll(slowHead, "X") || closedWithin(slowHead, 250)))
                headCut = t.elapsed();
            if (bodyCut < 0 && (!sendAll(slowBody, "x") || closedWithin(slowBody, 250)))
                bodyCut = t.elapsed();
        }
        ::close(slowHead);
        ::close(slowBody);
        QVERIFY2(headCut >= 8000 && headCut < 13000,
                 qPrintable(QStringLiteral("the head was cut after %1 ms").arg(headCut)));
        QVERIFY2(bodyCut >= 8000 && bodyCut < 13000,
                 qPrintable(QStringLiteral("the body was cut after %1 ms").arg(bodyCut)));
    }

    void wrongCredentialsAreRefusedBeforeTheBodyIsRead()
    {
        // Heads of large bodies whose bytes never come: answered at once, from the head.
        const QByteArray guessed = guessedAuthorization(org.id);
        for (const char *route : {"/v1/push", "/v1/sync"}) {
            const int fd = connectFrom("127.0.0.12", fx.port());
            QVERIFY(sendAll(fd, head("POST", route, guessed, 4 << 20)));
            QCOMPARE(statusWithin(fd, 3000), 401);
            ::close(fd);
        }
        // Enrolment takes no credentials, and a small body only.
        const int enrol = connectFrom("127.0.0.12", fx.port());
        QVERIFY(sendAll(enrol, head("POST", "/v1/enrol", {}, 1 << 20)));
        QCOMPARE(statusWithin(enrol, 3000), 413);
        ::close(enrol);
        // A device that sends its whole body anyway still reads its answer.
        auto d = device(org, org.worker2);
        QVERIFY(d);
        TestDevice impostor(fx.baseUrl());
        impostor.credentials = d->credentials;
        impostor.credentials.token[0] = char(impostor.credentials.token[0] ^ 1);
        const HttpReply refused =
            impostor.call("POST", QStringLiteral("/v1/push"), QByteArray(3 << 20, 'x'));
        QCOMPARE(refused.status, 401);
        QCOMPARE(refused.code, QStringLiteral("unauthorized"));
    }

    void claimingOtherDevicesDoesNotEscapeTheLimiter()
    {
        // Failed authentications are counted per client address: claiming a new device id at
        // each try does not buy new tries.
        int tries = 0, limitedAt = 0;
        for (; tries < 100 && !limitedAt; ++tries) {
            const int fd = connectFrom("127.0.0.13", fx.port());
            QVERIFY(sendAll(fd, head("GET", "/v1/device", guessedAuthorization(org.id), -1)));
            const int status = statusWithin(fd, 5000);
            ::close(fd);
            if (status == 429)
                limitedAt = tries + 1;
            else
                QCOMPARE(status, 401);
        }
        QCOMPARE(limitedAt, 51);
        // Another address is not held back.
        auto d = device(org, org.worker1);
        QVERIFY(d);
        QCOMPARE(d->call("GET", QStringLiteral("/v1/device")).status, 200);
    }

    void aPullPageStaysWithinItsByteBudget()
    {
        const LocalServer::Org heavy = fx.createOrganisation(QStringLiteral("Heavy Envelopes"));
        auto writer = device(heavy, heavy.worker1);
        QVERIFY(writer);
        // 48 changes of 200 KiB: 9.4 MiB, more than one page may carry.
        for (int b = 0; b < 3; ++b) {
            QList<Draft> drafts;
            for (int i = 0; i < 16; ++i) {
                QByteArray plain(200 * 1024, '\0');
                QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(plain.data()),
                                                      plain.size() / 4);
                drafts.append({createUuidV7(), RecordType::DiaryEntry, plain});
            }
            QCOMPARE(writer->push(writer->batch(std::uint64_t(b + 1), drafts)).status, 200);
        }
        auto reader = device(heavy, heavy.worker1, writer.get());
        QVERIFY(reader);
        const qint64 budget = 8 << 20, oneChange = 256 << 10;

        const HttpReply pulled = reader->call("GET", QStringLiteral("/v1/pull?since=0&limit=5000"));
        QCOMPARE(pulled.status, 200);
        QVERIFY2(pulled.body.size() <= budget + oneChange,
                 qPrintable(QString::number(pulled.body.size())));
        auto page = decodePullResponse(pulled.body);
        QVERIFY(page.ok());
        QVERIFY(page->more);
        QVERIFY(page->changes.size() > 30 && page->changes.size() < 48);

        // The page of POST /v1/sync alike.
        const HttpReply synced =
            reader->call("POST", QStringLiteral("/v1/sync"), encode(SyncRequest{0, 5000, 0, {}}));
        QCOMPARE(synced.status, 200);
        auto exchange = decodeSyncResponse(synced.body);
        QVERIFY(exchange.ok());
        QVERIFY(exchange->pull.size() <= budget + oneChange);
        auto syncPage = decodePullResponse(exchange->pull);
        QVERIFY(syncPage.ok());
        QVERIFY(syncPage->more);
        QCOMPARE(syncPage->changes.size(), page->changes.size());

        // Paging with `more` and `cursor` brings every change, each verified and opened.
        auto all = reader->pullAll(5000);
        QVERIFY2(all.ok(), why(all).constData());
        QCOMPARE(all->size(), 48);
    }

    void theDeviceFollowsPagesTheBudgetCutsShort()
    {
        // The real engine and store: pages shorter than asked, with `more`, are followed to
        // the end.
        const LocalServer::Org o = fx.createOrganisation(QStringLiteral("Long Diaries"));
        struct Phone
        {
            std::unique_ptr<Store> store;
            sync::SyncIdentity identity;
            std::unique_ptr<sync::SyncClient> client;
        };
        QString recoveryKey; // made by the first phone, typed on the next
        const auto phone = [&]() -> std::unique_ptr<Phone> {
            auto p = std::make_unique<Phone>();
            auto store = Store::open(dir.filePath(QStringLiteral("store%1.db").arg(++stores)),
                                     SecretBytes::random(Store::KeyBytes), Store::Mode::CreateNew);
            if (!store)
                return nullptr;
            p->store = std::move(*store);
            sync::EnrolmentOptions options;
            options.backupCost = crypto::KeyBackupCost::minimal();
            sync::Enrolment enrolment(nullptr, options);
            if (enrolment.enrol(fx.baseUrl(), fx.issueCode(o.id, o.worker1),
                                QStringLiteral("phone"), QStringLiteral("test"),
                                recoveryKey) != sync::Enrolment::Outcome::Done)
                return nullptr;
            p->identity = enrolment.takeIdentity();
            p->client = std::make_unique<sync::SyncClient>(fx.baseUrl());
            return p;
        };
        auto a = phone();
        QVERIFY(a);
        // 150 entries of 60 KB (20,000 three-byte characters): about 9 MB.
        const QString text(20000, QChar(0x20AC));
        for (int i = 0; i < 150; ++i) {
            DiaryEntry e;
            e.text = text;
            e.writtenAt = QDateTime::currentDateTimeUtc();
            QVERIFY(a->store->diary().save(e).ok());
        }
        auto pushed = sync::SyncEngine(*a->store, a->identity, *a->client).syncOnce();
        QVERIFY2(pushed.ok(), why(pushed).constData());
        QCOMPARE(pushed->pushed, 150);

        auto b = phone();
        QVERIFY(b);
        auto pulled = sync::SyncEngine(*b->store, b->identity, *b->client).syncOnce();
        QVERIFY2(pulled.ok(), why(pulled).constData());
        QCOMPARE(pulled->pulled, 150);
        QCOMPARE(*b->store->diary().count(), 150);
        // It took more than one page, none over the budget.
        int pages = 0;
        qint64 largest = 0;
        for (const QByteArray &line : fx.serverLog().split('\n')) {
            const QJsonDocument logged = QJsonDocument::fromJson(line);
            const QString route = logged[QStringLiteral("route")].toString();
            const qint64 out = logged[QStringLiteral("bytesOut")].toInteger();
            if (logged[QStringLiteral("org")].toString() == idText(o.id) &&
                (route == u"/v1/pull" || route == u"/v1/sync") && out > 100000) {
                ++pages;
                largest = std::max(largest, out);
            }
        }
        QVERIFY2(pages >= 2, qPrintable(QString::number(pages)));
        QVERIFY(largest <= (8 << 20) + (256 << 10));
    }

    void aFloodOfIdleConnectionsAndSlowBodiesLeavesSyncFast()
    {
        auto d = device(org, org.worker2);
        QVERIFY(d);
        auto attacker = device(org, org.worker1);
        QVERIFY(attacker);
        // The device syncs every 20 ms (a new connection each time, as a phone waking up),
        // every fifth time with two new records.
        std::uint64_t sequence = 1000;
        const auto syncs = [&](int seconds, std::vector<double> &ms) {
            QElapsedTimer t;
            t.start();
            for (int i = 0; t.elapsed() < seconds * 1000; ++i) {
                const double took = timedSync(*d, i % 5 == 0 ? ++sequence : 0);
                if (took < 0)
                    return false;
                ms.push_back(took);
                QThread::msleep(20);
            }
            return true;
        };
        std::vector<double> quiet, attacked;
        QVERIFY(syncs(1, quiet)); // warm-up
        quiet.clear();
        QVERIFY(syncs(6, quiet));

        const qint64 server = fx.serverPid();
        const qint64 memoryBefore = residentKiB(server);
        // 2,000 connections that authenticate nothing: 1,000 idle, 600 pushes with guessed
        // credentials announcing 8 MB, 400 enrolments with a body of 12 KB, all trickling;
        // 50 of an enrolled device announcing 8 MB and trickling; and, one after another,
        // pushes of 9 MB sent whole.
        const QByteArray guessed = guessedAuthorization(org.id);
        QByteArray oversized = head("POST", "/v1/push", guessed, 9 << 20);
        oversized += QByteArray(9 << 20, 'x');
        Flood flood(
            fx.port(),
            {{"127.0.0.20", 500, {}},
             {"127.0.0.21", 500, {}},
             {"127.0.0.22", 300, head("POST", "/v1/push", guessed, 8 << 20)},
             {"127.0.0.23", 300, head("POST", "/v1/sync", guessed, 8 << 20)},
             {"127.0.0.24", 400, head("POST", "/v1/enrol", {}, 12000)},
             {"127.0.0.25", 50, head("POST", "/v1/push", attacker->authorization(), 8 << 20)}},
            oversized, "127.0.0.26");
        flood.start();
        QTest::qWait(500);
        const qint64 held = openDescriptors(server);
        // Longer than the head and body timeouts: the server cuts the flood's connections
        // and the flood opens new ones while the device syncs.
        const bool synced = syncs(14, attacked);
        const qint64 memoryGrowth = residentKiB(server) - memoryBefore;
        const int oversizedAnswered = flood.oversizedAnswered();
        flood.stop();
        // Every connection's place and memory are given back once it closes, whatever state
        // its request was in.
        QVERIFY2(
            QTest::qWaitFor([&] { return openDescriptors(server) < 100; }, 10000),
            qPrintable(QStringLiteral("%1 descriptors still open").arg(openDescriptors(server))));
        QVERIFY2(synced, "a sync failed under the flood");
        QVERIFY2(held >= 2000,
                 qPrintable(QStringLiteral("the server held %1 descriptors").arg(held)));
        QVERIFY(oversizedAnswered > 0);

        const double quietP50 = percentile(quiet, 0.5), quietP99 = percentile(quiet, 0.99);
        const double p50 = percentile(attacked, 0.5), p99 = percentile(attacked, 0.99);
        qInfo("sync p50 %.1f ms, p99 %.1f ms without the flood (%zu syncs); p50 %.1f ms, p99 "
              "%.1f ms under it (%zu syncs; %lld descriptors held, %d connections opened, %d "
              "oversized bodies refused, server memory +%lld KiB)",
              quietP50, quietP99, quiet.size(), p50, p99, attacked.size(), held, flood.opened(),
              oversizedAnswered, memoryGrowth);
        // The target is 100 ms (docs/benchmarks.md has the figures of a quiet machine). On a
        // machine that is itself loaded (a shared CI runner), the flood must not make sync
        // more than three times slower than it is there without the flood.
        const double limit = std::max(100.0, 3 * quietP99);
        QVERIFY2(
            p99 < limit,
            qPrintable(
                QStringLiteral("p99 %1 ms under the flood, %2 ms without").arg(p99).arg(quietP99)));
        QVERIFY2(memoryGrowth < 256 * 1024,
                 qPrintable(QStringLiteral("the server grew by %1 KiB").arg(memoryGrowth)));
    }

    void cleanupTestCase() { fx.stopServer(); }
};

QTEST_GUILESS_MAIN(TestServerExhaustion)
#include "tst_server_exhaustion.moc"
