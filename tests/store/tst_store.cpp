// SPDX-License-Identifier: GPL-3.0-or-later
// Repositories, lists, search, outbox and audit of the encrypted store.

#include "Sqlite.h"
#include "StoreTestSupport.h"
#include "WipingAllocator.h"

#include <QCborArray>
#include <QSet>
#include <QTest>

using namespace wp;
using namespace wp::test;

class TestStore : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_n = 0;
    std::unique_ptr<Store> m_store;

    QString path(const QString &name) const { return m_dir.filePath(name); }

private slots:
    void init()
    {
        auto store = Store::open(path(QStringLiteral("s%1.db").arg(++m_n)), testKey(),
                                 Store::Mode::CreateNew);
        QVERIFY2(store.ok(), why(store).constData());
        m_store = std::move(*store);
    }
    void cleanup() { m_store.reset(); }

    void createThenReopenKeepsRecords()
    {
        auto saved = m_store->diary().save(diary(QStringLiteral("First day on outreach")));
        QVERIFY2(saved.ok(), why(saved).constData());
        QCOMPARE(uuidVersion(saved->id), 7);
        QVERIFY(saved->createdAt.isValid());
        const QUuid device = m_store->deviceId();
        m_store.reset();

        auto store = Store::open(path(QStringLiteral("s%1.db").arg(m_n)), testKey(),
                                 Store::Mode::OpenExisting);
        QVERIFY2(store.ok(), why(store).constData());
        QCOMPARE((*store)->deviceId(), device);
        auto loaded = (*store)->diary().get(saved->id);
        QVERIFY(loaded.ok());
        QCOMPARE(*loaded, *saved);
        QVERIFY(!loaded->shared);
        QVERIFY((*store)->integrityCheck().ok());
    }

    void everyRecordTypeRoundTrips()
    {
        Participant p = participant(QStringLiteral("JD"));
        p.consent = {ConsentState::Given, QDate(2026, 3, 1), QStringLiteral("notes and referrals")};
        p.moveToStage(Stage::Partnership, QDate(2026, 3, 2));
        p.goals.append({createUuidV7(),
                        QStringLiteral("Find a room"),
                        GoalStatus::Open,
                        QDate(2026, 3, 2),
                        {},
                        {}});
        auto sp = m_store->participants().save(p);
        QVERIFY2(sp.ok(), why(sp).constData());
        QCOMPARE(*m_store->participants().get(sp->id), *sp);

        Encounter e = encounter(QStringLiteral("Walked to the housing office"));
        e.participantId = sp->id;
        e.stageAfter = Stage::Partnership;
        e.referrals.append({Service::Housing, QStringLiteral("Riverside housing team")});
        auto se = m_store->encounters().save(e);
        QVERIFY2(se.ok(), why(se).constData());
        QCOMPARE(*m_store->encounters().get(se->id), *se);

        SupervisionNote n;
        n.heldOn = QDate(2026, 3, 4);
        n.supervisor = QStringLiteral("Sam");
        n.actionItems.append({createUuidV7(), QStringLiteral("Book first aid refresher"),
                              ActionOwner::Worker, QDate(2026, 4, 1), false});
        auto sn = m_store->supervision().save(n);
        QVERIFY2(sn.ok(), why(sn).constData());
        QCOMPARE(*m_store->supervision().get(sn->id), *sn);

        auto sd = m_store->diary().save(diary(QStringLiteral("Hard day")));
        QVERIFY(sd.ok());
        Comment c;
        c.diaryEntryId = sd->id;
        c.author = QStringLiteral("Sam");
        c.text = QStringLiteral("Thank you for writing this");
        c.writtenAt = QDateTime::currentDateTimeUtc();
        auto sc = m_store->comments().save(c);
        QVERIFY2(sc.ok(), why(sc).constData());
        QCOMPARE(*m_store->comments().get(sc->id), *sc);

        TrainingRecord t;
        t.course = QStringLiteral("Naloxone administration");
        t.completedOn = QDate(2026, 1, 10);
        t.expiresOn = QDate(2027, 1, 10);
        auto st = m_store->training().save(t);
        QVERIFY2(st.ok(), why(st).constData());
        QCOMPARE(*m_store->training().get(st->id), *st);

        auto counts = m_store->countByType();
        QVERIFY(counts.ok());
        QCOMPARE(counts->value(RecordType::DiaryEntry), 1);
        QCOMPARE(counts->value(RecordType::TrainingRecord), 1);
        QCOMPARE(counts->value(RecordType::Participant), 1);
    }

    void getOfAnotherTypeOrUnknownIdIsNotFound()
    {
        auto d = m_store->diary().save(diary(QStringLiteral("x")));
        QVERIFY(d.ok());
        QCOMPARE(m_store->encounters().get(d->id).error().code, ErrorCode::NotFound);
        QCOMPARE(m_store->diary().get(createUuidV7()).error().code, ErrorCode::NotFound);
    }

    void invalidRecordsAreRefusedAndNothingIsWritten()
    {
        DiaryEntry d = diary(QStringLiteral("fine"));
        d.wellbeing = 9;
        auto r = m_store->diary().save(d);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::InvalidInput);
        QCOMPARE(r.error().field, QStringLiteral("wellbeing"));

        DiaryEntry longOne = diary(QString(limits::DiaryText + 1, QLatin1Char('a')));
        auto r2 = m_store->diary().save(longOne);
        QCOMPARE(r2.error().code, ErrorCode::InvalidInput);
        QCOMPARE(r2.error().field, QStringLiteral("text"));

        Encounter e = encounter(QStringLiteral("n"));
        e.durationMinutes = -5;
        QCOMPARE(m_store->encounters().save(e).error().code, ErrorCode::InvalidInput);

        QCOMPARE(*m_store->diary().count(), 0);
        QCOMPARE(*m_store->outbox().count(), 0);
        QCOMPARE(*m_store->audit().count(), 0);
    }

    void updateSendsOnlyChangedFields()
    {
        auto d = m_store->diary().save(diary(QStringLiteral("Draft")));
        QVERIFY(d.ok());
        DiaryEntry edited = *d;
        edited.text = QStringLiteral("Final text");
        edited.wellbeing = 4;
        QVERIFY(m_store->diary().save(edited).ok());
        QVERIFY(m_store->diary().save(edited).ok()); // unchanged: no new entry

        auto pending = m_store->outbox().pending(10);
        QVERIFY(pending.ok());
        QCOMPARE(pending->size(), 2);
        const RecordChange &create = pending->at(0).change;
        const RecordChange &update = pending->at(1).change;
        QCOMPARE(create.recordId, d->id);
        QVERIFY(create.fields.contains(QStringLiteral("writtenAt")));
        QCOMPARE(create.stamps.size(), create.fields.size()); // every field carries its stamp
        QCOMPARE(create.stamps.value(QStringLiteral("writtenAt")), create.stamp);
        QCOMPARE(update.fields.size(), 2);
        QCOMPARE(update.fields.value(QStringLiteral("text")).toString(),
                 QStringLiteral("Final text"));
        QCOMPARE(update.fields.value(QStringLiteral("wellbeing")).toInteger(), 4);
        QVERIFY(update.stamps.value(QStringLiteral("text")) > create.stamp);
        QCOMPARE(update.stamps.value(QStringLiteral("text")).device, m_store->deviceId());
        QVERIFY(pending->at(0).seq < pending->at(1).seq);

        QCOMPARE(m_store->diary().get(d->id)->text, QStringLiteral("Final text"));
        QCOMPARE(*m_store->audit().count(), 2);
        auto entries = m_store->audit().list({});
        QVERIFY(entries.ok());
        QCOMPARE(entries->items.first().action, QStringLiteral("update"));
        QCOMPARE(entries->items.first().fieldNames,
                 (QStringList{QStringLiteral("text"), QStringLiteral("wellbeing")}));
    }

    void outboxIsClearedOnlyForAppliedEntries()
    {
        for (int i = 0; i < 5; ++i)
            QVERIFY(m_store->diary().save(diary(QStringLiteral("entry %1").arg(i))).ok());
        auto pending = m_store->outbox().pending(3);
        QCOMPARE(pending->size(), 3);
        QVERIFY(m_store->outbox().markApplied({pending->at(0).seq, pending->at(1).seq}).ok());
        QCOMPARE(*m_store->outbox().count(), 3);
        auto rest = m_store->outbox().pending(10);
        QCOMPARE(rest->first().seq, pending->at(2).seq);
    }

    void outboxClearsAWholeBatchOfScatteredEntries()
    {
        // A pushed batch comes back with every other entry applied (the rest refused for now):
        // exactly those go, in one call, and sequences the outbox never had change nothing.
        for (int i = 0; i < 1200; ++i)
            QVERIFY(m_store->diary().save(diary(QStringLiteral("entry %1").arg(i))).ok());
        auto pending = m_store->outbox().pending(1200);
        QCOMPARE(pending->size(), 1200);
        QList<qint64> applied, kept;
        for (int i = 0; i < pending->size(); ++i)
            (i % 2 ? kept : applied).append(pending->at(i).seq);
        applied.append(pending->last().seq + 1000);
        QVERIFY(m_store->outbox().markApplied(applied).ok());
        QVERIFY(m_store->outbox().markApplied({}).ok());
        auto rest = m_store->outbox().pending(2000);
        QCOMPARE(rest->size(), kept.size());
        for (int i = 0; i < kept.size(); ++i)
            QCOMPARE(rest->at(i).seq, kept[i]);
    }

    void removeLeavesATombstoneWithoutContent()
    {
        auto d = m_store->diary().save(diary(QStringLiteral("private thoughts about lanterns")));
        QVERIFY(d.ok());
        QCOMPARE(m_store->search(QStringLiteral("lanterns"))->size(), 1);
        const Status removed = m_store->diary().remove(d->id);
        QVERIFY2(removed.ok(), why(removed).constData());

        QCOMPARE(m_store->diary().get(d->id).error().code, ErrorCode::NotFound);
        QCOMPARE(m_store->diary().remove(d->id).error().code, ErrorCode::NotFound);
        QVERIFY(m_store->search(QStringLiteral("lanterns"))->isEmpty());
        QVERIFY(m_store->diary().list()->items.isEmpty());
        QCOMPARE(*m_store->diary().count(), 0);
        // The unsent create is dropped with its content; only the tombstone goes out.
        auto pending = m_store->outbox().pending(10);
        QCOMPARE(pending->size(), 1);
        QVERIFY(pending->first().change.deleted);
        QVERIFY(pending->first().change.fields.isEmpty());
        QCOMPARE(m_store->audit().list({})->items.first().action, QStringLiteral("delete"));
        // Saving the deleted record again is refused, not resurrected.
        QCOMPARE(m_store->diary().save(*d).error().code, ErrorCode::NotFound);
    }

    void listPagesWithoutDuplicatesOrGapsWhileInserting()
    {
        const int total = 3000;
        const QDateTime base = QDateTime::fromMSecsSinceEpoch(1700000000000, Qt::UTC);
        QSet<QUuid> expected;
        for (int i = 0; i < total; ++i) {
            // Every tenth shares a timestamp with its neighbour: ties are broken by id.
            auto e = m_store->encounters().save(
                encounter(QStringLiteral("n%1").arg(i), base.addSecs(i - i % 10 / 9)));
            QVERIFY(e.ok());
            expected.insert(e->id);
        }
        QSet<QUuid> seen;
        PageRequest request{{}, 70};
        qint64 lastTime = std::numeric_limits<qint64>::max();
        int pages = 0;
        for (;;) {
            auto page = m_store->encounters().list(request);
            QVERIFY2(page.ok(), why(page).constData());
            for (const Encounter &e : page->items) {
                QVERIFY2(!seen.contains(e.id), "duplicate across pages");
                seen.insert(e.id);
                QVERIFY(e.occurredAt.toMSecsSinceEpoch() <= lastTime);
                lastTime = e.occurredAt.toMSecsSinceEpoch();
            }
            // New encounters arrive while the user scrolls; they belong at the top.
            QVERIFY(
                m_store->encounters().save(encounter(QStringLiteral("new"), base.addDays(1))).ok());
            ++pages;
            if (page->next.isEmpty())
                break;
            request.after = page->next;
        }
        QCOMPARE(seen, expected);
        QCOMPARE(pages, (total + 69) / 70);
    }

    void badCursorIsAClearError()
    {
        auto page = m_store->diary().list({QByteArray("garbage"), 10});
        QVERIFY(!page.ok());
        QCOMPARE(page.error().code, ErrorCode::InvalidInput);
    }

    void appQueries()
    {
        auto a = m_store->participants().save(participant(QStringLiteral("Alex")));
        Participant bp = participant(QStringLiteral("alba"));
        bp.followUpDue = QDate(2026, 5, 1);
        auto b = m_store->participants().save(bp);
        Participant cp = participant(QStringLiteral("Chris"));
        cp.followUpDue = QDate(2026, 6, 1);
        auto c = m_store->participants().save(cp);
        QVERIFY(a.ok() && b.ok() && c.ok());

        auto due = m_store->participants().followUpDue(QDate(2026, 5, 15));
        QCOMPARE(due->items.size(), 1);
        QCOMPARE(due->items.first().id, b->id);

        auto al = m_store->participants().findByPseudonym(QStringLiteral("AL"));
        QCOMPARE(al->items.size(), 2);
        QCOMPARE(al->items.at(0).pseudonym, QStringLiteral("alba"));
        QCOMPARE(al->items.at(1).pseudonym, QStringLiteral("Alex"));
        QCOMPARE(m_store->participants().findByPseudonym(QStringLiteral("%"))->items.size(), 0);

        const QDateTime t0 = QDateTime::currentDateTimeUtc();
        for (int i = 0; i < 5; ++i) {
            Encounter e = encounter(QStringLiteral("with a %1").arg(i), t0.addSecs(-i * 60));
            e.participantId = a->id;
            QVERIFY(m_store->encounters().save(e).ok());
        }
        QVERIFY(
            m_store->encounters().save(encounter(QStringLiteral("brief"), t0.addSecs(-30))).ok());
        auto mine = m_store->encounters().forParticipant(a->id, {{}, 3});
        QCOMPARE(mine->items.size(), 3);
        QCOMPARE(mine->items.first().note, QStringLiteral("with a 0"));
        auto more = m_store->encounters().forParticipant(a->id, {mine->next, 3});
        QCOMPARE(more->items.size(), 2);
        QVERIFY(more->next.isEmpty());
        auto recent = m_store->encounters().recent(2);
        QCOMPARE(recent->size(), 2);
        QCOMPARE(recent->at(1).note, QStringLiteral("brief"));
        // Last met, for a page of participants at once: the newest live encounter, to the ms.
        auto met = m_store->encounters().lastMet({a->id, b->id});
        QVERIFY(met.ok());
        QCOMPARE(met->size(), 1); // b was never met
        QCOMPARE(met->value(a->id).toMSecsSinceEpoch(), t0.toMSecsSinceEpoch());
        QVERIFY(m_store->encounters().remove(mine->items.first().id).ok());
        QCOMPARE(m_store->encounters().lastMet({a->id})->value(a->id).toMSecsSinceEpoch(),
                 t0.addSecs(-60).toMSecsSinceEpoch());
        QVERIFY(m_store->encounters().lastMet({})->isEmpty());

        DiaryEntry shared = diary(QStringLiteral("shared one"));
        shared.shared = true;
        QVERIFY(m_store->diary().save(shared).ok());
        auto priv = m_store->diary().save(diary(QStringLiteral("private one")));
        QVERIFY(priv.ok());
        QCOMPARE(m_store->diary().listShared(true)->items.size(), 1);
        QCOMPARE(m_store->diary().listShared(true)->items.first().text,
                 QStringLiteral("shared one"));
        QCOMPARE(m_store->diary().listShared(false)->items.first().text,
                 QStringLiteral("private one"));

        SupervisionNote open;
        open.heldOn = QDate(2026, 3, 1);
        open.actionItems.append(
            {createUuidV7(), QStringLiteral("todo"), ActionOwner::Both, {}, false});
        SupervisionNote closed = open;
        closed.actionItems.first().done = true;
        auto so = m_store->supervision().save(open);
        QVERIFY(so.ok());
        QVERIFY(m_store->supervision().save(closed).ok());
        QCOMPARE(m_store->supervision().withOpenActionItems()->items.size(), 1);
        QCOMPARE(m_store->supervision().withOpenActionItems()->items.first().id, so->id);

        Comment comment;
        comment.diaryEntryId = priv->id;
        comment.text = QStringLiteral("noted");
        QVERIFY(m_store->comments().save(comment).ok());
        QCOMPARE(m_store->comments().forDiaryEntry(priv->id)->items.size(), 1);
    }

    void searchFindsTextWithMarkedSnippets()
    {
        QVERIFY(m_store->diary()
                    .save(diary(QStringLiteral("Talked about boundaries with my supervisor today")))
                    .ok());
        QVERIFY(m_store->encounters()
                    .save(encounter(QStringLiteral("Gave naloxone kit at the shelter")))
                    .ok());
        QVERIFY(m_store->participants().save(participant(QStringLiteral("Boundary Bob"))).ok());

        auto hits = m_store->search(QStringLiteral("naloxone"));
        QVERIFY(hits.ok());
        QCOMPARE(hits->size(), 1);
        QCOMPARE(hits->first().type, RecordType::Encounter);
        QVERIFY(hits->first().snippet.contains(QString(SearchHit::MatchStart) +
                                               QStringLiteral("naloxone") + SearchHit::MatchEnd));
        QCOMPARE(hits->first().title, QStringLiteral("Gave naloxone kit at the shelter"));

        // The last word matches as a prefix; case and accents do not matter.
        QCOMPARE(m_store->search(QStringLiteral("BOUNDAR"))->size(), 2);
        QCOMPARE(m_store->search(QStringLiteral("supérvisor boundaries"))->size(), 1);
        QVERIFY(m_store->search(QStringLiteral("   "))->isEmpty());

        auto accented = m_store->search(QStringLiteral("SUPÉRVISOR"));
        QCOMPARE(accented->size(), 1);
        QVERIFY(accented->first().snippet.contains(
            QString(SearchHit::MatchStart) + QStringLiteral("supervisor") + SearchHit::MatchEnd));
        auto prefix = m_store->search(QStringLiteral("bound"));
        QCOMPARE(prefix->size(), 2);
        QCOMPARE(prefix->first().type, RecordType::Participant); // newest first
        QCOMPARE(prefix->first().title, QStringLiteral("Boundary Bob"));
        QVERIFY(prefix->last().snippet.contains(QString(SearchHit::MatchStart) +
                                                QStringLiteral("boundaries")));
        // One or two letters do not match as a prefix (too many words would).
        QVERIFY(m_store->search(QStringLiteral("bo"))->isEmpty());
    }

    void searchFindsAnEncounterByItsPlace()
    {
        Encounter e = encounter(QStringLiteral("Talked about the weekend"));
        e.place = Place::Hospital;
        QVERIFY(m_store->encounters().save(e).ok());
        auto hits = m_store->search(QStringLiteral("hospital"));
        QVERIFY(hits.ok());
        QCOMPARE(hits->size(), 1);
        QCOMPARE(hits->first().type, RecordType::Encounter);
        QCOMPARE(hits->first().title, QStringLiteral("Talked about the weekend"));
    }

    void wholeWordsComeBeforePrefixMatches()
    {
        QVERIFY(m_store->diary().save(diary(QStringLiteral("a heronry by the river"))).ok());
        for (int i = 0; i < 3; ++i)
            QVERIFY(m_store->diary().save(diary(QStringLiteral("a heron, number %1").arg(i))).ok());
        QCOMPARE(m_store->search(QStringLiteral("heron"))->size(),
                 4); // fewer than 50: prefixes too
        auto two = m_store->search(QStringLiteral("heron"), 2);
        QCOMPARE(two->size(), 2);
        for (const SearchHit &hit : *two)
            QVERIFY(hit.snippet.contains(QString(SearchHit::MatchStart) + QStringLiteral("heron") +
                                         SearchHit::MatchEnd));
        QCOMPARE(two->first().title, QStringLiteral("a heron, number 2")); // newest first
    }

    void longTextSnippetIsCutAroundTheMatch()
    {
        const QString filler = QStringLiteral("word ").repeated(200);
        QVERIFY(
            m_store->diary().save(diary(filler + QStringLiteral("the heron flew ") + filler)).ok());
        auto hits = m_store->search(QStringLiteral("heron"));
        QCOMPARE(hits->size(), 1);
        const QString snippet = hits->first().snippet;
        QVERIFY(snippet.startsWith(QChar(0x2026)));
        QVERIFY(snippet.endsWith(QChar(0x2026)));
        QVERIFY(snippet.size() < 120);
        QVERIFY(snippet.contains(QString(SearchHit::MatchStart) + QStringLiteral("heron") +
                                 SearchHit::MatchEnd));
    }

    void memorySecurityIsOnByDefault()
    {
        // Freed SQLite memory is wiped by the store's allocator (installed by the first open,
        // before SQLite initialised), so SQLCipher's per-allocation mlock is not stacked on it.
        QVERIFY(sql::memoryWipeActive());
        sql::Statement st = m_store->database().prepare("PRAGMA cipher_memory_security");
        QVERIFY(*st.step());
        QCOMPARE(st.int64(0), 0);
    }

    void searchTreatsAnyInputAsText()
    {
        QVERIFY(
            m_store->diary().save(diary(QStringLiteral("He said \"no\" AND left; OR not?"))).ok());
        const QStringList hostile{QStringLiteral("\""),
                                  QStringLiteral("\"\"\""),
                                  QStringLiteral("AND"),
                                  QStringLiteral("OR NOT"),
                                  QStringLiteral("NEAR(a b"),
                                  QStringLiteral("title:x"),
                                  QStringLiteral("*"),
                                  QStringLiteral("-x"),
                                  QStringLiteral("^a"),
                                  QStringLiteral("a) OR (b"),
                                  QStringLiteral("'; DROP TABLE records; --"),
                                  QStringLiteral("{body}: x"),
                                  QString(2000, QLatin1Char('x')),
                                  QStringLiteral("\u0000\u0002")};
        for (const QString &q : hostile) {
            auto hits = m_store->search(q);
            QVERIFY2(hits.ok(), qPrintable(q.left(20)));
        }
        QCOMPARE(m_store->search(QStringLiteral("\"no\" AND"))->size(), 1);
        QCOMPARE(*m_store->diary().count(), 1);
    }

    void auditChainVerifiesAndReportsTheFirstBrokenLink()
    {
        for (int i = 0; i < 6; ++i)
            QVERIFY(m_store->diary().save(diary(QStringLiteral("secret entry %1").arg(i))).ok());
        auto ok = m_store->audit().verify();
        QVERIFY(ok.ok());
        QVERIFY(ok->intact());
        QCOMPARE(ok->entries, 6);

        // The audit holds no content.
        sql::Statement st = m_store->database().prepare(
            "SELECT count(*) FROM audit WHERE field_names LIKE '%secret%'");
        QVERIFY(*st.step());
        QCOMPARE(st.int64(0), 0);

        QVERIFY(
            m_store->database().exec("UPDATE audit SET field_names = 'text' WHERE seq = 4").ok());
        QCOMPARE(m_store->audit().verify()->firstBrokenSeq, 4);
    }

    // Entries already stored were hashed over QCborArray's encoding of the canonical entry:
    // the bytes must stay exactly those, or every existing chain would read as broken.
    void auditCanonicalBytesKeepTheirEncoding()
    {
        const auto reference = [](qint64 seq, qint64 at, const QString &action, const QUuid &id,
                                  const QString &type, const QStringList &names) {
            QCborArray list;
            for (const QString &n : names)
                list.append(n);
            return QCborArray{seq,  at,  action, id.isNull() ? QByteArray() : id.toRfc4122(),
                              type, list}
                .toCborValue()
                .toCbor();
        };
        const QUuid id =
            QUuid::fromString(QStringLiteral("{0190f0e2-7c1a-7b3e-9d4f-1a2b3c4d5e6f}"));
        const QList<QStringList> names{{},
                                       {QStringLiteral("text")},
                                       {QStringLiteral("createdAt"), QStringLiteral("howIFelt"),
                                        QStringLiteral("text"), QStringLiteral("wellbeing")}};
        for (const qint64 seq :
             {qint64(1), qint64(23), qint64(24), qint64(255), qint64(70000), qint64(1) << 40}) {
            for (const QStringList &n : names) {
                for (const QUuid &recordId : {id, QUuid()}) {
                    const QByteArray mine = AuditChain::canonicalBytes(
                        seq, 1764000000000 + seq, QStringLiteral("merge"), recordId,
                        QStringLiteral("diary"), n);
                    QCOMPARE(mine, reference(seq, 1764000000000 + seq, QStringLiteral("merge"),
                                             recordId, QStringLiteral("diary"), n));
                }
            }
        }
        QCOMPARE(AuditChain::canonicalBytes(-5, 0, QStringLiteral("d\u00e9l\u00e9tion \u2713"), id,
                                            QString(), {QStringLiteral("\u00e9t\u00e9")}),
                 reference(-5, 0, QStringLiteral("d\u00e9l\u00e9tion \u2713"), id, QString(),
                           {QStringLiteral("\u00e9t\u00e9")}));
        // Pinned: the encoding of one entry, byte for byte.
        QCOMPARE(AuditChain::canonicalBytes(7, 1000, QStringLiteral("create"), id,
                                            QStringLiteral("diary"), {QStringLiteral("text")})
                     .toHex(),
                 QByteArray("86071903e866637265617465500190f0e27c1a7b3e9d4f1a2b3c4d5e6f656469617279"
                            "816474657874"));
    }

    void auditDetectsRemovedEntries()
    {
        for (int i = 0; i < 5; ++i)
            QVERIFY(m_store->diary().save(diary(QStringLiteral("e%1").arg(i))).ok());
        QVERIFY(m_store->database().exec("DELETE FROM audit WHERE seq = 5").ok());
        QCOMPARE(m_store->audit().verify()->firstBrokenSeq, 5);
        QVERIFY(m_store->database().exec("DELETE FROM audit WHERE seq = 2").ok());
        QCOMPARE(m_store->audit().verify()->firstBrokenSeq, 2);
    }

    void batchCommitsAllOrNothing()
    {
        {
            auto batch = m_store->batch();
            QVERIFY(batch.ok());
            for (int i = 0; i < 50; ++i)
                QVERIFY(m_store->diary().save(diary(QStringLiteral("dropped %1").arg(i))).ok());
        } // not committed
        QCOMPARE(*m_store->diary().count(), 0);
        QCOMPARE(*m_store->outbox().count(), 0);

        auto batch = m_store->batch();
        QVERIFY(batch.ok());
        for (int i = 0; i < 50; ++i)
            QVERIFY(m_store->diary().save(diary(QStringLiteral("kept %1").arg(i))).ok());
        QVERIFY(batch->commit().ok());
        QCOMPARE(*m_store->diary().count(), 50);
        QCOMPARE(*m_store->outbox().count(), 50);
        QVERIFY(m_store->audit().verify()->intact());
    }

    void clockStaysAheadAcrossReopen()
    {
        auto d = m_store->diary().save(diary(QStringLiteral("x")));
        const HlcStamp last = m_store->clock().last();
        m_store.reset();
        auto store = Store::open(path(QStringLiteral("s%1.db").arg(m_n)), testKey(),
                                 Store::Mode::OpenExisting);
        QVERIFY(store.ok());
        QCOMPARE((*store)->clock().last().physicalMs, last.physicalMs);
        QVERIFY((*store)->clock().now() > last);
    }
};

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"
