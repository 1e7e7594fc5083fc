// SPDX-License-Identifier: GPL-3.0-or-later
// The words on who can read a diary entry or a supervision note, for each thing the device
// may know about the worker's supervisors.
#include "EntryReaders.h"

#include <QLocale>
#include <QSignalSpy>
#include <QTest>

using wp::client::EntryReaders;

class TestEntryReaders : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // As the app sets it for English (AppContext::applyLanguage): lists end with "and".
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom)); }

    void aDeviceThatDoesNotSyncPromisesNoReader()
    {
        EntryReaders readers;
        QCOMPARE(readers.reach(), EntryReaders::NotSyncing);
        QCOMPARE(readers.sharedText(), QStringLiteral("Only you"));
        QCOMPARE(readers.privateText(), QStringLiteral("Only you"));
        QVERIFY(readers.sharedHint().startsWith(QStringLiteral("This device does not sync")));
    }

    void offlineWithNothingLearntNamesNoOne()
    {
        EntryReaders readers;
        readers.update(true, false, {});
        QCOMPARE(readers.reach(), EntryReaders::NotLearnt);
        QCOMPARE(readers.sharedText(), QStringLiteral("You and your supervisor"));
        QCOMPARE(readers.privateText(), QStringLiteral("Only you"));
        QCOMPARE(readers.privateHint(),
                 QStringLiteral("Switch on to share this one entry with your supervisor."));
    }

    void noSupervisorAssignedMeansOnlyYouEvenWhenShared()
    {
        EntryReaders readers;
        readers.update(true, true, {});
        QCOMPARE(readers.reach(), EntryReaders::NoSupervisor);
        QCOMPARE(readers.sharedText(), QStringLiteral("Only you"));
        QCOMPARE(readers.sharedHint(), QStringLiteral("No supervisor is assigned to you yet, so "
                                                      "sharing reaches no one."));
        QCOMPARE(readers.privateHint(), readers.sharedHint());
    }

    void oneSupervisorByName()
    {
        EntryReaders readers;
        readers.update(true, true, {QStringLiteral("Alex")});
        QCOMPARE(readers.sharedText(), QStringLiteral("You and Alex (supervisor)"));
        QCOMPARE(readers.privateText(), QStringLiteral("Only you"));
        QCOMPARE(readers.privateHint(),
                 QStringLiteral("Switch on to share this one entry with Alex."));
        QVERIFY(readers.sharedHint().startsWith(QStringLiteral("They can read it")));
    }

    void twoSupervisorsByName()
    {
        EntryReaders readers;
        readers.update(true, true, {QStringLiteral("Alex"), QStringLiteral("Sam")});
        QCOMPARE(readers.sharedText(), QStringLiteral("You and Alex, Sam (supervisors)"));
        QCOMPARE(readers.privateHint(),
                 QStringLiteral("Switch on to share this one entry with Alex and Sam."));
    }

    // Names a sync learnt are not shown once the device no longer syncs (revoked).
    void namesGoWhenTheDeviceStopsSyncing()
    {
        EntryReaders readers;
        readers.update(true, true, {QStringLiteral("Alex")});
        readers.update(false, true, {QStringLiteral("Alex")});
        QCOMPARE(readers.sharedText(), QStringLiteral("Only you"));
        QVERIFY(readers.supervisors().isEmpty());
    }

    void changesAreSignalledOnce()
    {
        EntryReaders readers;
        QSignalSpy changed(&readers, &EntryReaders::changed);
        readers.update(true, true, {QStringLiteral("Alex")});
        readers.update(true, true, {QStringLiteral("Alex")});
        QCOMPARE(changed.count(), 1);
        readers.update(true, true, {QStringLiteral("Sam")});
        QCOMPARE(changed.count(), 2);
    }
};

QTEST_GUILESS_MAIN(TestEntryReaders)
#include "tst_entry_readers.moc"
