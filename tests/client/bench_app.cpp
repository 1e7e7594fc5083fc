// SPDX-License-Identifier: GPL-3.0-or-later
// bench_app: the app's own costs on a realistic data set (not a CTest test). Figures go to
// docs/benchmarks.md, "App". Usage: bench_app [--encounters N] [--diary N] [--participants N]
//                                              [--data-dir DIR (kept and reused)]
#include "AppContext.h"
#include "DemoData.h"
#include "KeyVault.h"
#include "Store.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <functional>

#include <algorithm>

#include <malloc.h>

using namespace wp;
using namespace wp::client;

namespace {

const QString Pin = QStringLiteral("246810");
QTextStream out(stdout);

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v.at(v.size() / 2);
}
double percentile(QList<double> v, double p)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v.at(std::min<qsizetype>(v.size() - 1, qsizetype(v.size() * p)));
}
long statusKb(const QByteArray &field)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith(field))
            return line.mid(field.size()).trimmed().split(' ').first().toLong();
    return -1;
}
long rssKb()
{
    return statusKb("VmRSS:");
}
// Bytes the allocator holds for live allocations (heap and mmapped chunks): a leak grows this,
// memory merely kept by the allocator after free() does not.
double mallocInUseMb()
{
    const struct mallinfo2 info = mallinfo2();
    return double(info.uordblks + info.hblkhd) / (1024.0 * 1024.0);
}
SecretBytes pinSecret()
{
    QByteArray bytes = Pin.toUtf8();
    return SecretBytes::takeFrom(bytes);
}
VaultPolicy benchPolicy()
{
    VaultPolicy p;
    p.kdf = KdfParams::fastForTests(); // Argon2id is measured and excluded separately
    return p;
}
QString screenName(QQuickWindow *window)
{
    auto *loader = window->findChild<QQuickItem *>(QStringLiteral("screenLoader"));
    auto *item = loader ? loader->property("item").value<QQuickItem *>() : nullptr;
    return item ? item->objectName() : QString();
}
void spin(int ms)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
}

// A tap's work: runs inside event delivery, as a button's click does in the app.
void asTap(const std::function<void()> &work)
{
    bool done = false;
    QTimer::singleShot(0, qApp, [&] {
        work();
        done = true;
    });
    while (!done)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
}

struct MemoryPoint
{
    double rssMb = 0;
    double fileMb = 0; // of which mapped files: code and data of the libraries
    double inUseMb = 0;
    qsizetype objects = 0;
};
// After the locked screens are deleted and the session returned freed memory (300 ms).
MemoryPoint memoryNow(QQuickWindow *window)
{
    spin(500);
    return {rssKb() / 1024.0, statusKb("RssFile:") / 1024.0, mallocInUseMb(),
            window->contentItem()->findChildren<QObject *>().size()};
}

QString describe(const MemoryPoint &p)
{
    return QStringLiteral("RSS %1 MB (files %2 MB, heap in use %3 MB, objects under the "
                          "window %4)")
        .arg(p.rssMb, 0, 'f', 1)
        .arg(p.fileMb, 0, 'f', 1)
        .arg(p.inUseMb, 0, 'f', 1)
        .arg(p.objects);
}

