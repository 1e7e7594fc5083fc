// SPDX-License-Identifier: GPL-3.0-or-later
// Renders the screens of approval by an existing device, which need a real server: on a new
// phone, the choice of how the keys come and the request's number while it waits; on a
// device that has the keys, the sync page's card for a new device, Today's line and the
// approve page (with a mistyped number). Light and dark, into a folder (scripts/screenshots
// passes docs/screenshots). Starts a throwaway PostgreSQL and waypoint-server through
// tests/server's fixture. Not a CTest test.
#include "AppContext.h"
#include "DemoData.h"
#include "Enrolment.h"
#include "LocalServer.h"
#include "NewDeviceApproval.h"
#include "Store.h"
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
using Outcome = wp::sync::Enrolment::Outcome;

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

wp::sync::EnrolmentOptions cheap()
{
    wp::sync::EnrolmentOptions o;
    o.backupCost = wp::crypto::KeyBackupCost::minimal();
    return o;
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
        err << "approval screenshots: server: " << fx.lastError() << '\n';
        return 1;
    }
    const LocalServer::Org org = fx.createOrganisation(QStringLiteral("Riverside Outreach"));
    fx.sql(QStringLiteral("UPDATE users SET name = 'Sam Taylor' WHERE user_id = '%1'")
               .arg(org.worker1.toString(QUuid::WithoutBraces)));

    // The worker's first device, headless: it made the keys.
    wp::sync::Enrolment desk(nullptr, cheap());
    QString recoveryKey;
    if (desk.enrol(fx.baseUrl(), fx.issueCode(org.id, org.worker1), QStringLiteral("Work laptop"),
                   QStringLiteral("debian"), recoveryKey) != Outcome::Done) {
        err << "approval screenshots: first device: " << desk.error().message << '\n';
        return 1;
    }
    const wp::sync::SyncIdentity deskId = desk.takeIdentity();

    QTemporaryDir data;
    wp::VaultPolicy policy;
    policy.kdf = wp::KdfParams::fastForTests();
    SyncOptions sync;
    sync.watchConnectivity = false;
    sync.backupCost = wp::crypto::KeyBackupCost::minimal();
    sync.approvalPollMs = 300;
    AppContext context(Session::Options{data.path(), policy, 6}, sync);
    context.preferences()->setLanguage(language);
    context.preferences()->setTheme(QStringLiteral("light"));
    AppContext::useMaterialStyle();
    QQmlApplicationEngine engine;
    QQuickWindow *window = context.loadShell(engine);
    if (!window) {
        err << "approval screenshots: the main window did not load\n";
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
                err << "approval screenshots: could not write " << file << '\n';
                ++failures;
            }
        }
    };
    const auto open = [&](const QString &screen, const QVariantMap &properties = {}) {
        QMetaObject::invokeMethod(window, "goHome", Q_ARG(int, 0));
        QMetaObject::invokeMethod(window, "openScreen", Q_ARG(QString, screen),
                                  Q_ARG(QVariant, QVariant(properties)));
    };

    Session *session = context.session();
    SyncConnection *connection = context.connection();
    session->createPin(QStringLiteral("246810"), QStringLiteral("246810"));
    session->waitForIdle();
    if (!session->store() || !wp::client::addDemoData(*session->store()).ok()) {
        err << "approval screenshots: setup failed\n";
        return 1;
    }
    session->lock(); // the lists read the demo records when the store opens
    session->unlock(QStringLiteral("246810"));
    session->waitForIdle();

    // A new phone of the same worker: how should the keys come?
    connection->setDeviceName(QStringLiteral("Pixel 8"));
    connection->enrol(fx.baseUrl(), fx.issueCode(org.id, org.worker1));
    if (!waitFor(
            [connection] { return connection->enrolStep() == SyncConnection::ChooseKeyWay; })) {
        err << "approval screenshots: enrolment: " << connection->enrolMessage() << '\n';
        return 1;
    }
    open(QStringLiteral("sync"));
    shootBoth(QStringLiteral("sync-approval-choice"));
    connection->askApproval();
    if (!waitFor(
            [connection] { return connection->enrolStep() == SyncConnection::AwaitApproval; })) {
        err << "approval screenshots: request: " << connection->enrolMessage() << '\n';
        return 1;
    }
    shootBoth(QStringLiteral("sync-approval-waiting"));

    // Approved on the first device: the phone gets the keys and syncs.
    {
        auto phoneId = wp::sync::SyncIdentity::load(*session->store());
        wp::sync::SyncClient client(fx.baseUrl());
        wp::sync::NewDeviceApproval approval(deskId, client);
        if (!phoneId ||
            !approval.approve(phoneId->credentials.deviceId, connection->approvalFingerprint())) {
            err << "approval screenshots: approval failed\n";
            return 1;
        }
    }
    if (!waitFor([&] { return connection->enrolled() && !context.sync()->busy(); })) {
        err << "approval screenshots: keys did not come: " << connection->enrolMessage() << '\n';
        return 1;
    }

    // Now a tablet asks to join, and the phone is the device that decides.
    wp::sync::Enrolment tablet(nullptr, cheap());
    if (tablet.redeem(fx.baseUrl(), fx.issueCode(org.id, org.worker1),
                      QStringLiteral("Galaxy Tab A9"),
                      QStringLiteral("android")) != Outcome::Done ||
        tablet.requestApproval() != Outcome::Done) {
        err << "approval screenshots: tablet: " << tablet.error().message << '\n';
        return 1;
    }
    const QString tabletId = wp::idText(tablet.identity().credentials.deviceId);
    NewDeviceNotices *notices = context.newDevices();
    if (!waitFor([notices] {
            notices->refresh(); // asked again until the answer lists it
            settle(200);
            return !notices->pendingNotice().isEmpty();
        })) {
        err << "approval screenshots: the tablet is not listed (" << notices->count() << ")\n";
        return 1;
    }
    open(QStringLiteral("sync"));
    shootBoth(QStringLiteral("sync-new-device"));
    QMetaObject::invokeMethod(window, "goHome", Q_ARG(int, 0));
    shootBoth(QStringLiteral("today-new-device"));

    // The approve page, the groups typed, one of them wrong.
    open(QStringLiteral("approveDevice"), {{QStringLiteral("deviceId"), tabletId}});
    settle();
    QStringList typed = tablet.approvalFingerprint().split(u' ');
    typed[4] =
        typed.at(4) == QLatin1String("12345") ? QStringLiteral("54321") : QStringLiteral("12345");
    // Repeater delegates are reached through the visual tree, not QObject children.
    const std::function<QQuickItem *(QQuickItem *, const QString &)> item =
        [&item](QQuickItem *from, const QString &name) -> QQuickItem * {
        for (QQuickItem *child : from->childItems()) {
            if (child->objectName() == name)
                return child;
            if (QQuickItem *found = item(child, name))
                return found;
        }
        return nullptr;
    };
    for (int i = 0; i < typed.size(); ++i)
        if (QQuickItem *field =
                item(window->contentItem(), QStringLiteral("approveGroup%1").arg(i)))
            field->setProperty("text", typed.at(i));
    shootBoth(QStringLiteral("sync-approve-device"));
    if (notices->approve(tabletId, typed.join(u' '))) {
        err << "approval screenshots: a wrong number was taken\n";
        return 1;
    }
    shootBoth(QStringLiteral("sync-approve-device-mismatch"));

    session->lock();
    QTextStream(stdout) << "approval screenshots: written to " << out << '\n';
    return failures == 0 ? 0 : 1;
}
