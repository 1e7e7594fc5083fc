// SPDX-License-Identifier: GPL-3.0-or-later
// A supervisor's review marks and comments on a worker's shared entry, and the worker's
// acknowledgement, end to end: the real waypointctl binary, real encrypted stores, the real
// waypoint-server and PostgreSQL (docs/protocol.md, "Review marks, comments and
// acknowledgements"). Alex supervises Sam and Jo; Robin supervises Jo. What Alex says about
// Sam's entry reaches Sam alone, Sam's acknowledgement reaches Alex alone, and one that Jo
// forges is set aside on Alex's device.

#include "CtlProcess.h"
#include "DeviceStore.h"
#include "LocalServer.h"
#include "QtKeychainKeyStore.h"
#include "Records.h"
#include "Store.h"
#include "Uuid.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace wp;

namespace {

const QString Pin = QStringLiteral("582047");

using Run = test::CtlRun;

QStringList words(const char *text)
{
    return QString::fromUtf8(text).split(u' ');
}

} // namespace

class TestCtlReview : public QObject
{
    Q_OBJECT

    LocalServer fx;
    LocalServer::Org org;
    QUuid robin; // a second supervisor, of Jo only
    QTemporaryDir tmp;
    // The devices of the first test, kept for the later ones (a user's second device would
    // need their recovery key).
    QString samDir, joDir, alexDir, robinsDir;

    Run ctl(const QString &dataDir, const QStringList &args)
    {
        return test::runCtl(dataDir, args, Pin);
    }

    QString device(const QString &name, const QUuid &user)
    {
        const QString dir = tmp.filePath(name);
        if (ctl(dir, {QStringLiteral("init")}).exitCode != 0)
            return {};
        const Run run =
            ctl(dir, {QStringLiteral("enroll"), QStringLiteral("--server"), fx.baseUrl(),
                      QStringLiteral("--code"), fx.issueCode(org.id, user),
                      QStringLiteral("--device-name"), name});
        if (run.exitCode != 0) {
            qWarning("enroll: %s", qPrintable(run.err));
            return {};
        }
        return dir;
    }

    Run sync(const QString &dir)
    {
        return ctl(dir, {QStringLiteral("sync"), QStringLiteral("--json")});
    }

    QList<QJsonObject> listed(const QString &dir, const char *command)
    {
        const Run r = ctl(dir, words(command) << QStringLiteral("--json"));
        if (r.exitCode != 0)
            qWarning("%s: %s", command, qPrintable(r.err));
        return r.exitCode == 0 ? r.lines() : QList<QJsonObject>{};
    }

    QString written(const QString &dir, const QStringList &args)
    {
        const Run r = ctl(dir, args);
        if (r.exitCode != 0)
            qWarning("%s: %s", qPrintable(args.join(u' ')), qPrintable(r.err));
        return r.exitCode == 0 ? r.out.trimmed() : QString();
    }

    void assign(const QUuid &worker, const QUuid &supervisor)
    {
        QCOMPARE(fx.admin({QStringLiteral("assign-supervisor"), QStringLiteral("--org"),
                           idText(org.id), QStringLiteral("--worker"), idText(worker),
                           QStringLiteral("--supervisor"), idText(supervisor)}),
                 QStringLiteral("assigned"));
    }

    // Jo's device, opened in this process, acknowledges Alex's comment `commentId` on Sam's
    // entry as if it held them: a forgery `comment ack` refuses to write. Its store is given
    // a copy of the comment (authored by Alex) so that the next sync seals the forged
    // acknowledgement to the pair audience {Jo, Alex}, which the server accepts.
    bool forgeAcknowledgement(const QString &joDir, const QUuid &commentId, const QUuid &entryId)
    {
        QtKeychainKeyStore keychain;
        QByteArray pin = Pin.toUtf8();
        auto store = DeviceStore::open(joDir, SecretBytes::takeFrom(pin),
                                       VaultEnvironment::withKeyStore(&keychain));
        if (!store)
            return false;
        Store &s = **store;
        Comment copy;
        copy.id = commentId;
        copy.diaryEntryId = entryId;
        copy.text = QStringLiteral("a copy");
        copy.writtenAt = QDateTime::currentDateTimeUtc();
        copy.createdAt = copy.writtenAt;
        RecordChange change;
        change.recordId = commentId;
        change.type = RecordType::Comment;
        change.fields = copy.toFields();
        change.stamp = {QDateTime::currentMSecsSinceEpoch(), 0, createUuidV7()};
        for (auto it = change.fields.constBegin(); it != change.fields.constEnd(); ++it)
            change.stamps.insert(it.key().toString(), change.stamp);
        change.author = org.supervisor;
        if (!s.applyRemote({change}, s.syncCursor(), {}, org.worker2))
            return false;
        Comment ack;
        ack.diaryEntryId = entryId;
        ack.acknowledges = commentId;
        ack.acknowledgedAt = QDateTime::currentDateTimeUtc();
        return s.comments().save(ack).ok();
    }

