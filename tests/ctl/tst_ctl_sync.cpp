// SPDX-License-Identifier: GPL-3.0-or-later
// waypointctl enroll / sync / restore-keys end to end: the real binary, real encrypted stores,
// the real waypoint-server over HTTP and a throwaway PostgreSQL (tests/server's fixture).
// Two devices of one worker, enrolled with one-time codes, edit offline and converge with
// nothing lost; refused changes, revoked devices and bad input get their exit codes.

#include "CtlProcess.h"
#include "DeviceStore.h"
#include "LocalServer.h"
#include "OfflineLease.h"
#include "QtKeychainKeyStore.h"
#include "Records.h"
#include "TestDevice.h"
#include "Uuid.h"
#include "crypto/AudienceKeySignature.h"
#include "crypto/RecoveryKey.h"
#include "crypto/UserKeys.h"
#include "wire/Codec.h"

#include <QCborMap>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace wp;

namespace {

const QString Pin = QStringLiteral("582047");

using Run = test::CtlRun;

QStringList texts(const Run &list)
{
    QStringList out;
    for (const QString &line : list.out.split(u'\n', Qt::SkipEmptyParts))
        out << QJsonDocument::fromJson(line.toUtf8()).object().value(u"text").toString();
    out.sort();
    return out;
}

} // namespace

class TestCtlSync : public QObject
{
    Q_OBJECT

    LocalServer fx;
    LocalServer::Org org;
    QTemporaryDir tmp;
    QStringList secretsSeen;
    // The recovery key each user's first device printed, typed on their later devices.
    QHash<QUuid, QString> keys;

    Run ctl(const QString &dataDir, const QStringList &args, const QString &recoveryKey = {})
    {
        Run run = test::runCtl(dataDir, args, Pin, recoveryKey);
        // The PIN and a typed key never come back; a key is printed once, when it is made.
        QStringList secrets = keys.values();
        secrets << Pin << recoveryKey;
        for (const QString &secret : secrets)
            if (!secret.isEmpty() && (run.out.contains(secret) || run.err.contains(secret)))
                secretsSeen << args.join(u' ');
        if (run.err.contains(test::printedRecoveryKey(run.err)) &&
            !test::printedRecoveryKey(run.err).isEmpty())
            secretsSeen << args.join(u' ');
        return run;
    }

    QString newDevice(const QString &name)
    {
        const QString dir = tmp.filePath(name);
        const Run init = ctl(dir, {QStringLiteral("init")});
        if (init.exitCode != 0)
            qWarning("init: %s", qPrintable(init.err));
        return dir;
    }

    // Enrols with a new code; the user's recovery key, when a device of theirs printed one,
    // is in WAYPOINT_RECOVERY_KEY (or `recoveryKey` instead).
    Run enroll(const QString &dir, const QUuid &user, const QString &recoveryKey = {})
    {
        const Run run = ctl(dir,
                            {QStringLiteral("enroll"), QStringLiteral("--server"), fx.baseUrl(),
                             QStringLiteral("--code"), fx.issueCode(org.id, user),
                             QStringLiteral("--device-name"), QStringLiteral("test phone")},
                            recoveryKey.isNull() ? keys.value(user) : recoveryKey);
        if (const QString made = test::printedRecoveryKey(run.out); !made.isEmpty())
            keys.insert(user, made);
        return run;
    }

    static void expectOneErrorLine(const Run &run, int exitCode)
    {
        QVERIFY2(run.exitCode == exitCode,
                 qPrintable(QStringLiteral("exit %1: %2").arg(run.exitCode).arg(run.err)));
        QCOMPARE(run.errLines().size(), 1);
        QVERIFY2(run.errLines().first().startsWith(u"waypointctl: "), qPrintable(run.err));
    }

    Run sync(const QString &dir)
    {
        return ctl(dir, {QStringLiteral("sync"), QStringLiteral("--json")}, QString());
    }

    QString addDiary(const QString &dir, const QString &text)
    {
        const Run r = ctl(
            dir, {QStringLiteral("diary"), QStringLiteral("add"), QStringLiteral("--text"), text});
        return r.exitCode == 0 ? r.out.trimmed() : QString();
    }

