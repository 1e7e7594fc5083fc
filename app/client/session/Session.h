// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Whether Waypoint is set up, locked or open, and the one place that opens and closes the
// encrypted store. Unwrapping the key (Argon2id, ~0.4 s) runs off the UI thread; the store is
// opened on the UI thread, which then owns it. Locks after inactivity, when the app leaves
// the foreground, and on quick-hide.

#include "KdfCalibration.h"
#include "KeyVault.h"
#include "PinPolicy.h"
#include "Result.h"
#include "SecretBytes.h"

#include <QFutureWatcher>
#include <QObject>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

#include <memory>
#include <optional>

namespace wp {
class SecureKeyStore;
class Store;
} // namespace wp

namespace wp::client {

class DraftBox;

class Session : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Session is owned by App")
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(bool hidden READ hidden NOTIFY hiddenChanged)
    Q_PROPERTY(QString message READ message WRITE setMessage NOTIFY messageChanged)
    Q_PROPERTY(int attemptsLeft READ attemptsLeft NOTIFY attemptsLeftChanged)
    Q_PROPERTY(int retrySeconds READ retrySeconds NOTIFY retrySecondsChanged)
    Q_PROPERTY(int autoLockSeconds READ autoLockSeconds WRITE setAutoLockSeconds NOTIFY
                   autoLockSecondsChanged)
    // Setting up: the device keystore refused to hold the vault's second key, so only an
    // explicit choice (createPinOnly) can make a store protected by the PIN alone.
    Q_PROPERTY(bool keystoreUnavailable READ keystoreUnavailable NOTIFY keystoreUnavailableChanged)
    // The store on this device is protected by the PIN alone (no keystore wrap).
    Q_PROPERTY(bool pinOnly READ pinOnly NOTIFY pinOnlyChanged)
    // The worker chose a passphrase rather than a PIN of digits: the unlock screen opens with
    // a text field instead of the digit pad. Remembered (Preferences) across restarts.
    Q_PROPERTY(bool passphrase READ passphrase NOTIFY passphraseChanged)
    // Checks of the PIN since the previous unlock that were not the worker's last, right one:
    // wrong PINs, and checks that never answered (the app was closed while checking). Read
    // from the vault just before it clears them; zero until the next unlock once dismissed.
    Q_PROPERTY(int wrongPinsBeforeUnlock READ wrongPinsBeforeUnlock NOTIFY unlockNoticeChanged)
    Q_PROPERTY(int interruptedChecksBeforeUnlock READ interruptedChecksBeforeUnlock NOTIFY
                   unlockNoticeChanged)

public:
    enum State { NeedsSetup, Locked, Unlocked };
    Q_ENUM(State)

    struct Options
    {
        QString dataDir;
        VaultPolicy policy; // its deviceWrap is decided here: keyStore, or an explicit choice
        int minPinLength = PinPolicy::MinLength;
        // The platform keystore that wraps the vault a second time (fails closed). Null where
        // there is none (tests, tools): new stores are then protected by the PIN alone.
        SecureKeyStore *keyStore = nullptr;
        // When set, a new store and a new PIN get an Argon2id cost measured on this device
        // within the budget, instead of policy.kdf (tests keep their fixed, cheap cost).
        std::optional<KdfBudget> calibration = std::nullopt;
    };

    explicit Session(Options options, QObject *parent = nullptr);
    ~Session() override;

    State state() const { return m_state; }
    bool busy() const { return m_busy; }
    bool hidden() const { return m_hidden; }
    QString message() const { return m_message; }
    void setMessage(const QString &message);
    int attemptsLeft() const { return m_attemptsLeft; }
    int retrySeconds() const { return m_retrySeconds; }
    int autoLockSeconds() const { return m_autoLockSeconds; }
    void setAutoLockSeconds(int seconds);
    // The same countdown with any delay (tests and tools; the UI offers 30 s to 10 min).
    Q_INVOKABLE void setAutoLockMs(int ms);

    // The open store while unlocked, else null. Owned here; valid until locked().
    wp::Store *store() const { return m_store.get(); }
    DraftBox *drafts() const { return m_drafts.get(); }
    QString dataDir() const { return m_options.dataDir; }