    // Sam's supervision of today, noted on Sam's device (waypointctl has no command for it).
    bool noteSupervisionToday(const QString &dir)
    {
        QtKeychainKeyStore keychain;
        QByteArray pin = Pin.toUtf8();
        auto store = DeviceStore::open(dir, SecretBytes::takeFrom(pin),
                                       VaultEnvironment::withKeyStore(&keychain));
        if (!store)
            return false;
        SupervisionNote note;
        note.heldOn = QDate::currentDate();
        note.supervisor = QStringLiteral("Alex");
        return (*store)->supervision().save(note).ok();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(tmp.isValid());
        QVERIFY2(fx.startDatabase(), qPrintable(fx.lastError()));
        QVERIFY2(fx.startServer(), qPrintable(fx.lastError()));
        org = fx.createOrganisation(QStringLiteral("Riverside Peers"));
        robin = QUuid::fromString(
            fx.admin({QStringLiteral("create-user"), QStringLiteral("--org"), idText(org.id),
                      QStringLiteral("--name"), QStringLiteral("Robin"), QStringLiteral("--role"),
                      QStringLiteral("supervisor")}));
        QVERIFY(!robin.isNull());
        assign(org.worker1, org.supervisor);
        assign(org.worker2, org.supervisor);
        assign(org.worker2, robin);
    }

