// Opening, repositories, lists, search, outbox and audit of the encrypted store.

#include "StoreTestSupport.h"

#include <QTest>

using namespace wp;
using namespace wp::test;

class TestStore : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString path(const char *name) const { return m_dir.filePath(QString::fromLatin1(name)); }

private slots:
    void createThenReopenKeepsRecords()
    {
        QUuid id;
        {
            auto store = Store::open(path("a.db"), testKey(), Store::Mode::CreateNew);
            QVERIFY2(store.ok(), why(store).constData());
            auto saved = (*store)->diary().save(diary(QStringLiteral("First day on outreach")));
            QVERIFY2(saved.ok(), why(saved).constData());
            id = saved->id;
            QCOMPARE(uuidVersion(id), 7);
        }
        auto store = Store::open(path("a.db"), testKey(), Store::Mode::OpenExisting);
        QVERIFY2(store.ok(), why(store).constData());
        auto loaded = (*store)->diary().get(id);
        QVERIFY(loaded.ok());
        QCOMPARE(loaded->text, QStringLiteral("First day on outreach"));
        QVERIFY(!loaded->shared);
    }
};

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"
