// SPDX-License-Identifier: GPL-3.0-or-later
// The device side of `410 resync_required` against the real server and PostgreSQL: a device
// away while its sibling deleted records and the server compacted its log past its cursor
// resyncs from cursor 0 and ends with exactly what a fresh device holds, plus what it typed
// offline; a resync cut short (as by a kill) converges on the next sync.

#include "Enrolment.h"
#include "LocalServer.h"
#include "Sqlite.h"
#include "Store.h"
#include "SyncEngine.h"
#include "Uuid.h"

#include <QHash>
#include <QTemporaryDir>
#include <QTest>

using namespace wp;
using namespace wp::sync;

namespace {

template <typename R> QByteArray why(const R &r)
{
    return r.ok() ? QByteArray() : r.error().message.toUtf8();
}

// Forwards to the store and stops at a chosen call, as a kill of the app there would: every
// store call is one transaction, so what was committed before stays and nothing after it runs.
class InterruptedLedger final : public SyncLedger
{
public:
    explicit InterruptedLedger(Store &store) : m_inner(store) {}

    int failPage = 0;       // the n-th page merged (1-based) fails; 0: none
    bool failSweep = false; // the first sweep step fails
    int pages = 0;

    static Error killed() { return Error(ErrorCode::Io, QStringLiteral("simulated kill")); }

    Result<QList<OutboxEntry>> pendingChanges(int limit, qint64 after) override
    {
        return m_inner.pendingChanges(limit, after);
    }
    Status markApplied(const QList<qint64> &seqs) override { return m_inner.markApplied(seqs); }
    Status markFailed(const QList<std::pair<qint64, QString>> &f, qint64 now) override
    {
        return m_inner.markFailed(f, now);
    }
    Result<qint64> pendingCount() override { return m_inner.pendingCount(); }
    Result<qint64> failedCount() override { return m_inner.failedCount(); }
    Result<qint64> setAsideCount() override { return m_inner.setAsideCount(); }
    Result<QList<UserKeyPin>> keyPins() override { return m_inner.keyPins(); }
    Status recordKeys(const QList<UserKeyPin> &seen) override { return m_inner.recordKeys(seen); }
    Result<HlcStamp> clockNow() override { return m_inner.clockNow(); }
    Result<QByteArray> syncCursor() override { return m_inner.syncCursor(); }
    Result<MergeReport> applyRemote(const QList<RemoteChange> &c, const QByteArray &cur,
                                    const QList<SetAsideChange> &skipped,
                                    const QUuid &localUser) override
    {
        if (++pages == failPage)
            return killed();
        return m_inner.applyRemote(c, cur, skipped, localUser);
    }
    Status forgetIdentity() override { return m_inner.forgetIdentity(); }
    Status beginResync() override { return m_inner.beginResync(); }
    Result<bool> resyncInProgress() override { return m_inner.resyncInProgress(); }
    Result<ResyncSweep> sweepResync(int limit) override
    {
        if (failSweep)
            return killed();
        return m_inner.sweepResync(limit);
    }

private:
    StoreLedger m_inner;
};

struct Device
{
    QString path;
    SecretBytes key;
    std::unique_ptr<Store> store;
    SyncIdentity identity;
    std::unique_ptr<SyncClient> client;
    int pageSize = 1000;

    Result<SyncReport> sync()
    {
        SyncEngine engine(*store, identity, *client);
        engine.setPageSize(pageSize);
        return engine.syncOnce();
    }
};

DiaryEntry entry(const QString &text)
{
    DiaryEntry e;
    e.text = text;
    e.writtenAt = QDateTime::currentDateTimeUtc();
    return e;
}

// Everything a device shows: each live record's type and fields.
QMap<QUuid, QByteArray> holdings(Store &store)
{
    QMap<QUuid, QByteArray> out;
    const auto add = [&out](const auto &page, const char *type) {
        for (const auto &r : page.items)
            out.insert(r.id, QByteArray(type) + r.toFields().toCborValue().toCbor());
    };
    PageRequest all;
    all.limit = 500;
    add(store.diary().list(all).value(), "diary:");
    add(store.encounters().list(all).value(), "encounter:");
    add(store.participants().list(all).value(), "participant:");
    return out;
}

} // namespace

class TestSyncResync : public QObject
{
    Q_OBJECT

    LocalServer fx;
    LocalServer::Org org;
    QTemporaryDir dir;
    int stores = 0;

    // The recovery key each user's first device made, typed on their later ones.
    QHash<QUuid, QString> recoveryKeys;