    void commentsAndReviewMarksReachTheAuthorAloneAndAcknowledgementsComeBack()
    {
        const QString sam = device(QStringLiteral("sam-phone"), org.worker1);
        const QString jo = device(QStringLiteral("jo-phone"), org.worker2);
        const QString alex = device(QStringLiteral("alex-laptop"), org.supervisor);
        const QString robinDir = device(QStringLiteral("robin-laptop"), robin);
        QVERIFY(!sam.isEmpty() && !jo.isEmpty() && !alex.isEmpty() && !robinDir.isEmpty());
        samDir = sam;
        joDir = jo;
        alexDir = alex;
        robinsDir = robinDir;

        // Sam shares two entries; Alex's queue lists both, newest first, named.
        const QString older =
            written(sam, {QStringLiteral("diary"), QStringLiteral("add"), QStringLiteral("--text"),
                          QStringLiteral("A quiet shift"), QStringLiteral("--share")});
        const QString entry = written(
            sam, {QStringLiteral("diary"), QStringLiteral("add"), QStringLiteral("--text"),
                  QStringLiteral("ENTRY-MARKER-2b71: a hard visit"), QStringLiteral("--share")});
        QVERIFY(!older.isEmpty() && !entry.isEmpty());
        QCOMPARE(sync(sam).json()[u"failed"].toInt(), 0);
        QCOMPARE(sync(alex).json()[u"setAside"].toInt(), 0);
        QList<QJsonObject> queue = listed(alex, "review list");
        QCOMPARE(queue.size(), 2);
        QCOMPARE(queue.at(0)[u"id"].toString(), entry);
        QCOMPARE(queue.at(0)[u"authorName"].toString(), QStringLiteral("Sam"));
        QCOMPARE(queue.at(0)[u"reviewed"].toBool(), false);

        // Alex reads the older one first: it goes after the one not yet reviewed.
        const QString mark =
            written(alex, {QStringLiteral("review"), QStringLiteral("mark"), older});
        QVERIFY(!mark.isEmpty());
        QCOMPARE(written(alex, {QStringLiteral("review"), QStringLiteral("mark"), older}), mark);
        queue = listed(alex, "review list");
        QCOMPARE(queue.size(), 2);
        QCOMPARE(queue.at(0)[u"id"].toString(), entry);
        QCOMPARE(queue.at(1)[u"id"].toString(), older);
        QCOMPARE(queue.at(1)[u"reviewed"].toBool(), true);
        // Only a shared entry of someone else is reviewed or commented on.
        const QString own = written(alex, {QStringLiteral("diary"), QStringLiteral("add"),
                                           QStringLiteral("--text"), QStringLiteral("Mine")});
        QCOMPARE(ctl(alex, {QStringLiteral("review"), QStringLiteral("mark"), own}).exitCode, 2);

        const QString comment =
            written(alex, {QStringLiteral("comment"), QStringLiteral("add"), entry,
                           QStringLiteral("--text"),
                           QStringLiteral("COMMENT-MARKER-5d1e: well handled, call me")});
        QVERIFY(!comment.isEmpty());
        Run pushed = sync(alex);
        QVERIFY2(pushed.exitCode == 0, qPrintable(pushed.err + pushed.out));
        QCOMPARE(pushed.json()[u"failed"].toInt(), 0);
        QCOMPARE(pushed.json()[u"pending"].toInt(), 0);

        // Sam reads the comment and the mark, with who wrote them.
        QCOMPARE(sync(sam).json()[u"setAside"].toInt(), 0);
        QList<QJsonObject> said = listed(sam, "comment list");
        QCOMPARE(said.size(), 2);
        for (const QJsonObject &o : said) {
            QCOMPARE(o[u"authorName"].toString(), QStringLiteral("Alex"));
            QCOMPARE(o[u"mine"].toBool(), false);
            if (o[u"kind"].toString() == u"review") {
                QCOMPARE(o[u"diaryEntryId"].toString(), older);
                QVERIFY(o[u"writtenAt"].toInteger() > 0);
            } else {
                QCOMPARE(o[u"id"].toString(), comment);
                QCOMPARE(o[u"diaryEntryId"].toString(), entry);
                QCOMPARE(o[u"text"].toString(),
                         QStringLiteral("COMMENT-MARKER-5d1e: well handled, call me"));
                QCOMPARE(o[u"acknowledged"].toBool(), false);
            }
        }

        // Another worker and another supervisor receive neither the comment nor its key: the
        // server serves them no change at all (a page carries only its changes' keys).
        for (const QString &dir : {jo, robinDir}) {
            const Run r = sync(dir);
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
            QCOMPARE(r.json()[u"pulled"].toInt(), 0);
            QVERIFY(listed(dir, "comment list").isEmpty());
        }

        // Jo forges an acknowledgement of Alex's comment on Sam's entry: the server accepts
        // it (Jo's audience with a supervisor of hers), Alex's device sets it aside.
        QVERIFY(forgeAcknowledgement(jo, idFromText(comment), idFromText(entry)));
        Run forged = sync(jo);
        QVERIFY2(forged.exitCode == 0, qPrintable(forged.err + forged.out));
        QCOMPARE(forged.json()[u"failed"].toInt(), 0);
        const Run aside = sync(alex);
        QVERIFY2(aside.exitCode == 0, qPrintable(aside.err));
        QCOMPARE(aside.json()[u"setAside"].toInt(), 1);
        const QList<QJsonObject> asideRows = listed(alex, "set-aside");
        QCOMPARE(asideRows.size(), 1);
        QCOMPARE(asideRows.at(0)[u"reason"].toString(), QStringLiteral("not_entry_author"));
        for (const QJsonObject &o : listed(alex, "comment list"))
            QCOMPARE(o[u"acknowledged"].toBool(), false);
        // Robin, a supervisor of Jo's, holds nothing the forgery names, and never receives it.
        QCOMPARE(sync(robinDir).json()[u"pulled"].toInt(), 0);

        // Sam acknowledges; only a comment on Sam's own entry can be.
        QCOMPARE(ctl(sam, {QStringLiteral("comment"), QStringLiteral("ack"), mark}).exitCode, 2);
        const QString ack =
            written(sam, {QStringLiteral("comment"), QStringLiteral("ack"), comment});
        QVERIFY(!ack.isEmpty());
        QCOMPARE(sync(sam).json()[u"failed"].toInt(), 0);
        QCOMPARE(sync(alex).json()[u"setAside"].toInt(), 1);
        bool seen = false;
        for (const QJsonObject &o : listed(alex, "comment list")) {
            QCOMPARE(o[u"mine"].toBool(), true);
            if (o[u"id"].toString() != comment)
                continue;
            seen = true;
            QCOMPARE(o[u"acknowledged"].toBool(), true);
            QVERIFY(o[u"acknowledgedAt"].toInteger() > 0);
        }
        QVERIFY(seen);
        for (const QJsonObject &o : listed(sam, "comment list"))
            if (o[u"id"].toString() == comment)
                QCOMPARE(o[u"acknowledged"].toBool(), true);

        // The server holds ciphertext only.
        const QByteArray dump = fx.pgDump();
        for (const QByteArray &marker :
             {QByteArray("COMMENT-MARKER-5d1e"), QByteArray("ENTRY-MARKER-2b71")}) {
            QVERIFY(!dump.contains(marker));
            QVERIFY(!dump.contains(marker.toHex()));
        }

        // Unshared, the entry leaves Alex's queue and can no longer be commented on there;
        // what was said stays with Sam.
        QCOMPARE(ctl(sam, {QStringLiteral("diary"), QStringLiteral("unshare"), entry}).exitCode, 0);
        QCOMPARE(sync(sam).json()[u"failed"].toInt(), 0);
        QCOMPARE(sync(alex).json()[u"withdrawn"].toInt(), 1);
        queue = listed(alex, "review list");
        QCOMPARE(queue.size(), 1);
        QCOMPARE(queue.at(0)[u"id"].toString(), older);
        const Run late = ctl(alex, {QStringLiteral("comment"), QStringLiteral("add"), entry,
                                    QStringLiteral("--text"), QStringLiteral("too late")});
        QCOMPARE(late.exitCode, 2);
        QVERIFY2(late.err.contains(u"unshared"), qPrintable(late.err));
        QCOMPARE(listed(sam, "comment list").size(), 2);
    }

