// SPDX-License-Identifier: GPL-3.0-or-later
#include "SyncThread.h"

#include "DeviceProfile.h"
#include "NewDeviceApproval.h"
#include "Session.h"

#include <QSysInfo>

namespace wp::client {

using namespace wp::sync;

// ----- the sync thread's side

Status SyncWorker::loadIdentity()
{
    if (!m_identity) {
        auto id = m_relay.loadIdentity();
        if (!id)
            return id.error();
        m_identity.emplace(std::move(*id));
        m_client.reset();
    }
    if (!m_client) {
        m_client = std::make_unique<SyncClient>(m_identity->credentials.serverUrl);
        m_client->setTimeout(m_options.timeoutMs);
    }
    return {};
}

Result<SyncReport> SyncWorker::sync()
{
    if (Status loaded = loadIdentity(); !loaded)
        return loaded.error();
    if (Enrolment::withdrawalOwed(*m_identity) &&
        Enrolment::withdrawApproval(*m_identity, *m_client))
        (void)m_relay.saveIdentity(*m_identity); // else asked again at the next sync
    SyncEngine engine(m_relay, *m_identity, *m_client);
    engine.setPageSize(m_options.pageSize);
    engine.setBatchSize(m_options.pageSize);
    auto report = engine.syncOnce();
    if (engine.revoked()) {
        // The engine destroyed the saved identity; nothing of it stays here either.
        forget();
        return report;
    }
    // New audience keys are kept even when the round failed later on.
    if (engine.identityChanged()) {
        if (Status saved = m_relay.saveIdentity(*m_identity); !saved && report)
            return saved.error();
    }
    return report;
}

bool SyncWorker::renameDevice(const QString &name)
{
    if (!loadIdentity())
        return false;
    m_client->setCredentials(&m_identity->credentials);
    DeviceProfile profile(*m_identity, *m_client);
    profile.rename(name);
    // Kept before it is sent: a name the server does not get now goes at the next sync.
    if (profile.changed() && !m_relay.saveIdentity(*m_identity))
        return false;
    // A revocation is left to the next sync, which destroys the identity.
    if (profile.refresh() && profile.changed())
        (void)m_relay.saveIdentity(*m_identity);
    return m_identity->pendingDeviceName.isEmpty();
}

Enrolment::Options SyncWorker::enrolmentOptions() const
{
    Enrolment::Options o;
    o.backupCost = m_options.backupCost;
    o.timeoutMs = m_options.timeoutMs;
    return o;
}

EnrolmentReply SyncWorker::reply(Enrolment::Outcome outcome) const
{
    EnrolmentReply r;
    r.outcome = outcome;
    if (m_enrolment) {
        r.step = m_enrolment->step();
        if (outcome != Enrolment::Outcome::Done)
            r.cause = m_enrolment->error();
    }
    return r;
}

EnrolmentReply SyncWorker::redeem(const QString &server, const QString &code,
                                  const QString &deviceName)
{
    m_enrolment.emplace(&m_relay, enrolmentOptions());
    const auto outcome = m_enrolment->redeem(server, code, deviceName, QSysInfo::productType());
    EnrolmentReply r = reply(outcome);
    if (m_enrolment->step() == Enrolment::Step::RedeemCode)
        m_enrolment.reset(); // nothing redeemed: the next try starts afresh
    return r;
}

EnrolmentReply SyncWorker::makeKeys()
{
    return keyStep([](Enrolment &e) { return e.makeKeys(); });
}

EnrolmentReply SyncWorker::restoreKeys(QString typedRecoveryKey)
{
    QByteArray utf8 = typedRecoveryKey.toUtf8();
    wipe(typedRecoveryKey);
    const SecretBytes typed = SecretBytes::takeFrom(utf8);
    return keyStep([&typed](Enrolment &e) { return e.restoreKeys(typed); });
}

EnrolmentReply SyncWorker::requestApproval()
{
    return keyStep([](Enrolment &e) { return e.requestApproval(); });
}

EnrolmentReply SyncWorker::checkApproval()
{
    return keyStep([](Enrolment &e) { return e.checkApproval(); });
}

NewDeviceList SyncWorker::newDevices()
{
    NewDeviceList result;
    if (Status loaded = loadIdentity(); !loaded) {
        result.error = loaded.error();
        return result;
    }
    auto listed = NewDeviceApproval(*m_identity, *m_client).list();
    if (!listed) {
        result.error = listed.error();
        return result;
    }
    for (const wire::NewDevice &d : std::as_const(*listed))
        if (!m_identity->noticedDevices.contains(d.deviceId))
            result.devices.append(d);
    result.listed = true;
    return result;
}

Status SyncWorker::approveDevice(const QUuid &deviceId, const QString &typedFingerprint)
{
    if (Status loaded = loadIdentity(); !loaded)
        return loaded;
    return NewDeviceApproval(*m_identity, *m_client).approve(deviceId, typedFingerprint);
}

Status SyncWorker::denyDevice(const QUuid &deviceId)
{
    if (Status loaded = loadIdentity(); !loaded)
        return loaded;
    return NewDeviceApproval(*m_identity, *m_client).deny(deviceId);
}

Status SyncWorker::dismissNewDevice(const QUuid &deviceId)
{
    if (Status loaded = loadIdentity(); !loaded)
        return loaded;
    if (m_identity->noticedDevices.contains(deviceId))
        return {};
    m_identity->noticedDevices.append(deviceId);
    return m_relay.saveIdentity(*m_identity);
}

EnrolmentReply SyncWorker::keyStep(const std::function<Enrolment::Outcome(Enrolment &)> &step)
{
    if (!m_enrolment) {
        auto resumed = Enrolment::resume(m_relay, enrolmentOptions());
        if (!resumed) {
            EnrolmentReply r;
            r.outcome = StoreRelay::isLocked(resumed.error()) ? Enrolment::Outcome::StoreFailed
                                                              : Enrolment::Outcome::Failed;
            r.cause = resumed.error();
            return r;
        }
        m_enrolment.emplace(std::move(*resumed));
    }
    const auto outcome = step(*m_enrolment);
    EnrolmentReply r = reply(outcome);
    r.approvalFingerprint = m_enrolment->approvalFingerprint();
    if (auto key = m_enrolment->takeRecoveryKey())
        r.recoveryKey = std::make_shared<const crypto::RecoveryKey>(std::move(*key));
    if (m_enrolment->step() == Enrolment::Step::Done) {
        m_identity.emplace(m_enrolment->takeIdentity());
        m_client.reset();
        m_enrolment.reset();
    } else if (m_enrolment->step() == Enrolment::Step::RedeemCode) {
        m_enrolment.reset(); // revoked: its identity is gone
    }
    return r;
}

void SyncWorker::forget()
{
    m_enrolment.reset();
    m_identity.reset();
    m_client.reset();
}

void SyncWorker::run(const std::function<void(SyncWorker &)> &job)
{
    if (m_inJob) {
        m_deferred.push_back(job);
        return;
    }
    m_inJob = true;
    job(*this);
    while (!m_deferred.empty()) {
        const auto next = std::move(m_deferred.front());
        m_deferred.pop_front();
        next(*this);
    }
    m_inJob = false;
}

// ----- the owner, on the UI thread

SyncThread::SyncThread(Session *session, SyncOptions options, QObject *parent)
    : QObject(parent), m_session(session), m_options(std::move(options)),
      m_relay(std::make_unique<StoreRelay>(this)), m_workerHome(new QObject),
      m_worker(new SyncWorker(*m_relay, m_options))
{
    m_thread.setObjectName(QStringLiteral("waypoint-sync"));
    m_workerHome->moveToThread(&m_thread);
    // The worker's HTTP client belongs to the sync thread: destroy it there.
    connect(
        &m_thread, &QThread::finished, m_workerHome,
        [w = m_worker, home = m_workerHome] {
            delete w;
            home->deleteLater(); // run as the thread finishes
        },
        Qt::DirectConnection);
    m_thread.start();
    connect(m_session, &Session::opened, this, &SyncThread::storeOpened);
    connect(m_session, &Session::closing, this, &SyncThread::storeClosing);
    if (m_session->store())
        storeOpened();
}

SyncThread::~SyncThread()
{
    // Wakes a run waiting for the store, then ends the sync thread; a request in flight sees
    // the interruption within 100 ms (SyncClient's HttpConnection), so this does not wait
    // for a timeout.
    m_relay->close();
    m_thread.requestInterruption();
    m_thread.quit();
    m_thread.wait();
}

void SyncThread::post(std::function<void(SyncWorker &)> job)
{
    QMetaObject::invokeMethod(
        m_workerHome, [w = m_worker, job = std::move(job)] { w->run(job); }, Qt::QueuedConnection);
}

void SyncThread::storeOpened()
{
    m_relay->open(m_session->store());
}

void SyncThread::storeClosing()
{
    m_relay->close();
    post([](SyncWorker &w) { w.forget(); });
}

} // namespace wp::client
