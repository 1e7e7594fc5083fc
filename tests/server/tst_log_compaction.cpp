// SPDX-License-Identifier: GPL-3.0-or-later
// Change-log compaction (docs/protocol.md, "Compaction") on a real PostgreSQL through the real
// `waypoint-server compact` and real HTTP: what it removes, what it keeps, and that devices
// syncing from any cursor still converge (or are told to start again).

#include "LocalServer.h"
#include "TestDevice.h"
#include "Uuid.h"
#include "wire/Codec.h"

#include <QMap>
#include <QSet>
#include <QTest>

#include <pqxx/pqxx>

using namespace wp;
using namespace wp::wire;

namespace {

// What a device shows after merging what it pulled: deletion wins over any field change.
struct Replica
{
    QMap<QUuid, QByteArray> visible;
    QSet<QUuid> deleted;

    void apply(const QList<Received> &changes)
    {
        for (const Received &r : changes) {
            if (r.deleted) {
                deleted.insert(r.recordId);
                visible.remove(r.recordId);
            } else if (!deleted.contains(r.recordId)) {
                visible.insert(r.recordId, r.plaintext); // one writer: seq order is stamp order
            }
        }
    }
};

} // namespace

class TestLogCompaction : public QObject
{
    Q_OBJECT

    LocalServer fx;
    LocalServer::Org org;
    std::unique_ptr<TestDevice> writer;
    Replica reference; // a device that synced everything before compaction
    std::unique_ptr<TestDevice> referenceDevice;
    std::unique_ptr<TestDevice> stale; // pulled once, early
    Replica staleReplica;
    QUuid kept, edited, deletedLater, deletedSameBatch;
    std::uint64_t nextChangeId = 1;

    std::unique_ptr<TestDevice> sibling()
    {
        auto d = std::make_unique<TestDevice>(fx.baseUrl());
        if (!d->enrol(fx.issueCode(org.id, org.worker1)))
            return nullptr;
        d->shareSecretsWith(*writer);
        return d;
    }

    int push(std::uint64_t sequence, const QList<Draft> &drafts, PushResponse *out = nullptr)
    {
        const HttpReply r = writer->push(writer->batch(sequence, drafts, 0, nextChangeId));
        nextChangeId += std::uint64_t(drafts.size());
        if (out && r.status == 200)
            *out = *decodePushResponse(r.body);
        return r.status;
    }

    qint64 count(const QString &where)
    {
        pqxx::connection c(fx.databaseUrl().toStdString());
        pqxx::nontransaction w(c);
        return w
            .exec("SELECT count(*) FROM changes WHERE organisation_id = '" +
                  idText(org.id).toStdString() + "' AND " + where.toStdString())[0][0]
            .as<qint64>();
    }

    // A version committed by a push whose statement did not yet see the tombstone (or stored
    // before the server deleted versions with their tombstone): a copy of the tombstone's row
    // as a field change, at a seq no pull reaches.
    void addRacedVersion(const QUuid &record)
    {
        pqxx::connection c(fx.databaseUrl().toStdString());
        pqxx::work w(c);
        w.exec("INSERT INTO changes (organisation_id, seq, record_id, record_type, author_id, "
               "device_id, batch_sequence, device_seq, stamp_ms, stamp_counter, stamp_device, "
               "deleted, audience_id, envelope) SELECT organisation_id, -seq, record_id, "
               "record_type, author_id, device_id, batch_sequence, -device_seq, stamp_ms, "
               "stamp_counter, stamp_device, false, audience_id, envelope FROM changes WHERE "
               "organisation_id = '" +
               idText(org.id).toStdString() + "' AND " + recordIs(record).toStdString());
        w.commit();
    }