    std::unique_ptr<Device> enrol(const LocalServer::Org &in, const QUuid &user)
    {
        auto d = std::make_unique<Device>();
        d->path = dir.filePath(QStringLiteral("store%1.db").arg(++stores));
        d->key = SecretBytes::random(Store::KeyBytes);
        auto store = Store::open(d->path, d->key, Store::Mode::CreateNew);
        if (!store)
            return nullptr;
        d->store = std::move(*store);
        Enrolment enrolment(nullptr, EnrolmentOptions{crypto::KeyBackupCost::minimal()});
        if (enrolment.enrol(fx.baseUrl(), fx.issueCode(in.id, user),
                            QStringLiteral("phone %1").arg(stores), QStringLiteral("test"),
                            recoveryKeys[user]) != Enrolment::Outcome::Done) {
            qWarning("enrol: %s", qPrintable(enrolment.error().message));
            return nullptr;
        }
        d->identity = enrolment.takeIdentity();
        d->client = std::make_unique<SyncClient>(fx.baseUrl());
        return d;
    }

    // Drops every tombstone (back-dated past the retention): the horizon moves past the
    // cursor of any device that had not pulled them.
    bool compactPastTombstones()
    {
        if (!fx.sql(QStringLiteral("UPDATE records SET deleted_at = now() - interval '40 days' "
                                   "WHERE deleted_seq IS NOT NULL")))
            return false;
        const QString out = fx.admin(
            {QStringLiteral("compact"), QStringLiteral("--older-than"), QStringLiteral("30")});
        return out.contains(u"tombstones older than 30 days dropped") &&
               !out.contains(u", 0 tombstones older");
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(fx.startDatabase(), qPrintable(fx.lastError()));
        QVERIFY2(fx.startServer(), qPrintable(fx.lastError()));
        org = fx.createOrganisation(QStringLiteral("Estuary Peers"));
    }

    void aDeviceAwayPastTheHorizonResyncsToWhatAFreshDeviceHolds()
    {
        auto away = enrol(org, org.worker1);
        QVERIFY(away);
        Store &a = *away->store;
        const auto save = [&a](const QString &text) { return a.diary().save(entry(text)).value(); };
        const DiaryEntry keep = save(QStringLiteral("Met Sam at the drop-in about redshanks"));
        const DiaryEntry gone1 = save(QStringLiteral("Court date notes about godwits"));
        const DiaryEntry gone2 = save(QStringLiteral("Shelter visit about dunlins"));
        const DiaryEntry editedThere = save(QStringLiteral("Housing form, first go"));
        const DiaryEntry editedHereGoneThere = save(QStringLiteral("Benefits call about knots"));
        Encounter enc;
        enc.occurredAt = QDateTime::currentDateTimeUtc();
        enc.durationMinutes = 15;
        enc.note = QStringLiteral("Naloxone kit given near the turnstones");
        const Encounter goneEncounter = a.encounters().save(enc).value();
        auto first = away->sync();
        QVERIFY2(first.ok(), why(first).constData());
        QCOMPARE(first->pushed, 6);
        QVERIFY(!first->resynced);
        QVERIFY(away->sync().ok()); // its cursor moves past its own changes
        QVERIFY(a.syncCursor().toULongLong() > 0);

        // The sibling deletes some, edits one and adds one; then the away device's cursor
        // falls behind the compaction horizon.
        auto sibling = enrol(org, org.worker1);
        QVERIFY(sibling);
        QVERIFY(sibling->sync().ok());
        Store &b = *sibling->store;
        for (const QUuid &id : {gone1.id, gone2.id, editedHereGoneThere.id})
            QVERIFY(b.diary().remove(id).ok());
        QVERIFY(b.encounters().remove(goneEncounter.id).ok());
        DiaryEntry fromB = b.diary().get(editedThere.id).value();
        fromB.text = QStringLiteral("Housing form, sent");
        QVERIFY(b.diary().save(fromB).ok());
        const DiaryEntry newThere =
            b.diary().save(entry(QStringLiteral("Supervision went well"))).value();
        auto rb = sibling->sync();
        QVERIFY2(rb.ok(), why(rb).constData());
        QCOMPARE(rb->pushed, 6);
        QVERIFY(compactPastTombstones());

        // Meanwhile, offline: an edit of a record deleted there, an edit of one kept, a new one.
        DiaryEntry offline = a.diary().get(editedHereGoneThere.id).value();
        offline.text = QStringLiteral("Benefits call about knots, follow-up booked");
        QVERIFY(a.diary().save(offline).ok());
        DiaryEntry keepEdited = keep;
        keepEdited.text = QStringLiteral("Met Sam at the drop-in about redshanks; housing next");
        QVERIFY(a.diary().save(keepEdited).ok());
        const DiaryEntry newHere =
            a.diary().save(entry(QStringLiteral("Typed on the bus about sanderlings"))).value();
        QCOMPARE(*a.outbox().count(), 3);

        auto ra = away->sync();
        QVERIFY2(ra.ok(), why(ra).constData());
        QVERIFY(ra->resynced);
        QCOMPARE(ra->removed, 4); // gone1, gone2, the encounter, editedHereGoneThere
        QCOMPARE(ra->pushed, 3);
        QCOMPARE(ra->pending, 0);
        QCOMPARE(ra->failed, 0);
        QCOMPARE(ra->conflicts, 0); // its own older versions came back: no conflict copies
        QVERIFY(!a.resyncInProgress());

        // A fresh device of the worker, enrolled now, holds exactly the same.
        auto fresh = enrol(org, org.worker1);
        QVERIFY(fresh);
        auto rf = fresh->sync();
        QVERIFY2(rf.ok(), why(rf).constData());
        QVERIFY(!rf->resynced);
        const QMap<QUuid, QByteArray> onA = holdings(a);
        QCOMPARE(onA, holdings(*fresh->store));
        QCOMPARE(QSet<QUuid>(onA.keyBegin(), onA.keyEnd()),
                 (QSet<QUuid>{keep.id, editedThere.id, newThere.id, newHere.id}));
        QVERIFY(sibling->sync().ok());
        QCOMPARE(holdings(b), onA);

        // What was typed offline arrived; the sibling's edit arrived here.
        QCOMPARE(a.diary().get(keep.id)->text, keepEdited.text);
        QCOMPARE(a.diary().get(newHere.id)->text, newHere.text);
        QCOMPARE(a.diary().get(editedThere.id)->text, QStringLiteral("Housing form, sent"));
        QVERIFY(a.conflictCopies(keep.id)->isEmpty());
        // The deleted records are gone from the lists, search and counts.
        for (const QUuid &id : {gone1.id, gone2.id, editedHereGoneThere.id})
            QCOMPARE(a.diary().get(id).error().code, ErrorCode::NotFound);
        QCOMPARE(a.encounters().get(goneEncounter.id).error().code, ErrorCode::NotFound);
        for (const char *word : {"godwits", "dunlins", "knots", "turnstones"})
            QVERIFY2(a.search(QString::fromLatin1(word))->isEmpty(), word);
        QCOMPARE(a.search(QStringLiteral("sanderlings"))->size(), 1);
        QCOMPARE(a.countByType()->value(RecordType::DiaryEntry), 4);
        QCOMPARE(a.countByType()->value(RecordType::Encounter), 0);
        QCOMPARE(*a.database().scalar("SELECT count(*) FROM records"), 4);
        QVERIFY(a.audit().verify()->intact());
        QVERIFY(a.integrityCheck().ok());

        // The next sync is an ordinary one.
        auto again = away->sync();
        QVERIFY2(again.ok(), why(again).constData());
        QVERIFY(!again->resynced);
        QCOMPARE(again->removed, 0);
    }