// Unlocks to Today, then locks, as a user's taps (PIN pad, "Lock now"), `cycles` times.
QList<MemoryPoint> lockCycles(AppContext &context, QQuickWindow *window, int cycles)
{
    QList<MemoryPoint> points;
    for (int i = 0; i < cycles; ++i) {
        asTap([&] { context.session()->unlock(Pin); });
        while (screenName(window) != QLatin1String("shell"))
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        spin(100);
        asTap([&] { context.session()->lock(); });
        while (screenName(window) != QLatin1String("unlock"))
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        points.append(memoryNow(window));
    }
    return points;
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption encountersOpt(QStringLiteral("encounters"), QStringLiteral("N"),
                                           QStringLiteral("N"), QStringLiteral("100000"));
    const QCommandLineOption diaryOpt(QStringLiteral("diary"), QStringLiteral("N"),
                                      QStringLiteral("N"), QStringLiteral("20000"));
    const QCommandLineOption participantsOpt(QStringLiteral("participants"), QStringLiteral("N"),
                                             QStringLiteral("N"), QStringLiteral("5000"));
    const QCommandLineOption dirOpt(QStringLiteral("data-dir"), QStringLiteral("DIR"),
                                    QStringLiteral("DIR"));
    const QCommandLineOption cyclesOpt(
        QStringLiteral("memory-cycles"),
        QStringLiteral("Only measure memory over N lock/unlock cycles (with --real-kdf: "
                       "the app's Argon2id parameters)."),
        QStringLiteral("N"));
    const QCommandLineOption realKdfOpt(QStringLiteral("real-kdf"),
                                        QStringLiteral("Use the app's own Argon2id parameters."));
    parser.addOptions({encountersOpt, diaryOpt, participantsOpt, dirOpt, cyclesOpt, realKdfOpt});
    parser.process(app);

    QTemporaryDir temp;
    const QString dir = parser.isSet(dirOpt) ? parser.value(dirOpt) : temp.path();
    QDir().mkpath(dir);
    const QString waypoint = QDir(QCoreApplication::applicationDirPath())
                                 .filePath(QStringLiteral("../../app/client/waypoint"));

    const bool memoryOnly = parser.isSet(cyclesOpt);
    VaultPolicy policy = parser.isSet(realKdfOpt) ? VaultPolicy{} : benchPolicy();
    // PIN only: the app is measured, not the platform keystore (none is given here, and a
    // vault that asks for one would refuse to be made without it).
    policy.deviceWrap = false;

    // 1. Cold start to the first screen: `waypoint --self-test` as a fresh process, against
    //    `waypoint --version` (process start and Qt libraries, no QML) as the baseline.
    if (!memoryOnly) {
        QTemporaryDir empty;
        QList<double> start, base;
        for (int i = 0; i < 7; ++i) {
            QElapsedTimer t;
            t.start();
            QProcess::execute(waypoint, {QStringLiteral("--version")});
            base.append(t.nsecsElapsed() / 1e6);
            t.restart();
            const int rc =
                QProcess::execute(waypoint, {QStringLiteral("--self-test"),
                                             QStringLiteral("--data-dir"), empty.path()});
            start.append(t.nsecsElapsed() / 1e6);
            if (rc != 0) {
                out << "self-test failed\n";
                return 1;
            }
        }
        out << "cold start to first screen (process, self-test): median " << median(start)
            << " ms; baseline --version " << median(base) << " ms\n";
    }

    // 2. The data set, written through the store like a user's records.
    const bool fresh = !KeyVault::exists(dir);
    if (fresh) {
        Result<SecretBytes> key = KeyVault::create(dir, pinSecret(), policy);
        if (!key)
            return 1;
        Result<std::unique_ptr<Store>> store = Store::open(
            QDir(dir).filePath(QStringLiteral("waypoint.db")), *key, Store::Mode::CreateNew);
        if (!store) {
            out << "store: " << store.error().message << '\n';
            return 1;
        }
        QElapsedTimer t;
        t.start();
        DemoSize size{parser.value(participantsOpt).toInt(), parser.value(encountersOpt).toInt(),
                      parser.value(diaryOpt).toInt(), 50};
        if (Status s = addDemoData(**store, size); !s) {
            out << "demo data: " << s.error().message << '\n';
            return 1;
        }
        out << "data set written in " << t.elapsed() / 1000.0 << " s\n";
    }

    // 3. Unlock to Today, excluding Argon2id: the unlock call to the first frame of the app
    //    screen, minus the vault unwrap measured on its own. Baseline: Store::open alone.
    AppContext::useMaterialStyle();
    AppContext context(Session::Options{dir, policy, 6});
    QQmlApplicationEngine engine;
    context.attach(&engine);
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/Waypoint/Ui/app/Main.qml")));
    auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().value(0));
    if (!window)
        return 1;
    spin(300);
    const MemoryPoint lockedAtStart = memoryNow(window);
    if (memoryOnly) {
        const QList<MemoryPoint> points =
            lockCycles(context, window, parser.value(cyclesOpt).toInt());
        out << "locked before any unlock: " << describe(lockedAtStart) << '\n';
        for (int i = 0; i < points.size(); ++i)
            out << "locked after cycle " << i + 1 << ": " << describe(points[i]) << '\n';
        return 0;
    }
    MemoryPoint todayFirst;
    QList<MemoryPoint> lockedAfter;
    QList<double> unlockMs, kdfMs, openMs;
    for (int i = 0; i < 6; ++i) {
        {
            QElapsedTimer t;
            t.start();
            Result<KeyVault> vault = KeyVault::load(dir);
            Result<SecretBytes> key = vault->unlock(pinSecret());
            kdfMs.append(t.nsecsElapsed() / 1e6);
            t.restart();
            auto store = Store::open(QDir(dir).filePath(QStringLiteral("waypoint.db")), *key,
                                     Store::Mode::OpenExisting);
            openMs.append(t.nsecsElapsed() / 1e6);
        }
        bool drawn = false;
        auto c = QObject::connect(window, &QQuickWindow::frameSwapped, [&] { drawn = true; });
        QElapsedTimer t;
        t.start();
        asTap([&] { context.session()->unlock(Pin); });
        context.session()->waitForIdle();
        while (screenName(window) != QLatin1String("shell"))
            QCoreApplication::processEvents();
        drawn = false;
        window->requestUpdate();
        while (!drawn)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        unlockMs.append(t.nsecsElapsed() / 1e6);
        QObject::disconnect(c);
        if (i == 0)
            todayFirst = memoryNow(window);
        if (i < 5) { // five full cycles; the sixth unlock stays open for the scrolling below
            asTap([&] { context.session()->lock(); });
            while (screenName(window) != QLatin1String("unlock"))
                QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
            lockedAfter.append(memoryNow(window));
        }
    }
    out << "unlock to Today (first frame): median " << median(unlockMs)
        << " ms, of which vault unwrap (fast KDF) " << median(kdfMs) << " ms -> excluding Argon2id "
        << median(unlockMs) - median(kdfMs) << " ms; baseline Store::open alone " << median(openMs)
        << " ms\n";

    const MemoryPoint todayLast = memoryNow(window);
    // 5a. Resident memory after scrolling the whole caseload (every page fetched).
    ParticipantListModel *caseload = context.caseload();
    caseload->reload();
    while (caseload->canFetchMore({}))
        caseload->fetchMore({});
    const MemoryPoint caseloadScrolled = memoryNow(window);

    // 4. fetchMore of 50 rows, and data() per row, over the diary; baseline: the store's page.
    DiaryListModel *diary = context.diary();
    diary->reload();
    QList<double> fetch;
    while (diary->canFetchMore({})) {
        QElapsedTimer t;
        t.start();
        diary->fetchMore({});
        fetch.append(t.nsecsElapsed() / 1e6);
    }
    QList<double> storePage;
    {
        QByteArray cursor;
        for (int i = 0; i < 50; ++i) {
            QElapsedTimer t;
            t.start();
            auto page = context.session()->store()->diary().list(PageRequest{cursor, 50});
            storePage.append(t.nsecsElapsed() / 1e6);
            cursor = page->next;
        }
    }
    out << "diary fetchMore(50): median " << median(fetch) << " ms, p95 " << percentile(fetch, 0.95)
        << " ms over " << fetch.size() << " pages (" << diary->rowCount()
        << " rows); baseline store page " << median(storePage) << " ms\n";
    const QList<int> roles = diary->roleNames().keys();
    QElapsedTimer t;
    t.start();
    qint64 calls = 0;
    for (int row = 0; row < diary->rowCount(); ++row)
        for (int role : roles) {
            (void)diary->data(diary->index(row), role);
            ++calls;
        }
    const double perCallUs = t.nsecsElapsed() / 1e3 / double(calls);
    out << "data(): " << perCallUs << " us per call, " << perCallUs * roles.size()
        << " us per row (" << roles.size() << " roles)\n";

    // 5b. ... and then the whole diary too.
    const MemoryPoint diaryScrolled = memoryNow(window);
    out << "memory, locked before any unlock: " << describe(lockedAtStart) << '\n'
        << "memory, Today after the first unlock: " << describe(todayFirst) << '\n'
        << "memory, locked after 1 cycle: " << describe(lockedAfter.value(0)) << '\n'
        << "memory, locked after 5 cycles: " << describe(lockedAfter.value(4)) << " ("
        << (lockedAfter.value(4).rssMb - lockedAfter.value(1).rssMb) / 3
        << " MB RSS per cycle over cycles 2-5)\n"
        << "memory, Today after 6 unlocks: " << describe(todayLast) << '\n'
        << "memory, whole caseload scrolled (" << caseload->rowCount()
        << " rows): " << describe(caseloadScrolled) << '\n'
        << "memory, plus whole diary (" << diary->rowCount()
        << " rows): " << describe(diaryScrolled) << '\n';
    return 0;
}