    std::unique_ptr<Store> openStore(const QString &dir)
    {
        QByteArray pin = Pin.toUtf8();
        QtKeychainKeyStore keychain; // init wraps the store's key with the keychain too
        auto store = DeviceStore::open(dir, SecretBytes::takeFrom(pin),
                                       VaultEnvironment::withKeyStore(&keychain));
        return store ? std::move(*store) : nullptr;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(tmp.isValid());
        QVERIFY2(fx.startDatabase(), qPrintable(fx.lastError()));
        QVERIFY2(fx.startServer(), qPrintable(fx.lastError()));
        org = fx.createOrganisation(QStringLiteral("Northside Peers"));
        QVERIFY(!org.worker1.isNull());
    }

    void cleanup() { QVERIFY2(secretsSeen.isEmpty(), qPrintable(secretsSeen.join(u'|'))); }

    void twoDevicesOfOneWorkerConverge()
    {
        const QString a = newDevice(QStringLiteral("phone-a"));
        const QString b = newDevice(QStringLiteral("phone-b"));

        expectOneErrorLine(sync(a), 6); // not enrolled yet
        const Run enrolledA = enroll(a, org.worker1);
        QVERIFY2(enrolledA.exitCode == 0, qPrintable(enrolledA.err));
        QVERIFY(enrolledA.out.contains(u"Keys created"));
        // The recovery key, printed once on the terminal, nowhere else.
        const QString key = keys.value(org.worker1);
        QVERIFY2(!key.isEmpty(), qPrintable(enrolledA.out));
        QCOMPARE(enrolledA.out.count(key), 1);
        QVERIFY(!enrolledA.err.contains(key));
        expectOneErrorLine(enroll(a, org.worker1), 6); // already enrolled

        // Phone A works offline, then syncs.
        const QString first = addDiary(a, QStringLiteral("Walked Dee to the housing office"));
        const QString second = addDiary(a, QStringLiteral("Naloxone kit restocked"));
        QVERIFY(!first.isEmpty() && !second.isEmpty());
        const Run syncA = sync(a);
        QVERIFY2(syncA.exitCode == 0, qPrintable(syncA.err + syncA.out));
        QCOMPARE(syncA.json()[u"pushed"].toInt(), 2);
        QCOMPARE(syncA.json()[u"pending"].toInt(), 0);
        QCOMPARE(syncA.json()[u"complete"].toBool(), true);

        // Phone B: a wrong recovery key leaves it enrolled without keys; restore-keys fixes it.
        const QString otherKey = QString::fromLatin1(crypto::RecoveryKey::generate().text().view());
        expectOneErrorLine(enroll(b, org.worker1, otherKey), 3);
        const Run noKeys = sync(b);
        expectOneErrorLine(noKeys, 6);
        QVERIFY(noKeys.err.contains(u"restore-keys"));
        // A typo is named with its group, before the server is asked.
        QString typo = key;
        typo[5] = typo[5] == u'X' ? u'Y' : u'X';
        const Run mistyped = ctl(b, {QStringLiteral("restore-keys")}, typo);
        expectOneErrorLine(mistyped, 2);
        QVERIFY2(mistyped.err.contains(u"Group 2") || mistyped.err.contains(u"Check"),
                 qPrintable(mistyped.err));
        // A 10-character passphrase is not a key at all.
        expectOneErrorLine(ctl(b, {QStringLiteral("restore-keys")}, QStringLiteral("ten chars!")),
                           2);
        const Run restored = ctl(b, {QStringLiteral("restore-keys")}, key.toLower());
        QVERIFY2(restored.exitCode == 0, qPrintable(restored.err));
        QVERIFY(restored.out.contains(u"Keys restored"));
        // Both devices show the same fingerprint: the same user keys.
        const QString fingerprint =
            enrolledA.out.section(QStringLiteral("Key fingerprint: "), 1).trimmed();
        QVERIFY(!fingerprint.isEmpty());
        QVERIFY(restored.out.contains(fingerprint));
        const Run syncB = sync(b);
        QVERIFY2(syncB.exitCode == 0, qPrintable(syncB.err));
        QCOMPARE(syncB.json()[u"pulled"].toInt(), 2);

        // Both edit offline (the server is down): the same text on both, a rating on B, and a
        // new entry on B.
        fx.stopServer();
        QCOMPARE(ctl(a, {QStringLiteral("diary"), QStringLiteral("edit"), first,
                         QStringLiteral("--text"), QStringLiteral("Typed on A: come back Monday")})
                     .exitCode,
                 0);
        const Run offline = sync(a);
        expectOneErrorLine(offline, 5);
        QCOMPARE(offline.json()[u"pending"].toInt(), 1);
        QCOMPARE(ctl(b, {QStringLiteral("diary"), QStringLiteral("edit"), first,
                         QStringLiteral("--text"), QStringLiteral("Typed on B: bring ID"),
                         QStringLiteral("--wellbeing"), QStringLiteral("4")})
                     .exitCode,
                 0);
        const QString third = addDiary(b, QStringLiteral("Supervision helped today"));
        QVERIFY(!third.isEmpty());
        QVERIFY2(fx.startServer(), qPrintable(fx.lastError()));

        const Run a1 = sync(a);
        QVERIFY2(a1.exitCode == 0, qPrintable(a1.err));
        const Run b1 = sync(b);
        QVERIFY2(b1.exitCode == 0, qPrintable(b1.err));
        QCOMPARE(b1.json()[u"conflicts"].toInt(), 1);
        const Run a2 = sync(a);
        QVERIFY2(a2.exitCode == 0, qPrintable(a2.err));

        const Run listA =
            ctl(a, {QStringLiteral("diary"), QStringLiteral("list"), QStringLiteral("--json")});
        const Run listB =
            ctl(b, {QStringLiteral("diary"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(texts(listA).size(), 3);
        QCOMPARE(texts(listA), texts(listB));
        QVERIFY(texts(listA).contains(QStringLiteral("Supervision helped today")));
        QCOMPARE(listA.out.count(QStringLiteral("\"wellbeing\":4")), 1);
        QCOMPARE(listB.out.count(QStringLiteral("\"wellbeing\":4")), 1);

        // The losing text is kept on B as a conflict copy: nothing typed is lost.
        QString loser;
        {
            auto storeB = openStore(b);
            QVERIFY(storeB);
            const QString winner = storeB->diary().get(idFromText(first))->text;
            loser = winner == u"Typed on A: come back Monday"
                        ? QStringLiteral("Typed on B: bring ID")
                        : QStringLiteral("Typed on A: come back Monday");
            auto copies = storeB->conflictCopies(idFromText(first));
            QVERIFY(copies.ok());
            QStringList kept;
            for (const ConflictCopy &c : *copies)
                kept << c.text;
            QVERIFY2(kept.contains(loser), qPrintable(kept.join(u'|')));
        }

        // B lists the conflict with both texts, B's own as "mine".
        const Run open =
            ctl(b, {QStringLiteral("conflicts"), QStringLiteral("list"), QStringLiteral("--json")});
        QVERIFY2(open.exitCode == 0, qPrintable(open.err));
        const QStringList lines = open.out.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 1);
        const QJsonObject conflict = QJsonDocument::fromJson(lines.first().toUtf8()).object();
        QCOMPARE(conflict[u"record"].toString(), first);
        QCOMPARE(conflict[u"field"].toString(), QStringLiteral("text"));
        QCOMPARE(conflict[u"mine"][u"text"].toString(), QStringLiteral("Typed on B: bring ID"));
        QCOMPARE(conflict[u"theirs"][u"text"].toString(),
                 QStringLiteral("Typed on A: come back Monday"));
        const Run openText = ctl(b, {QStringLiteral("conflicts"), QStringLiteral("list")});
        QVERIFY(openText.out.contains(u"Typed on B: bring ID"));
        QVERIFY(openText.out.contains(u"Typed on A: come back Monday"));
        const Run openA = ctl(a, {QStringLiteral("conflicts"), QStringLiteral("list")});
        QVERIFY2(openA.out.isEmpty(), qPrintable(openA.out));

        // Search on B finds the losing text, leading to the entry.
        const Run found =
            ctl(b, {QStringLiteral("search"),
                    loser.contains(u"Monday") ? QStringLiteral("Monday") : QStringLiteral("bring"),
                    QStringLiteral("--json")});
        QVERIFY2(found.out.contains(first), qPrintable(found.out));

        // A wrong choice or id changes nothing.
        const QString id = QString::number(conflict[u"id"].toInteger());
        expectOneErrorLine(ctl(b, {QStringLiteral("conflicts"), QStringLiteral("resolve"), id,
                                   QStringLiteral("--keep"), QStringLiteral("both")}),
                           2);
        expectOneErrorLine(
            ctl(b, {QStringLiteral("conflicts"), QStringLiteral("resolve"), QStringLiteral("9999"),
                    QStringLiteral("--keep"), QStringLiteral("mine")}),
            2);

        // A merged text on B syncs to A, and the conflict is gone on both.
        const QString merged = QStringLiteral("Come back Monday and bring ID");
        const Run resolved = ctl(b, {QStringLiteral("conflicts"), QStringLiteral("resolve"), id,
                                     QStringLiteral("--text"), merged});
        QVERIFY2(resolved.exitCode == 0, qPrintable(resolved.err));
        QVERIFY(ctl(b, {QStringLiteral("conflicts"), QStringLiteral("list")}).out.isEmpty());
        QCOMPARE(sync(b).exitCode, 0);
        QCOMPARE(sync(a).exitCode, 0);
        const Run mergedA =
            ctl(a, {QStringLiteral("diary"), QStringLiteral("list"), QStringLiteral("--json")});
        QVERIFY2(texts(mergedA).contains(merged), qPrintable(mergedA.out));
        QVERIFY(ctl(a, {QStringLiteral("conflicts"), QStringLiteral("list")}).out.isEmpty());
        QVERIFY(ctl(b, {QStringLiteral("conflicts"), QStringLiteral("list")}).out.isEmpty());
    }

    void aRefusedChangeExitsSevenAndTheRestSyncs()
    {
        // Jo's device holds a change under a record id Sam's device already used: the server
        // refuses that one (not_author); Jo's other changes sync, and sync says so.
        const QString sam = newDevice(QStringLiteral("sam"));
        const QString jo = newDevice(QStringLiteral("jo"));
        QCOMPARE(enroll(sam, org.worker2).exitCode, 0);
        QCOMPARE(enroll(jo, org.supervisor).exitCode, 0);
        const QString samsId = addDiary(sam, QStringLiteral("Sam's entry"));
        QCOMPARE(sync(sam).exitCode, 0);
        {
            auto store = openStore(jo);
            QVERIFY(store);
            DiaryEntry clash;
            clash.id = idFromText(samsId);
            clash.text = QStringLiteral("Typed by Jo under a taken id");
            clash.writtenAt = QDateTime::currentDateTimeUtc();
            QVERIFY(store->diary().save(clash).ok());
        }
        const QString later = addDiary(jo, QStringLiteral("Jo's later entry"));
        const Run refused = sync(jo);
        expectOneErrorLine(refused, 7);
        QVERIFY2(refused.err.contains(u"1 change could not be sent: The record belongs to another "
                                      u"user."),
                 qPrintable(refused.err));
        QCOMPARE(refused.json()[u"pushed"].toInt(), 1);
        QCOMPARE(refused.json()[u"failed"].toInt(), 1);
        QCOMPARE(refused.json()[u"pending"].toInt(), 0);
        const QJsonObject failure = refused.json()[u"failures"].toArray().first().toObject();
        QCOMPARE(failure[u"id"].toString(), samsId);
        QCOMPARE(failure[u"reason"].toString(), QStringLiteral("not_author"));
        // Still on Jo's device, as typed; the text output names it too.
        const Run text = ctl(jo, {QStringLiteral("sync")}, QString());
        QCOMPARE(text.exitCode, 7);
        QVERIFY(text.out.contains(u"failed 1, pending 0"));
        QVERIFY(text.out.contains(samsId));
        QVERIFY(ctl(jo, {QStringLiteral("search"), QStringLiteral("taken")}).out.contains(samsId));
        Q_UNUSED(later);
    }

    void aDeviceOutOfLeaseShowsNoRecordsUntilItSyncs()
    {
        const LocalServer::Org leased = fx.createOrganisation(QStringLiteral("Leased Peers"));
        QCOMPARE(fx.admin({QStringLiteral("set-offline-lease"), QStringLiteral("--org"),
                           idText(leased.id), QStringLiteral("--days"), QStringLiteral("14")}),
                 QStringLiteral("offline lease 14 days"));
        const QString dir = newDevice(QStringLiteral("leased"));
        const Run enrolled =
            ctl(dir, {QStringLiteral("enroll"), QStringLiteral("--server"), fx.baseUrl(),
                      QStringLiteral("--code"), fx.issueCode(leased.id, leased.worker1),
                      QStringLiteral("--device-name"), QStringLiteral("leased phone")});
        QVERIFY2(enrolled.exitCode == 0, qPrintable(enrolled.err));
        const QString kept = addDiary(dir, QStringLiteral("Written before the lease ran out"));
        QVERIFY(!kept.isEmpty());
        QCOMPARE(sync(dir).exitCode, 0);
        const QStringList list{QStringLiteral("diary"), QStringLiteral("list")};
        QCOMPARE(ctl(dir, list).exitCode, 0);

        // The last contact, 15 days ago: past the 14-day lease.
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        {
            auto store = openStore(dir);
            QVERIFY(store);
            QVERIFY(
                OfflineLease(store->database()).recordContact(14, now - 15 * LeaseState::DayMs));
        }
        for (const QStringList &args :
             {list, QStringList{QStringLiteral("search"), QStringLiteral("lease")},
              QStringList{QStringLiteral("diary"), QStringLiteral("add"), QStringLiteral("--text"),
                          QStringLiteral("Not now")},
              QStringList{QStringLiteral("diary"), QStringLiteral("edit"), kept,
                          QStringLiteral("--text"), QStringLiteral("Not now")}}) {
            const Run refused = ctl(dir, args);
            expectOneErrorLine(refused, 6);
            QVERIFY2(refused.err.contains(u"waypointctl sync") && refused.err.contains(u"14 days"),
                     qPrintable(refused.err));
            QVERIFY(!refused.out.contains(u"Written before"));
        }
        QCOMPARE(ctl(dir, {QStringLiteral("status")}).exitCode, 0);

        // A successful sync renews the lease; nothing was lost.
        QCOMPARE(sync(dir).exitCode, 0);
        const Run after = ctl(dir, list);
        QCOMPARE(after.exitCode, 0);
        QVERIFY2(after.out.contains(u"Written before the lease ran out"), qPrintable(after.out));
    }

    // A lost phone is cut off: at its next contact after the organisation revoked it, the
    // device destroys its keys and its records (a remote wipe).
    void aRevokedDeviceWipesItselfAtItsNextContact()
    {
        const QString dir = newDevice(QStringLiteral("revoked"));
        const Run enrolled = enroll(dir, org.worker2);
        QCOMPARE(enrolled.exitCode, 0);
        const QString device =
            enrolled.out.section(QStringLiteral("device "), 1).section(QLatin1Char(' '), 0, 0);
        QCOMPARE(idFromText(device).isNull(), false);
        addDiary(dir, QStringLiteral("Written before the revocation"));
        QVERIFY(fx.admin({QStringLiteral("revoke-device"), QStringLiteral("--org"), idText(org.id),
                          QStringLiteral("--device"), device})
                    .startsWith(u"revoked"));
        const Run revoked = sync(dir);
        expectOneErrorLine(revoked, 6);
        QVERIFY(revoked.err.contains(u"revoked"));
        QVERIFY(revoked.err.contains(u"destroyed"));
        QCOMPARE(revoked.json()[u"error"].toString(), QStringLiteral("device_revoked"));
        QVERIFY(!DeviceStore::exists(dir));
        QVERIFY(!QFile::exists(DeviceStore::databasePath(dir)));
        const Run after = sync(dir);
        QVERIFY(after.exitCode != 0);
        QVERIFY(after.err.contains(u"no Waypoint store"));

        // restore-keys is a contact too: a revoked device learns it there as well.
        const QString other = newDevice(QStringLiteral("revoked-2"));
        const Run second = enroll(other, org.worker2);
        QCOMPARE(second.exitCode, 0);
        QVERIFY(fx.admin({QStringLiteral("revoke-device"), QStringLiteral("--org"), idText(org.id),
                          QStringLiteral("--device"),
                          second.out.section(QStringLiteral("device "), 1)
                              .section(QLatin1Char(' '), 0, 0)})
                    .startsWith(u"revoked"));
        const Run restore = ctl(other, {QStringLiteral("restore-keys")}, keys.value(org.worker2));
        expectOneErrorLine(restore, 6);
        QVERIFY(restore.err.contains(u"revoked"));
        QVERIFY(!DeviceStore::exists(other));
    }

    void badInputGetsOneLineAndSpendsNothing()
    {
        const QString dir = newDevice(QStringLiteral("bad-input"));
        const QString code = fx.issueCode(org.id, org.worker2);
        const QStringList enrollWith{QStringLiteral("enroll"), QStringLiteral("--server"),
                                     fx.baseUrl(), QStringLiteral("--code"), code};
        expectOneErrorLine(ctl(dir, {QStringLiteral("enroll"), QStringLiteral("--server"),
                                     QStringLiteral("not a url"), QStringLiteral("--code"), code}),
                           2);
        expectOneErrorLine(
            ctl(dir, {QStringLiteral("enroll"), QStringLiteral("--server"), fx.baseUrl()}), 2);
        // Plain HTTP only to this machine: the code would travel in clear.
        const Run plain =
            ctl(dir, {QStringLiteral("enroll"), QStringLiteral("--server"),
                      QStringLiteral("http://192.0.2.10:8080"), QStringLiteral("--code"), code});
        expectOneErrorLine(plain, 2);
        QVERIFY2(plain.err.contains(u"https://"), qPrintable(plain.err));
        const QString key = keys.value(org.worker2);
        QVERIFY(!key.isEmpty());
        expectOneErrorLine(
            ctl(dir, enrollWith + QStringList{QStringLiteral("--recovery-key"), key}), 2);
        // A recovery key in the variable that is not one (a passphrase, a typo) is refused
        // before the code is spent.
        const Run passphrase = ctl(dir, enrollWith, QStringLiteral("lantern over the canal"));
        expectOneErrorLine(passphrase, 2);
        QVERIFY2(passphrase.err.contains(u"recovery key"), qPrintable(passphrase.err));
        expectOneErrorLine(
            ctl(dir, {QStringLiteral("enroll"), QStringLiteral("--server"), fx.baseUrl(),
                      QStringLiteral("--code"), QStringLiteral("AAAABBBBCCCCDDDD")}),
            6);
        expectOneErrorLine(ctl(dir, {QStringLiteral("restore-keys")}), 6);
        // An unreachable server.
        expectOneErrorLine(
            ctl(dir, {QStringLiteral("enroll"), QStringLiteral("--server"),
                      QStringLiteral("http://127.0.0.1:%1").arg(LocalServer::freePort()),
                      QStringLiteral("--code"), code}),
            5);
        const Run ok = ctl(dir, enrollWith, key);
        QVERIFY2(ok.exitCode == 0, qPrintable(ok.err));
        QVERIFY(ok.out.contains(u"Keys restored"));
        // The code is spent now.
        expectOneErrorLine(ctl(newDevice(QStringLiteral("second-use")), enrollWith, key), 6);
    }

    void aChangedKeyIsListedAndConfirmedOnlyWithItsFingerprint()
    {
        // Phone A pins a colleague's keys when it first verifies their changes; `keys` lists
        // the fingerprint. The server then hands another key for the colleague: `sync` says
        // KEY CHANGED, `keys` shows both fingerprints, and `confirm-key` takes the new key
        // only with its fingerprint typed back. An organisation of its own.
        const LocalServer::Org shared = org;
        org = fx.createOrganisation(QStringLiteral("Keyside Peers"));
        const QString a = newDevice(QStringLiteral("keys-a"));
        QCOMPARE(enroll(a, org.worker1).exitCode, 0);
        TestDevice jo(fx.baseUrl());
        QVERIFY(jo.enrol(fx.issueCode(org.id, org.worker2)));
        QVERIFY(jo.createKeys());
        const HttpReply dir = jo.call("GET", QStringLiteral("/v1/keys"));
        auto directory = wire::decodeKeyDirectory(dir.body);
        QVERIFY(directory.ok());
        QByteArray phoneKey;
        for (const wire::DirectoryEntry &e : directory->users)
            if (e.userId == org.worker1)
                phoneKey = e.encryptionKey;
        QVERIFY(!phoneKey.isEmpty());
        const auto hex = [](const QByteArray &b) {
            return QStringLiteral("'\\x%1'::bytea").arg(QString::fromLatin1(b.toHex()));
        };
        const auto push = [&](std::uint64_t sequence, const QString &text) {
            DiaryEntry d;
            d.text = text;
            d.writtenAt = QDateTime::currentDateTimeUtc();
            const QByteArray plain =
                QCborValue(QCborMap{{1, d.toFields()}, {2, QCborMap()}}).toCbor();
            return jo.push(jo.batch(sequence,
                                    {Draft{createUuidV7(), RecordType::DiaryEntry, plain, false}}))
                       .status == 200;
        };
        QVERIFY(push(1, QStringLiteral("Jo's first")));
        QVERIFY(fx.sql(
            QStringLiteral("INSERT INTO audience_readers(organisation_id, audience_id, user_id, "
                           "sealed_key) VALUES ('%1', '%2', '%3', %4)")
                .arg(idText(org.id), idText(jo.user()->audienceId), idText(org.worker1),
                     hex(crypto::signAudienceKey(
                         jo.user()->keys.signingSecret, jo.user()->audienceId, org.worker1,
                         crypto::sealTo(jo.user()->audienceKey, phoneKey))))));
        QCOMPARE(sync(a).exitCode, 0);
        const QString firstPrint = jo.user()->keys.fingerprint();
        Run keys = ctl(a, {QStringLiteral("keys")});
        QCOMPARE(keys.exitCode, 0);
        QVERIFY2(keys.out.contains(idText(org.worker2) + QStringLiteral("  ") + firstPrint),
                 qPrintable(keys.out));
        QVERIFY(!keys.out.contains(u"KEY CHANGED"));

        jo.user()->keys = crypto::UserKeys::generate();
        QVERIFY(fx.sql(QStringLiteral("UPDATE users SET signing_key = %1, encryption_key = %2 "
                                      "WHERE user_id = '%3'")
                           .arg(hex(jo.user()->keys.signingPublic),
                                hex(jo.user()->keys.encryptionPublic), idText(org.worker2))));
        const QString newPrint = jo.user()->keys.fingerprint();
        QVERIFY(push(2, QStringLiteral("signed with the new key")));
        const Run warned = ctl(a, {QStringLiteral("sync")}, QString());
        QCOMPARE(warned.exitCode, 0);
        QVERIFY2(warned.out.contains(u"KEY CHANGED: 1"), qPrintable(warned.out));
        QCOMPARE(sync(a).json()[u"keysChanged"].toInt(), 1);
        keys = ctl(a, {QStringLiteral("keys")});
        QVERIFY(keys.out.contains(firstPrint));
        QVERIFY(keys.out.contains(u"KEY CHANGED"));
        QVERIFY(keys.out.contains(newPrint));

        // The old fingerprint typed back changes nothing; the new one confirms.
        expectOneErrorLine(ctl(a, {QStringLiteral("confirm-key"), idText(org.worker2), firstPrint}),
                           2);
        QCOMPARE(sync(a).json()[u"keysChanged"].toInt(), 1);
        const Run confirmed =
            ctl(a, {QStringLiteral("confirm-key"), idText(org.worker2), newPrint});
        QVERIFY2(confirmed.exitCode == 0, qPrintable(confirmed.err));
        QVERIFY(push(3, QStringLiteral("after confirming")));
        const Run after = sync(a);
        QCOMPARE(after.exitCode, 0);
        QCOMPARE(after.json()[u"keysChanged"].toInt(), 0);
        QCOMPARE(after.json()[u"skipped"].toInt(), 0);
        QCOMPARE(after.json()[u"pulled"].toInt(), 1);
        org = shared;
    }

    void aDeviceAwayPastTheHorizonSaysItResynced()
    {
        // An organisation of its own, so the compaction below touches only this test's log.
        const LocalServer::Org shared = org;
        org = fx.createOrganisation(QStringLiteral("Eastside Peers"));
        const QString away = newDevice(QStringLiteral("resync-away"));
        const QString other = newDevice(QStringLiteral("resync-other"));
        QCOMPARE(enroll(away, org.worker1).exitCode, 0);
        const QString kept = addDiary(away, QStringLiteral("Kept: drop-in rota"));
        const QString gone = addDiary(away, QStringLiteral("Gone: old court note"));
        QVERIFY(!kept.isEmpty() && !gone.isEmpty());
        QCOMPARE(sync(away).exitCode, 0);
        QCOMPARE(sync(away).exitCode, 0); // the cursor moves past its own changes
        QCOMPARE(enroll(other, org.worker1).exitCode, 0);
        QCOMPARE(sync(other).exitCode, 0);
        {
            auto store = openStore(other);
            QVERIFY(store);
            QVERIFY(store->diary().remove(QUuid::fromString(gone)).ok());
        }
        QCOMPARE(sync(other).exitCode, 0);
        QVERIFY(fx.sql(QStringLiteral("UPDATE records SET deleted_at = now() - interval '40 days' "
                                      "WHERE deleted_seq IS NOT NULL")));
        QVERIFY(fx.admin({QStringLiteral("compact"), QStringLiteral("--older-than"),
                          QStringLiteral("30")})
                    .contains(u"1 tombstones"));

        const Run resync = ctl(away, {QStringLiteral("sync")}, QString());
        QVERIFY2(resync.exitCode == 0, qPrintable(resync.err + resync.out));
        QVERIFY2(resync.out.contains(u"resynced: ") &&
                     resync.out.contains(u"1 records deleted elsewhere were removed here"),
                 qPrintable(resync.out));
        const Run after = sync(away);
        QCOMPARE(after.exitCode, 0);
        QCOMPARE(after.json()[u"resynced"].toBool(), false);
        QCOMPARE(after.json()[u"removed"].toInt(), 0);
        const QStringList listed = texts(
            ctl(away, {QStringLiteral("diary"), QStringLiteral("list"), QStringLiteral("--json")}));
        QCOMPARE(listed, QStringList{QStringLiteral("Kept: drop-in rota")});
        org = shared;
    }

    // keys rotate: a remaining device makes the next keys after a revocation and another
    // takes them; what the first writes after reaches the second.
    void keysRotateMakesTheNextKeysAndAnotherDeviceTakesThem()
    {
        const LocalServer::Org kept = org;
        org = fx.createOrganisation(QStringLiteral("Rotating Peers"));
        const QString phone = newDevice(QStringLiteral("rotate-phone"));
        const QString laptop = newDevice(QStringLiteral("rotate-laptop"));
        const QString lost = newDevice(QStringLiteral("rotate-lost"));
        for (const QString &d : {phone, laptop, lost}) {
            QCOMPARE(enroll(d, org.worker1).exitCode, 0);
            QCOMPARE(sync(d).exitCode, 0); // publishes the device key
        }
        const Run shown = ctl(lost, {QStringLiteral("device"), QStringLiteral("show")});
        const QRegularExpressionMatch id =
            QRegularExpression(QStringLiteral("device: ([0-9a-f-]{36})")).match(shown.out);
        QVERIFY2(id.hasMatch(), qPrintable(shown.out));
        QVERIFY(fx.admin({QStringLiteral("revoke-device"), QStringLiteral("--org"), idText(org.id),
                          QStringLiteral("--device"), id.captured(1)})
                    .startsWith(u"revoked"));

        const Run rotated = ctl(phone, {QStringLiteral("keys"), QStringLiteral("rotate")});
        QCOMPARE(rotated.exitCode, 0);
        QVERIFY2(rotated.out.contains(u"keys rotated: version 2, sealed to 1 other device"),
                 qPrintable(rotated.out));
        QVERIFY(!rotated.out.contains(u"recovery key")); // the same one opens the new keys
        addDiary(phone, QStringLiteral("Written after the rotation"));
        QCOMPARE(sync(phone).exitCode, 0);

        const Run received = ctl(laptop, {QStringLiteral("keys"), QStringLiteral("rotate")});
        QCOMPARE(received.exitCode, 0);
        QVERIFY2(received.out.contains(u"keys received: version 2"), qPrintable(received.out));
        QCOMPARE(sync(laptop).exitCode, 0);
        const Run listed = ctl(laptop, {QStringLiteral("diary"), QStringLiteral("list")});
        QVERIFY2(listed.out.contains(u"Written after the rotation"), qPrintable(listed.out));
        org = kept;
    }
};

QTEST_GUILESS_MAIN(TestCtlSync)
#include "tst_ctl_sync.moc"
