// SPDX-License-Identifier: GPL-3.0-or-later
// Enrolment (app/sync), the one flow behind the app, waypointctl, the tests and the load
// generator, against the real waypoint-server and PostgreSQL: a user's first device makes the
// keys and a later one restores them with the recovery key made on the first; a wrong or
// mistyped recovery key can be retried; an enrolment stopped
// after the code was spent resumes from the saved identity; keys made on another device
// meanwhile, or a backup that is not there, switch the key step; a wrong code, a revoked
// device, an unreachable address, something that is not a Waypoint server and too many failed
// attempts each get their own outcome. And the key backup on the server opens only with the
// recovery key.

#include "Enrolment.h"
#include "LocalServer.h"
#include "ServerAddress.h"
#include "ServerError.h"
#include "Store.h"
#include "SyncMessages.h"
#include "Uuid.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

using namespace wp;
using namespace wp::sync;
using Outcome = Enrolment::Outcome;
using Step = Enrolment::Step;

namespace {

EnrolmentOptions cheap()
{
    EnrolmentOptions o;
    o.backupCost = crypto::KeyBackupCost::minimal();
    o.timeoutMs = 10000;
    return o;
}

SecretBytes secret(const QString &text)
{
    QByteArray utf8 = text.toUtf8();
    return SecretBytes::takeFrom(utf8);
}

const char *name(Outcome o)
{
    static const char *const names[] = {"Done",
                                        "KeysExistElsewhere",
                                        "NoBackupYet",
                                        "WrongRecoveryKey",
                                        "RecoveryKeyMistyped",
                                        "OtherKeys",
                                        "CodeInvalid",
                                        "Revoked",
                                        "RateLimited",
                                        "Refused",
                                        "Unreachable",
                                        "NotAWaypointServer",
                                        "StoreFailed",
                                        "Failed"};
    return names[int(o)];
}

// The recovery key a successful makeKeys() made, as the user would copy it from the screen.
SecretBytes shownKey(Enrolment &enrolment)
{
    auto key = enrolment.takeRecoveryKey();
    return key ? key->text() : SecretBytes();
}

SecretBytes copy(const SecretBytes &s)
{
    return SecretBytes(s.data(), s.size());
}

// A device with its own encrypted store, where its enrolment saves the identity.
struct Device
{
    std::unique_ptr<Store> store;
    std::unique_ptr<StoreIdentity> saved;
};

} // namespace

#define EXPECT_OUTCOME(actual, expected, enrolment)                                                \
    do {                                                                                           \
        const Outcome got_ = (actual);                                                             \
        QVERIFY2(got_ == (expected),                                                               \
                 qPrintable(QStringLiteral("%1 (%2)").arg(QLatin1String(name(got_)),               \
                                                          (enrolment).error().message)));          \
    } while (false)

class TestEnrolment : public QObject
{
    Q_OBJECT

    LocalServer fx;
    QTemporaryDir dir;
    int stores = 0;

    Device newDevice()
    {
        Device d;
        auto store = Store::open(dir.filePath(QStringLiteral("device%1.db").arg(++stores)),
                                 SecretBytes::random(Store::KeyBytes), Store::Mode::CreateNew);
        if (store) {
            d.store = std::move(*store);
            d.saved = std::make_unique<StoreIdentity>(*d.store);
        }
        return d;
    }

    // A user nobody has enrolled yet: a fresh organisation's worker.
    LocalServer::Org freshOrganisation()
    {
        return fx.createOrganisation(QStringLiteral("Org %1").arg(++stores));
    }

    Outcome redeem(Enrolment &enrolment, const LocalServer::Org &org, const QUuid &user)
    {
        return enrolment.redeem(fx.baseUrl(), fx.issueCode(org.id, user),
                                QStringLiteral("test phone"), QStringLiteral("test"));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(dir.isValid());
        QVERIFY2(fx.startDatabase(), qPrintable(fx.lastError()));
        QVERIFY2(fx.startServer(), qPrintable(fx.lastError()));
    }

