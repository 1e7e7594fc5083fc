// SPDX-License-Identifier: GPL-3.0-or-later
// "To discuss" at the next supervision: the worker's entries raised by their supervisor (a
// pulled comment) or by themselves, each listed once, gone once a supervision note held on or
// after the day of the raise is saved, or once the raise is taken back.

#include "StoreTestSupport.h"
#include "SupervisionAgenda.h"

#include <QTest>

using namespace wp;
using namespace wp::test;

namespace {
const QUuid Me = QUuid::fromString(QStringLiteral("{5a0c3c1e-0000-4000-8000-0000000000a1}"));
const QUuid Supervisor =
    QUuid::fromString(QStringLiteral("{5a0c3c1e-0000-4000-8000-0000000000b2}"));
const QUuid Colleague = QUuid::fromString(QStringLiteral("{5a0c3c1e-0000-4000-8000-0000000000c3}"));
} // namespace

class TestSupervisionAgenda : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_n = 0;
    std::unique_ptr<Store> m_store;

    // A record another user wrote, as a pull merges it.
    template <class R> void pulled(R record, const QUuid &author)
    {
        RemoteChange change;
        change.recordId = record.id;
        change.type = R::Type;
        change.fields = record.toFields();
        change.stamp = {QDateTime::currentMSecsSinceEpoch(), 0, QUuid::createUuid()};
        for (auto it = change.fields.begin(); it != change.fields.end(); ++it)
            change.stamps.insert(it.key().toString(), change.stamp);
        change.author = author;
        auto merged = m_store->applyRemote({change}, m_store->syncCursor(), {}, Me);
        QVERIFY2(merged, why(merged));
        QVERIFY(merged->applied >= 1);
    }
    Comment raiseBy(const QUuid &entry, const QDateTime &at)
    {
        Comment c;
        c.id = QUuid::createUuid();
        c.diaryEntryId = entry;
        c.raise = true;
        c.raisedAt = at;
        c.writtenAt = at;
        return c;
    }
    QUuid myEntry(const QString &text)
    {
        auto saved = m_store->diary().save(diary(text));
        if (!saved)
            qFatal("save failed");
        return saved->id;
    }
    void noteHeldOn(const QDate &day, QUuid *id = nullptr)
    {
        SupervisionNote n;
        n.heldOn = day;
        auto saved = m_store->supervision().save(n);
        QVERIFY2(saved, why(saved));
        if (id)
            *id = saved->id;
    }
    QList<QUuid> agenda(const QUuid &exceptNote = {})
    {
        auto raised = SupervisionAgenda(*m_store, Me).toDiscuss(exceptNote);
        if (!raised)
            qFatal("toDiscuss failed");
        QList<QUuid> ids;
        for (const RaisedEntry &r : *raised)
            ids.append(r.entry.id);
        return ids;
    }

private Q_SLOTS:
    void init()
    {
        auto store = Store::open(m_dir.filePath(QStringLiteral("a%1.db").arg(++m_n)), testKey(),
                                 Store::Mode::CreateNew);
        QVERIFY2(store, why(store));
        m_store = std::move(*store);
    }
    void cleanup() { m_store.reset(); }

    void aSupervisorsRaiseListsTheEntryUntilTheNextNote()
    {
        const QUuid entry = myEntry(QStringLiteral("a hard visit"));
        const QDateTime yesterday = QDateTime::currentDateTime().addDays(-1);
        pulled(raiseBy(entry, yesterday), Supervisor);
        auto raised = SupervisionAgenda(*m_store, Me).toDiscuss();
        QVERIFY(raised);
        QCOMPARE(raised->size(), 1);
        QCOMPARE(raised->at(0).entry.text, QStringLiteral("a hard visit"));
        QCOMPARE(raised->at(0).raisedBy, QList<QUuid>{Supervisor});

        // A note held before the raise does not discuss it.
        noteHeldOn(yesterday.date().addDays(-7));
        QCOMPARE(agenda(), QList<QUuid>{entry});
        // The next supervision: held today.
        QUuid note;
        noteHeldOn(QDate::currentDate(), &note);
        QVERIFY(agenda().isEmpty());
        // That note's own screen still lists what it discussed.
        QCOMPARE(agenda(note), QList<QUuid>{entry});
    }

    // Raised after this morning's note was saved: for the next one.
    void aRaiseAfterTodaysNoteWaitsForTheNext()
    {
        noteHeldOn(QDate::currentDate());
        const QUuid entry = myEntry(QStringLiteral("after supervision"));
        QTest::qWait(5);
        pulled(raiseBy(entry, QDateTime::currentDateTimeUtc()), Supervisor);
        QCOMPARE(agenda(), QList<QUuid>{entry});
    }

    void theWorkerRaisesTheirOwnEntryOnceAndTakesItBack()
    {
        const QUuid entry = myEntry(QStringLiteral("boundaries"));
        SupervisionAgenda agendaOf(*m_store, Me);
        auto first = agendaOf.setRaised(entry, true);
        QVERIFY2(first, why(first));
        auto again = agendaOf.setRaised(entry, true);
        QVERIFY(again);
        QCOMPARE(again->id, first->id); // one raise per entry and author
        QCOMPARE(*m_store->comments().count(), qint64(1));
        auto raised = agendaOf.toDiscuss();
        QVERIFY(raised);
        QCOMPARE(raised->size(), 1);
        QCOMPARE(raised->at(0).raisedBy, QList<QUuid>{Me});

        // A supervisor raises it too: still one row, both named.
        pulled(raiseBy(entry, QDateTime::currentDateTime()), Supervisor);
        raised = agendaOf.toDiscuss();
        QCOMPARE(raised->size(), 1);
        QCOMPARE(raised->at(0).raisedBy.size(), 2);

        auto back = agendaOf.setRaised(entry, false);
        QVERIFY(back);
        QCOMPARE(back->id, first->id);
        QVERIFY(!back->raise);
        QVERIFY(back->isRaise() && !back->isReviewMark());
        QCOMPARE(agendaOf.toDiscuss()->at(0).raisedBy, QList<QUuid>{Supervisor});
    }

    void nothingToTakeBackIsNotFound()
    {
        const QUuid entry = myEntry(QStringLiteral("quiet day"));
        auto back = SupervisionAgenda(*m_store, Me).setRaised(entry, false);
        QVERIFY(!back);
        QCOMPARE(back.error().code, ErrorCode::NotFound);
        QCOMPARE(*m_store->comments().count(), qint64(0));
    }

    // On a supervisor's device a raise of a worker's entry is on the worker's agenda, not
    // the supervisor's.
    void anotherUsersEntryIsNotOnMyAgenda()
    {
        DiaryEntry theirs = diary(QStringLiteral("shared with me"));
        theirs.id = QUuid::createUuid();
        theirs.shared = true;
        pulled(theirs, Colleague);
        QVERIFY(SupervisionAgenda(*m_store, Me).setRaised(theirs.id, true));
        QVERIFY(agenda().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSupervisionAgenda)
#include "tst_supervision_agenda.moc"
