// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// How syncing goes, as QML sees it (`App.sync`): the status line and the header's indicator
// (idle / syncing with progress / offline / failed with a reason / not enrolled), the last
// successful sync (kept in the encrypted store: when a worker was online is private), changes
// waiting and changes refused (listed by `failedChanges`), "Sync now". Whether the device is
// enrolled, and enrolling it, is SyncConnection (`App.connection`).
//
// Runs: SyncScheduler decides when; the engine runs on the sync thread (SyncThread), every
// store access hopping back to the UI thread through StoreRelay. Locking stops everything
// before the store closes: the scheduler is paused, the relay refuses further calls (a run in
// flight ends with "locked"), and the identity is dropped from the sync thread's memory until
// the next unlock.
//
// Every property has its own NOTIFY signal, emitted only when its value changes: the texts
// are computed once per change of what they depend on (refresh()), not on every read.

#include "ConflictList.h"
#include "FailedChanges.h"
#include "Result.h"
#include "SetAsideChanges.h"
#include "SyncScheduler.h"

#include <QDateTime>
#include <QObject>
#include <QtQml/qqmlregistration.h>

#include <optional>

namespace wp::client {

class Session;
class SyncConnection;
class SyncThread;

class SyncStatus : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by App")
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(QString statusText READ statusText NOTIFY statusTextChanged)
    Q_PROPERTY(QString shortText READ shortText NOTIFY shortTextChanged)
    Q_PROPERTY(QString detailText READ detailText NOTIFY detailTextChanged)
    // A run is in flight.
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(int pulled READ pulled NOTIFY pulledChanged)
    Q_PROPERTY(int pushed READ pushed NOTIFY pushedChanged)
    Q_PROPERTY(int pendingCount READ pendingCount NOTIFY pendingCountChanged)
    Q_PROPERTY(int failedCount READ failedCount NOTIFY failedCountChanged)
    Q_PROPERTY(wp::client::FailedChangeListModel *failedChanges READ failedChanges CONSTANT)
    // Pulled changes not merged: they could not be verified or opened, or were not valid.
    Q_PROPERTY(int setAsideCount READ setAsideCount NOTIFY setAsideCountChanged)
    Q_PROPERTY(wp::client::SetAsideChangeListModel *setAsideChanges READ setAsideChanges CONSTANT)
    // Texts edited here and on another device before they synced, both versions kept until
    // the worker chooses (qml/conflicts). While any is open the status does not say
    // "Up to date".
    Q_PROPERTY(int conflictCount READ conflictCount NOTIFY conflictCountChanged)
    Q_PROPERTY(wp::client::ConflictListModel *conflicts READ conflicts CONSTANT)

    // Other users whose key the server changed since this phone pinned it (KeyPins): what
    // they sign is set aside until a person confirms the new key.
    Q_PROPERTY(int changedKeyCount READ changedKeyCount NOTIFY changedKeyCountChanged)
    Q_PROPERTY(QDateTime lastSync READ lastSync NOTIFY lastSyncChanged)
    Q_PROPERTY(QString lastSyncText READ lastSyncText NOTIFY lastSyncTextChanged)

public:
    enum State { NotEnrolled, Idle, Syncing, Offline, Failed };
    Q_ENUM(State)

    SyncStatus(Session *session, SyncThread *thread, SyncConnection *connection,
               QObject *parent = nullptr);
    ~SyncStatus() override;

    State state() const { return m_state; }
    QString statusText() const { return m_statusText; }
    QString shortText() const { return m_shortText; }
    QString detailText() const { return m_detailText; }
    bool busy() const { return m_running; }
    int pulled() const { return m_pulled; }
    int pushed() const { return m_pushed; }
    int pendingCount() const { return m_pending; }
    int failedCount() const { return m_failed; }
    FailedChangeListModel *failedChanges() const { return m_failedChanges; }
    int setAsideCount() const { return m_setAsideCount; }
    SetAsideChangeListModel *setAsideChanges() const { return m_setAsideChanges; }
    int conflictCount() const { return m_conflicts->count(); }
    ConflictListModel *conflicts() const { return m_conflicts; }

    int changedKeyCount() const { return m_changedKeyCount; }
    QDateTime lastSync() const { return m_lastSync; }
    QString lastSyncText() const { return m_lastSyncText; }

    Q_INVOKABLE void syncNow();
    // The refused changes: all back in the queue, then a sync at once.
    Q_INVOKABLE void retryFailed();
    // One refused change that can never be applied taken off the list (FailedChangeListModel).
    Q_INVOKABLE bool dismissFailed(int row);

    // A record was saved on this device (AppContext connects the editors).
    void localChange();
    // The texts again, in the language now installed.
    void retranslate() { refresh(); }

    sync::SyncScheduler *scheduler() { return &m_scheduler; }
    void setOnline(bool online);

Q_SIGNALS:
    void stateChanged();
    void statusTextChanged();
    void shortTextChanged();
    void detailTextChanged();
    void busyChanged();
    void pulledChanged();
    void pushedChanged();
    void pendingCountChanged();
    void failedCountChanged();
    void setAsideCountChanged();
    void conflictCountChanged();

    void changedKeyCountChanged();
    void lastSyncChanged();
    void lastSyncTextChanged();
    // A sync merged records from the server: lists and open records should reload.
    void remoteChangesApplied();
    // Each run's end (tests, screenshots).
    void runFinished();

private:
    struct RunResult;
    void storeOpened();
    void storeClosing();
    void enrolmentCompleted();
    void startRun();
    void finishRun(const RunResult &result);
    void refreshCounts();
    void setLastSync(const QDateTime &when);
    void saveLastSync();
    void watchConnectivity();
    // Recomputes the state and the texts; emits what changed.
    void refresh();
    State computeState() const;
    QString computeStatusText(State state) const;
    QString computeShortText(State state) const;
    QString computeDetailText(State state) const;
    QString computeLastSyncText() const;

    Session *m_session;
    SyncThread *m_thread;
    SyncConnection *m_connection;
    sync::SyncScheduler m_scheduler;
    FailedChangeListModel *m_failedChanges;
    SetAsideChangeListModel *m_setAsideChanges;
    ConflictListModel *m_conflicts;
    bool m_unlocked = false; // the store is open and staying so
    bool m_running = false;
    bool m_catchingUp = false; // this run is a resync (the server compacted past our cursor)
    int m_pulled = 0;
    int m_pushed = 0;
    int m_pending = 0;
    int m_failed = 0;
    int m_setAsideCount = 0;
    int m_changedKeyCount = 0;
    QDateTime m_lastSync;
    std::optional<Error> m_failure; // the last run's; none after a success
    // What QML reads, kept by refresh().
    State m_state = NotEnrolled;
    QString m_statusText;
    QString m_shortText;
    QString m_detailText;
    QString m_lastSyncText;
};

} // namespace wp::client