    bool keystoreUnavailable() const { return m_keystoreUnavailable; }
    bool pinOnly() const { return m_pinOnly; }
    bool passphrase() const { return m_passphrase; }
    // The remembered choice, at start (AppContext reads it from Preferences).
    void setPassphrase(bool passphrase);
    int wrongPinsBeforeUnlock() const { return m_wrongPinsBeforeUnlock; }
    int interruptedChecksBeforeUnlock() const { return m_interruptedChecksBeforeUnlock; }
    // The worker has read the notice about wrong PINs: it goes until the next unlock.
    Q_INVOKABLE void dismissUnlockNotice();

    // `passphrase`: the worker chose "Use a passphrase"; without it a PIN is digits only.
    Q_INVOKABLE void createPin(const QString &pin, const QString &confirm, bool passphrase = false);
    // The explicit choice to protect a new store with the PIN alone, once the keystore refused.
    Q_INVOKABLE void createPinOnly(const QString &pin, const QString &confirm,
                                   bool passphrase = false);
    Q_INVOKABLE void unlock(const QString &pin);
    Q_INVOKABLE void changePin(const QString &oldPin, const QString &newPin,
                               const QString &confirm);
    // While the message says what is wrong with a new PIN, the PIN as typed now is checked
    // again: the message changes to what is still wrong, or goes once it is fixed. Any other
    // message is left alone. `passphrase` as for createPin.
    Q_INVOKABLE void recheckNewPin(const QString &pin, const QString &confirm, bool passphrase);
    Q_INVOKABLE void lock();
    // Covers the screen with the neutral page and locks at once.
    Q_INVOKABLE void quickHide();
    // From the neutral page to the PIN pad.
    Q_INVOKABLE void reveal();
    // The server revoked this device: the store closes, its keys, records and drafts are
    // destroyed (DeviceStore::wipe), and the neutral page shows, then setup as on a new phone.
    void wipe();
    // Any touch or key press: restarts the inactivity countdown.
    Q_INVOKABLE void noteActivity();
    // The app moved to the background (or came back).
    void applicationActiveChanged(bool active);

    // Blocks until a pending unlock or setup finished (self-test, benchmarks, tests).
    void waitForIdle();

Q_SIGNALS:
    void stateChanged();
    void busyChanged();
    void hiddenChanged();
    void messageChanged();
    void attemptsLeftChanged();
    void retrySecondsChanged();
    void autoLockSecondsChanged();
    void keystoreUnavailableChanged();
    void pinOnlyChanged();
    void passphraseChanged();
    void unlockNoticeChanged();
    void opened();  // the store is open: models may load
    void closing(); // the store is about to close: drop everything read from it
    void pinChanged();

private:
    struct KeyResult;
    void startKeyJob(std::function<KeyResult()> job);
    void finishKeyJob();
    void openStore(SecretBytes key, bool create);
    void setState(State state);
    void setBusy(bool busy);
    void setAttemptsLeft(int left);
    void startBackoff(qint64 ms);
    void tickBackoff();
    void create(const QString &pin, const QString &confirm, bool passphrase, bool deviceWrap);
    void setKeystoreUnavailable(bool unavailable);
    void setPinOnly(bool pinOnly);
    VaultEnvironment environment() const;
    QString validateNewPin(const QString &pin, const QString &confirm, bool passphrase) const;
    void showNewPinProblem(const QString &problem);
    void setUnlockNotice(int wrongPins, int interruptedChecks);
    QString describe(const Error &error) const;

    Options m_options;
    State m_state = NeedsSetup;
    bool m_busy = false;
    bool m_hidden = false;
    QString m_message;
    bool m_newPinProblemShown = false; // m_message is validateNewPin's
    int m_attemptsLeft = -1;
    int m_retrySeconds = 0;
    qint64 m_retryUntilMs = 0;
    int m_autoLockSeconds = 120;
    bool m_keystoreUnavailable = false;
    bool m_pinOnly = false;
    bool m_passphrase = false;
    bool m_pendingPassphrase = false; // the choice of the setup or PIN change under way
    int m_wrongPinsBeforeUnlock = 0;
    int m_interruptedChecksBeforeUnlock = 0;
    std::unique_ptr<wp::Store> m_store;
    std::unique_ptr<DraftBox> m_drafts;
    QTimer m_inactivity;
    QTimer m_backoffTick;
    QTimer m_releaseMemory;
    QFutureWatcher<std::shared_ptr<KeyResult>> m_job;
};

} // namespace wp::client
