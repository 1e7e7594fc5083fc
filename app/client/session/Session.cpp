// SPDX-License-Identifier: GPL-3.0-or-later
#include "Session.h"

#include "DeviceStore.h"
#include "DraftBox.h"
#include "LogCategories.h"
#include "PrivateFiles.h"
#include "Store.h"

#include <QDateTime>
#include <QDir>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace wp::client {

namespace {
// Sealed drafts (DraftBox) live beside the store and are readable only with its key.
QString draftsPath(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("drafts"));
}

// Hands the memory freed by closing the store and destroying the unlocked screens back to the
// system. glibc keeps freed heap (the store's page cache, the models' rows, the screens) for
// reuse: without this a locked app stays at its unlocked size (tens of MB).
void releaseFreedMemory()
{
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
}

SecretBytes secretFrom(QString text)
{
    QByteArray bytes = text.toUtf8();
    wipe(text);
    return SecretBytes::takeFrom(bytes);
}
} // namespace

struct Session::KeyResult
{
    enum Kind { Create, Unlock, ChangePin } kind = Unlock;
    std::optional<SecretBytes> key;
    std::optional<Error> error;
    bool deviceWrap = false; // Create: the vault asked the keystore for its second key
    int attemptsLeft = -1;
    qint64 retryAfterMs = 0;
    // Unlock: what the vault counted before this check, which a right PIN clears.
    int wrongPinsBefore = 0;
    int interruptedChecksBefore = 0;
};

Session::Session(Options options, QObject *parent) : QObject(parent), m_options(std::move(options))
{
    PrivateFiles::folder(m_options.dataDir);
    m_inactivity.setSingleShot(true);
    m_inactivity.setInterval(m_autoLockSeconds * 1000);
    connect(&m_inactivity, &QTimer::timeout, this, &Session::lock);
    m_backoffTick.setInterval(250);
    connect(&m_backoffTick, &QTimer::timeout, this, &Session::tickBackoff);
    connect(&m_job, &QFutureWatcherBase::finished, this, &Session::finishKeyJob);
    // After the screens are gone too: QML deletes them on a later turn of the event loop.
    m_releaseMemory.setSingleShot(true);
    m_releaseMemory.setInterval(300);
    connect(&m_releaseMemory, &QTimer::timeout, this, &releaseFreedMemory);

    Result<VaultStatus> status = DeviceStore::status(m_options.dataDir, environment());
    if (!status) {
        m_state = Locked;
        m_message = describe(status.error());
        return;
    }
    if (!status->exists)
        return;
    if (status->destroyed) {
        m_message = tr("After too many wrong PINs the keys on this phone were destroyed and "
                       "its records cannot be read. Set up Waypoint again.");
        return;
    }
    m_state = Locked;
    m_pinOnly = !status->deviceWrapped;
    m_attemptsLeft = status->failedAttempts > 0 ? status->attemptsLeft : -1;
    if (status->retryAfter.count() > 0)
        startBackoff(status->retryAfter.count());
}

Session::~Session()
{
    m_job.waitForFinished();
    if (m_store)
        Q_EMIT closing();
}

void Session::setKeystoreUnavailable(bool unavailable)
{
    if (m_keystoreUnavailable == unavailable)
        return;
    m_keystoreUnavailable = unavailable;
    Q_EMIT keystoreUnavailableChanged();
}

void Session::setPinOnly(bool pinOnly)
{
    if (m_pinOnly == pinOnly)
        return;
    m_pinOnly = pinOnly;
    Q_EMIT pinOnlyChanged();
}

void Session::setPassphrase(bool passphrase)
{
    if (m_passphrase == passphrase)
        return;
    m_passphrase = passphrase;
    Q_EMIT passphraseChanged();
}

void Session::setUnlockNotice(int wrongPins, int interruptedChecks)
{
    if (m_wrongPinsBeforeUnlock == wrongPins &&
        m_interruptedChecksBeforeUnlock == interruptedChecks)
        return;
    m_wrongPinsBeforeUnlock = wrongPins;
    m_interruptedChecksBeforeUnlock = interruptedChecks;
    Q_EMIT unlockNoticeChanged();
}

void Session::dismissUnlockNotice()
{
    setUnlockNotice(0, 0);
}

void Session::setMessage(const QString &message)
{
    m_newPinProblemShown = false;
    if (m_message == message)
        return;
    m_message = message;
    Q_EMIT messageChanged();
}

void Session::setAutoLockSeconds(int seconds)
{
    seconds = qBound(10, seconds, 3600);
    if (seconds == m_autoLockSeconds)
        return;
    m_autoLockSeconds = seconds;
    setAutoLockMs(seconds * 1000);
    Q_EMIT autoLockSecondsChanged();
}

