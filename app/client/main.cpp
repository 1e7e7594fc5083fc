// SPDX-License-Identifier: GPL-3.0-or-later
// The waypoint executable: builds the object graph, loads the QML, runs.
#include "ActivityFilter.h"
#include "AppContext.h"
#include "PrivateFiles.h"
#include "QtKeychainKeyStore.h"
#include "ScreenCaptureGuard.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QStandardPaths>
#include <QTextStream>

#include <cstdio>

namespace {

// Waits for the first frame and checks the first screen is first run or unlock.
int selfTest(QQuickWindow *window, const QStringList &warnings)
{
    QTextStream err(stderr);
    if (!window) {
        err << "waypoint: self-test failed: the main window did not load\n";
        for (const QString &w : warnings)
            err << "  " << w << '\n';
        return 1;
    }
    bool drawn = false;
    QObject::connect(window, &QQuickWindow::frameSwapped, window, [&drawn] { drawn = true; });
    QElapsedTimer timer;
    timer.start();
    QQuickItem *screen = nullptr;
    while (timer.elapsed() < 10000 && (!drawn || !screen)) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        auto *loader = window->findChild<QQuickItem *>(QStringLiteral("screenLoader"));
        const QVariant item = loader ? loader->property("item") : QVariant();
        screen = item.value<QQuickItem *>();
    }
    if (!drawn || !screen) {
        err << "waypoint: self-test failed: the first screen was not shown within 10 s\n";
        return 1;
    }
    const QString name = screen->objectName();
    if (name != QLatin1String("firstRun") && name != QLatin1String("unlock")) {
        err << "waypoint: self-test failed: unexpected first screen '" << name << "'\n";
        return 1;
    }
    if (!warnings.isEmpty()) {
        err << "waypoint: self-test failed: QML warnings\n";
        for (const QString &w : warnings)
            err << "  " << w << '\n';
        return 1;
    }
    QTextStream(stdout) << "waypoint: self-test ok (" << name << " shown in " << timer.elapsed()
                        << " ms)\n";
    return 0;
}

// --help and --version only print text: they must work where no display is (a terminal over
// SSH, a build machine), so they are answered before the GUI application, which aborts there.
bool asksOnlyForText(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "-h" || arg == "--help" || arg == "-?" || arg == "--help-all" || arg == "-v" ||
            arg == "--version")
            return true;
    }
    return false;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication::setApplicationName(QStringLiteral("Waypoint"));
    QCoreApplication::setOrganizationName(QStringLiteral("Waypoint"));
    QCoreApplication::setApplicationVersion(QStringLiteral(WAYPOINT_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Waypoint: an offline-first companion for peer navigators."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dataDir(QStringLiteral("data-dir"),
                                     QStringLiteral("Keep the encrypted store in DIR."),
                                     QStringLiteral("DIR"));
    const QCommandLineOption selfTestOption(
        QStringLiteral("self-test"),
        QStringLiteral("Start, show the first screen, quit (0 when it worked)."));
    parser.addOption(dataDir);
    parser.addOption(selfTestOption);
    if (asksOnlyForText(argc, argv)) {
        QCoreApplication textOnly(argc, argv);
        parser.process(textOnly); // prints the help or the version and exits
        return 0;
    }

    QApplication app(argc, argv);
    parser.process(app);

    const QString dir = parser.isSet(dataDir)
                            ? parser.value(dataDir)
                            : QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (!wp::PrivateFiles::folder(dir)) {
        QTextStream(stderr) << "waypoint: cannot create the data directory " << dir << '\n';
        return 1;
    }

    // Blocks screenshots and the recent-apps thumbnail where the OS allows (Android).
    if (wp::ScreenCaptureGuard::supported())
        (void)wp::ScreenCaptureGuard::enable();

    // The vault is wrapped by the desktop keychain too, failing closed (docs/security.md).
    wp::QtKeychainKeyStore keychain;
    // The PIN's Argon2id cost is sized to this device when a store or a PIN is made.
    wp::client::AppContext context(wp::client::Session::Options{
        dir, {}, wp::PinPolicy::MinLength, &keychain, wp::KdfBudget::forThisDevice()});
    wp::client::ActivityFilter activity(context.session());
    app.installEventFilter(&activity);

    wp::client::AppContext::useMaterialStyle();
    QQmlApplicationEngine engine;
    QStringList warnings;
    QObject::connect(&engine, &QQmlEngine::warnings, &engine,
                     [&warnings](const QList<QQmlError> &list) {
                         for (const QQmlError &e : list)
                             warnings.append(e.toString());
                     });
    QQuickWindow *window = context.loadShell(engine);

    if (parser.isSet(selfTestOption))
        return selfTest(window, warnings);
    if (!window) {
        QTextStream err(stderr);
        err << "waypoint: the user interface failed to load\n";
        for (const QString &w : std::as_const(warnings))
            err << "  " << w << '\n';
        return 1;
    }
    return app.exec();
}
