// Qt Quick Test runner for the screens. Each test file gets its own QML engine and its own
// App over a fresh encrypted store in a temporary folder. QApplication is constructed here,
// before quick_test_main, because Qt Charts need it.
#include "AppContext.h"

#include <QApplication>
#include <QFile>
#include <QQmlContext>
#include <QQmlEngine>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtQuickTest>

#include <memory>
#include <vector>

#include <malloc.h>

using namespace wp::client;

// What the process holds, for the tests that lock and unlock many times (as `MemoryProbe`).
class MemoryProbe : public QObject
{
    Q_OBJECT
public:
    // Bytes in live allocations: what a leak grows, whatever the allocator keeps after free().
    Q_INVOKABLE double heapInUseMb() const
    {
        const struct mallinfo2 info = mallinfo2();
        return double(info.uordblks + info.hblkhd) / (1024.0 * 1024.0);
    }
    Q_INVOKABLE double residentMb() const
    {
        QFile status(QStringLiteral("/proc/self/status"));
        if (!status.open(QIODevice::ReadOnly))
            return -1;
        for (const QByteArray &line : status.readAll().split('\n'))
            if (line.startsWith("VmRSS:"))
                return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
        return -1;
    }
};

class Setup : public QObject
{
    Q_OBJECT
public:
    ~Setup() override
    {
        m_apps.clear();
        m_dirs.clear();
    }

public Q_SLOTS:
    void qmlEngineAvailable(QQmlEngine *engine)
    {
        auto dir = std::make_unique<QTemporaryDir>();
        wp::VaultPolicy policy;
        policy.kdf = wp::KdfParams::fastForTests();
        policy.baseDelay = std::chrono::milliseconds(300);
        auto app = std::make_unique<AppContext>(Session::Options{dir->path(), policy, 6});
        app->attach(engine);
        engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
        engine->rootContext()->setContextProperty(QStringLiteral("MemoryProbe"), &m_probe);
        m_apps.push_back(std::move(app));
        m_dirs.push_back(std::move(dir));
    }

private:
    MemoryProbe m_probe;
    std::vector<std::unique_ptr<QTemporaryDir>> m_dirs;
    std::vector<std::unique_ptr<AppContext>> m_apps;
};

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    AppContext::useMaterialStyle();
    Setup setup;
    return quick_test_main_with_setup(argc, argv, "waypoint_qml", QUICK_TEST_SOURCE_DIR, &setup);
}

#include "tst_qml.moc"