    static QString recordIs(const QUuid &id)
    {
        return QStringLiteral("record_id = '%1'").arg(idText(id));
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(fx.startDatabase(), qPrintable(fx.lastError()));
        QVERIFY2(fx.startServer(), qPrintable(fx.lastError()));
        org = fx.createOrganisation(QStringLiteral("Harbour Peers"));
        writer = std::make_unique<TestDevice>(fx.baseUrl());
        QVERIFY(writer->enrol(fx.issueCode(org.id, org.worker1)));
        QVERIFY(writer->createKeys());

        kept = createUuidV7();
        edited = createUuidV7();
        deletedLater = createUuidV7();
        deletedSameBatch = createUuidV7();
        QCOMPARE(push(1, {{kept, RecordType::Encounter, "kept v1"},
                          {edited, RecordType::Encounter, "edited v1"},
                          {deletedLater, RecordType::Participant, "P-1 v1"}}),
                 200);

        // This device syncs once now and then stays away.
        stale = sibling();
        QVERIFY(stale);
        auto first = stale->pullAll();
        QVERIFY2(first.ok(), qPrintable(first.ok() ? QString() : first.error().message));
        staleReplica.apply(*first);
        QCOMPARE(staleReplica.visible.size(), 3);

        QCOMPARE(push(2, {{edited, RecordType::Encounter, "edited v2"},
                          {deletedLater, RecordType::Participant, "P-1 v2"},
                          {deletedSameBatch, RecordType::Participant, "P-2"},
                          {deletedSameBatch, RecordType::Participant, {}, true}}),
                 200);
        QCOMPARE(push(3, {{deletedLater, RecordType::Participant, {}, true}}), 200);

        referenceDevice = sibling();
        QVERIFY(referenceDevice);
        auto all = referenceDevice->pullAll();
        QVERIFY(all.ok());
        reference.apply(*all);
        const QList<QUuid> visible = reference.visible.keys();
        QCOMPARE(QSet<QUuid>(visible.begin(), visible.end()), (QSet<QUuid>{kept, edited}));
    }

    void aChangeToADeletedRecordIsAcknowledgedNotStored()
    {
        const qint64 before = count(recordIs(deletedLater));
        PushResponse resp;
        QCOMPARE(
            push(4, {{deletedLater, RecordType::Participant, "typed after the delete"}}, &resp),
            200);
        QCOMPARE(resp.applied.size(), 1); // the device may clear its outbox
        QVERIFY(resp.rejected.isEmpty());
        QCOMPARE(count(recordIs(deletedLater)), before);
    }

    void aTombstoneRemovesEveryEarlierVersionAtOnce()
    {
        // Stored with the tombstone, before any compaction: only the tombstones remain of the
        // deleted records, even one created and deleted in the same batch. Live records keep
        // every version (their fields are sealed: the server cannot tell whether a later
        // version covers an earlier one).
        QCOMPARE(count(recordIs(deletedLater)), 1);
        QCOMPARE(count(recordIs(deletedLater) + QStringLiteral(" AND deleted")), 1);
        QCOMPARE(count(recordIs(deletedSameBatch)), 1);
        QCOMPARE(count(recordIs(deletedSameBatch) + QStringLiteral(" AND deleted")), 1);
        QCOMPARE(count(recordIs(edited)), 2);
        QCOMPARE(count(recordIs(kept)), 1);
    }

    void compactionRemovesVersionsThatRacedATombstone()
    {
        addRacedVersion(deletedLater);
        QCOMPARE(count(recordIs(deletedLater)), 2);

        const QString out = fx.admin({QStringLiteral("compact")});
        QVERIFY2(out.contains(u"1 superseded versions removed"), qPrintable(out + fx.lastError()));
        QVERIFY2(out.contains(u"0 tombstones"), qPrintable(out));
        QCOMPARE(count(recordIs(deletedLater)), 1);
        QCOMPARE(count(recordIs(deletedLater) + QStringLiteral(" AND deleted")), 1);
        QCOMPARE(count(recordIs(edited)), 2);
        QCOMPARE(count(recordIs(kept)), 1);

        // Idempotent.
        QVERIFY(fx.admin({QStringLiteral("compact")}).contains(u"0 superseded versions removed"));
    }

    void devicesFromAnyCursorConvergeAfterCompaction()
    {
        // From its old cursor (before the edits and deletions).
        auto rest = stale->pullAll();
        QVERIFY2(rest.ok(), qPrintable(rest.ok() ? QString() : rest.error().message));
        staleReplica.apply(*rest);
        QCOMPARE(staleReplica.visible, reference.visible);
        QVERIFY(staleReplica.deleted.contains(deletedLater));

        // From nothing.
        auto fresh = sibling();
        QVERIFY(fresh);
        auto all = fresh->pullAll();
        QVERIFY(all.ok());
        Replica r;
        r.apply(*all);
        QCOMPARE(r.visible, reference.visible);
        QCOMPARE(r.visible.value(edited), QByteArray("edited v2"));
        QVERIFY(r.deleted.contains(deletedLater) && r.deleted.contains(deletedSameBatch));
    }