    void aResyncCutShortConvergesOnTheNextSync_data()
    {
        QTest::addColumn<int>("failPage");
        QTest::addColumn<bool>("failSweep");
        QTest::addColumn<bool>("restarted");
        // Cut during the pull from 0, below the horizon: the same app goes on from its cursor
        // (its client sends the horizon back); an app started again is told 410 and starts
        // over. Cut at the sweep, past the horizon: the next sync finishes.
        QTest::addRow("mid-pull") << 3 << false << false;
        QTest::addRow("mid-pull, app restarted") << 3 << false << true;
        QTest::addRow("at the sweep, app restarted") << 0 << true << true;
    }

    void aResyncCutShortConvergesOnTheNextSync()
    {
        QFETCH(int, failPage);
        QFETCH(bool, failSweep);
        QFETCH(bool, restarted);
        const LocalServer::Org own = fx.createOrganisation(
            QStringLiteral("Beck Peers %1").arg(QLatin1String(QTest::currentDataTag())));
        auto away = enrol(own, own.worker1);
        QVERIFY(away);
        away->pageSize = 4;
        QList<QUuid> ids;
        for (int i = 0; i < 24; ++i)
            ids.append(away->store->diary()
                           .save(entry(QStringLiteral("Entry %1 about wrens").arg(i)))
                           .value()
                           .id);
        QVERIFY(away->sync().ok());
        QVERIFY(away->sync().ok());

        auto sibling = enrol(own, own.worker1);
        QVERIFY(sibling);
        QVERIFY(sibling->sync().ok());
        for (int i = 0; i < 24; i += 3)
            QVERIFY(sibling->store->diary().remove(ids.at(i)).ok());
        for (int i = 0; i < 5; ++i)
            QVERIFY(sibling->store->diary()
                        .save(entry(QStringLiteral("Later %1 about robins").arg(i)))
                        .ok());
        QVERIFY(sibling->sync().ok());
        QVERIFY(compactPastTombstones());
        const DiaryEntry offline =
            away->store->diary().save(entry(QStringLiteral("Typed offline about finches"))).value();

        {
            InterruptedLedger ledger(*away->store);
            ledger.failPage = failPage;
            ledger.failSweep = failSweep;
            SyncEngine engine(ledger, away->identity, *away->client);
            engine.setPageSize(away->pageSize);
            auto cut = engine.syncOnce();
            QVERIFY(!cut.ok());
            QCOMPARE(cut.error().message, QStringLiteral("simulated kill"));
        }
        // The store says a resync is under way, from where it stopped, even after a restart.
        if (restarted) {
            away->store.reset();
            auto reopened = Store::open(away->path, away->key, Store::Mode::OpenExisting);
            QVERIFY2(reopened.ok(), why(reopened).constData());
            away->store = std::move(*reopened);
            // The identity is read from the store again: nothing it was told survives.
            away->identity.credentials.pullHorizon =
                std::make_shared<std::atomic<std::uint64_t>>(0);
            away->client = std::make_unique<SyncClient>(fx.baseUrl());
        }
        QVERIFY(away->store->resyncInProgress());
        const bool belowHorizon = failPage > 0;
        if (belowHorizon)
            QVERIFY(away->store->syncCursor().toULongLong() > 0);

        auto resumed = away->sync();
        QVERIFY2(resumed.ok(), why(resumed).constData());
        QVERIFY(resumed->resynced);
        QCOMPARE(resumed->removed, 8);
        QCOMPARE(resumed->pending, 0);
        QVERIFY(!away->store->resyncInProgress());

        auto fresh = enrol(own, own.worker1);
        QVERIFY(fresh);
        QVERIFY(fresh->sync().ok());
        const QMap<QUuid, QByteArray> onAway = holdings(*away->store);
        QCOMPARE(onAway, holdings(*fresh->store));
        QCOMPARE(onAway.size(), 24 - 8 + 5 + 1);
        QVERIFY(onAway.contains(offline.id));
        QVERIFY(away->store->search(QStringLiteral("finches"))->size() == 1);
        QCOMPARE(away->store->search(QStringLiteral("wrens"), 100)->size(), 16);
    }