void Session::setAutoLockMs(int ms)
{
    m_inactivity.setInterval(qMax(1, ms));
    if (m_inactivity.isActive())
        m_inactivity.start();
}

VaultEnvironment Session::environment() const
{
    return VaultEnvironment::withKeyStore(m_options.keyStore);
}

void Session::showNewPinProblem(const QString &problem)
{
    setMessage(problem);
    m_newPinProblemShown = !problem.isEmpty();
}

void Session::recheckNewPin(const QString &pin, const QString &confirm, bool passphrase)
{
    if (m_newPinProblemShown)
        showNewPinProblem(validateNewPin(pin, confirm, passphrase));
}

QString Session::validateNewPin(const QString &pin, const QString &confirm, bool passphrase) const
{
    // A PIN is typed on the digit pad: letters would lock the worker out of their own store.
    const bool digitsOnly =
        std::all_of(pin.cbegin(), pin.cend(), [](QChar c) { return c.isDigit(); });
    if (!passphrase && !digitsOnly)
        return tr("A PIN is made of digits only. To use letters or words, choose \u201cUse a "
                  "passphrase instead of digits\u201d.");
    if (pin.size() < m_options.minPinLength)
        return tr("Use at least %n characters.", "", m_options.minPinLength);
    switch (PinPolicy::check(pin)) {
    case PinPolicy::Problem::None:
        break;
    case PinPolicy::Problem::TooShort:
        return tr("Use at least %n characters.", "", PinPolicy::MinLength);
    case PinPolicy::Problem::TooLong:
        return tr("That is too long: at most %n characters.", "", PinPolicy::MaxLength);
    case PinPolicy::Problem::Repeated:
        return tr("Choose something harder to guess than one repeated character.");
    case PinPolicy::Problem::Sequence:
        return tr("Digits in a row (like 123456) are among the first PINs anyone tries. Choose "
                  "another, or a longer PIN.");
    case PinPolicy::Problem::Common:
        return tr("That is one of the most common PINs. Choose another, or a longer PIN.");
    }
    if (pin != confirm)
        return tr("The two entries are different. Type the same PIN twice.");
    return {};
}

QString Session::describe(const Error &error) const
{
    switch (error.code) {
    case ErrorCode::WrongPin:
        return tr("Wrong PIN.");
    case ErrorCode::LockedOut:
        return tr("Too many wrong PINs. Wait, then try again.");
    case ErrorCode::NotAStore:
    case ErrorCode::Corrupt:
    case ErrorCode::Crypto:
        return tr("The encrypted file on this phone is damaged and cannot be opened.");
    case ErrorCode::SchemaTooNew:
        return tr("These records were written by a newer Waypoint. Update the app to open them.");
    case ErrorCode::Busy:
        return tr("Waypoint is already open in another window.");
    case ErrorCode::DiskFull:
        return tr("The phone is out of storage space. Free some space and try again.");
    case ErrorCode::Unavailable:
        return tr("This device's keychain is not available, and Waypoint needs it to open "
                  "your records.");
    case ErrorCode::NotFound:
        return tr("Waypoint's encrypted file is missing from this phone.");
    case ErrorCode::Conflict:
        return tr("Waypoint's folder on this phone still holds an old encrypted file. Remove "
                  "it, or set up Waypoint in another folder.");
    default:
        return tr("Waypoint could not open its records (%1).").arg(error.message);
    }
}

void Session::createPin(const QString &pin, const QString &confirm, bool passphrase)
{
    create(pin, confirm, passphrase, m_options.keyStore != nullptr);
}

void Session::createPinOnly(const QString &pin, const QString &confirm, bool passphrase)
{
    create(pin, confirm, passphrase, false);
}

void Session::create(const QString &pin, const QString &confirm, bool passphrase, bool deviceWrap)
{
    if (m_busy || m_state != NeedsSetup)
        return;
    if (const QString problem = validateNewPin(pin, confirm, passphrase); !problem.isEmpty()) {
        showNewPinProblem(problem);
        return;
    }
    setMessage({});
    m_pendingPassphrase = passphrase;
    const QString dir = m_options.dataDir;
    VaultPolicy policy = m_options.policy;
    policy.deviceWrap = deviceWrap;
    startKeyJob([dir, policy, calibration = m_options.calibration, env = environment(),
                 secret = std::make_shared<SecretBytes>(secretFrom(pin))]() mutable {
        KeyResult r;
        r.kind = KeyResult::Create;
        if (calibration)
            policy.kdf = calibrateKdf(*calibration).params;
        r.deviceWrap = policy.deviceWrap;
        // Drafts sealed under a destroyed key can never be read again.
        QDir(draftsPath(dir)).removeRecursively();
        // Clears a store whose keys were destroyed; refuses to replace a live one.
        Result<SecretBytes> key = DeviceStore::createKey(dir, std::move(*secret), policy, env);
        if (key)
            r.key = std::move(*key);
        else
            r.error = key.error();
        return r;
    });
}

