#include "SyncController.h"

#include "RecoveryPassphrase.h"
#include "Session.h"
#include "Store.h"
#include "StoreRelay.h"
#include "SyncEngine.h"
#include "SyncMessages.h"

#include <QLocale>
#include <QNetworkInformation>
#include <QSysInfo>
#include <QUrl>
#include <QUrlQuery>

#include <deque>
#include <optional>

namespace wp::client {

using namespace wp::sync;

namespace {
const QString LastSyncName = QStringLiteral("sync_last_success");
}

// The sync thread's side: the device's identity and its HTTP client live here and are only
// touched by jobs the controller posts to this thread.
class SyncWorker
{
public:
    SyncWorker(StoreRelay &relay, const SyncController::Options &options)
        : m_relay(relay), m_options(options)
    {
    }

    Result<SyncReport> sync()
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

    // Presents the code and saves the credentials at once (the code is spent): true when the
    // user's keys already exist (restore them), false when this is their first device.
    Result<bool> redeem(const QString &server, const QString &code)
    {
        auto id = SyncIdentity::enrolDevice(server, code, QSysInfo::machineHostName(),
                                            QSysInfo::productType(), nullptr);
        if (!id)
            return id.error();
        if (Status saved = m_relay.saveIdentity(*id); !saved)
            return saved.error();
        m_enrolment.emplace(std::move(*id));
        return m_enrolment->userHadKeys;
    }

    // Step 2, also after a lock or a restart (the saved credentials are read again). Conflict
    // when the keys were made on another device meanwhile, NotFound (field "no_backup") when
    // there is no backup to restore: the saved identity then says which step comes next.
    Status setUpKeys(QString passphrase)
    {
        if (!m_enrolment) {
            auto saved = m_relay.loadIdentity();
            if (!saved) {
                wipe(passphrase);
                return saved.error();
            }
            m_enrolment.emplace(std::move(*saved));
        }
        QByteArray utf8 = passphrase.toUtf8();
        wipe(passphrase);
        const SecretBytes secret = SecretBytes::takeFrom(utf8);
        SyncIdentity &id = *m_enrolment;
        Status keys =
            id.userHadKeys ? id.restoreKeys(secret) : id.createKeys(secret, m_options.backupCost);
        if (!keys) {
            const Error e = keys.error();
            const bool otherStep = (!id.userHadKeys && e.code == ErrorCode::Conflict) ||
                                   (id.userHadKeys && e.code == ErrorCode::NotFound);
            if (!otherStep)
                return e;
            id.userHadKeys = !id.userHadKeys;
            if (Status saved = m_relay.saveIdentity(id); !saved)
                return saved.error();
            return Error(e.code, e.message,
                         id.userHadKeys ? QStringLiteral("keys_exist")
                                        : QStringLiteral("no_backup"));
        }
        if (Status saved = m_relay.saveIdentity(id); !saved)
            return saved.error();
        m_identity.emplace(std::move(id));
        m_enrolment.reset();
        m_client.reset();
        return {};
    }

    void cancelEnrolment() { m_enrolment.reset(); }

    // Runs one job posted by the controller. SyncClient waits for replies in a local event
    // loop, which would deliver the next posted job (say, forget() on locking) in the middle
    // of this one, under the engine's feet: such a job waits until the current one is done.
    void run(const std::function<void(SyncWorker &)> &job)
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

    // Locked: nothing secret stays in this thread's memory.
    void forget()
    {
        m_enrolment.reset();
        m_identity.reset();
        m_client.reset();
    }

private:
    StoreRelay &m_relay;
    SyncController::Options m_options;
    std::optional<SyncIdentity> m_enrolment; // credentials saved, keys not set up yet
    std::optional<SyncIdentity> m_identity;
    std::unique_ptr<SyncClient> m_client; // created on the sync thread, used there only
    bool m_inJob = false;
    std::deque<std::function<void(SyncWorker &)>> m_deferred;
};

struct SyncController::RunResult
{
    std::optional<Error> error;
    SyncReport report;
    bool userHasKeys = false;
};

SyncController::SyncController(Session *session, QObject *parent)
    : SyncController(session, Options{}, parent)
{
}

SyncController::SyncController(Session *session, Options options, QObject *parent)
    : QObject(parent), m_session(session), m_options(std::move(options)),
      m_relay(std::make_unique<StoreRelay>(this)), m_scheduler(m_options.policy),
      m_workerHome(new QObject), m_worker(new SyncWorker(*m_relay, m_options)),
      m_failedChanges(new FailedChangeListModel(this))
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

