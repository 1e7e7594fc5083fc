#pragma once
// The app's sync, as QML sees it (`App.sync`): enrolling this device, the status line and the
// indicator (idle / syncing with progress / offline / error with a reason / not enrolled),
// last successful sync (kept in the encrypted store: when a worker was online is private),
// pending and failed changes (the refused ones listed by `failedChanges`), "Sync now".
// Enrolment saves the device's credentials as soon as the code is redeemed, so a lock or a
// restart before the keys are set up resumes at the passphrase step.
//
// Threads: the engine (network, signature checks, encryption) runs on one sync thread; every
// store access it makes hops back to the UI thread through StoreRelay. SyncScheduler decides
// when to run. Locking stops everything before the store closes: the scheduler is paused,
// the relay refuses further calls (a run in flight ends with "locked"), and the identity
// is dropped from the sync thread's memory until the next unlock.

#include "FailedChanges.h"
#include "SyncScheduler.h"
#include "crypto/UserKeys.h"

#include <QDateTime>
#include <QObject>
#include <QThread>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include <memory>

namespace wp {
struct Error;
}

namespace wp::client {

class Session;
class StoreRelay;
class SyncWorker;

class SyncController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by App")
    Q_PROPERTY(State state READ state NOTIFY changed)
    Q_PROPERTY(QString statusText READ statusText NOTIFY changed)
    Q_PROPERTY(QString shortText READ shortText NOTIFY changed)
    Q_PROPERTY(QString detailText READ detailText NOTIFY changed)
    Q_PROPERTY(bool enrolled READ enrolled NOTIFY changed)
    Q_PROPERTY(bool busy READ busy NOTIFY changed)
    Q_PROPERTY(QString serverUrl READ serverUrl NOTIFY changed)
    Q_PROPERTY(int pulled READ pulled NOTIFY progressChanged)
    Q_PROPERTY(int pushed READ pushed NOTIFY progressChanged)
    Q_PROPERTY(int pendingCount READ pendingCount NOTIFY countsChanged)
    Q_PROPERTY(int failedCount READ failedCount NOTIFY countsChanged)
    Q_PROPERTY(wp::client::FailedChangeListModel *failedChanges READ failedChanges CONSTANT)
    Q_PROPERTY(QDateTime lastSync READ lastSync NOTIFY changed)
    Q_PROPERTY(QString lastSyncText READ lastSyncText NOTIFY changed)
    Q_PROPERTY(EnrolStep enrolStep READ enrolStep NOTIFY enrolChanged)
    Q_PROPERTY(QVariantMap enrolErrors READ enrolErrors NOTIFY enrolChanged)
    Q_PROPERTY(QString enrolMessage READ enrolMessage NOTIFY enrolChanged)

public:
    enum State { NotEnrolled, Idle, Syncing, Offline, Failed };
    Q_ENUM(State)
    enum EnrolStep {
        EnterCode,        // server address and one-time code
        Redeeming,        // talking to the server
        ChoosePassphrase, // first device of this user: choose the recovery passphrase
        EnterPassphrase,  // later device: type the passphrase chosen on the first
        SettingUpKeys,    // Argon2id and key upload or restore
    };
    Q_ENUM(EnrolStep)

    struct Options
    {
        sync::SyncPolicy policy;
        bool watchConnectivity = true; // QNetworkInformation; off in tests
        crypto::KeyBackupCost backupCost = crypto::KeyBackupCost::interactive();
        int pageSize = 200; // per store hop: keeps each UI-thread slice short
        int timeoutMs = 20000;
    };

    SyncController(Session *session, Options options, QObject *parent = nullptr);
    explicit SyncController(Session *session, QObject *parent = nullptr);
    ~SyncController() override;

    State state() const;
    QString statusText() const;
    QString shortText() const;
    QString detailText() const;
    bool enrolled() const { return m_enrolled; }
    bool busy() const
    {
        return m_running || m_enrolStep == Redeeming || m_enrolStep == SettingUpKeys;
    }
    QString serverUrl() const { return m_serverUrl; }
    int pulled() const { return m_pulled; }
    int pushed() const { return m_pushed; }
    int pendingCount() const { return m_pending; }
    int failedCount() const { return m_failed; }
    FailedChangeListModel *failedChanges() const { return m_failedChanges; }
    QDateTime lastSync() const { return m_lastSync; }
    QString lastSyncText() const;
    EnrolStep enrolStep() const { return m_enrolStep; }
    QVariantMap enrolErrors() const { return m_enrolErrors; }
    QString enrolMessage() const { return m_enrolMessage; }

    // Step 1: the server address and the code (or the QR code's text pasted whole).
    Q_INVOKABLE void enrol(const QString &serverUrl, const QString &code);
    // Step 2: the recovery passphrase (typed twice on the first device; once on a later one).
    Q_INVOKABLE void setPassphrase(const QString &passphrase, const QString &confirm);
    Q_INVOKABLE void cancelEnrolment();
    Q_INVOKABLE void syncNow();
    // The refused changes: all back in the queue, then a sync at once.
    Q_INVOKABLE void retryFailed();
    // One refused change that can never be applied taken off the list (FailedChangeListModel).
    Q_INVOKABLE bool dismissFailed(int row);
    // "waypoint:enrol?code=CODE&server=URL" (the QR code's text) or a bare code:
    // {code, server} (server empty when the text has none).
    Q_INVOKABLE QVariantMap parseEnrolText(const QString &text) const;

    // A record was saved on this device (AppContext connects the editors).
    void localChange();

    sync::SyncScheduler *scheduler() { return &m_scheduler; }
    void setOnline(bool online);

Q_SIGNALS:
    void changed();
    void progressChanged();
    void countsChanged();
    void enrolChanged();
    // A sync merged records from the server: lists and open records should reload.
    void remoteChangesApplied();
    // Each run's end (tests, screenshots).
    void runFinished();

private:
    struct RunResult;
    void storeOpened();
    void storeClosing();
    void startRun();
    void finishRun(const std::shared_ptr<RunResult> &result);
    void finishRedeem(const std::shared_ptr<RunResult> &result);
    void finishKeys(const std::shared_ptr<RunResult> &result);
    void refreshCounts();
    void saveLastSync();
    void setEnrolStep(EnrolStep step, const QString &message = {}, const QVariantMap &errors = {});
    void post(std::function<void(SyncWorker &)> job);
    void watchConnectivity();
    QString describe(const Error &error) const;
    QString describeEnrolment(const Error &error) const;

    Session *m_session;
    Options m_options;
    std::unique_ptr<StoreRelay> m_relay;
    sync::SyncScheduler m_scheduler;
    QThread m_thread;
    QObject *m_workerHome; // lives on m_thread: queued jobs run there
    SyncWorker *m_worker;  // used on m_thread only
    bool m_enrolled = false;
    bool m_running = false;
    bool m_catchingUp = false; // this run is a resync (the server compacted past our cursor)
    QString m_serverUrl;
    int m_pulled = 0;
    int m_pushed = 0;
    int m_pending = 0;
    int m_failed = 0;
    FailedChangeListModel *m_failedChanges;
    QDateTime m_lastSync;
    QString m_error; // the last failure, translated; empty after a success
    bool m_errorIsNetwork = false;
    EnrolStep m_enrolStep = EnterCode;
    QVariantMap m_enrolErrors;
    QString m_enrolMessage;
};

} // namespace wp::client