    void theFirstDeviceMakesTheKeysALaterOneRestoresThem()
    {
        const LocalServer::Org org = freshOrganisation();
        Device phone = newDevice();
        QVERIFY(phone.store);
        Enrolment first(phone.saved.get(), cheap());
        QCOMPARE(first.step(), Step::RedeemCode);
        EXPECT_OUTCOME(redeem(first, org, org.worker1), Outcome::Done, first);
        QCOMPARE(first.step(), Step::MakeKeys);
        // The credentials are in the store at once, without keys, waiting to make them.
        auto saved = SyncIdentity::load(*phone.store);
        QVERIFY(saved.ok());
        QVERIFY(!saved->hasKeys());
        QCOMPARE(Enrolment::stepOf(*saved), Step::MakeKeys);

        EXPECT_OUTCOME(first.makeKeys(), Outcome::Done, first);
        QCOMPARE(first.step(), Step::Done);
        const SecretBytes key = shownKey(first);
        QCOMPARE(key.size(), std::size_t(44)); // 9 groups of 4, 8 dashes
        QVERIFY(!first.takeRecoveryKey());     // shown once
        auto made = SyncIdentity::load(*phone.store);
        QVERIFY(made.ok());
        QVERIFY(made->hasKeys());
        QVERIFY(!made->privateAudience.isNull());
        QCOMPARE(Enrolment::stepOf(*made), Step::Done);

        // A later device (kept in memory only) restores the same keys.
        Enrolment later(nullptr, cheap());
        EXPECT_OUTCOME(redeem(later, org, org.worker1), Outcome::Done, later);
        QCOMPARE(later.step(), Step::RestoreKeys);
        EXPECT_OUTCOME(later.restoreKeys(key), Outcome::Done, later);
        QVERIFY(!later.takeRecoveryKey()); // restoring makes no new key
        QCOMPARE(later.identity().keys.fingerprint(), made->keys.fingerprint());
        QCOMPARE(later.identity().credentials.userId, made->credentials.userId);
        QVERIFY(later.identity().credentials.deviceId != made->credentials.deviceId);
    }

    void aWrongRecoveryKeyCanBeFollowedByTheRightOne()
    {
        const LocalServer::Org org = freshOrganisation();
        Enrolment first(nullptr, cheap());
        QString key;
        EXPECT_OUTCOME(first.enrol(fx.baseUrl(), fx.issueCode(org.id, org.worker1),
                                   QStringLiteral("first"), QStringLiteral("test"), key),
                       Outcome::Done, first);
        QVERIFY(crypto::RecoveryKey::parse(key).ok());

        Device phone = newDevice();
        Enrolment later(phone.saved.get(), cheap());
        EXPECT_OUTCOME(redeem(later, org, org.worker1), Outcome::Done, later);
        // Another well-formed key: it passes its checksum but does not open the backup.
        EXPECT_OUTCOME(later.restoreKeys(crypto::RecoveryKey::generate().text()),
                       Outcome::WrongRecoveryKey, later);
        QCOMPARE(later.error().code, ErrorCode::WrongPin);
        QCOMPARE(later.step(), Step::RestoreKeys); // still enrolled, still waiting for keys
        QVERIFY(!SyncIdentity::load(*phone.store)->hasKeys());
        // A typo is named before anything is sent, with the group that looks wrong.
        QString typo = key;
        typo[5] = typo[5] == u'X' ? u'Y' : u'X'; // the first character of group 2
        EXPECT_OUTCOME(later.restoreKeys(secret(typo)), Outcome::RecoveryKeyMistyped, later);
        QCOMPARE(later.error().reason, 2);
        QVERIFY(enrolmentMessage(Outcome::RecoveryKeyMistyped, later.error()).contains(u"2"));
        QCOMPARE(later.step(), Step::RestoreKeys);
        // Typed as people type it: lower case, spaces, O for 0.
        const QString typed = key.toLower().replace(u'-', u' ').replace(u'0', u'o');
        EXPECT_OUTCOME(later.restoreKeys(secret(typed)), Outcome::Done, later);
        QCOMPARE(later.identity().keys.fingerprint(), first.identity().keys.fingerprint());
        QVERIFY(SyncIdentity::load(*phone.store)->hasKeys());
    }

