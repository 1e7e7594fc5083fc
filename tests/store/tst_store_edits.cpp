// SPDX-License-Identifier: GPL-3.0-or-later
// Putting a record right: an edit is a change of the same record (same id, a newer version,
// only the changed fields sent); a deletion is a tombstone that syncs and leaves an audit
// entry; and only the record's author may do either.

#include "StoreTestSupport.h"

#include <QTest>

using namespace wp;
using namespace wp::test;

namespace {

const QUuid Worker = QUuid::fromString(QStringLiteral("{5a0c3c1e-0000-4000-8000-000000000001}"));
const QUuid Colleague = QUuid::fromString(QStringLiteral("{5a0c3c1e-0000-4000-8000-000000000002}"));

// What the server would deliver from `from`: its unsent changes, signed by `author`; they are
// then acknowledged there, as after a push.
QList<RemoteChange> pushed(Store &from, const QUuid &author)
{
    QList<RemoteChange> out;
    QList<qint64> seqs;
    for (const OutboxEntry &e : from.outbox().pending(1000).value()) {
        RemoteChange c = e.change;
        c.author = author;
        out.append(c);
        seqs.append(e.seq);
    }
    if (!from.outbox().markApplied(seqs))
        qFatal("markApplied failed");
    return out;
}

} // namespace

class TestStoreEdits : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_n = 0;
    std::unique_ptr<Store> m_store;

    std::unique_ptr<Store> openNew()
    {
        ++m_n;
        auto store = Store::open(m_dir.filePath(QStringLiteral("e%1.db").arg(m_n)), testKey(),
                                 Store::Mode::CreateNew);
        if (!store)
            qFatal("open failed");
        return std::move(*store);
    }
    QString version(const QUuid &id)
    {
        sql::Statement st =
            m_store->database().prepare("SELECT updated_hlc FROM records WHERE id = ?");
        st.bindId(1, id);
        if (!st.step().value())
            return {};
        return st.text(0);
    }