void Session::unlock(const QString &pin)
{
    if (m_busy || m_state != Locked || m_retrySeconds > 0 || pin.isEmpty())
        return;
    setMessage({});
    const QString dir = m_options.dataDir;
    startKeyJob(
        [dir, env = environment(), secret = std::make_shared<SecretBytes>(secretFrom(pin))]() {
            KeyResult r;
            r.kind = KeyResult::Unlock;
            if (Result<VaultStatus> before = DeviceStore::status(dir, env)) {
                r.wrongPinsBefore = before->failedAttempts;
                r.interruptedChecksBefore = before->interruptedAttempts;
            }
            // Counts the attempt, backs off, and after the last one destroys the keys and
            // deletes the unreadable database.
            Result<SecretBytes> key = DeviceStore::unlockKey(dir, std::move(*secret), env);
            if (key) {
                r.key = std::move(*key);
                return r;
            }
            r.error = key.error();
            if (Result<VaultStatus> status = DeviceStore::status(dir, env)) {
                r.attemptsLeft = status->destroyed ? 0 : status->attemptsLeft;
                r.retryAfterMs = status->retryAfter.count();
                if (status->destroyed)
                    QDir(draftsPath(dir)).removeRecursively();
            }
            return r;
        });
}

void Session::changePin(const QString &oldPin, const QString &newPin, const QString &confirm)
{
    if (m_busy || m_state != Unlocked)
        return;
    // Settings offers no choice of kind: a new secret with letters in it is a passphrase.
    const bool passphrase =
        !std::all_of(newPin.cbegin(), newPin.cend(), [](QChar c) { return c.isDigit(); });
    if (const QString problem = validateNewPin(newPin, confirm, passphrase); !problem.isEmpty()) {
        showNewPinProblem(problem);
        return;
    }
    setMessage({});
    m_pendingPassphrase = passphrase;
    const QString dir = m_options.dataDir;
    startKeyJob([dir, env = environment(), calibration = m_options.calibration,
                 oldSecret = std::make_shared<SecretBytes>(secretFrom(oldPin)),
                 newSecret = std::make_shared<SecretBytes>(secretFrom(newPin))]() {
        KeyResult r;
        r.kind = KeyResult::ChangePin;
        // A new PIN is a new chance to size the cost to the device as it is now.
        std::optional<KdfParams> kdf;
        if (calibration)
            kdf = calibrateKdf(*calibration).params;
        if (Status changed =
                DeviceStore::changePin(dir, std::move(*oldSecret), std::move(*newSecret), env, kdf);
            !changed) {
            r.error = changed.error();
            if (Result<VaultStatus> status = DeviceStore::status(dir, env))
                r.attemptsLeft = status->destroyed ? 0 : status->attemptsLeft;
        }
        return r;
    });
}

void Session::startKeyJob(std::function<KeyResult()> job)
{
    setBusy(true);
    m_job.setFuture(
        QtConcurrent::run([job = std::move(job)]() { return std::make_shared<KeyResult>(job()); }));
}

void Session::waitForIdle()
{
    m_job.waitForFinished();
    if (m_busy)
        finishKeyJob();
}

void Session::finishKeyJob()
{
    if (!m_busy)
        return;
    std::shared_ptr<KeyResult> r = m_job.result();
    setBusy(false);
    if (!r)
        return;
    switch (r->kind) {
    case KeyResult::Create:
        if (r->error && r->deviceWrap && r->error->code == ErrorCode::Unavailable) {
            // Fail closed: nothing was made. Only an explicit choice makes a PIN-only store.
            setKeystoreUnavailable(true);
            setMessage(tr("This device has no keychain Waypoint can use (%1). Without one, "
                          "your records are protected by your PIN alone: someone with a copy of "
                          "Waypoint's files could try every PIN on another computer.")
                           .arg(r->error->message));
        } else if (r->error) {
            setMessage(describe(*r->error));
        } else {
            setKeystoreUnavailable(false);
            setPinOnly(!r->deviceWrap);
            setPassphrase(m_pendingPassphrase);
            setUnlockNotice(0, 0);
            openStore(std::move(*r->key), true);
        }
        break;
    case KeyResult::Unlock:
        if (r->error) {
            setAttemptsLeft(r->attemptsLeft);
            if (r->attemptsLeft == 0 && r->error->code == ErrorCode::LockedOut) {
                setMessage(tr("After too many wrong PINs the keys on this phone were destroyed. "
                              "Set up Waypoint again."));
                setState(NeedsSetup);
                return;
            }
            setMessage(describe(*r->error));
            if (r->retryAfterMs > 0)
                startBackoff(r->retryAfterMs);
        } else {
            setAttemptsLeft(-1);
            setUnlockNotice(r->wrongPinsBefore, r->interruptedChecksBefore);
            openStore(std::move(*r->key), false);
        }
        break;
    case KeyResult::ChangePin:
        if (r->error && r->attemptsLeft == 0 && r->error->code == ErrorCode::LockedOut) {
            // Wrong current PINs count like wrong PINs at unlock: the keys are gone.
            lock();
            setMessage(tr("After too many wrong PINs the keys on this phone were destroyed. "
                          "Set up Waypoint again."));
            setState(NeedsSetup);
        } else if (r->error) {
            setMessage(r->error->code == ErrorCode::WrongPin ? tr("The current PIN is wrong.")
                                                             : describe(*r->error));
        } else {
            setMessage({});
            setPassphrase(m_pendingPassphrase);
            Q_EMIT pinChanged();
        }
        break;
    }
}