    void anInterruptedEnrolmentResumesFromTheSavedIdentity()
    {
        const LocalServer::Org org = freshOrganisation();
        Device phone = newDevice();
        {
            Enrolment first(phone.saved.get(), cheap());
            EXPECT_OUTCOME(redeem(first, org, org.worker1), Outcome::Done, first);
        } // locked, or the app killed: the code is spent, the credentials saved

        auto resumed = Enrolment::resume(*phone.saved, cheap());
        QVERIFY(resumed.ok());
        QCOMPARE(resumed->step(), Step::MakeKeys);
        EXPECT_OUTCOME(resumed->makeKeys(), Outcome::Done, *resumed);
        const SecretBytes key = shownKey(*resumed);
        QVERIFY(SyncIdentity::load(*phone.store)->hasKeys());

        // A later device stopped at the same point resumes at the restore step.
        Device tablet = newDevice();
        {
            Enrolment later(tablet.saved.get(), cheap());
            EXPECT_OUTCOME(redeem(later, org, org.worker1), Outcome::Done, later);
        }
        auto saved = SyncIdentity::load(*tablet.store);
        QVERIFY(saved.ok());
        Enrolment again(std::move(*saved), tablet.saved.get(), cheap());
        QCOMPARE(again.step(), Step::RestoreKeys);
        EXPECT_OUTCOME(again.restoreKeys(key), Outcome::Done, again);
        QCOMPARE(SyncIdentity::load(*tablet.store)->keys.fingerprint(),
                 SyncIdentity::load(*phone.store)->keys.fingerprint());

        // Nothing saved: nothing to resume.
        Device blank = newDevice();
        QCOMPARE(Enrolment::resume(*blank.saved).error().code, ErrorCode::NotFound);
    }

    void keysMadeOnAnotherDeviceMeanwhileSwitchToRestoring()
    {
        // Both devices redeem before either has made keys: both are told to make them.
        const LocalServer::Org org = freshOrganisation();
        Device phone = newDevice();
        Device tablet = newDevice();
        Enrolment a(phone.saved.get(), cheap());
        Enrolment b(tablet.saved.get(), cheap());
        EXPECT_OUTCOME(redeem(a, org, org.worker2), Outcome::Done, a);
        EXPECT_OUTCOME(redeem(b, org, org.worker2), Outcome::Done, b);
        QCOMPARE(a.step(), Step::MakeKeys);
        QCOMPARE(b.step(), Step::MakeKeys);
        EXPECT_OUTCOME(a.makeKeys(), Outcome::Done, a);
        const SecretBytes key = shownKey(a);

        // B's keys would replace the user's: the server refuses, B switches to restoring and
        // saves that, so even a restart resumes there. B shows no recovery key of its own.
        EXPECT_OUTCOME(b.makeKeys(), Outcome::KeysExistElsewhere, b);
        QVERIFY(!b.takeRecoveryKey());
        QCOMPARE(b.step(), Step::RestoreKeys);
        auto saved = SyncIdentity::load(*tablet.store);
        QVERIFY(saved.ok());
        QCOMPARE(Enrolment::stepOf(*saved), Step::RestoreKeys);
        EXPECT_OUTCOME(b.restoreKeys(key), Outcome::Done, b);
        QCOMPARE(b.identity().keys.fingerprint(), a.identity().keys.fingerprint());
    }

