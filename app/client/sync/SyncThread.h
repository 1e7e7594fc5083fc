// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The app's sync thread and what lives on it, shared by SyncConnection (enrolment) and
// SyncStatus (sync runs): one SyncWorker holding the device's identity, its HTTP client and an
// enrolment under way, which reaches the store through StoreRelay (every store call hops to
// the UI thread). Jobs run on the sync thread one at a time, in the order they were posted.
//
// Locking: AppContext makes this before SyncConnection and SyncStatus, so on Session::opened
// the relay is open before they look at the store, and on Session::closing it is closed (a
// run waiting for the store ends with "locked") and the worker told to forget every secret
// before they react.

#include "Enrolment.h"
#include "StoreRelay.h"
#include "SyncEngine.h"
#include "SyncScheduler.h"
#include "crypto/UserKeys.h"

#include <QObject>
#include <QThread>

#include <deque>
#include <functional>
#include <memory>
#include <optional>

namespace wp::client {

class Session;

struct SyncOptions
{
    sync::SyncPolicy policy;
    bool watchConnectivity = true; // QNetworkInformation; off in tests
    crypto::KeyBackupCost backupCost = crypto::KeyBackupCost::sensitive();
    int pageSize = 200; // per store hop: keeps each UI-thread slice short
    int timeoutMs = 20000;
    // How often a device waiting for another device's approval asks whether it came.
    int approvalPollMs = 4000;
};

// What an enrolment step ended with, for the UI thread.
struct EnrolmentReply
{
    sync::Enrolment::Outcome outcome = sync::Enrolment::Outcome::Failed;
    sync::Enrolment::Step step = sync::Enrolment::Step::RedeemCode; // the step it waits at now
    Error cause;                                                    // when not Done
    // The recovery key makeKeys made, to show once; shared so the reply can be copied.
    std::shared_ptr<const crypto::RecoveryKey> recoveryKey;
    // While an approval request waits: its fingerprint, six groups of five digits.
    QString approvalFingerprint;
};

// The user's new devices as the server lists them, less those a person dismissed here.
struct NewDeviceList
{
    bool listed = false;
    Error error; // when not listed
    QList<wire::NewDevice> devices;
};

// The sync thread's side; used on that thread only, by jobs SyncThread::post runs.
class SyncWorker
{
public:
    SyncWorker(StoreRelay &relay, const SyncOptions &options) : m_relay(relay), m_options(options)
    {
    }

    // One sync round with the saved identity (loaded on first use).
    Result<sync::SyncReport> sync();
    // Presents the code; the credentials are saved at once (the code is spent).
    EnrolmentReply redeem(const QString &server, const QString &code, const QString &deviceName);
    // The key steps, also after a lock or a restart (resumed from the saved identity). Done:
    // the identity is this worker's from now on.
    EnrolmentReply makeKeys();
    EnrolmentReply restoreKeys(QString typedRecoveryKey);
    // Approval by another device of the user, instead of the recovery key: asks (the same
    // request key again when asked before), then asks once whether the keys came.
    EnrolmentReply requestApproval();
    EnrolmentReply checkApproval();
    void cancelEnrolment() { m_enrolment.reset(); }
    // On an enrolled device with keys: the user's new devices (NewDeviceApproval), a
    // person's decision on one that waits (the typed fingerprint is compared in constant time;
    // InvalidInput when it is not the new device's), and a dismissed notice, kept in the
    // identity.
    NewDeviceList newDevices();
    Status approveDevice(const QUuid &deviceId, const QString &typedFingerprint);
    Status denyDevice(const QUuid &deviceId);
    Status dismissNewDevice(const QUuid &deviceId);
    // Names this device (checked already), here and on the server; true when the server has
    // the name, false when it waits for the next sync (DeviceProfile).
    bool renameDevice(const QString &name);
    // Locked: nothing secret stays in this thread's memory.
    void forget();

    // Runs one posted job. SyncClient waits for replies in a local event loop, which would
    // deliver the next posted job (say, forget() on locking) in the middle of this one, under
    // the engine's feet: such a job waits until the current one is done.
    void run(const std::function<void(SyncWorker &)> &job);

private:
    // The saved identity and a client for its server, on first use.
    Status loadIdentity();
    sync::Enrolment::Options enrolmentOptions() const;
    EnrolmentReply reply(sync::Enrolment::Outcome outcome) const;
    EnrolmentReply keyStep(const std::function<sync::Enrolment::Outcome(sync::Enrolment &)> &step);

    StoreRelay &m_relay;
    SyncOptions m_options;
    std::optional<sync::Enrolment> m_enrolment; // credentials saved, keys not set up yet
    std::optional<sync::SyncIdentity> m_identity;
    std::unique_ptr<sync::SyncClient> m_client; // created on the sync thread, used there only
    bool m_inJob = false;
    std::deque<std::function<void(SyncWorker &)>> m_deferred;
};

class SyncThread : public QObject
{
    Q_OBJECT

public:
    SyncThread(Session *session, SyncOptions options, QObject *parent = nullptr);
    ~SyncThread() override;

    const SyncOptions &options() const { return m_options; }
    StoreRelay &relay() { return *m_relay; }

    // Runs `job` on the sync thread, then hands its result to `done` on `context`'s thread.
    // `context` must outlive this object (SyncConnection and SyncStatus, made after it, do):
    // the sync thread has ended before it goes, and Qt drops a result still queued for it.
    template <typename R>
    void run(QObject *context, std::function<R(SyncWorker &)> job, std::function<void(R)> done)
    {
        post([context, job = std::move(job), done = std::move(done)](SyncWorker &w) {
            auto result = std::make_shared<R>(job(w));
            QMetaObject::invokeMethod(
                context, [done, result] { done(std::move(*result)); }, Qt::QueuedConnection);
        });
    }
    void post(std::function<void(SyncWorker &)> job);

private:
    void storeOpened();
    void storeClosing();

    Session *m_session;
    SyncOptions m_options;
    std::unique_ptr<StoreRelay> m_relay;
    QThread m_thread;
    QObject *m_workerHome; // lives on m_thread: queued jobs run there
    SyncWorker *m_worker;  // used on m_thread only
};

} // namespace wp::client
