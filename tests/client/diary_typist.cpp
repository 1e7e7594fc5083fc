// SPDX-License-Identifier: GPL-3.0-or-later
// The app as a worker uses it, for the kill test in tst_client: the real window (Main.qml) over
// a real encrypted store in DIR, the diary editor open, and one key typed into its text every
// 50 ms, without a pause, until the process is killed. Each key is reported on stdout as
// "typed <count> <unix ms>" once the editor holds it.
//   diary_typist DIR PIN
#include "AppContext.h"
#include "Session.h"

#include <QApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTest>
#include <QTimer>

#include <cstdio>

using namespace wp::client;

namespace {
// The text typed: character i of an endless sentence, so a restored draft can be compared.
QChar typedAt(int i)
{
    static const QString sentence = QStringLiteral("the quick brown fox jumps over the lazy dog ");
    return sentence.at(i % sentence.size());
}

QQuickItem *waitForItem(QQuickWindow *window, const QString &name)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 10000) {
        if (auto *item = window->findChild<QQuickItem *>(name); item && item->isVisible())
            return item;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    }
    return nullptr;
}
} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 3) {
        std::fprintf(stderr, "usage: diary_typist DIR PIN\n");
        return 2;
    }
    wp::VaultPolicy policy;
    policy.kdf = wp::KdfParams::fastForTests();
    AppContext context(Session::Options{args.at(1), policy, wp::PinPolicy::MinLength, nullptr});
    Session *session = context.session();
    session->createPinOnly(args.at(2), args.at(2));
    session->waitForIdle();
    if (session->state() != Session::Unlocked) {
        std::fprintf(stderr, "diary_typist: could not set up the store\n");
        return 1;
    }

    AppContext::useMaterialStyle();
    QQmlApplicationEngine engine;
    QQuickWindow *window = context.loadShell(engine);
    if (!window || !waitForItem(window, QStringLiteral("home")))
        return 1;
    QMetaObject::invokeMethod(window, "openScreen", Q_ARG(QString, QStringLiteral("diary")),
                              Q_ARG(QVariant, QVariantMap()));
    QQuickItem *text = waitForItem(window, QStringLiteral("diaryText"));
    if (!text)
        return 1;
    window->requestActivate();
    text->forceActiveFocus();

    int typed = 0;
    QTimer keys;
    keys.setInterval(50);
    QObject::connect(&keys, &QTimer::timeout, [&] {
        const QChar c = typedAt(typed);
        QTest::keyClick(window, c.toLatin1());
        if (context.diaryEditor()->fields().value(QStringLiteral("text")).toString().size() !=
            typed + 1) {
            std::fprintf(stderr, "diary_typist: the key did not reach the editor\n");
            QCoreApplication::exit(1);
            return;
        }
        ++typed;
        std::printf("typed %d %lld\n", typed, QDateTime::currentMSecsSinceEpoch());
        std::fflush(stdout);
    });
    keys.start();
    std::printf("ready\n");
    std::fflush(stdout);
    return app.exec();
}