    void noBackupYetSwitchesToMakingThem()
    {
        // A saved identity that expects a backup the server does not have (the first device
        // stopped before making the keys): restoring finds none and switches to making them.
        const LocalServer::Org org = freshOrganisation();
        Device phone = newDevice();
        {
            Enrolment first(phone.saved.get(), cheap());
            EXPECT_OUTCOME(redeem(first, org, org.worker1), Outcome::Done, first);
        }
        auto saved = SyncIdentity::load(*phone.store);
        QVERIFY(saved.ok());
        saved->userHadKeys = true;
        Enrolment resumed(std::move(*saved), phone.saved.get(), cheap());
        QCOMPARE(resumed.step(), Step::RestoreKeys);
        EXPECT_OUTCOME(resumed.restoreKeys(crypto::RecoveryKey::generate().text()),
                       Outcome::NoBackupYet, resumed);
        QCOMPARE(resumed.step(), Step::MakeKeys);
        QCOMPARE(Enrolment::stepOf(*SyncIdentity::load(*phone.store)), Step::MakeKeys);
        EXPECT_OUTCOME(resumed.makeKeys(), Outcome::Done, resumed);
        const SecretBytes key = shownKey(resumed);

        // Asking the server settles a stale step without a recovery key (waypointctl
        // restore-keys): there is a backup now.
        auto done = SyncIdentity::load(*phone.store);
        QVERIFY(done.ok());
        Enrolment check(std::move(*done), phone.saved.get(), cheap());
        EXPECT_OUTCOME(check.checkKeys(), Outcome::Done, check);
        QCOMPARE(check.step(), Step::RestoreKeys);
        EXPECT_OUTCOME(check.restoreKeys(key), Outcome::Done, check);
    }

    void theKeyBackupOnTheServerOpensOnlyWithTheRecoveryKey()
    {
        const LocalServer::Org org = freshOrganisation();
        Enrolment first(nullptr, cheap());
        EXPECT_OUTCOME(redeem(first, org, org.worker1), Outcome::Done, first);
        EXPECT_OUTCOME(first.makeKeys(), Outcome::Done, first);
        const SecretBytes shown = shownKey(first);

        // What the server stores (users.key_backup), as anyone with its data would have it.
        SyncClient client(fx.baseUrl());
        client.setCredentials(&first.identity().credentials);
        const auto fetched = client.keyBackup();
        QVERIFY(fetched.ok());
        const QByteArray backup = *fetched;
        const auto key = crypto::RecoveryKey::parse(shown);
        QVERIFY(key.ok());
        QVERIFY(crypto::unwrapKeys(backup, org.worker1, *key).ok());
        QCOMPARE(
            crypto::unwrapKeys(backup, org.worker1, crypto::RecoveryKey::generate()).error().code,
            ErrorCode::WrongPin);

        // On a second device: a 10-character passphrase is not even a key, another key does
        // not open the backup, and the key shown on the first device restores the keys.
        Device tablet = newDevice();
        Enrolment second(tablet.saved.get(), cheap());
        EXPECT_OUTCOME(redeem(second, org, org.worker1), Outcome::Done, second);
        EXPECT_OUTCOME(second.restoreKeys(secret(QStringLiteral("ten chars!"))),
                       Outcome::RecoveryKeyMistyped, second);
        EXPECT_OUTCOME(second.restoreKeys(crypto::RecoveryKey::generate().text()),
                       Outcome::WrongRecoveryKey, second);
        QVERIFY(!SyncIdentity::load(*tablet.store)->hasKeys());
        EXPECT_OUTCOME(second.restoreKeys(copy(shown)), Outcome::Done, second);
        QCOMPARE(SyncIdentity::load(*tablet.store)->keys.fingerprint(),
                 first.identity().keys.fingerprint());
    }

    void newBackupsUseTheSensitiveArgon2Cost()
    {
        QCOMPARE(EnrolmentOptions{}.backupCost.opslimit,
                 crypto::KeyBackupCost::sensitive().opslimit);
        QCOMPARE(EnrolmentOptions{}.backupCost.memlimit,
                 crypto::KeyBackupCost::sensitive().memlimit);
        QCOMPARE(crypto::KeyBackupCost::sensitive().memlimit, std::size_t(1) << 30);
        QVERIFY(crypto::KeyBackupCost::sensitive().opslimit >= 4);
    }

