// SPDX-License-Identifier: GPL-3.0-or-later
// Erasing a participant, end to end against the real server and PostgreSQL: the phone that
// erases syncs its tombstones, the server deletes every earlier version of those records at
// once (the tombstones stay, so devices learn of the erasure), no bytea column of any table
// holds any of their envelopes any more, and the other phone erases at its next sync.

#include "EngineDevice.h"
#include "LocalServer.h"
#include "Store.h"
#include "Uuid.h"

#include <QTemporaryDir>
#include <QTest>

#include <pqxx/pqxx>

using namespace wp;
using namespace wp::sync;
using Device = wp::test::EngineDevice;
using wp::test::why;

class TestSyncErasure : public QObject
{
    Q_OBJECT

    LocalServer fx;
    LocalServer::Org org;
    QTemporaryDir dir;

    std::string inList(const QList<QUuid> &ids)
    {
        QStringList quoted;
        for (const QUuid &id : ids)
            quoted.append(QStringLiteral("'%1'").arg(idText(id)));
        return quoted.join(QLatin1Char(',')).toStdString();
    }

    // Every bytea value of every table in the public schema.
    QList<QByteArray> everyByteaValue()
    {
        pqxx::connection c(fx.databaseUrl().toStdString());
        pqxx::nontransaction w(c);
        QList<QByteArray> out;
        const auto columns =
            w.exec("SELECT table_name, column_name FROM information_schema.columns "
                   "WHERE table_schema = 'public' AND data_type = 'bytea'");
        for (const auto &col : columns) {
            const std::string q = "SELECT \"" + col[1].as<std::string>() + "\" FROM \"" +
                                  col[0].as<std::string>() + "\" WHERE \"" +
                                  col[1].as<std::string>() + "\" IS NOT NULL";
            for (const auto &row : w.exec(q)) {
                const pqxx::binarystring bytes(row[0]);
                out.append(QByteArray(reinterpret_cast<const char *>(bytes.data()),
                                      qsizetype(bytes.size())));
            }
        }
        return out;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(fx.startDatabase(), qPrintable(fx.lastError()));
        QVERIFY2(fx.startServer(), qPrintable(fx.lastError()));
        org = fx.createOrganisation(QStringLiteral("Canal Peers"));
    }

    void erasureReachesTheServerAndTheOtherPhone()
    {
        QString recoveryKey; // set by the first device, typed on the next ones
        auto a = Device::enrol(fx, dir.filePath(QStringLiteral("a.db")), org.id, org.worker1,
                               recoveryKey, QStringLiteral("phone a"));
        QVERIFY(a);
        Participant p;
        p.pseudonym = QStringLiteral("Mosswrenly");
        p = a->store->participants().save(p).value();
        QList<QUuid> ids{p.id};
        for (int i = 0; i < 2; ++i) {
            Encounter e;
            e.participantId = p.id;
            e.occurredAt = QDateTime::currentDateTimeUtc();
            e.durationMinutes = 15;
            e.note = QStringLiteral("zephyrquill visit %1").arg(i);
            ids.append(a->store->encounters().save(e).value().id);
        }
        auto synced = a->sync();
        QVERIFY2(synced.ok(), why(synced).constData());
        // A second version of the participant, so a record has more than one.
        Participant edited = a->store->participants().get(p.id).value();
        edited.pseudonym = QStringLiteral("Mosswrenly B");
        QVERIFY(a->store->participants().save(edited).ok());
        QVERIFY(a->sync().ok());

        auto b = Device::enrol(fx, dir.filePath(QStringLiteral("b.db")), org.id, org.worker1,
                               recoveryKey, QStringLiteral("phone b"));
        QVERIFY(b);
        QVERIFY(b->sync().ok());
        QCOMPARE(b->store->participants().get(p.id)->pseudonym, QStringLiteral("Mosswrenly B"));

        // What the server holds of these records now: four envelopes.
        QList<QByteArray> envelopes;
        {
            pqxx::connection c(fx.databaseUrl().toStdString());
            pqxx::nontransaction w(c);
            for (const auto &row :
                 w.exec("SELECT envelope FROM changes WHERE record_id IN (" + inList(ids) + ")")) {
                const pqxx::binarystring bytes(row[0]);
                envelopes.append(QByteArray(reinterpret_cast<const char *>(bytes.data()),
                                            qsizetype(bytes.size())));
            }
        }
        QCOMPARE(envelopes.size(), 4);

        QCOMPARE(a->store->eraseParticipant(p.id)->size(), 2);
        QVERIFY(a->sync().ok());
        QCOMPARE(*a->store->outbox().count(), 0);

        // The server keeps one tombstone per record and nothing else of them.
        {
            pqxx::connection c(fx.databaseUrl().toStdString());
            pqxx::nontransaction w(c);
            const auto rows = w.exec("SELECT record_id, deleted FROM changes WHERE record_id IN (" +
                                     inList(ids) + ")");
            QCOMPARE(int(rows.size()), 3);
            for (const auto &row : rows)
                QVERIFY(row[1].as<bool>());
            QCOMPARE(w.exec1("SELECT count(*) FROM records WHERE deleted_seq IS NOT NULL AND "
                             "record_id IN (" +
                             inList(ids) + ")")[0]
                         .as<int>(),
                     3);
        }
        // No bytea anywhere in the database holds any earlier envelope, nor a part of one
        // (its last 64 bytes: ciphertext and tag).
        const QList<QByteArray> values = everyByteaValue();
        QVERIFY(!values.isEmpty());
        for (const QByteArray &envelope : std::as_const(envelopes)) {
            const QByteArray tail = envelope.right(64);
            for (const QByteArray &value : values)
                QVERIFY2(!value.contains(tail), "an envelope of an erased record remains");
        }

        // The other phone erases at its next sync.
        QVERIFY(b->sync().ok());
        QCOMPARE(b->store->participants().get(p.id).error().code, ErrorCode::NotFound);
        for (const QUuid &id : ids.mid(1))
            QCOMPARE(b->store->encounters().get(id).error().code, ErrorCode::NotFound);
        QVERIFY(b->store->search(QStringLiteral("zephyrquill"))->isEmpty());
        QVERIFY(b->store->search(QStringLiteral("Mosswrenly"))->isEmpty());

        // A phone enrolled afterwards never sees them.
        auto c = Device::enrol(fx, dir.filePath(QStringLiteral("c.db")), org.id, org.worker1,
                               recoveryKey, QStringLiteral("phone c"));
        QVERIFY(c);
        QVERIFY(c->sync().ok());
        QCOMPARE(c->store->participants().get(p.id).error().code, ErrorCode::NotFound);
        QCOMPARE(*c->store->participants().count(), 0);
    }

    void cleanupTestCase() { fx.stopServer(); }
};

QTEST_GUILESS_MAIN(TestSyncErasure)
#include "tst_sync_erasure.moc"
