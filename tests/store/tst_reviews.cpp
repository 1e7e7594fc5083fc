// SPDX-License-Identifier: GPL-3.0-or-later
// Reviews: the supervisor's queue of shared entries (unreviewed first, then newest first,
// by worker and theme, paged), one review mark per entry, comments, the worker's
// acknowledgement and the comments still to acknowledge, over a real SQCipher store with the
// worker's records stored as a pull stores them.

#include "PulledRecords.h"
#include "Reviews.h"
#include "StoreTestSupport.h"

#include <QTest>

using namespace wp;
using namespace wp::test;

namespace {

const QUuid Alex = QUuid::fromString(QStringLiteral("{0193a000-0000-7000-8000-00000000a1e1}"));
const QUuid Sam = QUuid::fromString(QStringLiteral("{0193a000-0000-7000-8000-0000000005a5}"));
const QUuid Jo = QUuid::fromString(QStringLiteral("{0193a000-0000-7000-8000-00000000000f}"));

QDateTime day(int d)
{
    return QDateTime(QDate(2026, 12, d), QTime(10, 0), Qt::UTC);
}

QStringList texts(const QList<SharedEntry> &entries)
{
    QStringList out;
    for (const SharedEntry &e : entries)
        out << e.entry.text;
    return out;
}

} // namespace

class TestReviews : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_n = 0;
    std::unique_ptr<Store> m_store;

    std::unique_ptr<Store> open()
    {
        auto store = Store::open(m_dir.filePath(QStringLiteral("r%1.db").arg(++m_n)), testKey(),
                                 Store::Mode::CreateNew);
        return store ? std::move(*store) : nullptr;
    }