    void aWrongOrSpentCodeIsInvalid()
    {
        const LocalServer::Org org = freshOrganisation();
        Enrolment bogus(nullptr, cheap());
        EXPECT_OUTCOME(bogus.redeem(fx.baseUrl(), QStringLiteral("AAAABBBBCCCCDDDD"),
                                    QStringLiteral("x"), QStringLiteral("test")),
                       Outcome::CodeInvalid, bogus);
        QCOMPARE(bogus.step(), Step::RedeemCode);
        QCOMPARE(serverErrorOf(bogus.error()), ServerError::EnrolmentCodeInvalid);

        const QString code = fx.issueCode(org.id, org.worker1);
        Enrolment first(nullptr, cheap());
        EXPECT_OUTCOME(first.redeem(fx.baseUrl(), code, QStringLiteral("x"), QStringLiteral("t")),
                       Outcome::Done, first);
        Enrolment second(nullptr, cheap());
        EXPECT_OUTCOME(second.redeem(fx.baseUrl(), code, QStringLiteral("y"), QStringLiteral("t")),
                       Outcome::CodeInvalid, second);
    }

    void aDeviceRevokedBeforeItsKeysForgetsItsIdentity()
    {
        const LocalServer::Org org = freshOrganisation();
        Device phone = newDevice();
        Enrolment first(phone.saved.get(), cheap());
        EXPECT_OUTCOME(redeem(first, org, org.worker1), Outcome::Done, first);
        QVERIFY(
            fx.admin({QStringLiteral("revoke-device"), QStringLiteral("--org"), idText(org.id),
                      QStringLiteral("--device"), idText(first.identity().credentials.deviceId)})
                .startsWith(u"revoked"));
        EXPECT_OUTCOME(first.makeKeys(), Outcome::Revoked, first);
        QCOMPARE(first.step(), Step::RedeemCode);
        QCOMPARE(SyncIdentity::load(*phone.store).error().code, ErrorCode::NotFound);
    }

    void anAddressThatIsNotAWaypointServerSaysSo()
    {
        const LocalServer::Org org = freshOrganisation();
        Enrolment nobody(nullptr, cheap());
        EXPECT_OUTCOME(
            nobody.redeem(QStringLiteral("http://127.0.0.1:%1").arg(LocalServer::freePort()),
                          fx.issueCode(org.id, org.worker1), QStringLiteral("x"),
                          QStringLiteral("test")),
            Outcome::Unreachable, nobody);
        QCOMPARE(nobody.step(), Step::RedeemCode);
        // A web server, but no Waypoint there: its routes are unknown.
        Enrolment elsewhere(nullptr, cheap());
        EXPECT_OUTCOME(elsewhere.redeem(fx.baseUrl() + QStringLiteral("/not-waypoint/"),
                                        fx.issueCode(org.id, org.worker1), QStringLiteral("x"),
                                        QStringLiteral("test")),
                       Outcome::NotAWaypointServer, elsewhere);
    }