    void droppingOldTombstonesMovesTheHorizon()
    {
        // A device that synced before the tombstones and then stayed away.
        auto away = sibling();
        QVERIFY(away);
        away->cursor = 1; // it had pulled the first change, before any deletion
        Replica awayReplica;
        awayReplica.visible.insert(kept, "kept v1");
        awayReplica.visible.insert(edited, "edited v1");
        awayReplica.visible.insert(deletedLater, "P-1 v1");

        // Young tombstones are kept whatever --older-than says about old ones.
        QVERIFY(fx.admin({QStringLiteral("compact"), QStringLiteral("--older-than"),
                          QStringLiteral("30")})
                    .contains(u"0 tombstones older than 30 days dropped"));
        QVERIFY(fx.sql(QStringLiteral("UPDATE records SET deleted_at = now() - interval '40 "
                                      "days' WHERE deleted_seq IS NOT NULL")));
        const QString out = fx.admin(
            {QStringLiteral("compact"), QStringLiteral("--older-than"), QStringLiteral("30")});
        QVERIFY2(out.contains(u"2 tombstones older than 30 days dropped"), qPrintable(out));
        QCOMPARE(count(recordIs(deletedLater)), 0);

        // Its cursor is older than the dropped tombstones: it is told, clearly, to start again.
        const HttpReply r =
            away->call("GET", QStringLiteral("/v1/pull?since=%1&limit=100").arg(away->cursor));
        QCOMPARE(r.status, 410);
        QCOMPARE(r.code, QStringLiteral("resync_required"));

        // A device past the horizon goes on as before.
        QCOMPARE(referenceDevice->pullAll().ok(), true);

        // The full resync: an empty replica from cursor 0 converges to the same records.
        away->cursor = 0;
        auto all = away->pullAll();
        QVERIFY(all.ok());
        Replica rebuilt;
        rebuilt.apply(*all);
        QCOMPARE(rebuilt.visible, reference.visible);

        // The deleted record cannot come back: a late edit of it is acknowledged, not stored.
        PushResponse resp;
        QCOMPARE(push(5,
                      {{deletedLater, RecordType::Participant,
                        "from a phone offline for "
                        "months"}},
                      &resp),
                 200);
        QCOMPARE(resp.applied.size(), 1);
        QCOMPARE(count(recordIs(deletedLater)), 0);
        auto later = sibling();
        QVERIFY(later);
        auto everything = later->pullAll();
        QVERIFY(everything.ok());
        Replica newest;
        newest.apply(*everything);
        QCOMPARE(newest.visible, reference.visible);
    }

    void serveCompactsPeriodically()
    {
        QVERIFY2(fx.startServer({QStringLiteral("--compact-every"), QStringLiteral("1")}),
                 qPrintable(fx.lastError()));
        writer->setBaseUrl(fx.baseUrl());
        const QUuid gone = createUuidV7();
        QCOMPARE(push(6, {{gone, RecordType::Encounter, "short-lived"}}), 200);
        QCOMPARE(push(7, {{gone, RecordType::Encounter, {}, true}}), 200);
        QCOMPARE(count(recordIs(gone)), 1); // the push removed the earlier version
        addRacedVersion(gone);
        // Within a few intervals only the tombstone is left, without anyone running compact.
        QTRY_COMPARE_WITH_TIMEOUT(count(recordIs(gone)), 1, 10000);
        QCOMPARE(count(recordIs(gone) + QStringLiteral(" AND deleted")), 1);
        QTRY_VERIFY_WITH_TIMEOUT(fx.serverLog().contains("\"event\":\"compaction\""), 10000);
    }

    void cleanupTestCase() { fx.stopServer(); }
};

QTEST_GUILESS_MAIN(TestLogCompaction)
#include "tst_log_compaction.moc"
