// SPDX-License-Identifier: GPL-3.0-or-later
// The app's sync end to end: the App object graph (Session, editors, models, SyncConnection,
// SyncStatus) over a real encrypted store, enrolled with a one-time code against the real
// waypoint-server and PostgreSQL. A save is pushed by the scheduler after the debounce; a second
// device's change shows up in the app's lists; the server going away shows "offline" and backs off,
// and coming back converges; the app closed mid-sync continues where it stopped. Enrolment
// interrupted by a lock or a restart resumes at the key step (first and later device);
// changes the server refuses are listed, retried and dismissed; the last sync survives a
// restart inside the encrypted store.

#include "AppContext.h"
#include "DeviceStore.h"
#include "Enrolment.h"
#include "FirstDeviceKeys.h"
#include "LocalServer.h"
#include "OfflineLease.h"
#include "OtherDevice.h"
#include "Store.h"
#include "SyncEngine.h"
#include "SyncMessages.h"
#include "Uuid.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace wp;
using namespace wp::client;
using namespace wp::sync;

namespace {

const QString Pin = QStringLiteral("246810");
// The recovery key the app showed on the worker's first device, typed on later ones.
QString shownRecoveryKey;

QStringList diaryTexts(DiaryListModel *model)
{
    QStringList out;
    while (model->canFetchMore({}))
        model->fetchMore({});
    for (int row = 0; row < model->rowCount(); ++row)
        out.append(model->data(model->index(row), DiaryListModel::TitleRole).toString() +
                   model->data(model->index(row), DiaryListModel::ExcerptRole).toString());
    return out;
}

} // namespace

class TestAppSync : public QObject
{
    Q_OBJECT

    LocalServer fx;
    LocalServer::Org org;
    QTemporaryDir dir;
    std::unique_ptr<AppContext> app;
    std::unique_ptr<OtherDevice> other;

    static SyncOptions syncOptions()
    {
        SyncOptions o;
        o.watchConnectivity = false;
        o.backupCost = crypto::KeyBackupCost::minimal();
        o.policy.debounceMs = 400;
        o.policy.periodicMs = 60 * 60 * 1000; // only the triggers under test
        o.policy.backoffBaseMs = 300;
        o.policy.backoffCapMs = 1200;
        o.policy.backoffFloorMs = 100;
        o.pageSize = 50;
        o.timeoutMs = 3000;
        return o;
    }