    // The token and the code travel in every request: plain HTTP only on this machine.
    void plainHttpIsRefusedOffLoopback_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("https anywhere") << "https://sync.example.org" << true;
        QTest::newRow("http to a name") << "http://sync.example.org" << false;
        QTest::newRow("http to an address") << "http://192.0.2.10:8080" << false;
        QTest::newRow("http to a name that looks local") << "http://127.0.0.1.example.org" << false;
        QTest::newRow("http to localhost.example") << "http://localhost.example.org" << false;
        QTest::newRow("http to 127.0.0.1") << "http://127.0.0.1:8080" << true;
        QTest::newRow("http to 127.1.2.3") << "http://127.1.2.3" << true;
        QTest::newRow("http to ::1") << "http://[::1]:8080" << true;
        QTest::newRow("http to localhost") << "http://LocalHost:8080" << true;
        QTest::newRow("not http") << "ftp://127.0.0.1" << false;
    }

    void plainHttpIsRefusedOffLoopback()
    {
        QFETCH(QString, address);
        QFETCH(bool, allowed);
        QCOMPARE(serverAddressProblem(QUrl(address, QUrl::StrictMode)) ==
                     ServerAddressProblem::None,
                 allowed);
    }

    // Whatever a front end lets through (a stored address, a hand-made call), nothing is sent
    // in clear to another machine: 192.0.2.10 is a documentation address that would only time
    // out if it were tried.
    void plainHttpToAnotherMachineIsNeverTried()
    {
        const LocalServer::Org org = freshOrganisation();
        QElapsedTimer t;
        t.start();
        Enrolment enrolment(nullptr, cheap());
        EXPECT_OUTCOME(enrolment.redeem(QStringLiteral("http://192.0.2.10:8080"),
                                        fx.issueCode(org.id, org.worker1), QStringLiteral("x"),
                                        QStringLiteral("test")),
                       Outcome::Failed, enrolment);
        QVERIFY(hasReason(enrolment.error(), LocalReason::PlainHttpRemote));
        QCOMPARE(enrolmentMessage(Outcome::Failed, enrolment.error()), plainHttpMessage());
        SyncClient client(QStringLiteral("http://192.0.2.10:8080"));
        const auto status = client.deviceStatus();
        QVERIFY(!status.ok());
        QVERIFY(hasReason(status.error(), LocalReason::PlainHttpRemote));
        QCOMPARE(syncFailureMessage(status.error()), plainHttpMessage());
        QCOMPARE(client.requests(), qint64(0));
        QVERIFY2(t.elapsed() < 2000, "an attempt to connect was made");
    }

    void everyOutcomeHasAMessage()
    {
        for (int o = int(Outcome::KeysExistElsewhere); o <= int(Outcome::Failed); ++o)
            QVERIFY2(!enrolmentMessage(Outcome(o), Error(ErrorCode::Io, QStringLiteral("disk")))
                          .isEmpty(),
                     name(Outcome(o)));
        QVERIFY(enrolmentMessage(Outcome::Done, {}).isEmpty());
        QVERIFY(enrolmentMessage(Outcome::StoreFailed, withReason(Error(ErrorCode::Unavailable, {}),
                                                                  LocalReason::StoreClosed))
                    .contains(u"locked"));
        QVERIFY(syncFailureMessage(
                    withReason(Error(ErrorCode::Unauthorized, {}), ServerError::DeviceRevoked))
                    .contains(u"revoked"));
    }

    void everyServerCodeDecodesToItsOwnValue()
    {
        for (int e = int(ServerError::Malformed); e < int(ServerError::Other); ++e) {
            const QString code = wireCodeOf(ServerError(e));
            QVERIFY(!code.isEmpty());
            QCOMPARE(int(serverErrorFromCode(code)), e);
        }
        QCOMPARE(serverErrorFromCode(u"something_new"), ServerError::Other);
        QCOMPARE(serverErrorOf(Error(ErrorCode::Network, {})), ServerError::None);
        // The device's own reasons are never taken for the server's.
        const Error closed =
            withReason(Error(ErrorCode::Unavailable, {}), LocalReason::StoreClosed);
        QCOMPARE(serverErrorOf(closed), ServerError::None);
        QVERIFY(isStoreClosed(closed));
    }

    // Last: the server then refuses this address for a while.
    void tooManyFailedAttemptsAreRateLimited()
    {
        fx.stopServer();
        QVERIFY2(fx.startServer({QStringLiteral("--auth-failures"), QStringLiteral("2")}),
                 qPrintable(fx.lastError()));
        Outcome last = Outcome::Done;
        for (int attempt = 0; attempt < 4 && last != Outcome::RateLimited; ++attempt) {
            Enrolment guess(nullptr, cheap());
            last = guess.redeem(fx.baseUrl(), QStringLiteral("AAAABBBBCCCCDDD%1").arg(attempt),
                                QStringLiteral("x"), QStringLiteral("test"));
            QVERIFY2(last == Outcome::CodeInvalid || last == Outcome::RateLimited, name(last));
        }
        QCOMPARE(last, Outcome::RateLimited);
    }
};

QTEST_GUILESS_MAIN(TestEnrolment)
#include "tst_enrolment.moc"