    m_relay->onPulled([this](int n) {
        m_pulled += n;
        Q_EMIT progressChanged();
    });
    m_relay->onPushed([this](int n) {
        m_pushed += n;
        Q_EMIT progressChanged();
    });
    m_relay->onResync([this] {
        if (!m_catchingUp) {
            m_catchingUp = true;
            Q_EMIT changed();
        }
    });
    connect(&m_scheduler, &SyncScheduler::runRequested, this, &SyncController::startRun);
    connect(&m_scheduler, &SyncScheduler::scheduleChanged, this, &SyncController::changed);
    connect(m_session, &Session::opened, this, &SyncController::storeOpened);
    connect(m_session, &Session::closing, this, &SyncController::storeClosing);
    if (m_options.watchConnectivity)
        watchConnectivity();
    if (m_session->store())
        storeOpened();
}

SyncController::~SyncController()
{
    // Wakes a run waiting for the store, then ends the sync thread; a request in flight sees
    // the interruption within 100 ms (SyncClient's HttpConnection), so this does not wait
    // for a timeout.
    m_scheduler.setActive(false);
    m_relay->close();
    m_thread.requestInterruption();
    m_thread.quit();
    m_thread.wait();
}

void SyncController::watchConnectivity()
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

void SyncController::setOnline(bool online)
{
    m_scheduler.setOnline(online);
    Q_EMIT changed();
}

void SyncController::post(std::function<void(SyncWorker &)> job)
{
    QMetaObject::invokeMethod(
        m_workerHome, [w = m_worker, job = std::move(job)] { w->run(job); }, Qt::QueuedConnection);
}

// ----- state for QML

SyncController::State SyncController::state() const
{
    if (!m_enrolled)
        return m_error.isEmpty() ? NotEnrolled : Failed; // revoked: say so until re-enrolled
    if (m_running)
        return Syncing;
    if (!m_scheduler.online() || (!m_error.isEmpty() && m_errorIsNetwork))
        return Offline;
    if (!m_error.isEmpty())
        return Failed;
    return Idle;
}