    void startApp()
    {
        VaultPolicy policy;
        policy.kdf = KdfParams::fastForTests();
        app = std::make_unique<AppContext>(
            Session::Options{dir.filePath(QStringLiteral("app")), policy, 6}, syncOptions());
    }
    void unlock()
    {
        app->session()->unlock(Pin);
        app->session()->waitForIdle();
        QCOMPARE(app->session()->state(), Session::Unlocked);
    }
    SyncStatus *sync() const { return app->sync(); }
    SyncConnection *connection() const { return app->connection(); }
    // Waits until the controller has finished a run and reached `state`.
    bool settlesAt(SyncStatus::State state, int timeoutMs = 15000)
    {
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < timeoutMs) {
            if (sync()->state() == state && !sync()->busy())
                return true;
            QTest::qWait(20);
        }
        qWarning("state %d, detail: %s", int(sync()->state()), qPrintable(sync()->detailText()));
        return false;
    }
    DiaryEntry entry(const QString &text)
    {
        DiaryEntry e;
        e.text = text;
        e.writtenAt = QDateTime::currentDateTimeUtc();
        return e;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY2(fx.startDatabase(), qPrintable(fx.lastError()));
        QVERIFY2(fx.startServer(), qPrintable(fx.lastError()));
        org = fx.createOrganisation(QStringLiteral("Harbour Peers"));
        startApp();
        app->session()->createPin(Pin, Pin);
        app->session()->waitForIdle();
        QCOMPARE(app->session()->state(), Session::Unlocked);
        QCOMPARE(sync()->state(), SyncStatus::NotEnrolled);
    }

    void enrolmentExplainsWhatWentWrong()
    {
        connection()->enrol({}, {});
        QVERIFY(connection()->enrolErrors().contains(QStringLiteral("server")));
        QVERIFY(connection()->enrolErrors().contains(QStringLiteral("code")));
        connection()->enrol(QStringLiteral("ftp://example.org"), QStringLiteral("ABCD"));
        QVERIFY(connection()
                    ->enrolErrors()
                    .value(QStringLiteral("server"))
                    .toString()
                    .contains(QStringLiteral("https://")));
        QVERIFY(connection()
                    ->enrolErrors()
                    .value(QStringLiteral("code"))
                    .toString()
                    .contains(QStringLiteral("16")));
        // Plain HTTP to another machine, typed or from a QR code, is refused before anything
        // is sent.
        connection()->enrol(QStringLiteral("http://sync.example.org"),
                            QStringLiteral("ABCD-EFGH-JKMN-PQRS"));
        QCOMPARE(connection()->enrolErrors().value(QStringLiteral("server")).toString(),
                 sync::plainHttpMessage());

        // A well-formed code the server never issued.
        connection()->enrol(fx.baseUrl(), QStringLiteral("ABCD-EFGH-JKMN-PQRS"));
        QCOMPARE(connection()->enrolStep(), SyncConnection::Redeeming);
        QTRY_COMPARE_WITH_TIMEOUT(connection()->enrolStep(), SyncConnection::EnterCode, 15000);
        QVERIFY2(connection()->enrolMessage().contains(QStringLiteral("expired")),
                 qPrintable(connection()->enrolMessage()));

        // Nobody listening there.
        connection()->enrol(QStringLiteral("http://127.0.0.1:%1").arg(LocalServer::freePort()),
                            QStringLiteral("ABCD-EFGH-JKMN-PQRS"));
        QTRY_COMPARE_WITH_TIMEOUT(connection()->enrolStep(), SyncConnection::EnterCode, 15000);
        QVERIFY2(connection()->enrolMessage().contains(QStringLiteral("cannot be reached")),
                 qPrintable(connection()->enrolMessage()));
        QCOMPARE(sync()->state(), SyncStatus::NotEnrolled);
    }

    void enrolsWithTheQrTextAndShowsTheRecoveryKeyOnce()
    {
        const QString code = fx.issueCode(org.id, org.worker1);
        // The worker names the device before enrolling: the server records that name, not
        // the machine's host name.
        QVERIFY(!connection()->deviceName().isEmpty()); // the host name until then
        QVERIFY(!connection()->setDeviceName(QStringLiteral("   ")));
        QVERIFY(connection()->enrolErrors().contains(QStringLiteral("deviceName")));
        QVERIFY(connection()->setDeviceName(QStringLiteral(" Mo's  work phone ")));
        QCOMPARE(connection()->deviceName(), QStringLiteral("Mo's work phone"));
        QVERIFY(!connection()->enrolErrors().contains(QStringLiteral("deviceName")));
        QVERIFY(connection()->keyFingerprint().isEmpty()); // no keys yet
        // The QR code's payload, pasted whole: it carries the server too.
        const QString qr =
            QStringLiteral("waypoint:enrol?code=%1&server=%2")
                .arg(code, QString::fromLatin1(QUrl::toPercentEncoding(fx.baseUrl())));
        connection()->enrol({}, qr);
        QTRY_COMPARE_WITH_TIMEOUT(connection()->enrolStep(), SyncConnection::MakeKeys, 15000);
        QVERIFY(connection()->firstDevice());
        // The code is spent: the credentials are saved at once, without keys yet.
        auto saved = SyncIdentity::load(*app->session()->store());
        QVERIFY(saved.ok());
        QVERIFY(!saved->hasKeys());
        QVERIFY(!connection()->enrolled());

        // Locked in the middle (timeout or the lock button): unlocking resumes at the key
        // step, with the same server, neither restarting nor half enrolled.
        app->session()->lock();
        QCOMPARE(connection()->enrolStep(), SyncConnection::EnterCode);
        unlock();
        QCOMPARE(connection()->enrolStep(), SyncConnection::MakeKeys);
        QCOMPARE(connection()->serverUrl(), fx.baseUrl());
        QCOMPARE(sync()->state(), SyncStatus::NotEnrolled);
        QVERIFY(connection()->enrolMessage().isEmpty());
        // And after the app was closed and started again.
        app.reset();
        startApp();
        unlock();
        QCOMPARE(connection()->enrolStep(), SyncConnection::MakeKeys);
        QCOMPARE(connection()->serverUrl(), fx.baseUrl());
        QVERIFY(connection()->recoveryKeyGroups().isEmpty());

        // The keys are made with a recovery key, shown once: nine groups and a QR code.
        connection()->makeKeys();
        QTRY_COMPARE_WITH_TIMEOUT(connection()->enrolStep(), SyncConnection::ShowRecoveryKey,
                                  15000);
        const QStringList groups = connection()->recoveryKeyGroups();
        QCOMPARE(groups.size(), 9);
        for (const QString &g : groups)
            QCOMPARE(g.size(), 4);
        const QStringList qrRows = connection()->recoveryKeyQr();
        QVERIFY(qrRows.size() >= 21);
        QCOMPARE(qrRows.first().size(), qrRows.size());
        shownRecoveryKey = groups.join(u'-');
        QVERIFY(crypto::RecoveryKey::parse(shownRecoveryKey).ok());
        // Not done until the user shows they wrote it down: one group, typed back.
        QVERIFY(!connection()->enrolled());
        connection()->cancelEnrolment(); // nothing to cancel now
        QCOMPARE(connection()->enrolStep(), SyncConnection::ShowRecoveryKey);
        connection()->recoveryKeyWrittenDown();
        QCOMPARE(connection()->enrolStep(), SyncConnection::CheckRecoveryKey);
        const int check = connection()->checkGroup();
        QVERIFY(check >= 1 && check <= 9);
        const QString expected = groups.at(check - 1);
        QString wrong = expected;
        wrong[0] = wrong[0] == u'X' ? u'Y' : u'X';
        connection()->confirmRecoveryKey(wrong);
        QVERIFY(connection()->enrolErrors().contains(QStringLiteral("check")));
        QCOMPARE(connection()->enrolStep(), SyncConnection::CheckRecoveryKey);
        connection()->showRecoveryKeyAgain();
        QCOMPARE(connection()->enrolStep(), SyncConnection::ShowRecoveryKey);
        QCOMPARE(connection()->recoveryKeyGroups(), groups);
        connection()->recoveryKeyWrittenDown();

        QSignalSpy runs(sync(), &SyncStatus::runFinished);
        connection()->confirmRecoveryKey(QStringLiteral(" ") + expected.toLower());
        QVERIFY(connection()->enrolled());
        QCOMPARE(connection()->enrolStep(), SyncConnection::EnterCode);
        QVERIFY(connection()->recoveryKeyGroups().isEmpty()); // forgotten once checked
        QCOMPARE(connection()->serverUrl(), fx.baseUrl());
        // Who syncs from here: the user's key fingerprint, as waypointctl prints it, and the
        // device under the name the worker gave it.
        auto enrolled = SyncIdentity::load(*app->session()->store());
        QVERIFY(enrolled.ok());
        QCOMPARE(connection()->keyFingerprint(), enrolled->keys.fingerprint());
        QVERIFY2(QRegularExpression(QStringLiteral("^\\d{5}( \\d{5}){5}$"))
                     .match(connection()->keyFingerprint())
                     .hasMatch(),
                 qPrintable(connection()->keyFingerprint()));
        QVERIFY2(fx.admin({QStringLiteral("list-devices"), QStringLiteral("--org"), idText(org.id)})
                     .contains(QStringLiteral("Mo's work phone")),
                 "the server knows the device by the worker's name for it");
        // Enrolling syncs straight away (perhaps already while waiting above).
        QTRY_VERIFY_WITH_TIMEOUT(runs.count() >= 1, 15000);
        QVERIFY(settlesAt(SyncStatus::Idle));
        QVERIFY(sync()->lastSync().isValid());
        QCOMPARE(sync()->pendingCount(), 0);
    }

    // Who the device is for comes from the server: at enrolment, then from the device status
    // after an unlock (a user renamed by an administrator). A rename reaches the server's
    // list at once; with the server down it waits, kept, and goes at the next sync.
    void whoYouAreComesFromTheServerAndARenameReachesIt()
    {
        QVERIFY(connection()->enrolled());
        QCOMPARE(connection()->userName(), QStringLiteral("Sam"));
        QCOMPARE(connection()->organisationName(), QStringLiteral("Harbour Peers"));
        QCOMPARE(connection()->userRole(), QStringLiteral("worker"));
        QCOMPARE(connection()->enrolledFor(), QStringLiteral("Sam \u00b7 Harbour Peers"));
        const auto serverHas = [this](const QString &name) {
            return fx
                .admin({QStringLiteral("list-devices"), QStringLiteral("--org"), idText(org.id)})
                .contains(QStringLiteral("  ") + name + QStringLiteral(" ("));
        };

        QVERIFY(settlesAt(SyncStatus::Idle));
        QVERIFY(connection()->setDeviceName(QStringLiteral("Mo's tablet")));
        QCOMPARE(connection()->deviceName(), QStringLiteral("Mo's tablet"));
        QTRY_VERIFY_WITH_TIMEOUT(serverHas(QStringLiteral("Mo's tablet")), 15000);
        QTRY_VERIFY_WITH_TIMEOUT(!connection()->deviceNameWaiting(), 15000);

        // An administrator renames the user and makes them a supervisor: the first sync after
        // the next unlock asks the device status.
        QVERIFY(fx.sql(QStringLiteral("UPDATE users SET name = 'Sam Taylor', role = 'supervisor' "
                                      "WHERE user_id = '%1'")
                           .arg(idText(org.worker1))));
        app->session()->lock();
        unlock();
        QCOMPARE(connection()->userName(), QStringLiteral("Sam"));
        sync()->syncNow();
        QTRY_COMPARE_WITH_TIMEOUT(connection()->userName(), QStringLiteral("Sam Taylor"), 15000);
        QCOMPARE(connection()->userRole(), QStringLiteral("supervisor"));
        QCOMPARE(connection()->enrolledFor(),
                 QStringLiteral("Sam Taylor (supervisor) \u00b7 Harbour Peers"));
        QVERIFY(fx.sql(QStringLiteral("UPDATE users SET role = 'worker' WHERE user_id = '%1'")
                           .arg(idText(org.worker1))));

        // Offline: the name shows at once, waits, survives a lock, and goes when the server
        // is back.
        QVERIFY(settlesAt(SyncStatus::Idle));
        fx.stopServer();
        QVERIFY(connection()->setDeviceName(QStringLiteral("Bus phone")));
        QCOMPARE(connection()->deviceName(), QStringLiteral("Bus phone"));
        QVERIFY(connection()->deviceNameWaiting());
        QTest::qWait(1000); // the sync thread tries the server, which is down
        QVERIFY(connection()->deviceNameWaiting());
        app->session()->lock();
        unlock();
        QCOMPARE(connection()->deviceName(), QStringLiteral("Bus phone"));
        QVERIFY(connection()->deviceNameWaiting());
        QVERIFY(!serverHas(QStringLiteral("Bus phone")));
        QVERIFY2(fx.startServer(), qPrintable(fx.lastError()));
        sync()->syncNow();
        QTRY_VERIFY_WITH_TIMEOUT(serverHas(QStringLiteral("Bus phone")), 15000);
        QTRY_VERIFY_WITH_TIMEOUT(!connection()->deviceNameWaiting(), 15000);
        QVERIFY(settlesAt(SyncStatus::Idle));
    }

    // A later device of the same worker: locked between redeeming the code and typing the
    // recovery key, it resumes at the restore step; a mistyped or wrong key can be retried.
    void aLaterDeviceResumesAtTheRestoreStepAfterALock()
    {
        VaultPolicy policy;
        policy.kdf = KdfParams::fastForTests();
        auto phone = std::make_unique<AppContext>(
            Session::Options{dir.filePath(QStringLiteral("phone2")), policy, 6}, syncOptions());
        phone->session()->createPin(Pin, Pin);
        phone->session()->waitForIdle();
        SyncConnection *s = phone->connection();
        s->enrol(fx.baseUrl(), fx.issueCode(org.id, org.worker1));
        QTRY_COMPARE_WITH_TIMEOUT(s->enrolStep(), SyncConnection::ChooseKeyWay, 15000);
        QVERIFY(!s->firstDevice());

        phone->session()->lock();
        phone->session()->unlock(Pin);
        phone->session()->waitForIdle();
        QCOMPARE(phone->session()->state(), Session::Unlocked);
        QCOMPARE(s->enrolStep(), SyncConnection::ChooseKeyWay);
        QCOMPARE(s->serverUrl(), fx.baseUrl());
        QVERIFY(!s->enrolled());
        s->useRecoveryKey(); // rather than approval by another device (tst_app_approval)
        QCOMPARE(s->enrolStep(), SyncConnection::EnterRecoveryKey);

        // A typo is named at once, with its group.
        QString typo = shownRecoveryKey;
        typo[10] = typo[10] == u'X' ? u'Y' : u'X'; // group 3
        s->restoreKeys(typo);
        QCOMPARE(s->enrolStep(), SyncConnection::EnterRecoveryKey);
        const QString why = s->enrolErrors().value(QStringLiteral("recoveryKey")).toString();
        QVERIFY2(why.contains(QStringLiteral("Group 3")) || why.contains(QStringLiteral("Check")),
                 qPrintable(why));
        // A well-formed key that is not this user's: the server's backup does not open.
        s->restoreKeys(QString::fromLatin1(crypto::RecoveryKey::generate().text().view()));
        QTRY_COMPARE_WITH_TIMEOUT(s->enrolStep(), SyncConnection::EnterRecoveryKey, 15000);
        QTRY_VERIFY_WITH_TIMEOUT(!s->busy(), 15000);
        QVERIFY2(s->enrolMessage().contains(QStringLiteral("does not open")),
                 qPrintable(s->enrolMessage()));
        s->restoreKeys(shownRecoveryKey.toLower());
        QTRY_VERIFY_WITH_TIMEOUT(s->enrolled(), 15000);
        QVERIFY(s->recoveryKeyGroups().isEmpty()); // a later device shows no key
        auto id = SyncIdentity::load(*phone->session()->store());
        QVERIFY(id.ok());
        QVERIFY(id->hasKeys());
        QTRY_VERIFY_WITH_TIMEOUT(!phone->sync()->busy(), 15000);
        phone.reset();
    }

    void aSaveIsPushedAfterTheDebounce()
    {
        QList<SyncStatus::State> seen;
        connect(sync(), &SyncStatus::stateChanged, this, [&] {
            if (seen.isEmpty() || seen.last() != sync()->state())
                seen.append(sync()->state());
        });
        EncounterEditor *editor = app->encounterEditor();
        editor->startNew({});
        editor->setField(QStringLiteral("participantId"), QStringLiteral("brief"));
        editor->setField(QStringLiteral("durationMinutes"), 15);
        editor->setField(QStringLiteral("note"), QStringLiteral("Harm reduction kit at the pier"));
        QElapsedTimer sinceSave;
        QVERIFY(editor->save());
        sinceSave.start();
        QCOMPARE(sync()->pendingCount(), 1);
        QCOMPARE(sync()->state(), SyncStatus::Idle);
        QVERIFY(sync()->statusText().contains(QLatin1Char('1')));

        QSignalSpy runs(sync(), &SyncStatus::runFinished);
        QVERIFY(runs.wait(10000));
        QVERIFY2(sinceSave.elapsed() >= 400, qPrintable(QString::number(sinceSave.elapsed())));
        QCOMPARE(sync()->state(), SyncStatus::Idle);
        QCOMPARE(sync()->pendingCount(), 0);
        QVERIFY(sync()->pushed() >= 1);
        QVERIFY(seen.contains(SyncStatus::Syncing));
        QCOMPARE(seen.last(), SyncStatus::Idle);
        disconnect(sync(), &SyncStatus::stateChanged, this, nullptr);
    }

    void aSecondDevicesChangeShowsUpInTheDiary()
    {
        other = std::make_unique<OtherDevice>();
        auto store = Store::open(dir.filePath(QStringLiteral("other.db")),
                                 SecretBytes::random(Store::KeyBytes), Store::Mode::CreateNew);
        QVERIFY(store.ok());
        other->store = std::move(*store);
        Enrolment tablet(nullptr, EnrolmentOptions{crypto::KeyBackupCost::minimal()});
        QCOMPARE(tablet.enrol(fx.baseUrl(), fx.issueCode(org.id, org.worker1),
                              QStringLiteral("tablet"), QStringLiteral("test"), shownRecoveryKey),
                 Enrolment::Outcome::Done);
        other->identity = tablet.takeIdentity();
        auto first = other->sync();
        QVERIFY2(first.ok(), first.ok() ? "" : qPrintable(first.error().message));
        QCOMPARE(first->pulled, 1); // the encounter saved in the app

        QVERIFY(other->store->diary().save(entry(QStringLiteral("Written on the tablet"))).ok());
        QVERIFY(other->sync().ok());

        QVERIFY(
            !diaryTexts(app->diary()).join(u'|').contains(QStringLiteral("Written on the tablet")));
        QSignalSpy runs(sync(), &SyncStatus::runFinished);
        sync()->syncNow();
        QVERIFY(runs.wait(10000));
        QCOMPARE(sync()->state(), SyncStatus::Idle);
        // The tablet's entry, and the app's own encounter coming back (a pull returns every
        // change since the cursor, and the cursor was read before that push).
        QCOMPARE(sync()->pulled(), 2);
        QVERIFY(
            diaryTexts(app->diary()).join(u'|').contains(QStringLiteral("Written on the tablet")));
    }

    void anEntryEditedOnBothDevicesIsAConflictUntilResolved()
    {
        // The tablet's entry, edited on both devices while the phone is offline.
        DiaryEntry shared;
        for (const DiaryEntry &d : other->store->diary().list().value().items)
            if (d.text == u"Written on the tablet")
                shared = d;
        QVERIFY(!shared.id.isNull());
        sync()->setOnline(false);
        DiaryEditor *editor = app->diaryEditor();
        editor->load(idText(shared.id));
        editor->setField(QStringLiteral("text"), QStringLiteral("Phone: met Sam at the library"));
        QVERIFY(editor->save());
        DiaryEntry tablet = shared;
        tablet.text = QStringLiteral("Tablet: met Sam at the pier");
        QVERIFY(other->store->diary().save(tablet).ok());
        QVERIFY(other->sync().ok());

        // Back online: the tablet's newer text wins, the phone's is kept, and sync says so.
        QSignalSpy runs(sync(), &SyncStatus::runFinished);
        sync()->setOnline(true);
        sync()->syncNow();
        QVERIFY(runs.wait(10000));
        QVERIFY(settlesAt(SyncStatus::Idle));
        QCOMPARE(sync()->conflictCount(), 1);
        QVERIFY2(sync()->statusText().contains(QStringLiteral("conflict")),
                 qPrintable(sync()->statusText()));
        QVERIFY(sync()->detailText().contains(QStringLiteral("Both versions are kept")));
        ConflictListModel *conflicts = sync()->conflicts();
        QAbstractItemModelTester tester(conflicts,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(conflicts->rowCount(), 1);
        const QModelIndex row = conflicts->index(0);
        QCOMPARE(row.data(ConflictListModel::MineTextRole).toString(),
                 QStringLiteral("Phone: met Sam at the library"));
        QCOMPARE(row.data(ConflictListModel::TheirsTextRole).toString(),
                 QStringLiteral("Tablet: met Sam at the pier"));
        QCOMPARE(row.data(ConflictListModel::KindLabelRole).toString(),
                 QStringLiteral("Diary entry"));
        QCOMPARE(conflicts->countFor(idText(shared.id)), 1);
        // Both texts are found; the phone's leads to the entry.
        auto found = app->session()->store()->search(QStringLiteral("library"));
        QVERIFY(found.ok());
        QCOMPARE(found->size(), 1);
        QCOMPARE(found->first().id, shared.id);
        QCOMPARE(app->session()->store()->search(QStringLiteral("Tablet"))->size(), 1);

        // A merged text: saved here, sent, and the tablet takes it; no conflict anywhere.
        const QString merged = QStringLiteral("Met Sam at the library, then at the pier");
        runs.clear();
        QVERIFY(conflicts->merge(0, merged));
        QCOMPARE(sync()->conflictCount(), 0);
        QCOMPARE(sync()->pendingCount(), 1);
        QCOMPARE(editor->fields().value(QStringLiteral("text")).toString(), merged);
        QVERIFY(runs.wait(10000));
        QVERIFY(settlesAt(SyncStatus::Idle));
        QCOMPARE(sync()->statusText(), QStringLiteral("Up to date"));
        QVERIFY(other->sync().ok());
        QCOMPARE(other->store->diary().get(shared.id)->text, merged);
        QCOMPARE(*other->store->conflicts().count(), qint64(0));
        QCOMPARE(*app->session()->store()->conflicts().count(), qint64(0));
        QVERIFY(app->session()->store()->search(QStringLiteral("library"))->size() == 1);
    }

    void anEncounterFromTheTabletUpdatesLastContactInTheCaseload()
    {
        // Met on the phone a month ago; then met again today, written on the tablet (as
        // waypointctl does: the encounter alone, the participant record untouched).
        Participant p;
        p.pseudonym = QStringLiteral("TB-9");
        p.lastContact = QDateTime::currentDateTimeUtc().addDays(-30);
        auto saved = app->session()->store()->participants().save(p);
        QVERIFY(saved.ok());
        app->caseload()->reload();
        QSignalSpy runs(sync(), &SyncStatus::runFinished);
        sync()->syncNow();
        QVERIFY(runs.wait(10000));
        QVERIFY(other->sync().ok());

        Encounter met;
        met.participantId = saved->id;
        met.occurredAt = QDateTime::currentDateTimeUtc().addSecs(-60);
        met.place = Place::Shelter;
        QVERIFY(other->store->encounters().save(met).ok());
        QVERIFY(other->sync().ok());

        runs.clear();
        sync()->syncNow();
        QVERIFY(runs.wait(10000));
        QCOMPARE(sync()->state(), SyncStatus::Idle);
        ParticipantListModel *caseload = app->caseload();
        QString lastContact;
        for (int row = 0; row < caseload->rowCount(); ++row) {
            const QModelIndex at = caseload->index(row);
            if (at.data(ParticipantListModel::PseudonymRole).toString() == p.pseudonym)
                lastContact = at.data(ParticipantListModel::LastContactTextRole).toString();
        }
        QCOMPARE(lastContact, QStringLiteral("Last contact: Today"));
    }

    void refusedChangesAreListedRetriedAndDismissed()
    {
        // Another worker's record: this worker's device may not write it.
        auto otherStore = Store::open(dir.filePath(QStringLiteral("worker2.db")),
                                      SecretBytes::random(Store::KeyBytes), Store::Mode::CreateNew);
        QVERIFY(otherStore.ok());
        Enrolment worker2(nullptr, EnrolmentOptions{crypto::KeyBackupCost::minimal()});
        QString worker2Key;
        QCOMPARE(worker2.enrol(fx.baseUrl(), fx.issueCode(org.id, org.worker2),
                               QStringLiteral("worker 2"), QStringLiteral("test"), worker2Key),
                 Enrolment::Outcome::Done);
        SyncIdentity id = worker2.takeIdentity();
        auto theirs = (*otherStore)->diary().save(entry(QStringLiteral("Worker two's entry")));
        QVERIFY(theirs.ok());
        {
            SyncClient client(id.credentials.serverUrl);
            SyncEngine engine(**otherStore, id, client);
            QVERIFY(engine.syncOnce().ok());
        }

        DiaryEntry clash = entry(QStringLiteral("Same id, written here"));
        clash.id = theirs->id;
        QVERIFY(app->session()->store()->diary().save(clash).ok());
        QSignalSpy runs(sync(), &SyncStatus::runFinished);
        sync()->localChange();
        sync()->syncNow();
        QVERIFY(runs.wait(10000));
        QTRY_COMPARE_WITH_TIMEOUT(sync()->failedCount(), 1, 10000);
        QCOMPARE(sync()->pendingCount(), 0);
        FailedChangeListModel *refused = sync()->failedChanges();
        QAbstractItemModelTester tester(refused,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(refused->rowCount(), 1);
        const QModelIndex row = refused->index(0);
        QCOMPARE(row.data(FailedChangeListModel::KindLabelRole).toString(),
                 QStringLiteral("Diary entry"));
        QVERIFY2(row.data(FailedChangeListModel::ReasonTextRole)
                     .toString()
                     .contains(QStringLiteral("another user")),
                 qPrintable(row.data(FailedChangeListModel::ReasonTextRole).toString()));
        QVERIFY(row.data(FailedChangeListModel::WhenTextRole)
                    .toString()
                    .contains(QStringLiteral("Today")));
        QVERIFY(row.data(FailedChangeListModel::CanDismissRole).toBool());

        // Try again: sent again at once, refused again (the server has not changed its mind).
        runs.clear();
        sync()->retryFailed();
        QVERIFY(runs.wait(10000));
        QCOMPARE(sync()->failedCount(), 1);
        QCOMPARE(sync()->pendingCount(), 0);
        QVERIFY(sync()->pushed() == 0);

        // Dismissed: off the list and not sent again; the entry stays on this phone.
        QVERIFY(sync()->dismissFailed(0));
        QCOMPARE(sync()->failedCount(), 0);
        QCOMPARE(refused->rowCount(), 0);
        QCOMPARE(sync()->pendingCount(), 0);
        auto kept = app->session()->store()->diary().get(theirs->id);
        QVERIFY(kept.ok());
        QCOMPARE(kept->text, QStringLiteral("Same id, written here"));
        QVERIFY(!sync()->dismissFailed(0));
    }

    void lastSyncSurvivesARestartInTheEncryptedStore()
    {
        QSignalSpy runs(sync(), &SyncStatus::runFinished);
        sync()->syncNow();
        QVERIFY(runs.wait(10000));
        const QDateTime saved = sync()->lastSync();
        QVERIFY(saved.isValid());
        // Locked: the time is not shown nor kept in memory (when a worker was online is private).
        app->session()->lock();
        QVERIFY(!sync()->lastSync().isValid());
        QVERIFY(sync()->lastSyncText().isEmpty());

        // Restarted while the server is away: the first run fails, the time is the saved one.
        fx.stopServer();
        app.reset();
        startApp();
        QVERIFY(!sync()->lastSync().isValid());
        QSignalSpy again(app->sync(), &SyncStatus::runFinished);
        unlock();
        QCOMPARE(sync()->lastSync().toMSecsSinceEpoch(), saved.toMSecsSinceEpoch());
        QVERIFY2(sync()->lastSyncText().startsWith(QStringLiteral("Last synced")),
                 qPrintable(sync()->lastSyncText()));
        QVERIFY(again.wait(10000));
        QCOMPARE(sync()->state(), SyncStatus::Offline);
        QCOMPARE(sync()->lastSync().toMSecsSinceEpoch(), saved.toMSecsSinceEpoch());
        // Not in the app's settings file, only inside the encrypted store.
        const QDir appDir(dir.filePath(QStringLiteral("app")));
        for (const QFileInfo &f : appDir.entryInfoList(QDir::Files)) {
            QFile file(f.filePath());
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY2(!file.readAll().contains(QByteArray::number(saved.toMSecsSinceEpoch())),
                     qPrintable(f.fileName()));
        }
        QVERIFY2(fx.startServer(), qPrintable(fx.lastError()));
        QVERIFY(settlesAt(SyncStatus::Idle));
        QVERIFY(sync()->lastSync() > saved);
    }

    void serverDownShowsOfflineBacksOffAndConvergesWhenBack()
    {
        fx.stopServer();
        DiaryEditor *editor = app->diaryEditor();
        editor->startNew({});
        editor->setField(QStringLiteral("text"),
                         QStringLiteral("Written while the server was down"));
        QVERIFY(editor->save());
        QSignalSpy runs(sync(), &SyncStatus::runFinished);
        QVERIFY(runs.wait(10000));
        QCOMPARE(sync()->state(), SyncStatus::Offline);
        QVERIFY2(sync()->detailText().contains(QStringLiteral("cannot be reached")),
                 qPrintable(sync()->detailText()));
        QCOMPARE(sync()->pendingCount(), 1);
        SyncScheduler *s = sync()->scheduler();
        QCOMPARE(s->failures(), 1);
        QCOMPARE(s->due(), SyncScheduler::Due::Retry);
        QVERIFY(s->dueInMs() <= 300);
        // It keeps trying by itself, each wait drawn below a doubling ceiling.
        QVERIFY(runs.wait(10000));
        QCOMPARE(s->failures(), 2);
        QVERIFY(s->dueInMs() <= 600);

        QVERIFY2(fx.startServer(), qPrintable(fx.lastError()));
        QTRY_VERIFY_WITH_TIMEOUT(sync()->state() == SyncStatus::Idle && !sync()->busy(), 15000);
        QCOMPARE(sync()->pendingCount(), 0);
        QCOMPARE(s->failures(), 0);
        QCOMPARE(s->due(), SyncScheduler::Due::Periodic);
        auto r = other->sync();
        QVERIFY(r.ok());
        auto counts = other->store->countByType();
        QVERIFY(counts.ok());
        QCOMPARE(counts->value(RecordType::DiaryEntry), 2);
    }

    void lockingMidSyncStopsCleanlyAndTheNextUnlockContinues()
    {
        {
            auto batch = app->session()->store()->batch();
            QVERIFY(batch.ok());
            for (int i = 0; i < 400; ++i)
                QVERIFY(app->session()
                            ->store()
                            ->diary()
                            .save(entry(QStringLiteral("Bulk entry %1").arg(i)))
                            .ok());
            QVERIFY(batch->commit().ok());
        }
        // Lock as soon as the first batch is acknowledged: mid-run, the store closes under
        // the sync thread.
        connect(
            sync(), &SyncStatus::pushedChanged, this,
            [this] {
                if (sync()->pushed() >= 50)
                    app->session()->lock();
            },
            Qt::QueuedConnection);
        sync()->localChange();
        sync()->syncNow();
        QTRY_VERIFY_WITH_TIMEOUT(app->session()->state() == Session::Locked, 15000);
        disconnect(sync(), &SyncStatus::pushedChanged, this, nullptr);
        QVERIFY(sync()->pushed() < 400);
        QVERIFY(!app->session()->store());
        QTRY_VERIFY_WITH_TIMEOUT(!sync()->busy(), 15000);
        QCOMPARE(sync()->scheduler()->dueInMs(), -1);

        // The app closed and started again (as after being killed: the engine only moves the
        // outbox and the cursor after the server or the store committed).
        app.reset();
        startApp();
        QSignalSpy runs(app->sync(), &SyncStatus::runFinished);
        unlock(); // unlocking syncs at once
        QVERIFY(runs.wait(30000));
        QVERIFY(settlesAt(SyncStatus::Idle, 30000));
        QCOMPARE(sync()->pendingCount(), 0);
        auto r = other->sync();
        QVERIFY(r.ok());
        QCOMPARE(r->pulled, 400);
        auto count = other->store->countByType();
        QVERIFY(count.ok());
        QCOMPARE(count->value(RecordType::DiaryEntry), 402);
    }

    // The organisation's offline lease: learnt at every sync, it gates the screens of a device
    // that has not reached the server for longer, until a check-in succeeds. Time is moved by
    // setting the recorded contact back, not by waiting days.
    void anOutOfLeaseDeviceChecksInBeforeShowingRecords()
    {
        OfflineLeaseGate *lease = app->lease();
        QCOMPARE(lease->days(), 0);
        QVERIFY(!lease->locked());
        QCOMPARE(fx.admin({QStringLiteral("set-offline-lease"), QStringLiteral("--org"),
                           idText(org.id), QStringLiteral("--days"), QStringLiteral("14")}),
                 QStringLiteral("offline lease 14 days"));
        QSignalSpy runs(sync(), &SyncStatus::runFinished);
        sync()->syncNow();
        QVERIFY(runs.wait(10000));
        QCOMPARE(lease->days(), 14);
        QVERIFY(!lease->locked());

        // Fifteen days without contact: locked, and nothing on the device changed.
        QVERIFY(
            app->session()->store()->diary().save(entry(QStringLiteral("Kept while out"))).ok());
        const qint64 pending = app->session()->store()->outbox().count().value();
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        QVERIFY(OfflineLease(app->session()->store()->database())
                    .recordContact(14, now - 15 * LeaseState::DayMs));
        QSignalSpy locked(lease, &OfflineLeaseGate::lockedChanged);
        lease->evaluate();
        QVERIFY(lease->locked());
        QCOMPARE(locked.count(), 1);
        // Locking and unlocking again does not open it.
        app->session()->lock();
        unlock();
        QVERIFY(lease->locked());

        // Offline: the check-in fails, says so, and loses nothing.
        fx.stopServer();
        lease->checkIn();
        QVERIFY(lease->checking());
        QTRY_VERIFY_WITH_TIMEOUT(!lease->checking(), 15000);
        QVERIFY(lease->locked());
        QVERIFY2(lease->problem().contains(QStringLiteral("Nothing on this phone is lost")),
                 qPrintable(lease->problem()));
        QCOMPARE(app->session()->store()->outbox().count().value(), pending);

        // Back online: the next run (the scheduler's retry or another check-in) opens the app.
        QVERIFY2(fx.startServer(), qPrintable(fx.lastError()));
        lease->checkIn();
        QTRY_VERIFY_WITH_TIMEOUT(!lease->locked(), 15000);
        QVERIFY(lease->problem().isEmpty() || !lease->checking());
        QVERIFY(settlesAt(SyncStatus::Idle));
        QCOMPARE(sync()->pendingCount(), 0);
        QVERIFY(diaryTexts(app->diary()).join(u' ').contains(QStringLiteral("Kept while out")));

        // Off again: the device learns it at the next contact.
        QCOMPARE(fx.admin({QStringLiteral("set-offline-lease"), QStringLiteral("--org"),
                           idText(org.id), QStringLiteral("--days"), QStringLiteral("0")}),
                 QStringLiteral("offline lease off"));
        sync()->syncNow();
        QTRY_COMPARE_WITH_TIMEOUT(lease->days(), 0, 10000);
    }

    // A lost phone is cut off: at its next contact after the organisation revoked it, the
    // device destroys its keys and its records and shows the neutral page, then setup.
    void aRevokedDeviceWipesItselfAtItsNextContact()
    {
        const QString marker = QStringLiteral("Written before the revocation, zq7");
        QVERIFY(app->session()->store()->diary().save(entry(marker)).ok());
        auto me = SyncIdentity::load(*app->session()->store());
        QVERIFY(me.ok());
        QVERIFY(fx.admin({QStringLiteral("revoke-device"), QStringLiteral("--org"), idText(org.id),
                          QStringLiteral("--device"), idText(me->credentials.deviceId)})
                    .startsWith(u"revoked"));
        QSignalSpy runs(sync(), &SyncStatus::runFinished);
        sync()->syncNow();
        QVERIFY(runs.wait(10000));
        QTRY_COMPARE(app->session()->state(), Session::NeedsSetup);
        QVERIFY(app->session()->hidden()); // the neutral page, not a message about a wipe
        QVERIFY(app->session()->store() == nullptr);
        QVERIFY(!connection()->enrolled());

        // Nothing of the store is left: no vault, no database, no drafts, no file that holds
        // the entry's words.
        const QString data = dir.filePath(QStringLiteral("app"));
        QVERIFY(!DeviceStore::exists(data));
        QVERIFY(!QFile::exists(DeviceStore::databasePath(data)));
        QVERIFY(!QFile::exists(data + QStringLiteral("/drafts")));
        QDirIterator files(data, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            QFile f(files.next());
            QVERIFY(f.open(QIODevice::ReadOnly));
            QVERIFY2(!f.readAll().contains(marker.toUtf8()), qPrintable(f.fileName()));
        }
        // No retry storm: the scheduler stays still.
        QCOMPARE(sync()->scheduler()->dueInMs(), -1);
        QVERIFY(!runs.wait(1500));

        // The phone can be set up again, as a new one.
        app->session()->reveal();
        app->session()->createPin(Pin, Pin);
        app->session()->waitForIdle();
        QCOMPARE(app->session()->state(), Session::Unlocked);
        auto count = app->session()->store()->countByType();
        QVERIFY(count.ok());
        QCOMPARE(count->value(RecordType::DiaryEntry), 0);
    }

    void cleanupTestCase()
    {
        app.reset();
        other.reset();
    }
};

QTEST_MAIN(TestAppSync)
#include "tst_app_sync.moc"