    void aPullFromZeroPagesPastTheHorizonItWasToldAbout()
    {
        const LocalServer::Org own = fx.createOrganisation(QStringLiteral("Weir Peers"));
        auto writer = enrol(own, own.worker1);
        QVERIFY(writer);
        QList<QUuid> ids;
        for (int i = 0; i < 8; ++i)
            ids.append(
                writer->store->diary().save(entry(QStringLiteral("Note %1").arg(i))).value().id);
        QVERIFY(writer->sync().ok());
        QVERIFY(writer->store->diary().remove(ids.at(6)).ok());
        QVERIFY(writer->sync().ok());
        QVERIFY(compactPastTombstones());

        // Page by page from 0: each page tells the horizon, the next page sends it back.
        SyncClient paging(fx.baseUrl());
        paging.setCredentials(&writer->identity.credentials);
        auto page = paging.pull(0, 2);
        QVERIFY2(page.ok(), why(page).constData());
        QVERIFY(page->horizon > page->cursor);
        const std::uint64_t horizon = page->horizon;
        page = paging.pull(page->cursor, 2);
        QVERIFY2(page.ok(), why(page).constData());
        QCOMPARE(page->horizon, horizon);

        // Another client of the same identity was told too (a prefetch thread's, the next
        // sync's); one whose identity was loaded again (an app started again) is sent back to 0.
        SyncClient sibling(fx.baseUrl());
        sibling.setCredentials(&writer->identity.credentials);
        QVERIFY(sibling.pull(page->cursor, 2).ok());
        const DeviceCredentials &mine = writer->identity.credentials;
        DeviceCredentials reloaded{
            mine.serverUrl, mine.organisationId, mine.userId,
            mine.deviceId,  mine.role,           SecretBytes(mine.token.data(), mine.token.size())};
        SyncClient other(fx.baseUrl());
        other.setCredentials(&reloaded);
        auto refused = other.pull(page->cursor, 2);
        QVERIFY(!refused.ok());
        QVERIFY(SyncEngine::isResyncRequired(refused.error()));

        // Nor is a horizon that has moved on since: another tombstone was dropped meanwhile.
        QVERIFY(writer->store->diary().remove(ids.at(7)).ok());
        QVERIFY(writer->sync().ok());
        QVERIFY(compactPastTombstones());
        refused = paging.pull(page->cursor, 2);
        QVERIFY(!refused.ok());
        QVERIFY(SyncEngine::isResyncRequired(refused.error()));
    }

    void cleanupTestCase() { fx.stopServer(); }
};

QTEST_GUILESS_MAIN(TestSyncResync)
#include "tst_sync_resync.moc"
