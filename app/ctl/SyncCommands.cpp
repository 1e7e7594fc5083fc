#include "SyncCommands.h"

#include "ExitCodes.h"
#include "PinInput.h"
#include "Store.h"
#include "SyncEngine.h"
#include "Uuid.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSysInfo>
#include <QUrl>

#include <cstdlib>

namespace wp::ctl {

using sync::SyncClient;
using sync::SyncEngine;
using sync::SyncIdentity;
using sync::SyncReport;

namespace {

const char *const PassphraseVariable = "WAYPOINT_RECOVERY_PASSPHRASE";
constexpr std::size_t MinPassphraseBytes = 8;

Error usage(const QString &message)
{
    return {ErrorCode::InvalidInput, message};
}

Error notEnrolled()
{
    return {ErrorCode::Unauthorized,
            QStringLiteral("This device is not enrolled; run waypointctl enroll.")};
}

Result<SecretBytes> readPassphrase(const QString &prompt)
{
    auto passphrase = readPin(PassphraseVariable, prompt);
    if (!passphrase)
        return usage(QStringLiteral("No recovery passphrase: set %1 or run waypointctl in a "
                                    "terminal.")
                         .arg(QLatin1String(PassphraseVariable)));
    if (passphrase->size() < MinPassphraseBytes)
        return usage(QStringLiteral("The recovery passphrase must be at least %1 characters.")
                         .arg(MinPassphraseBytes));
    return passphrase;
}

// A new passphrase typed at the terminal is asked twice: it is the only way back to the keys.
Status confirmNewPassphrase(const SecretBytes &passphrase)
{
    if (std::getenv(PassphraseVariable))
        return {};
    auto again = readPin(PassphraseVariable, QStringLiteral("Repeat the recovery passphrase: "));
    if (!again)
        return usage(again.error().message);
    if (!again->equals(passphrase))
        return usage(QStringLiteral("The two recovery passphrases do not match. This device is "
                                    "enrolled; run waypointctl restore-keys to set them."));
    return {};
}

// Sync errors as the user should read them, with the kind that picks the exit code.
Error explain(const Error &e)
{
    const sync::ServerError refusal = sync::serverErrorOf(e);
    if (refusal == sync::ServerError::EnrolmentCodeInvalid)
        return {ErrorCode::Unauthorized,
                QStringLiteral("The enrolment code is unknown, already used or expired; ask "
                               "for a new one.")};
    if (refusal == sync::ServerError::RateLimited)
        return {ErrorCode::Network, QStringLiteral("Too many failed attempts; wait a minute.")};
    if (e.code == ErrorCode::Unauthorized)
        return {ErrorCode::Unauthorized,
                QStringLiteral("The server refused this device's credentials (%1).")
                    .arg(refusal == sync::ServerError::None ? QStringLiteral("unauthorized")
                                                            : sync::wireCodeOf(refusal))};
    if (e.code == ErrorCode::Network)
        return {ErrorCode::Network, QStringLiteral("Sync did not finish: %1.").arg(e.message)};
    if (e.code == ErrorCode::Protocol || e.code == ErrorCode::Crypto ||
        e.code == ErrorCode::Conflict || e.code == ErrorCode::NotFound)
        return {
            ErrorCode::Network,
            QStringLiteral("Sync did not finish: the server's answer was refused (%1).")
                .arg(refusal == sync::ServerError::None ? e.message : sync::wireCodeOf(refusal))};
    return e;
}

} // namespace

Status SyncCommands::setUpKeys(SyncIdentity &identity, bool userHasKeys,
                               const SecretBytes &passphrase)
{
    if (userHasKeys) {
        Status restored = identity.restoreKeys(passphrase);
        if (!restored && restored.error().code == ErrorCode::WrongPin)
            return Error(ErrorCode::WrongPin,
                         QStringLiteral("The recovery passphrase does not open the key backup; "
                                        "this device stays enrolled: run waypointctl "
                                        "restore-keys to try again."));
        if (!restored && restored.error().code == ErrorCode::Conflict)
            return Error(ErrorCode::Unauthorized, restored.error().message);
        if (!restored)
            return explain(restored.error());
        m_out << "Keys restored from the backup." << Qt::endl;
    } else {
        if (Status s = confirmNewPassphrase(passphrase); !s)
            return s;
        if (Status s = identity.createKeys(passphrase); !s) {
            // Another device of the user made them first.
            if (s.error().code == ErrorCode::Conflict)
                return Error(ErrorCode::Unauthorized,
                             s.error().message + QStringLiteral(" Run waypointctl restore-keys."));
            return explain(s.error());
        }
        m_out << "Keys created and backed up under the recovery passphrase." << Qt::endl;
    }
    if (Status s = identity.save(m_store); !s)
        return s;
    m_out << "Key fingerprint: " << identity.keys.fingerprint().toHex(' ') << Qt::endl;
    return {};
}

Status SyncCommands::enroll(const ParsedCommand &c)
{
    const QString server = c.value(QStringLiteral("server"));
    const QString code = c.value(QStringLiteral("code")).trimmed();
    const QUrl url(server, QUrl::StrictMode);
    if (server.isEmpty() || !url.isValid() || url.host().isEmpty() ||
        (url.scheme() != u"https" && url.scheme() != u"http"))
        return usage(QStringLiteral("enroll needs --server with a URL like "
                                    "https://sync.example.org."));
    if (code.isEmpty())
        return usage(QStringLiteral("enroll needs --code with the enrolment code."));
    if (auto existing = SyncIdentity::load(m_store); existing)
        return Error(ErrorCode::Unauthorized,
                     QStringLiteral("This device is already enrolled (device %1).")
                         .arg(idText(existing->credentials.deviceId)));
    QString name = c.value(QStringLiteral("device-name"));
    if (name.isEmpty())
        name = QSysInfo::machineHostName() + QStringLiteral(" (waypointctl)");
    // Read before the code is spent, so a missing passphrase costs nothing.
    auto passphrase = readPassphrase(QStringLiteral("Recovery passphrase: "));
    if (!passphrase)
        return passphrase.error();

    bool userHasKeys = false;
    auto identity =
        SyncIdentity::enrolDevice(server, code, name, QStringLiteral("waypointctl"), &userHasKeys);
    if (!identity)
        return explain(identity.error());
    // Saved at once: the code is spent, so whatever fails next must not lose the enrolment.
    if (Status s = identity->save(m_store); !s)
        return s;
    m_out << "Enrolled as device " << idText(identity->credentials.deviceId) << " ("
          << identity->credentials.role << ")." << Qt::endl;

    return setUpKeys(*identity, userHasKeys, *passphrase);
}

Status SyncCommands::restoreKeys()
{
    auto identity = SyncIdentity::load(m_store);
    if (!identity)
        return identity.error().code == ErrorCode::NotFound ? notEnrolled() : identity.error();
    // Does the user have a backup? If not, this device's enrolment stopped before the keys
    // were made: make them now.
    SyncClient client(identity->credentials.serverUrl);
    client.setCredentials(&identity->credentials);
    auto backup = client.keyBackup();
    if (!backup && sync::serverErrorOf(backup.error()) == sync::ServerError::DeviceRevoked) {
        if (Status s = SyncIdentity::forget(m_store); !s)
            return s;
        return Error(ErrorCode::Unauthorized,
                     QStringLiteral("This device was revoked; its sync keys and token were "
                                    "destroyed."));
    }
    if (!backup && backup.error().code != ErrorCode::NotFound)
        return explain(backup.error());
    auto passphrase = readPassphrase(QStringLiteral("Recovery passphrase: "));
    if (!passphrase)
        return passphrase.error();
    return setUpKeys(*identity, backup.ok(), *passphrase);
}

Status SyncCommands::sync(const ParsedCommand &c)
{
    const bool json = c.has(QStringLiteral("json"));
    auto identity = SyncIdentity::load(m_store);
    if (!identity)
        return identity.error().code == ErrorCode::NotFound ? notEnrolled() : identity.error();
    if (!identity->hasKeys())
        return Error(ErrorCode::Unauthorized,
                     QStringLiteral("This device has no keys yet; run waypointctl restore-keys."));

    SyncClient client(identity->credentials.serverUrl);
    SyncEngine engine(m_store, *identity, client);
    SyncReport total;
    Status outcome;
    // One round pulls everything and pushes the whole outbox once; more rounds only while
    // they still move something (changes saved meanwhile, refusals the server asked to retry).
    for (int round = 0; round < 5; ++round) {
        auto report = engine.syncOnce();
        if (!report) {
            outcome = report.error();
            break;
        }
        total.pushed += report->pushed;
        total.pulled += report->pulled;
        total.conflicts += report->conflicts;
        total.rejected += report->rejected;
        total.rejections += report->rejections;
        total.resynced = total.resynced || report->resynced;
        total.removed += report->removed;
        total.pending = report->pending;
        total.failed = report->failed;
        if (report->pending == 0 || report->pushed == 0)
            break;
    }
    if (engine.identityChanged() && !engine.revoked())
        if (Status s = identity->save(m_store); !s)
            return s;

    // The engine has destroyed the sync identity already (a revoked device destroys its keys
    // on next contact: docs/security.md, "The sync identity on the device").
    const bool revoked = engine.revoked();
    if (!outcome) {
        const Error &e = outcome.error();
        if (revoked) {
            outcome = Error(ErrorCode::Unauthorized,
                            QStringLiteral("This device was revoked; its sync keys and token "
                                           "were destroyed. Its records stay here under the "
                                           "PIN."));
        } else {
            outcome = explain(e);
        }
        // What is known still counts (and an unreachable server leaves the outbox as it was).
        if (auto pending = m_store.outbox().count(); pending)
            total.pending = *pending;
        if (auto failed = m_store.outbox().failedCount(); failed)
            total.failed = *failed;
    }

    auto failures = m_store.outbox().failed(50);
    if (!failures)
        return failures.error();
    if (json) {
        QJsonArray list;
        for (const FailedChange &f : *failures)
            list.append(
                QJsonObject{{QStringLiteral("id"), idText(f.entry.change.recordId)},
                            {QStringLiteral("type"), keyOf(f.entry.change.type)},
                            {QStringLiteral("reason"), f.reason},
                            {QStringLiteral("message"), SyncEngine::describeRejection(f.reason)}});
        QJsonObject o{
            {QStringLiteral("pushed"), total.pushed},
            {QStringLiteral("pulled"), total.pulled},
            {QStringLiteral("conflicts"), total.conflicts},
            {QStringLiteral("failed"), total.failed},
            {QStringLiteral("pending"), total.pending},
            {QStringLiteral("rejected"), total.rejected},
            {QStringLiteral("resynced"), total.resynced},
            {QStringLiteral("removed"), total.removed},
            {QStringLiteral("failures"), list},
            {QStringLiteral("complete"), outcome.ok() && total.pending == 0 && total.failed == 0}};
        if (!outcome)
            o.insert(QStringLiteral("error"), revoked ? QStringLiteral("device_revoked")
                                              : outcome.error().code == ErrorCode::Unauthorized
                                                  ? QStringLiteral("unauthorized")
                                                  : QStringLiteral("sync_failed"));
        m_out << QJsonDocument(o).toJson(QJsonDocument::Compact) << '\n';
    } else {
        m_out << "pushed " << total.pushed << ", pulled " << total.pulled << ", conflicts "
              << total.conflicts << ", failed " << total.failed << ", pending " << total.pending
              << '\n';
        if (total.resynced)
            m_out << "resynced: the server had compacted its log past this device's cursor, so "
                     "everything was pulled again from the start; "
                  << total.removed << " records deleted elsewhere were removed here\n";
        for (const FailedChange &f : *failures)
            m_out << "not sent: " << keyOf(f.entry.change.type) << ' '
                  << idText(f.entry.change.recordId) << ": "
                  << SyncEngine::describeRejection(f.reason) << '\n';
    }
    m_out.flush();
    if (!outcome)
        return outcome;
    if (total.failed > 0) {
        m_exitCode = ChangesRefused;
        m_problem = total.failed == 1
                        ? QStringLiteral("1 change could not be sent: %1")
                              .arg(SyncEngine::describeRejection(failures->first().reason))
                        : QStringLiteral("%1 changes could not be sent; see the list above.")
                              .arg(total.failed);
    } else if (total.pending > 0) {
        m_exitCode = SyncFailed;
        m_problem = QStringLiteral("%1 changes are still waiting to be sent; run sync again.")
                        .arg(total.pending);
    }
    return {};
}

} // namespace wp::ctl
