// SPDX-License-Identifier: GPL-3.0-or-later
#include "ReviewDemo.h"

#include "Reviews.h"
#include "Store.h"
#include "SyncIdentity.h"
#include "Uuid.h"
#include "crypto/UserKeys.h"

namespace wp::client {

namespace {

const QUuid Alex = QUuid::fromString(QStringLiteral("{0193a000-0000-7000-8000-0000000a1e11}"));
const QUuid Sam = QUuid::fromString(QStringLiteral("{0193a000-0000-7000-8000-00000000005a}"));
const QUuid Jo = QUuid::fromString(QStringLiteral("{0193a000-0000-7000-8000-0000000000f0}"));

// Enrolled with a server that is not there: enough for the device to know who it is for.
Result<sync::SyncIdentity> identity(Store &store, const QString &role)
{
    auto existing = sync::SyncIdentity::load(store);
    if (existing)
        return existing;
    sync::SyncIdentity id;
    id.credentials.serverUrl = QStringLiteral("http://127.0.0.1:9");
    id.credentials.organisationId = createUuidV7();
    id.credentials.userId = createUuidV7();
    id.credentials.deviceId = createUuidV7();
    id.credentials.role = role;
    id.credentials.token = SecretBytes::random(32);
    id.keys = crypto::UserKeys::generate();
    id.privateAudience = createUuidV7();
    id.userName = QStringLiteral("Robin");
    id.organisationName = QStringLiteral("Harbour Outreach");
    return id;
}

template <class R>
Status pulled(Store &store, const R &record, const QUuid &author, const QUuid &me)
{
    RemoteChange change;
    change.recordId = record.id;
    change.type = R::Type;
    change.fields = record.toFields();
    change.stamp = {QDateTime::currentMSecsSinceEpoch(), 0, createUuidV7()};
    for (auto it = change.fields.constBegin(); it != change.fields.constEnd(); ++it)
        change.stamps.insert(it.key().toString(), change.stamp);
    change.author = author;
    Result<MergeReport> merged = store.applyRemote({change}, store.syncCursor(), {}, me);
    return merged ? Status() : Status(merged.error());
}

QDateTime daysAgo(int days, int hour)
{
    return QDateTime(QDate::currentDate().addDays(-days), QTime(hour, 10));
}

} // namespace

Result<QUuid> addWorkerReviewDemo(Store &store)
{
    Result<sync::SyncIdentity> id = identity(store, QStringLiteral("worker"));
    if (!id)
        return id.error();
    id->supervisors = {{Alex, QStringLiteral("Alex")}};
    id->supervisorsLearnt = true;
    if (Status s = id->save(store); !s)
        return s.error();
    const QUuid me = id->credentials.userId;

    DiaryEntry entry;
    entry.writtenAt = daysAgo(4, 19);
    entry.text = QStringLiteral("Hard shift at the drop-in: Kim was turned away from the hostel "
                                "again and I took it home with me.");
    entry.prompts.howIFelt = QStringLiteral("Angry at the system, then tired.");
    entry.themes = {DiaryTheme::Boundaries};
    entry.stress = 4;
    entry.shared = true;
    Result<DiaryEntry> saved = store.diary().save(entry);
    if (!saved)
        return saved.error();
    Comment mark;
    mark.id = createUuidV7();
    mark.diaryEntryId = saved->id;
    mark.writtenAt = daysAgo(3, 9);
    mark.createdAt = mark.writtenAt;
    if (Status s = pulled(store, mark, Alex, me); !s)
        return s.error();
    Comment comment;
    comment.id = createUuidV7();
    comment.diaryEntryId = saved->id;
    comment.text = QStringLiteral("Thank you for writing this down. Taking it home is a sign you "
                                  "care; let us look at what helps you switch off on Friday.");
    comment.writtenAt = daysAgo(3, 9).addSecs(300);
    comment.createdAt = comment.writtenAt;
    if (Status s = pulled(store, comment, Alex, me); !s)
        return s.error();
    return saved->id;
}

Result<QUuid> addSupervisorReviewDemo(Store &store)
{
    Result<sync::SyncIdentity> id = identity(store, QStringLiteral("supervisor"));
    if (!id)
        return id.error();
    id->credentials.role = QStringLiteral("supervisor");
    id->workers = {{Sam, QStringLiteral("Sam")}, {Jo, QStringLiteral("Jo")}};
    if (Status s = id->save(store); !s)
        return s.error();
    const QUuid me = id->credentials.userId;

    struct Shared
    {
        QUuid author;
        int days;
        const char *text;
        QList<DiaryTheme> themes;
    };
    const Shared entries[] = {
        {Sam,
         0,
         "Outreach round by the station. Two new people, one asked about detox.",
         {DiaryTheme::Wins}},
        {Jo,
         1,
         "A participant shouted at me in the queue. I stayed calm but shook afterwards.",
         {DiaryTheme::Boundaries, DiaryTheme::Stigma}},
        {Sam,
         2,
         "Court with Lee: adjourned again. I don't know how to keep their hope up.",
         {DiaryTheme::SystemicObstacles}},
        {Jo, 5, "First week back after leave; the caseload feels heavy.", {DiaryTheme::SelfCare}},
        {Sam,
         6,
         "Good team meeting, we shared the naloxone training.",
         {DiaryTheme::ProfessionalRelationships}},
    };
    Reviews reviews(store, me);
    QUuid threaded;
    int i = 0;
    for (const Shared &s : entries) {
        DiaryEntry e;
        e.id = createUuidV7();
        e.writtenAt = daysAgo(s.days, 18);
        e.createdAt = e.writtenAt;
        e.text = QString::fromUtf8(s.text);
        e.themes = s.themes;
        e.shared = true;
        if (Status st = pulled(store, e, s.author, me); !st)
            return st.error();
        if (i == 2)
            threaded = e.id;
        if (i >= 2) {
            if (Result<Comment> m = reviews.markReviewed(e.id); !m)
                return m.error();
        }
        ++i;
    }
    Result<Comment> comment = reviews.addComment(
        threaded, QStringLiteral("Adjournments wear everyone down. Hope can be small: what did "
                                 "Lee say went well this week?"));
    if (!comment)
        return comment.error();
    Comment ack;
    ack.id = createUuidV7();
    ack.diaryEntryId = threaded;
    ack.acknowledges = comment->id;
    ack.acknowledgedAt = QDateTime::currentDateTimeUtc().addDays(-1);
    ack.writtenAt = ack.acknowledgedAt;
    ack.createdAt = ack.acknowledgedAt;
    if (Status s = pulled(store, ack, Sam, me); !s)
        return s.error();
    return threaded;
}

} // namespace wp::client
