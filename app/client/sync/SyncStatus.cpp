// SPDX-License-Identifier: GPL-3.0-or-later
#include "SyncStatus.h"

#include "Session.h"
#include "Store.h"
#include "SyncConnection.h"
#include "SyncMessages.h"
#include "SyncThread.h"

#include <QLocale>
#include <QNetworkInformation>

namespace wp::client {

using namespace wp::sync;

namespace {
const QString LastSyncName = QStringLiteral("sync_last_success");
}

struct SyncStatus::RunResult
{
    std::optional<Error> error;
    int removed = 0; // records a resync removed, or their authors stopped sharing
};

SyncStatus::SyncStatus(Session *session, SyncThread *thread, SyncConnection *connection,
                       QObject *parent)
    : QObject(parent), m_session(session), m_thread(thread), m_connection(connection),
      m_scheduler(thread->options().policy), m_failedChanges(new FailedChangeListModel(this)),
      m_setAsideChanges(new SetAsideChangeListModel(this)), m_conflicts(new ConflictListModel(this))
{
    connect(m_conflicts, &ConflictListModel::countChanged, this, [this] {
        Q_EMIT conflictCountChanged();
        refresh();
    });
    // A resolution is a local edit: it is sent like one.
    connect(m_conflicts, &ConflictListModel::resolved, this, &SyncStatus::localChange);
    StoreRelay &relay = m_thread->relay();
    relay.onPulled([this](int n) {
        m_pulled += n;
        Q_EMIT pulledChanged();
        refresh();
    });
    relay.onPushed([this](int n) {
        m_pushed += n;
        Q_EMIT pushedChanged();
        refresh();
    });
    relay.onResync([this] {
        if (!m_catchingUp) {
            m_catchingUp = true;
            refresh();
        }
    });
    connect(&m_scheduler, &SyncScheduler::runRequested, this, &SyncStatus::startRun);
    connect(&m_scheduler, &SyncScheduler::scheduleChanged, this, &SyncStatus::refresh);
    // The connection reacts to the session first (AppContext makes it before this).
    connect(m_session, &Session::opened, this, &SyncStatus::storeOpened);
    connect(m_session, &Session::closing, this, &SyncStatus::storeClosing);
    connect(m_connection, &SyncConnection::enrolledChanged, this, &SyncStatus::refresh);
    connect(m_connection, &SyncConnection::enrolStepChanged, this, &SyncStatus::refresh);
    connect(m_connection, &SyncConnection::enrolmentCompleted, this,
            &SyncStatus::enrolmentCompleted);
    if (m_thread->options().watchConnectivity)
        watchConnectivity();
    if (m_session->store())
        storeOpened();
    refresh();
}

SyncStatus::~SyncStatus()
{
    m_scheduler.setActive(false);
}

void SyncStatus::watchConnectivity()
{
    using NI = QNetworkInformation;
    // No backend (containers, some desktops): assume online and let failures back off.
    if (!NI::loadBackendByFeatures(NI::Feature::Reachability) && !NI::loadDefaultBackend())
        return;
    NI *info = NI::instance();
    if (!info || !info->supports(NI::Feature::Reachability))
        return;
    const auto apply = [this](NI::Reachability r) {
        setOnline(r != NI::Reachability::Disconnected);
    };
    connect(info, &NI::reachabilityChanged, this, apply);
    apply(info->reachability());
}

void SyncStatus::setOnline(bool online)
{
    m_scheduler.setOnline(online);
    refresh();
}

// ----- state for QML

void SyncStatus::refresh()
{
    const State state = computeState();
    const QString statusText = computeStatusText(state);
    const QString shortText = computeShortText(state);
    const QString detailText = computeDetailText(state);
    const QString lastSyncText = computeLastSyncText();
    if (state != m_state) {
        m_state = state;
        Q_EMIT stateChanged();
    }
    if (statusText != m_statusText) {
        m_statusText = statusText;
        Q_EMIT statusTextChanged();
    }
    if (shortText != m_shortText) {
        m_shortText = shortText;
        Q_EMIT shortTextChanged();
    }
    if (detailText != m_detailText) {
        m_detailText = detailText;
        Q_EMIT detailTextChanged();
    }
    if (lastSyncText != m_lastSyncText) {
        m_lastSyncText = lastSyncText;
        Q_EMIT lastSyncTextChanged();
    }
}

SyncStatus::State SyncStatus::computeState() const
{
    if (!m_connection->enrolled())
        return m_failure ? Failed : NotEnrolled; // revoked: say so until enrolled again
    if (m_running)
        return Syncing;
    if (!m_scheduler.online() || (m_failure && m_failure->code == ErrorCode::Network))
        return Offline;
    if (m_failure)
        return Failed;
    return Idle;
}

QString SyncStatus::computeStatusText(State state) const
{
    switch (state) {
    case NotEnrolled:
        switch (m_connection->enrolStep()) {
        case SyncConnection::EnterCode:
        case SyncConnection::Redeeming:
            return tr("Not enrolled");
        case SyncConnection::ChooseKeyWay:
        case SyncConnection::RequestingApproval:
        case SyncConnection::AwaitApproval:
            return tr("One step left: your keys");
        default:
            return tr("One step left: the recovery key");
        }
    case Idle:
        return m_pending > 0         ? tr("%n change(s) to send", "", m_pending)
               : conflictCount() > 0 ? tr("%n conflict(s) to resolve", "", conflictCount())
               : m_failed > 0        ? tr("Up to date, except refused changes")
                                     : tr("Up to date");
    case Syncing:
        return m_catchingUp ? tr("Catching up with the server\u2026") : tr("Syncing\u2026");
    case Offline:
        return tr("Offline: changes wait on this phone");
    case Failed:
        return tr("Sync failed");
    }
    return {};
}

QString SyncStatus::computeShortText(State state) const
{
    switch (state) {
    case NotEnrolled:
        return tr("Sync off");
    case Idle:
        return m_pending > 0         ? tr("%n to send", "", m_pending)
               : conflictCount() > 0 ? tr("%n conflict(s)", "", conflictCount())
                                     : tr("Synced");
    case Syncing:
        return tr("Syncing");
    case Offline:
        return tr("Offline");
    case Failed:
        return tr("Sync error");
    }
    return {};
}

QString SyncStatus::computeDetailText(State state) const
{
    const QString failure = m_failure ? syncFailureMessage(*m_failure) : QString();
    switch (state) {
    case NotEnrolled:
        // Only what is built: syncing a worker's own devices (docs/architecture.md).
        return tr("Everything stays on this phone. Once your organisation enrols it, your records "
                  "are kept end-to-end encrypted on the server so your other devices can sync "
                  "them.");
    case Idle:
        return m_pending > 0 ? tr("Saved on this phone; Waypoint sends it in a moment.")
               : conflictCount() > 0
                   ? tr("A text was changed on this phone and on another device before they "
                        "synced. Both versions are kept until you choose.")
               : m_failed > 0 ? tr("Everything else on this phone is on the server, encrypted.")
                              : tr("Everything on this phone is on the server, encrypted.");
    case Syncing:
        if (m_catchingUp)
            return tr("The server tidied up while this phone was away: Waypoint is fetching "
                      "everything again (%1 so far). Changes waiting on this phone are kept and "
                      "sent.")
                .arg(m_pulled);
        return tr("Received %1, sent %2.").arg(m_pulled).arg(m_pushed);
    case Offline:
        return (failure.isEmpty() ? tr("No connection.") : failure) + u' ' +
               tr("Nothing is lost: Waypoint sends your changes when the connection returns.");
    case Failed:
        return m_scheduler.blocked() ? failure
                                     : failure + u' ' + tr("Waypoint tries again automatically.");
    }
    return {};
}

QString SyncStatus::computeLastSyncText() const
{
    if (!m_unlocked)
        return {};
    if (!m_lastSync.isValid())
        return m_connection->enrolled() ? tr("Not synced yet") : QString();
    const QDateTime local = m_lastSync.toLocalTime();
    const QLocale locale;
    if (local.date() == QDate::currentDate())
        return tr("Last synced today at %1")
            .arg(locale.toString(local.time(), QLocale::ShortFormat));
    return tr("Last synced %1").arg(locale.toString(local, QLocale::ShortFormat));
}

// ----- lock and unlock

void SyncStatus::storeOpened()
{
    Store *store = m_session->store();
    m_unlocked = true;
    QDateTime saved;
    if (auto secret = store->deviceSecret(LastSyncName)) {
        bool ok = false;
        const qint64 ms = QByteArray(secret->view().data(), secret->view().size()).toLongLong(&ok);
        if (ok)
            saved = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
    }
    setLastSync(saved);
    m_failedChanges->reload(store);
    m_setAsideChanges->reload(store);
    m_conflicts->reload(store);
    refreshCounts();
    refresh();
    m_scheduler.setActive(m_connection->enrolled());
}

void SyncStatus::storeClosing()
{
    m_unlocked = false; // the store is about to close
    m_failedChanges->reload(nullptr);
    m_setAsideChanges->reload(nullptr);
    m_conflicts->reload(nullptr);
    setLastSync({});
    m_scheduler.setActive(false);
    refresh();
}

void SyncStatus::setLastSync(const QDateTime &when)
{
    if (when == m_lastSync)
        return;
    m_lastSync = when;
    Q_EMIT lastSyncChanged();
}

void SyncStatus::refreshCounts()
{
    Store *store = m_session->store();
    if (!store)
        return;
    auto count = store->outbox().count();
    auto failed = store->outbox().failedCount();
    const int pending = count ? int(*count) : m_pending;
    const int failedCount = failed ? int(*failed) : m_failed;
    if (failedCount != m_failed || failedCount != m_failedChanges->count())
        m_failedChanges->reload(store);
    if (pending != m_pending) {
        m_pending = pending;
        Q_EMIT pendingCountChanged();
    }
    if (failedCount != m_failed) {
        m_failed = failedCount;
        Q_EMIT failedCountChanged();
    }
    auto setAside = store->setAside().count();
    const int setAsideCount = setAside ? int(*setAside) : m_setAsideCount;
    if (setAsideCount != m_setAsideCount || setAsideCount != m_setAsideChanges->count())
        m_setAsideChanges->reload(store);
    if (setAsideCount != m_setAsideCount) {
        m_setAsideCount = setAsideCount;
        Q_EMIT setAsideCountChanged();
    }
    // Few rows; read again after every save and sync, as a merge can add one.
    m_conflicts->reload(store);

    auto changedKeys = store->keyPins().changedCount();
    const int changedKeyCount = changedKeys ? int(*changedKeys) : m_changedKeyCount;
    if (changedKeyCount != m_changedKeyCount) {
        m_changedKeyCount = changedKeyCount;
        Q_EMIT changedKeyCountChanged();
    }
    refresh();
}

void SyncStatus::localChange()
{
    refreshCounts();
    m_scheduler.localChange();
}

void SyncStatus::syncNow()
{
    if (!m_connection->enrolled() || !m_session->store())
        return;
    m_scheduler.requestNow();
}

void SyncStatus::retryFailed()
{
    Store *store = m_session->store();
    if (!store || m_failed == 0)
        return;
    if (!store->outbox().retryFailed())
        return;
    refreshCounts();
    if (m_connection->enrolled())
        m_scheduler.requestNow();
}

bool SyncStatus::dismissFailed(int row)
{
    if (!m_failedChanges->dismiss(m_session->store(), row))
        return false;
    refreshCounts();
    return true;
}

// Only the time; kept with the device's secrets because when a worker was online is private.
void SyncStatus::saveLastSync()
{
    Store *store = m_session->store();
    if (!store || !m_lastSync.isValid())
        return;
    QByteArray text = QByteArray::number(m_lastSync.toMSecsSinceEpoch());
    // A failed write only costs the time shown after the next restart.
    (void)store->putDeviceSecret(LastSyncName, SecretBytes::takeFrom(text));
}

// ----- runs

void SyncStatus::enrolmentCompleted()
{
    m_failure.reset();
    refresh();
    m_scheduler.setActive(true);
    m_scheduler.requestNow(); // also after a revocation, which blocked automatic runs
}

void SyncStatus::startRun()
{
    m_running = true;
    m_catchingUp = false;
    m_pulled = 0;
    m_pushed = 0;
    Q_EMIT busyChanged();
    Q_EMIT pulledChanged();
    Q_EMIT pushedChanged();
    refresh();
    m_thread->run<RunResult>(
        this,
        [](SyncWorker &w) {
            RunResult result;
            auto report = w.sync();
            if (report)
                result.removed = report->removed + report->withdrawn;
            else
                result.error = report.error();
            return result;
        },
        [this](RunResult result) { finishRun(result); });
}

void SyncStatus::finishRun(const RunResult &result)
{
    m_running = false;
    m_catchingUp = false;
    SyncScheduler::Outcome outcome = SyncScheduler::Outcome::Success;
    if (result.error) {
        const Error &e = *result.error;
        if (StoreRelay::isLocked(e)) {
            outcome = SyncScheduler::Outcome::Cancelled;
        } else {
            m_failure = e;
            outcome = e.code == ErrorCode::Unauthorized ? SyncScheduler::Outcome::Unauthorized
                                                        : SyncScheduler::Outcome::Transient;
        }
    } else {
        m_failure.reset();
        if (m_session->store()) {
            setLastSync(QDateTime::currentDateTimeUtc());
            saveLastSync();
        }
    }
    // The identity is gone (SyncEngine::destroyIdentityIfRevoked): enrol again to sync.
    if (result.error && serverErrorOf(*result.error) == ServerError::DeviceRevoked)
        m_connection->deviceRevoked();
    if (m_pulled > 0 || result.removed > 0)
        Q_EMIT remoteChangesApplied();
    m_connection->refreshIdentity();
    Q_EMIT busyChanged();
    refreshCounts();
    m_scheduler.runFinished(outcome);
    if (!m_connection->enrolled())
        m_scheduler.setActive(false);
    refresh();
    Q_EMIT runFinished();
}

} // namespace wp::client
