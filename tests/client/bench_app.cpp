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

#include <algorithm>

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
long rssKb()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLong();
    return -1;
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
    parser.addOptions({encountersOpt, diaryOpt, participantsOpt, dirOpt});
    parser.process(app);

    QTemporaryDir temp;
    const QString dir = parser.isSet(dirOpt) ? parser.value(dirOpt) : temp.path();
    QDir().mkpath(dir);
    const QString waypoint = QDir(QCoreApplication::applicationDirPath())
                                 .filePath(QStringLiteral("../../app/client/waypoint"));

    // 1. Cold start to the first screen: `waypoint --self-test` as a fresh process, against
    //    `waypoint --version` (process start and Qt libraries, no QML) as the baseline.
    {
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
        Result<SecretBytes> key = KeyVault::create(dir, pinSecret(), benchPolicy());
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
    AppContext context(Session::Options{dir, benchPolicy(), 6});
    QQmlApplicationEngine engine;
    context.attach(&engine);
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/Waypoint/Ui/app/Main.qml")));
    auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().value(0));
    if (!window)
        return 1;
    spin(300);
    const long rssLocked = rssKb();
    long rssFirstUnlock = 0;
    QList<double> unlockMs, kdfMs, openMs;
    for (int i = 0; i < 5; ++i) {
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
        context.session()->unlock(Pin);
        context.session()->waitForIdle();
        while (screenName(window) != QLatin1String("shell"))
            QCoreApplication::processEvents();
        drawn = false;
        window->requestUpdate();
        while (!drawn)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        unlockMs.append(t.nsecsElapsed() / 1e6);
        QObject::disconnect(c);
        if (i == 0) {
            spin(200);
            rssFirstUnlock = rssKb();
        }
        if (i < 4) {
            context.session()->lock();
            spin(100);
        }
    }
    out << "unlock to Today (first frame): median " << median(unlockMs)
        << " ms, of which vault unwrap (fast KDF) " << median(kdfMs) << " ms -> excluding Argon2id "
        << median(unlockMs) - median(kdfMs) << " ms; baseline Store::open alone " << median(openMs)
        << " ms\n";

    spin(200);
    const long rssToday = rssKb();
    // 5a. Resident memory after scrolling the whole caseload (every page fetched).
    ParticipantListModel *caseload = context.caseload();
    caseload->reload();
    while (caseload->canFetchMore({}))
        caseload->fetchMore({});
    spin(200);
    const long rssCaseload = rssKb();

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
    spin(200);
    out << "RSS: locked screen " << rssLocked / 1024.0 << " MB, Today after the first unlock "
        << rssFirstUnlock / 1024.0 << " MB, Today after 5 lock/unlock cycles " << rssToday / 1024.0
        << " MB, whole caseload (" << caseload->rowCount() << " rows) " << rssCaseload / 1024.0
        << " MB, plus whole diary (" << diary->rowCount() << " rows) " << rssKb() / 1024.0
        << " MB\n";
    return 0;
}