private slots:
    void init() { m_store = openNew(); }
    void cleanup() { m_store.reset(); }

    void editingAnEncounterKeepsItsIdAndBumpsItsVersion()
    {
        const Encounter saved =
            m_store->encounters().save(encounter(QStringLiteral("tea"))).value();
        const QString before = version(saved.id);
        QVERIFY(!before.isEmpty());
        QVERIFY(m_store->outbox().markApplied({m_store->outbox().pending(10)->first().seq}).ok());

        Encounter edited = saved;
        edited.occurredAt = saved.occurredAt.addSecs(-3600);
        edited.place = Place::Outreach;
        edited.needs = {Need::PracticalNeeds, Need::Housing};
        edited.note = QStringLiteral("tea and a chat about housing");
        auto written = m_store->encounters().save(edited);
        QVERIFY2(written.ok(), why(written).constData());
        QCOMPARE(written->id, saved.id);
        QCOMPARE(*m_store->encounters().count(), 1);
        const QString after = version(saved.id);
        QVERIFY2(HlcStamp::fromString(before) < HlcStamp::fromString(after),
                 qPrintable(before + u' ' + after));

        const Encounter read = m_store->encounters().get(saved.id).value();
        QCOMPARE(read.place, Place::Outreach);
        QCOMPARE(read.note, QStringLiteral("tea and a chat about housing"));
        QCOMPARE(read.occurredAt, edited.occurredAt);
        QCOMPARE(m_store->search(QStringLiteral("chat"))->size(), 1);

        // It syncs as an update of the same record with the changed fields only, merged per
        // field on the other side.
        const QList<OutboxEntry> pending = m_store->outbox().pending(10).value();
        QCOMPARE(pending.size(), 1);
        QCOMPARE(pending.first().change.recordId, saved.id);
        QVERIFY(!pending.first().change.deleted);
        QStringList fields;
        for (auto it = pending.first().change.fields.begin();
             it != pending.first().change.fields.end(); ++it)
            fields << it.key().toString();
        fields.sort();
        QCOMPARE(fields, (QStringList{QStringLiteral("needs"), QStringLiteral("note"),
                                      QStringLiteral("occurredAt"), QStringLiteral("place")}));
        QCOMPARE(m_store->audit().list({})->items.first().action, QStringLiteral("update"));
    }

    void deletingAnEncounterLeavesATombstoneAndAnAuditEntry()
    {
        const Encounter saved =
            m_store->encounters().save(encounter(QStringLiteral("otters at the river"))).value();
        QVERIFY(m_store->encounters().remove(saved.id).ok());

        QCOMPARE(m_store->encounters().get(saved.id).error().code, ErrorCode::NotFound);
        QCOMPARE(*m_store->encounters().count(), 0);
        QVERIFY(m_store->encounters().recent(10)->isEmpty());
        QVERIFY(m_store->search(QStringLiteral("otters"))->isEmpty());
        QCOMPARE(m_store->encounters().changeableBy(saved.id, {}).error().code,
                 ErrorCode::NotFound);
        // A tombstone: the row stays, deleted, without its content.
        QCOMPARE(m_store->database()
                     .scalar("SELECT count(*) FROM records WHERE deleted = 1 AND "
                             "length(fields) <= 1")
                     .value(),
                 1);
        // The deletion syncs: the unsent creation is replaced by the tombstone.
        const QList<OutboxEntry> pending = m_store->outbox().pending(10).value();
        QCOMPARE(pending.size(), 1);
        QVERIFY(pending.first().change.deleted);
        QCOMPARE(pending.first().change.recordId, saved.id);
        const AuditEntry last = m_store->audit().list({})->items.first();
        QCOMPARE(last.action, QStringLiteral("delete"));
        QCOMPARE(last.recordId, saved.id);
        QCOMPARE(last.type, RecordType::Encounter);
        QVERIFY(m_store->audit().verify()->intact());
        // Deleting twice is a clear error, not a second tombstone.
        QCOMPARE(m_store->encounters().remove(saved.id).error().code, ErrorCode::NotFound);
    }

    void aSecondDeviceReceivesTheEditAndTheDeletion()
    {
        std::unique_ptr<Store> tablet = openNew();
        const Encounter saved =
            m_store->encounters().save(encounter(QStringLiteral("tea"))).value();
        QVERIFY(tablet->applyRemote(pushed(*m_store, Worker), "c1", {}, Worker).ok());
        QCOMPARE(tablet->encounters().get(saved.id)->note, QStringLiteral("tea"));

        Encounter edited = saved;
        edited.note = QStringLiteral("tea, then the housing office");
        QVERIFY(m_store->encounters().save(edited).ok());
        QVERIFY(tablet->applyRemote(pushed(*m_store, Worker), "c2", {}, Worker).ok());
        QCOMPARE(tablet->encounters().get(saved.id)->note,
                 QStringLiteral("tea, then the housing office"));
        QCOMPARE(*tablet->encounters().count(), 1);

        QVERIFY(m_store->encounters().remove(saved.id).ok());
        auto report = tablet->applyRemote(pushed(*m_store, Worker), "c3", {}, Worker);
        QVERIFY(report.ok());
        QCOMPARE(report->applied, 1);
        QCOMPARE(tablet->encounters().get(saved.id).error().code, ErrorCode::NotFound);
        QCOMPARE(*tablet->encounters().count(), 0);
        QVERIFY(tablet->search(QStringLiteral("housing"))->isEmpty());
        QCOMPARE(tablet->audit().list({})->items.first().action, QStringLiteral("merge-delete"));
    }

    void onlyTheAuthorMayChangeARecord()
    {
        // Written here: this device's user's, enrolled or not.
        const Encounter mine =
            m_store->encounters().save(encounter(QStringLiteral("mine"))).value();
        QVERIFY(*m_store->encounters().changeableBy(mine.id, {}));
        QVERIFY(*m_store->encounters().changeableBy(mine.id, Worker));

        // Written by a colleague and pulled here: shown, not changed by this worker.
        std::unique_ptr<Store> colleague = openNew();
        const Encounter theirs =
            colleague->encounters().save(encounter(QStringLiteral("theirs"))).value();
        QVERIFY(m_store->applyRemote(pushed(*colleague, Colleague), "c1", {}, Colleague).ok());
        QVERIFY(m_store->encounters().get(theirs.id).ok());
        QVERIFY(!*m_store->encounters().changeableBy(theirs.id, Worker));
        QVERIFY(!*m_store->encounters().changeableBy(theirs.id, {}));
        QVERIFY(*m_store->encounters().changeableBy(theirs.id, Colleague));
        QVERIFY(!*m_store->changeableBy(theirs.id, Worker));
    }
};

QTEST_GUILESS_MAIN(TestStoreEdits)
#include "tst_store_edits.moc"
