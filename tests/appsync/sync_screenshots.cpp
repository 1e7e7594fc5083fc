// SPDX-License-Identifier: GPL-3.0-or-later
// Renders the sync screens in the states only a real server can produce (choosing the
// recovery key: ready to make it after a lock in the middle of enrolment, shown once (groups
// and QR code) and checked; enrolled and up to date, offline with changes waiting, changes
// the server refused, a conflict, the "Check in" screen past the offline lease), light and
// dark, into a folder (scripts/screenshots passes docs/screenshots). Starts a throwaway
// PostgreSQL and waypoint-server through tests/server's fixture. Not a CTest test.
#include "AppContext.h"
#include "DemoData.h"
#include "Enrolment.h"
#include "LocalServer.h"
#include "OfflineLease.h"
#include "Store.h"
#include "SyncEngine.h"
#include "Uuid.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>

using namespace wp::client;

namespace {

void settle(int ms = 400)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
}

bool waitFor(const std::function<bool()> &done, int ms = 30000)
{
    QElapsedTimer t;
    t.start();
    while (!done() && t.elapsed() < ms)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    return done();
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    QTextStream err(stderr);
    const QStringList args = QCoreApplication::arguments();
    const QString out = args.size() > 1 ? args.at(1) : QStringLiteral("docs/screenshots");
    const QString language = args.size() > 2 ? args.at(2) : QStringLiteral("en");
    QDir().mkpath(out);

    LocalServer fx;
    if (!fx.startDatabase() || !fx.startServer()) {
        err << "sync screenshots: server: " << fx.lastError() << '\n';
        return 1;
    }
    const LocalServer::Org org = fx.createOrganisation(QStringLiteral("Riverside Outreach"));
    // The worker's full name, as an administrator would give it (the sync page shows it).
    fx.sql(QStringLiteral("UPDATE users SET name = 'Sam Taylor' WHERE user_id = '%1'")
               .arg(org.worker1.toString(QUuid::WithoutBraces)));

    QTemporaryDir data;
    wp::VaultPolicy policy;
    policy.kdf = wp::KdfParams::fastForTests();
    SyncOptions sync;
    sync.watchConnectivity = false;
    sync.backupCost = wp::crypto::KeyBackupCost::minimal();
    sync.policy.backoffBaseMs = 60000; // keep the offline state on screen
    AppContext context(Session::Options{data.path(), policy, 6}, sync);
    context.preferences()->setLanguage(language);
    context.preferences()->setTheme(QStringLiteral("light"));
    AppContext::useMaterialStyle();
    QQmlApplicationEngine engine;
    QQuickWindow *window = context.loadShell(engine);
    if (!window) {
        err << "sync screenshots: the main window did not load\n";
        return 1;
    }
    window->resize(360, 780);

    int failures = 0;
    const auto shootBoth = [&](const QString &name) {
        for (const QString &theme : {QStringLiteral("light"), QStringLiteral("dark")}) {
            context.preferences()->setTheme(theme);
            settle();
            const QImage image = window->grabWindow();
            const QString file = QDir(out).filePath(QStringLiteral("%1-%2.png").arg(name, theme));
            if (image.isNull() || !image.save(file)) {
                err << "sync screenshots: could not write " << file << '\n';
                ++failures;
            }
        }
    };
    const auto open = [&](const QString &screen) {
        QMetaObject::invokeMethod(window, "goHome", Q_ARG(int, 0));
        QMetaObject::invokeMethod(window, "openScreen", Q_ARG(QString, screen),
                                  Q_ARG(QVariant, QVariant(QVariantMap{})));
    };

    Session *session = context.session();
    SyncConnection *connection = context.connection();
    SyncStatus *s = context.sync();
    int runs = 0;
    QObject::connect(s, &SyncStatus::runFinished, [&runs] { ++runs; });
    session->createPin(QStringLiteral("246810"), QStringLiteral("246810"));
    session->waitForIdle();
    if (!session->store() || !wp::client::addDemoData(*session->store()).ok()) {
        err << "sync screenshots: setup failed\n";
        return 1;
    }
    session->lock(); // the lists read the demo records when the store opens
    session->unlock(QStringLiteral("246810"));
    session->waitForIdle();

    // Step 2 of enrolling the user's first device.
    connection->setDeviceName(QStringLiteral("Work phone"));
    connection->enrol(fx.baseUrl(), fx.issueCode(org.id, org.worker1));
    if (!waitFor([connection] { return connection->enrolStep() == SyncConnection::MakeKeys; })) {
        err << "sync screenshots: enrolment: " << connection->enrolMessage() << '\n';
        return 1;
    }
    // Locked in the middle of enrolment: unlocking resumes at the key step.
    session->lock();
    session->unlock(QStringLiteral("246810"));
    session->waitForIdle();
    if (connection->enrolStep() != SyncConnection::MakeKeys) {
        err << "sync screenshots: enrolment did not resume after unlocking\n";
        return 1;
    }
    open(QStringLiteral("sync"));
    shootBoth(QStringLiteral("sync-make-keys"));

    // The recovery key, shown once; then the check that it was written down.
    connection->makeKeys();
    if (!waitFor(
            [connection] { return connection->enrolStep() == SyncConnection::ShowRecoveryKey; })) {
        err << "sync screenshots: recovery key: " << connection->enrolMessage() << '\n';
        return 1;
    }
    shootBoth(QStringLiteral("sync-recovery-key"));
    if (QObject *card = window->findChild<QObject *>(QStringLiteral("recoveryKeyCard"))) {
        card->setProperty("showQr", true);
        shootBoth(QStringLiteral("sync-recovery-key-qr"));
        card->setProperty("showQr", false);
    }
    const QStringList groups = connection->recoveryKeyGroups();
    connection->recoveryKeyWrittenDown();
    shootBoth(QStringLiteral("sync-recovery-check"));

    // Enrolled: the first sync pushes the demo records.
    connection->confirmRecoveryKey(groups.value(connection->checkGroup() - 1));
    if (!waitFor([s] { return s->state() == SyncStatus::Idle && s->lastSync().isValid(); })) {
        err << "sync screenshots: first sync: " << s->detailText() << '\n';
        return 1;
    }
    open(QStringLiteral("sync"));
    shootBoth(QStringLiteral("sync-enrolled"));
    // Further down: this device's name and the user's key fingerprint.
    if (auto *identity = window->findChild<QQuickItem *>(QStringLiteral("syncIdentitySection"))) {
        if (QObject *page = window->findChild<QObject *>(QStringLiteral("syncPage"))) {
            if (auto *flick = page->property("flickable").value<QObject *>())
                flick->setProperty("contentY", qMax(0.0, identity->y() + identity->height() + 16 -
                                                             flick->property("height").toDouble()));
        }
        shootBoth(QStringLiteral("sync-enrolled-device"));
    }

    // The server goes away; a diary entry waits on the phone.
    fx.stopServer();
    wp::DiaryEntry entry;
    entry.text = QStringLiteral("Long day at the court with T.");
    entry.writtenAt = QDateTime::currentDateTimeUtc();
    (void)session->store()->diary().save(entry);
    s->localChange();
    s->syncNow();
    if (!waitFor([s] { return s->state() == SyncStatus::Offline; })) {
        err << "sync screenshots: offline state not reached\n";
        return 1;
    }
    open(QStringLiteral("sync"));
    shootBoth(QStringLiteral("sync-offline"));
    QMetaObject::invokeMethod(window, "goHome", Q_ARG(int, 0));
    shootBoth(QStringLiteral("today-offline"));

    // Back online; then two changes the server refuses for good: records with the ids of
    // another worker's records (not_author), as a clash of ids would produce.
    if (!fx.startServer()) {
        err << "sync screenshots: server restart: " << fx.lastError() << '\n';
        return 1;
    }
    s->syncNow();
    if (!waitFor([s] { return s->state() == SyncStatus::Idle && !s->busy(); })) {
        err << "sync screenshots: back online: " << s->detailText() << '\n';
        return 1;
    }
    {
        auto theirStore = wp::Store::open(data.filePath(QStringLiteral("worker2.db")),
                                          wp::SecretBytes::random(wp::Store::KeyBytes),
                                          wp::Store::Mode::CreateNew);
        wp::sync::Enrolment theirs(
            nullptr, wp::sync::EnrolmentOptions{wp::crypto::KeyBackupCost::minimal()});
        QString theirKey;
        const auto enrolled =
            theirs.enrol(fx.baseUrl(), fx.issueCode(org.id, org.worker2),
                         QStringLiteral("worker 2"), QStringLiteral("screenshots"), theirKey);
        if (!theirStore || enrolled != wp::sync::Enrolment::Outcome::Done) {
            err << "sync screenshots: second worker setup failed\n";
            return 1;
        }
        wp::Participant p;
        p.pseudonym = QStringLiteral("Jo");
        wp::DiaryEntry d;
        d.text = QStringLiteral("Their entry");
        d.writtenAt = QDateTime::currentDateTimeUtc().addDays(-1);
        auto theirP = (*theirStore)->participants().save(p);
        auto theirD = (*theirStore)->diary().save(d);
        wp::sync::SyncIdentity theirId = theirs.takeIdentity();
        wp::sync::SyncClient client(theirId.credentials.serverUrl);
        wp::sync::SyncEngine engine(**theirStore, theirId, client);
        if (!theirP || !theirD || !engine.syncOnce()) {
            err << "sync screenshots: second worker sync failed\n";
            return 1;
        }
        wp::Participant mine;
        mine.id = theirP->id;
        mine.pseudonym = QStringLiteral("K.M.");
        wp::DiaryEntry mineD;
        mineD.id = theirD->id;
        mineD.text = QStringLiteral("Walked the river path with K.");
        mineD.writtenAt = QDateTime::currentDateTimeUtc().addDays(-1);
        (void)session->store()->participants().save(mine);
        (void)session->store()->diary().save(mineD);
    }
    s->localChange();
    s->syncNow();
    if (!waitFor([s] { return s->failedCount() == 2 && !s->busy(); })) {
        err << "sync screenshots: refused changes: " << s->detailText() << '\n';
        return 1;
    }
    open(QStringLiteral("sync"));
    shootBoth(QStringLiteral("sync-refused"));
    open(QStringLiteral("failedChanges"));
    shootBoth(QStringLiteral("sync-refused-list"));

    // The same diary entry changed offline on the phone and on the worker's tablet: a
    // conflict, on the conflict page, the sync page and Today.
    {
        auto tabletStore = wp::Store::open(data.filePath(QStringLiteral("tablet.db")),
                                           wp::SecretBytes::random(wp::Store::KeyBytes),
                                           wp::Store::Mode::CreateNew);
        wp::sync::Enrolment tablet(
            nullptr, wp::sync::EnrolmentOptions{wp::crypto::KeyBackupCost::minimal()});
        QString phoneKey = groups.join(QLatin1Char('-')); // the key the phone showed
        const auto enrolled =
            tablet.enrol(fx.baseUrl(), fx.issueCode(org.id, org.worker1), QStringLiteral("tablet"),
                         QStringLiteral("screenshots"), phoneKey);
        if (!tabletStore || enrolled != wp::sync::Enrolment::Outcome::Done) {
            err << "sync screenshots: tablet setup failed\n";
            return 1;
        }
        wp::sync::SyncIdentity tabletId = tablet.takeIdentity();
        wp::sync::SyncClient client(tabletId.credentials.serverUrl);
        wp::sync::SyncEngine engine(**tabletStore, tabletId, client);
        if (!engine.syncOnce()) {
            err << "sync screenshots: tablet sync failed\n";
            return 1;
        }
        s->setOnline(false);
        QUuid court;
        if (auto listed = (*tabletStore)->diary().list({QByteArray(), 500}))
            for (const wp::DiaryEntry &d : listed->items)
                if (d.text == entry.text)
                    court = d.id;
        auto onPhone = session->store()->diary().get(court);
        auto onTablet = (*tabletStore)->diary().get(court);
        if (!onPhone || !onTablet) {
            err << "sync screenshots: the entry is not on both devices\n";
            return 1;
        }
        onPhone->text = QStringLiteral("Long day at the court with T. The hearing moved to "
                                       "Friday; T. asked me to come along.");
        (void)session->store()->diary().save(*onPhone);
        s->localChange();
        onTablet->text = QStringLiteral("Long day at the court with T. The lawyer was late and "
                                        "we waited two hours; T. stayed calm.");
        if (!(*tabletStore)->diary().save(*onTablet) || !engine.syncOnce()) {
            err << "sync screenshots: tablet edit failed\n";
            return 1;
        }
        s->setOnline(true);
        s->syncNow();
        if (!waitFor([s] { return s->conflictCount() == 1 && !s->busy(); })) {
            err << "sync screenshots: conflict: " << s->detailText() << '\n';
            return 1;
        }
    }
    open(QStringLiteral("conflicts"));
    shootBoth(QStringLiteral("conflicts"));
    open(QStringLiteral("sync"));
    shootBoth(QStringLiteral("sync-conflict"));
    QMetaObject::invokeMethod(window, "goHome", Q_ARG(int, 0));
    shootBoth(QStringLiteral("today-conflict"));

    // Past the organisation's offline lease: the "Check in" screen, then a check-in while
    // offline. The last contact is set 15 days back rather than waiting.
    fx.admin({QStringLiteral("set-offline-lease"), QStringLiteral("--org"), wp::idText(org.id),
              QStringLiteral("--days"), QStringLiteral("14")});
    const int runsBefore = runs;
    s->syncNow();
    if (!waitFor([&] { return runs > runsBefore && !s->busy(); }) ||
        context.lease()->days() != 14) {
        err << "sync screenshots: lease not learnt\n";
        return 1;
    }
    (void)wp::OfflineLease(session->store()->database())
        .recordContact(14, QDateTime::currentMSecsSinceEpoch() - 15 * wp::LeaseState::DayMs);
    context.lease()->evaluate();
    QMetaObject::invokeMethod(window, "goHome", Q_ARG(int, 0));
    shootBoth(QStringLiteral("checkin"));
    fx.stopServer();
    context.lease()->checkIn();
    if (!waitFor([&] { return !context.lease()->checking(); })) {
        err << "sync screenshots: check-in did not end\n";
        return 1;
    }
    shootBoth(QStringLiteral("checkin-offline"));

    session->lock();
    QTextStream(stdout) << "sync screenshots: written to " << out << '\n';
    return failures == 0 ? 0 : 1;
}