private slots:
    void init()
    {
        m_store = open();
        QVERIFY(m_store);
    }

    void queueListsOthersEntriesUnreviewedFirstThenNewest()
    {
        Store &s = *m_store;
        QVERIFY(s.diary().save(diary(QStringLiteral("my own"), day(6))));
        const QUuid older = pullSharedEntry(s, Sam, Alex, QStringLiteral("older"), day(1));
        QVERIFY(!pullSharedEntry(s, Sam, Alex, QStringLiteral("newer"), day(3)).isNull());
        QVERIFY(!pullSharedEntry(s, Jo, Alex, QStringLiteral("newest"), day(5)).isNull());
        Reviews reviews(s, Alex);

        auto before = reviews.queue();
        QVERIFY2(before, why(before).constData());
        QCOMPARE(texts(before->items),
                 (QStringList{QStringLiteral("newest"), QStringLiteral("newer"),
                              QStringLiteral("older")}));
        QVERIFY(!before->items.at(0).reviewedAt.isValid());
        QCOMPARE(before->items.at(1).author, Sam);

        auto mark = reviews.markReviewed(before->items.at(0).entry.id);
        QVERIFY2(mark, why(mark).constData());
        auto again = reviews.markReviewed(before->items.at(0).entry.id);
        QVERIFY(again);
        QCOMPARE(again->id, mark->id); // one mark per entry and supervisor

        auto after = reviews.queue();
        QVERIFY(after);
        QCOMPARE(texts(after->items), (QStringList{QStringLiteral("newer"), QStringLiteral("older"),
                                                   QStringLiteral("newest")}));
        QVERIFY(after->items.at(2).reviewedAt.isValid());

        auto fromSam = reviews.queue({Sam, std::nullopt});
        QVERIFY(fromSam);
        QCOMPARE(texts(fromSam->items),
                 (QStringList{QStringLiteral("newer"), QStringLiteral("older")}));
        QCOMPARE(fromSam->items.at(1).entry.id, older);

        // The mark withdrawn (a tombstone): the entry is new again.
        QVERIFY(s.comments().remove(mark->id));
        auto withdrawn = reviews.queue();
        QVERIFY(withdrawn);
        QCOMPARE(texts(withdrawn->items).first(), QStringLiteral("newest"));
        QVERIFY(!withdrawn->items.first().reviewedAt.isValid());
    }

    void queueFiltersByThemeAndPages()
    {
        Store &s = *m_store;
        for (int i = 1; i <= 20; ++i)
            QVERIFY(!pullSharedEntry(s, Sam, Alex, QStringLiteral("e%1").arg(i), day(i),
                                     i % 4 == 0 ? QList<DiaryTheme>{DiaryTheme::Boundaries}
                                                : QList<DiaryTheme>{})
                         .isNull());
        Reviews reviews(s, Alex);
        QVERIFY(reviews.markReviewed(s.diary().list()->items.at(0).id)); // e20
        PageRequest request;
        request.limit = 7;
        QStringList seen;
        int pages = 0;
        for (;;) {
            auto page = reviews.queue({}, request);
            QVERIFY2(page, why(page).constData());
            seen += texts(page->items);
            ++pages;
            if (page->next.isEmpty())
                break;
            request.after = page->next;
        }
        QCOMPARE(pages, 3);
        QCOMPARE(seen.size(), 20);
        QCOMPARE(seen.first(), QStringLiteral("e19"));
        QCOMPARE(seen.at(18), QStringLiteral("e1"));
        QCOMPARE(seen.last(), QStringLiteral("e20")); // reviewed: last

        auto boundaries = reviews.queue({QUuid(), DiaryTheme::Boundaries});
        QVERIFY(boundaries);
        QCOMPARE(texts(boundaries->items),
                 (QStringList{QStringLiteral("e16"), QStringLiteral("e12"), QStringLiteral("e8"),
                              QStringLiteral("e4"), QStringLiteral("e20")}));
    }

    void ownEntryCannotBeReviewedOrCommented()
    {
        auto own = m_store->diary().save(diary(QStringLiteral("mine"), day(2)));
        QVERIFY(own);
        Reviews reviews(*m_store, Alex);
        QCOMPARE(reviews.markReviewed(own->id).error().code, ErrorCode::InvalidInput);
        QCOMPARE(reviews.addComment(own->id, QStringLiteral("hi")).error().code,
                 ErrorCode::InvalidInput);
        QCOMPARE(reviews.markReviewed(createUuidV7()).error().code, ErrorCode::NotFound);
    }

    void commentsAreCountedAndListedWithTheirAcknowledgement()
    {
        Store &s = *m_store;
        const QUuid entry = pullSharedEntry(s, Sam, Alex, QStringLiteral("shared"), day(3));
        Reviews alex(s, Alex);
        QVERIFY(alex.markReviewed(entry));
        auto comment = alex.addComment(entry, QStringLiteral("  Well handled.  "));
        QVERIFY2(comment, why(comment).constData());
        QCOMPARE(comment->text, QStringLiteral("Well handled."));
        QCOMPARE(alex.addComment(entry, QStringLiteral("   ")).error().code,
                 ErrorCode::InvalidInput);

        auto row = alex.shared(entry);
        QVERIFY(row);
        QCOMPARE(row->comments, 1);
        QVERIFY(row->reviewedAt.isValid());
        QCOMPARE(alex.queue()->items.at(0).comments, 1);

        // Sam's acknowledgement arrives by pull.
        Comment ack;
        ack.id = createUuidV7();
        ack.diaryEntryId = entry;
        ack.acknowledges = comment->id;
        ack.acknowledgedAt = day(4);
        ack.writtenAt = day(4);
        ack.createdAt = day(4);
        QVERIFY(pullAs(s, ack, Sam, Alex));
        auto notes = alex.notesOn(entry);
        QVERIFY(notes);
        QCOMPARE(notes->size(), 2); // the mark and the comment; not the acknowledgement
        bool seen = false;
        for (const ReviewNote &n : std::as_const(*notes))
            if (n.comment.id == comment->id) {
                seen = true;
                QCOMPARE(n.acknowledgedAt, day(4));
                QCOMPARE(n.author, Alex);
            }
        QVERIFY(seen);
    }

    void workerAcknowledgesCommentsOnTheirEntries()
    {
        Store &s = *m_store; // Sam's device
        auto own = s.diary().save(diary(QStringLiteral("my shift"), day(3)));
        QVERIFY(own);
        Comment mark;
        mark.id = createUuidV7();
        mark.diaryEntryId = own->id;
        mark.writtenAt = day(3);
        mark.createdAt = day(3);
        QVERIFY(pullAs(s, mark, Alex, Sam));
        Comment said;
        said.id = createUuidV7();
        said.diaryEntryId = own->id;
        said.text = QStringLiteral("Talk on Friday?");
        said.writtenAt = day(4);
        said.createdAt = day(4);
        QVERIFY(pullAs(s, said, Alex, Sam));

        Reviews sam(s, Sam);
        auto open = sam.unacknowledged();
        QVERIFY2(open, why(open).constData());
        QCOMPARE(open->size(), 1);
        QCOMPARE(open->at(0).comment.id, said.id);
        QCOMPARE(open->at(0).author, Alex);

        QCOMPARE(sam.acknowledge(mark.id).error().code, ErrorCode::InvalidInput);
        auto ack = sam.acknowledge(said.id);
        QVERIFY2(ack, why(ack).constData());
        QCOMPARE(sam.acknowledge(said.id)->id, ack->id); // once
        QVERIFY(sam.unacknowledged()->isEmpty());
        auto notes = sam.notesOn(own->id);
        QVERIFY(notes);
        QCOMPARE(notes->size(), 2);
        for (const ReviewNote &n : std::as_const(*notes))
            if (!n.comment.isReviewMark())
                QVERIFY(n.acknowledgedAt.isValid());
        // Sam's own entries are not in a queue of Sam's.
        QVERIFY(sam.queue()->items.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestReviews)
#include "tst_reviews.moc"