void Session::openStore(SecretBytes key, bool create)
{
    Result<std::unique_ptr<Store>> store = DeviceStore::openWithKey(
        m_options.dataDir, key, create ? Store::Mode::CreateNew : Store::Mode::OpenExisting);
    if (!store) {
        key.clear();
        setMessage(describe(store.error()));
        if (create)
            setState(NeedsSetup);
        return;
    }
    m_store = std::move(*store);
    // The drafts' own key is derived from the database key, which is not kept.
    m_drafts = std::make_unique<DraftBox>(draftsPath(m_options.dataDir), key);
    key.clear();
    m_hidden = false;
    Q_EMIT hiddenChanged();
    setState(Unlocked);
    m_inactivity.start();
    Q_EMIT opened();
}

void Session::lock()
{
    m_inactivity.stop();
    if (m_state != Unlocked)
        return;
    Q_EMIT closing();
    m_drafts.reset();
    m_store.reset();
    setMessage({});
    setState(Locked);
    m_releaseMemory.start();
}

void Session::quickHide()
{
    if (!m_hidden) {
        m_hidden = true;
        Q_EMIT hiddenChanged();
    }
    lock();
}

void Session::wipe()
{
    m_job.waitForFinished();
    m_inactivity.stop();
    m_backoffTick.stop();
    if (m_state == Unlocked) {
        Q_EMIT closing();
        m_drafts.reset();
        m_store.reset();
    }
    if (Status wiped = DeviceStore::wipe(m_options.dataDir, environment()); !wiped)
        qCWarning(lcClient, "remote wipe: a file could not be removed (the key is destroyed)");
    QDir(draftsPath(m_options.dataDir)).removeRecursively();
    qCInfo(lcClient, "this device was revoked: its keys and records are destroyed");
    if (!m_hidden) {
        m_hidden = true;
        Q_EMIT hiddenChanged();
    }
    setMessage({});
    setAttemptsLeft(-1);
    setUnlockNotice(0, 0);
    setPinOnly(false);
    setPassphrase(false);
    setState(NeedsSetup);
    m_releaseMemory.start();
}

void Session::reveal()
{
    if (!m_hidden)
        return;
    m_hidden = false;
    Q_EMIT hiddenChanged();
}

void Session::noteActivity()
{
    if (m_state == Unlocked)
        m_inactivity.start();
}

void Session::applicationActiveChanged(bool active)
{
    if (!active)
        lock();
}

void Session::setState(State state)
{
    if (m_state == state)
        return;
    qCDebug(lcClient) << "session" << m_state << "->" << state;
    m_state = state;
    Q_EMIT stateChanged();
}

void Session::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    Q_EMIT busyChanged();
}

void Session::setAttemptsLeft(int left)
{
    if (m_attemptsLeft == left)
        return;
    m_attemptsLeft = left;
    Q_EMIT attemptsLeftChanged();
}

void Session::startBackoff(qint64 ms)
{
    m_retryUntilMs = QDateTime::currentMSecsSinceEpoch() + ms;
    m_backoffTick.start();
    tickBackoff();
}

void Session::tickBackoff()
{
    const qint64 left = m_retryUntilMs - QDateTime::currentMSecsSinceEpoch();
    const int seconds = left > 0 ? int((left + 999) / 1000) : 0;
    if (seconds == 0)
        m_backoffTick.stop();
    if (seconds != m_retrySeconds) {
        m_retrySeconds = seconds;
        Q_EMIT retrySecondsChanged();
        if (seconds == 0)
            setMessage({});
    }
}

} // namespace wp::client