    // Alex raises Sam's shared entry for their next supervision: Sam's agenda lists it,
    // named, and Jo (also Alex's worker) receives nothing; Sam's note of today discusses
    // it; Alex takes the raise back.
    void aRaiseReachesTheWorkersAgendaUntilTheNextSupervision()
    {
        const QString sam = samDir, jo = joDir, alex = alexDir;
        QVERIFY(!sam.isEmpty() && !jo.isEmpty() && !alex.isEmpty());
        const QString entry = written(
            sam, {QStringLiteral("diary"), QStringLiteral("add"), QStringLiteral("--text"),
                  QStringLiteral("RAISE-MARKER-7c20: the eviction"), QStringLiteral("--share")});
        QVERIFY(!entry.isEmpty());
        QCOMPARE(sync(sam).json()[u"failed"].toInt(), 0);
        QCOMPARE(sync(alex).json()[u"failed"].toInt(), 0);

        const QString raise =
            written(alex, {QStringLiteral("review"), QStringLiteral("raise"), entry});
        QVERIFY(!raise.isEmpty());
        QCOMPARE(written(alex, {QStringLiteral("review"), QStringLiteral("raise"), entry}), raise);
        bool listedRaised = false;
        for (const QJsonObject &o : listed(alex, "review list"))
            if (o[u"id"].toString() == entry)
                listedRaised = o[u"raised"].toBool();
        QVERIFY(listedRaised);
        QCOMPARE(sync(alex).json()[u"failed"].toInt(), 0);

        QCOMPARE(sync(sam).json()[u"failed"].toInt(), 0);
        QList<QJsonObject> agenda = listed(sam, "review agenda");
        QCOMPARE(agenda.size(), 1);
        QCOMPARE(agenda.at(0)[u"diaryEntryId"].toString(), entry);
        QCOMPARE(agenda.at(0)[u"raisedByNames"].toArray().at(0).toString(), QStringLiteral("Alex"));
        bool raiseListed = false;
        for (const QJsonObject &o : listed(sam, "comment list"))
            if (o[u"id"].toString() == raise) {
                QCOMPARE(o[u"kind"].toString(), QStringLiteral("raise"));
                QCOMPARE(o[u"raise"].toBool(), true);
                QVERIFY(o[u"raisedAt"].toDouble() > 0);
                raiseListed = true;
            }
        QVERIFY(raiseListed);
        // Jo, another of Alex's workers, holds neither the entry nor the raise.
        QCOMPARE(sync(jo).json()[u"failed"].toInt(), 0);
        for (const QJsonObject &o : listed(jo, "comment list"))
            QVERIFY(o[u"id"].toString() != raise);
        QVERIFY(listed(jo, "review agenda").isEmpty());

        // Sam's supervision of today discusses it.
        QVERIFY(noteSupervisionToday(sam));
        QVERIFY(listed(sam, "review agenda").isEmpty());

        // Alex takes it back; taking back what was never raised is a usage error.
        QCOMPARE(written(alex, {QStringLiteral("review"), QStringLiteral("raise"), entry,
                                QStringLiteral("--off")}),
                 raise);
        for (const QJsonObject &o : listed(alex, "comment list"))
            if (o[u"id"].toString() == raise)
                QCOMPARE(o[u"raise"].toBool(), false);
        QCOMPARE(ctl(jo, {QStringLiteral("review"), QStringLiteral("raise"), entry,
                          QStringLiteral("--off")})
                     .exitCode,
                 2);
        QVERIFY(!fx.pgDump().contains(QByteArray("RAISE-MARKER-7c20")));
    }

