// SPDX-License-Identifier: GPL-3.0-or-later
// The logging categories (app/core/LogCategories.h): silent by default, and when turned on
// they say what happened without a word of what a worker wrote or a byte of the key.

#include "LogCategories.h"
#include "StoreTestSupport.h"

#include <QLoggingCategory>
#include <QMutex>

using namespace wp;
using namespace wp::test;

namespace {

QMutex linesMutex;
QStringList lines;
QtMessageHandler previous = nullptr;

void capture(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (context.category && QByteArrayView(context.category).startsWith("waypoint.")) {
        QMutexLocker locker(&linesMutex);
        lines.append(QString::fromLatin1(context.category) + u' ' + message);
    }
    previous(type, context, message);
}

const QString Canary = QStringLiteral("Mo slept under the viaduct near Gate 7");

} // namespace

class TestLogging : public QObject
{
    Q_OBJECT

    QTemporaryDir dir;

    // Creates a store, saves and finds a diary entry, closes and opens it again.
    void useAStore(const QString &name)
    {
        const QString path = dir.filePath(name);
        const SecretBytes key = testKey();
        {
            auto store = Store::open(path, key, Store::Mode::CreateNew);
            QVERIFY2(store.ok(), why(store));
            auto saved = (*store)->diary().save(diary(Canary));
            QVERIFY2(saved.ok(), why(saved));
            auto hits = (*store)->search(QStringLiteral("viaduct"));
            QVERIFY2(hits.ok() && hits->size() == 1, why(hits));
        }
        auto again = Store::open(path, key, Store::Mode::OpenExisting);
        QVERIFY2(again.ok(), why(again));
    }

    QStringList captured()
    {
        QMutexLocker locker(&linesMutex);
        return std::exchange(lines, {});
    }

private slots:
    void initTestCase()
    {
        QVERIFY(dir.isValid());
        previous = qInstallMessageHandler(capture);
    }

    void silentByDefault()
    {
        QLoggingCategory::setFilterRules(QString());
        useAStore(QStringLiteral("quiet.db"));
        QCOMPARE(captured(), QStringList());
    }

    void whenTurnedOnTheyCarryNoContentAndNoKey()
    {
        QLoggingCategory::setFilterRules(QStringLiteral("waypoint.*=true"));
        useAStore(QStringLiteral("verbose.db"));
        QLoggingCategory::setFilterRules(QString());
        const QStringList got = captured();
        // Something useful was said: the migration steps and both opens.
        QVERIFY2(got.filter(QStringLiteral("schema migrated from v0 to v1")).size() == 1,
                 qPrintable(got.join(u'\n')));
        QVERIFY2(got.filter(QStringLiteral("store created")).size() == 1,
                 qPrintable(got.join(u'\n')));
        QVERIFY2(got.filter(QStringLiteral("store opened")).size() == 1,
                 qPrintable(got.join(u'\n')));
        const SecretBytes key = testKey();
        const QByteArray raw = key.view().toByteArray();
        const QStringList secrets{Canary, QStringLiteral("viaduct"), QStringLiteral("Gate 7"),
                                  QString::fromLatin1(raw.toHex()),
                                  QString::fromLatin1(raw.toBase64())};
        for (const QString &line : got)
            for (const QString &secret : secrets)
                QVERIFY2(!line.contains(secret, Qt::CaseInsensitive), qPrintable(line));
    }

    void cleanupTestCase() { qInstallMessageHandler(previous); }
};

QTEST_GUILESS_MAIN(TestLogging)
#include "tst_logging.moc"