QString SyncController::statusText() const
{
    switch (state()) {
    case NotEnrolled:
        return m_enrolStep == EnterCode || m_enrolStep == Redeeming
                   ? tr("Not enrolled")
                   : tr("One step left: the recovery passphrase");
    case Idle:
        return m_pending > 0  ? tr("%n change(s) to send", "", m_pending)
               : m_failed > 0 ? tr("Up to date, except refused changes")
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

QString SyncController::shortText() const
{
    switch (state()) {
    case NotEnrolled:
        return tr("Sync off");
    case Idle:
        return m_pending > 0 ? tr("%n to send", "", m_pending) : tr("Synced");
    case Syncing:
        return tr("Syncing");
    case Offline:
        return tr("Offline");
    case Failed:
        return tr("Sync error");
    }
    return {};
}

QString SyncController::detailText() const
{
    switch (state()) {
    case NotEnrolled:
        return tr("Everything stays on this phone. Your organisation can enrol it so shared diary "
                  "entries and supervision notes reach your supervisor, end-to-end encrypted.");
    case Idle:
        return m_pending > 0  ? tr("Saved on this phone; Waypoint sends it in a moment.")
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
        return (m_error.isEmpty() ? tr("No connection.") : m_error) + u' ' +
               tr("Nothing is lost: Waypoint sends your changes when the connection returns.");
    case Failed:
        return m_scheduler.blocked() ? m_error
                                     : m_error + u' ' + tr("Waypoint tries again automatically.");
    }
    return {};
}

QString SyncController::lastSyncText() const
{
    if (!m_session->store())
        return {}; // locked
    if (!m_lastSync.isValid())
        return m_enrolled ? tr("Not synced yet") : QString();
    const QDateTime local = m_lastSync.toLocalTime();
    const QLocale locale;
    if (local.date() == QDate::currentDate())
        return tr("Last synced today at %1")
            .arg(locale.toString(local.time(), QLocale::ShortFormat));
    return tr("Last synced %1").arg(locale.toString(local, QLocale::ShortFormat));
}

QString SyncController::describe(const Error &error) const
{
    if (serverErrorOf(error) == ServerError::DeviceRevoked)
        return tr("Your organisation revoked this device. Sync has stopped; ask your "
                  "administrator.");
    switch (error.code) {
    case ErrorCode::Network:
        return serverErrorOf(error) == ServerError::RateLimited
                   ? tr("The server asked Waypoint to wait before trying again.")
                   : tr("The server cannot be reached.");
    case ErrorCode::Unauthorized:
        return tr("The server no longer accepts this device. Ask your administrator for a new "
                  "enrolment code.");
    case ErrorCode::Protocol:
        return tr("The server answered something this version of Waypoint cannot read. Update "
                  "the app.");
    case ErrorCode::Crypto:
        return tr("Changes from the server failed their signature or encryption check and "
                  "were not applied.");
    case ErrorCode::DiskFull:
        return tr("The phone is out of storage space.");
    default:
        return tr("Sync did not complete (%1).").arg(error.message);
    }
}

QString SyncController::describeEnrolment(const Error &error) const
{
    if (StoreRelay::isLocked(error))
        return tr("Waypoint locked before enrolment finished. Ask for a new code and start "
                  "again.");
    if (error.field == u"keys_exist")
        return tr("Your keys were set up on another device meanwhile. Enter the recovery "
                  "passphrase chosen there.");
    if (error.field == u"no_backup")
        return tr("Your keys were never backed up on the server. Choose a recovery passphrase "
                  "to make them on this device.");
    if (serverErrorOf(error) == ServerError::EnrolmentCodeInvalid)
        return tr("This code is wrong, already used or expired. Ask your administrator for a "
                  "new one.");
    switch (error.code) {
    case ErrorCode::Network:
        return tr("The server cannot be reached. Check the address and your connection, then "
                  "try again.");
    case ErrorCode::WrongPin:
        return tr("That is not the recovery passphrase chosen on your first device. Try again.");
    case ErrorCode::Unauthorized:
        return tr("The server refused this device. Ask your administrator for a new code.");
    case ErrorCode::Protocol:
    case ErrorCode::NotFound:
        return tr("That address does not answer like a Waypoint server.");
    default:
        return tr("Enrolment did not complete (%1).").arg(error.message);
    }
}

// ----- lock and unlock

void SyncController::storeOpened()
{
    Store *store = m_session->store();
    m_relay->open(store);
    auto identity = SyncIdentity::load(*store);
    m_enrolled = identity.ok() && identity->hasKeys();
    m_serverUrl = identity.ok() ? identity->credentials.serverUrl : QString();
    m_lastSync = {};
    if (auto saved = store->deviceSecret(LastSyncName)) {
        bool ok = false;
        const qint64 ms = QByteArray(saved->view().data(), saved->view().size()).toLongLong(&ok);
        if (ok)
            m_lastSync = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
    }
    m_failedChanges->reload(store);
    refreshCounts();
    // Enrolment stopped between its two steps (locked, or the app closed): the code is
    // spent and the credentials saved, so it resumes at the passphrase.
    if (identity.ok() && !m_enrolled)
        setEnrolStep(identity->userHadKeys ? EnterPassphrase : ChoosePassphrase);
    Q_EMIT changed();
    m_scheduler.setActive(m_enrolled);
}

void SyncController::storeClosing()
{
    m_failedChanges->reload(nullptr);
    m_lastSync = {};
    m_scheduler.setActive(false);
    m_relay->close();
    post([](SyncWorker &w) { w.forget(); });
    if (m_enrolStep != EnterCode)
        setEnrolStep(EnterCode);
    Q_EMIT changed();
}

void SyncController::refreshCounts()
{
    Store *store = m_session->store();
    if (!store)
        return;
    auto count = store->outbox().count();
    auto failed = store->outbox().failedCount();
    const int pending = count ? int(*count) : m_pending;
    const int failedCount = failed ? int(*failed) : m_failed;
    if (pending != m_pending || failedCount != m_failed) {
        if (failedCount != m_failed || failedCount != m_failedChanges->count())
            m_failedChanges->reload(store);
        m_pending = pending;
        m_failed = failedCount;
        Q_EMIT countsChanged();
        Q_EMIT changed();
    }
}

void SyncController::localChange()
{
    refreshCounts();
    m_scheduler.localChange();
}

void SyncController::syncNow()
{
    if (!m_enrolled || !m_session->store())
        return;
    m_scheduler.requestNow();
}

void SyncController::retryFailed()
{
    Store *store = m_session->store();
    if (!store || m_failed == 0)
        return;
    if (!store->outbox().retryFailed())
        return;
    refreshCounts();
    if (m_enrolled)
        m_scheduler.requestNow();
}

bool SyncController::dismissFailed(int row)
{
    if (!m_failedChanges->dismiss(m_session->store(), row))
        return false;
    refreshCounts();
    return true;
}

// Only the time; kept with the device's secrets because when a worker was online is private.
void SyncController::saveLastSync()
{
    Store *store = m_session->store();
    if (!store || !m_lastSync.isValid())
        return;
    QByteArray text = QByteArray::number(m_lastSync.toMSecsSinceEpoch());
    // A failed write only costs the time shown after the next restart.
    (void)store->putDeviceSecret(LastSyncName, SecretBytes::takeFrom(text));
}

// ----- runs

void SyncController::startRun()
{
    m_running = true;
    m_catchingUp = false;
    m_pulled = 0;
    m_pushed = 0;
    Q_EMIT progressChanged();
    Q_EMIT changed();
    post([this](SyncWorker &w) {
        auto result = std::make_shared<RunResult>();
        auto report = w.sync();
        if (report)
            result->report = std::move(*report);
        else
            result->error = report.error();
        QMetaObject::invokeMethod(
            this, [this, result] { finishRun(result); }, Qt::QueuedConnection);
    });
}

void SyncController::finishRun(const std::shared_ptr<RunResult> &result)
{
    m_running = false;
    m_catchingUp = false;
    SyncScheduler::Outcome outcome = SyncScheduler::Outcome::Success;
    if (result->error) {
        const Error &e = *result->error;
        if (StoreRelay::isLocked(e)) {
            outcome = SyncScheduler::Outcome::Cancelled;
        } else {
            m_error = describe(e);
            m_errorIsNetwork = e.code == ErrorCode::Network;
            outcome = e.code == ErrorCode::Unauthorized ? SyncScheduler::Outcome::Unauthorized
                                                        : SyncScheduler::Outcome::Transient;
        }
    } else {
        m_error.clear();
        m_errorIsNetwork = false;
        if (m_session->store()) {
            m_lastSync = QDateTime::currentDateTimeUtc();
            saveLastSync();
        }
    }
    if (result->error && serverErrorOf(*result->error) == ServerError::DeviceRevoked) {
        // The identity is gone (SyncEngine::destroyIdentityIfRevoked): enrol again to sync.
        m_enrolled = false;
        m_serverUrl.clear();
    }
    if (m_pulled > 0 || result->report.removed > 0)
        Q_EMIT remoteChangesApplied();
    refreshCounts();
    m_scheduler.runFinished(outcome);
    if (!m_enrolled)
        m_scheduler.setActive(false);
    Q_EMIT changed();
    Q_EMIT runFinished();
}

// ----- enrolment

QVariantMap SyncController::parseEnrolText(const QString &text) const
{
    const QString t = text.trimmed();
    QString code = t;
    QString server;
    if (t.startsWith(QLatin1String("waypoint:"), Qt::CaseInsensitive)) {
        const QUrl url(t);
        const QUrlQuery query(url);
        code = query.queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded);
        server = query.queryItemValue(QStringLiteral("server"), QUrl::FullyDecoded);
    }
    return {{QStringLiteral("code"), code.trimmed()}, {QStringLiteral("server"), server}};
}

void SyncController::enrol(const QString &serverUrl, const QString &codeText)
{
    if (busy() || m_enrolled || !m_session->store())
        return;
    const QVariantMap parsed = parseEnrolText(codeText);
    QString code = parsed.value(QStringLiteral("code")).toString();
    QString server = serverUrl.trimmed();
    if (server.isEmpty())
        server = parsed.value(QStringLiteral("server")).toString();

    QVariantMap errors;
    const QUrl url(server, QUrl::StrictMode);
    if (server.isEmpty())
        errors.insert(QStringLiteral("server"), tr("Enter the server address."));
    else if (!url.isValid() || url.host().isEmpty() ||
             (url.scheme() != u"https" && url.scheme() != u"http"))
        errors.insert(QStringLiteral("server"),
                      tr("Enter an address like https://sync.example.org"));
    QString compact = code;
    compact.remove(u'-').remove(u' ');
    bool plausible = compact.size() == 16;
    for (QChar c : compact)
        plausible = plausible && c.isLetterOrNumber() && c.unicode() < 128;
    if (code.isEmpty())
        errors.insert(QStringLiteral("code"), tr("Enter the enrolment code."));
    else if (!plausible)
        errors.insert(QStringLiteral("code"),
                      tr("An enrolment code has 16 letters and digits, like ABCD-EFGH-JKMN-PQRS."));
    if (!errors.isEmpty()) {
        setEnrolStep(EnterCode, {}, errors);
        return;
    }
    while (server.endsWith(u'/'))
        server.chop(1);
    m_serverUrl = server;
    setEnrolStep(Redeeming);
    post([this, server, compact](SyncWorker &w) {
        auto result = std::make_shared<RunResult>();
        auto hasKeys = w.redeem(server, compact);
        if (hasKeys)
            result->userHasKeys = *hasKeys;
        else
            result->error = hasKeys.error();
        QMetaObject::invokeMethod(
            this, [this, result] { finishRedeem(result); }, Qt::QueuedConnection);
    });
}

void SyncController::finishRedeem(const std::shared_ptr<RunResult> &result)
{
    if (m_enrolStep != Redeeming)
        return; // locked meanwhile
    if (result->error) {
        setEnrolStep(EnterCode, describeEnrolment(*result->error));
        return;
    }
    setEnrolStep(result->userHasKeys ? EnterPassphrase : ChoosePassphrase);
}

void SyncController::setPassphrase(const QString &passphrase, const QString &confirm)
{
    if (m_enrolStep != ChoosePassphrase && m_enrolStep != EnterPassphrase)
        return;
    QVariantMap errors;
    if (passphrase.isEmpty())
        errors.insert(QStringLiteral("passphrase"), tr("Enter the recovery passphrase."));
    else if (m_enrolStep == ChoosePassphrase && !RecoveryPassphrase::longEnough(passphrase))
        errors.insert(QStringLiteral("passphrase"), passphraseTooShortMessage());
    else if (m_enrolStep == ChoosePassphrase && passphrase != confirm)
        errors.insert(QStringLiteral("confirm"),
                      tr("The two entries are different. Type the same passphrase twice."));
    if (!errors.isEmpty()) {
        setEnrolStep(m_enrolStep, {}, errors);
        return;
    }
    const EnrolStep asked = m_enrolStep;
    setEnrolStep(SettingUpKeys);
    post([this, passphrase, asked](SyncWorker &w) {
        auto result = std::make_shared<RunResult>();
        if (Status s = w.setUpKeys(passphrase); !s)
            result->error = s.error();
        result->userHasKeys = asked == EnterPassphrase;
        QMetaObject::invokeMethod(
            this, [this, result] { finishKeys(result); }, Qt::QueuedConnection);
    });
}

void SyncController::finishKeys(const std::shared_ptr<RunResult> &result)
{
    if (m_enrolStep != SettingUpKeys)
        return; // locked meanwhile
    EnrolStep again = result->userHasKeys ? EnterPassphrase : ChoosePassphrase;
    if (result->error) {
        const Error &e = *result->error;
        if (e.field == u"keys_exist")
            again = EnterPassphrase;
        else if (e.field == u"no_backup")
            again = ChoosePassphrase;
        setEnrolStep(StoreRelay::isLocked(e) ? EnterCode : again, describeEnrolment(e));
        return;
    }
    m_enrolled = true;
    m_error.clear();
    m_errorIsNetwork = false;
    setEnrolStep(EnterCode);
    Q_EMIT changed();
    m_scheduler.setActive(true);
    m_scheduler.requestNow(); // also after a revocation, which blocked automatic runs
}

void SyncController::cancelEnrolment()
{
    if (m_enrolStep == Redeeming || m_enrolStep == SettingUpKeys)
        return;
    post([](SyncWorker &w) { w.cancelEnrolment(); });
    // The saved credentials of an unfinished enrolment go too: the next one needs a new code.
    if (!m_enrolled && m_session->store())
        (void)SyncIdentity::forget(*m_session->store());
    if (!m_enrolled)
        m_serverUrl.clear();
    setEnrolStep(EnterCode);
}

void SyncController::setEnrolStep(EnrolStep step, const QString &message, const QVariantMap &errors)
{
    m_enrolStep = step;
    m_enrolMessage = message;
    m_enrolErrors = errors;
    Q_EMIT enrolChanged();
    Q_EMIT changed();
}

} // namespace wp::client