    // Alex's team: each worker Alex supervises, with their last contact, what awaits Alex's
    // review and the trend of the wellbeing in what they shared; Robin sees Jo alone and a
    // worker has no team.
    void theTeamListsEachWorkerWithTheirLastSyncAndWhatAwaitsReview()
    {
        const QString sam = samDir, alex = alexDir, robinDir = robinsDir;
        QVERIFY(!sam.isEmpty() && !alex.isEmpty() && !robinDir.isEmpty());
        for (const char *rating : {"2", "4"})
            QVERIFY(!written(sam, {QStringLiteral("diary"), QStringLiteral("add"),
                                   QStringLiteral("--text"), QStringLiteral("a week"),
                                   QStringLiteral("--wellbeing"), QString::fromLatin1(rating),
                                   QStringLiteral("--share")})
                         .isEmpty());
        QCOMPARE(sync(sam).json()[u"failed"].toInt(), 0);
        QCOMPARE(sync(alex).json()[u"failed"].toInt(), 0);

        int unreviewed = 0;
        for (const QJsonObject &o : listed(alex, "review list"))
            if (o[u"author"].toString() == idText(org.worker1) && !o[u"reviewed"].toBool())
                ++unreviewed;
        QVERIFY(unreviewed >= 2);
        const QList<QJsonObject> team = listed(alex, "team");
        QCOMPARE(team.size(), 2); // Sam and Jo
        QJsonObject samRow;
        for (const QJsonObject &o : team)
            if (o[u"userId"].toString() == idText(org.worker1))
                samRow = o;
        QCOMPARE(samRow[u"name"].toString(), QStringLiteral("Sam"));
        QVERIFY(samRow[u"lastSyncAt"].toDouble() >
                double(QDateTime::currentMSecsSinceEpoch() - 5 * 60'000));
        QCOMPARE(samRow[u"awaitingReview"].toInt(), unreviewed);
        QCOMPARE(samRow[u"openActionItems"].toInt(), 0);
        QCOMPARE(samRow[u"wellbeingTrend"].toString(), QStringLiteral("up"));
        QCOMPARE(samRow[u"wellbeingRatings"].toInt(), 2);

        const QList<QJsonObject> robinsTeam = listed(robinDir, "team");
        QCOMPARE(robinsTeam.size(), 1);
        QCOMPARE(robinsTeam.at(0)[u"userId"].toString(), idText(org.worker2));
        QVERIFY(listed(sam, "team").isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCtlReview)
#include "tst_ctl_review.moc"
