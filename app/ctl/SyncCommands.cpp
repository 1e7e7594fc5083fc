// SPDX-License-Identifier: GPL-3.0-or-later
#include "SyncCommands.h"

#include "CommandOptions.h"
#include "ExitCodes.h"
#include "KeyRotationStep.h"
#include "NewDeviceApproval.h"
#include "NewDeviceCommands.h"
#include "PinInput.h"
#include "ServerAddress.h"
#include "Store.h"
#include "SyncEngine.h"
#include "SyncMessages.h"
#include "Uuid.h"
#include "crypto/KeyFingerprint.h"

#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSysInfo>
#include <QThread>
#include <QUrl>

#include <algorithm>
#include <cstdlib>

namespace wp::ctl {

using sync::Enrolment;
using sync::KeyRotationStep;
using sync::ServerAddressProblem;
using sync::ServerError;
using sync::SyncClient;
using sync::SyncEngine;
using sync::SyncIdentity;
using sync::SyncReport;
using Outcome = sync::Enrolment::Outcome;

namespace {

const char *const RecoveryKeyVariable = "WAYPOINT_RECOVERY_KEY";
// How often a device waiting for approval asks the server.
constexpr int ApprovalPollMs = 1000;

QString notEnrolled()
{
    return QStringLiteral("This device is not enrolled; run waypointctl enroll.");
}

Result<SecretBytes> readRecoveryKey()
{
    auto key = readPin(RecoveryKeyVariable, QStringLiteral("Recovery key: "));
    if (!key)
        return usage(QStringLiteral("No recovery key: set %1 or run waypointctl in a terminal.")
                         .arg(QLatin1String(RecoveryKeyVariable)));
    return key;
}

int exitCodeOf(Outcome outcome, const Error &cause)
{
    switch (outcome) {
    case Outcome::Done:
        return Ok;
    case Outcome::WrongRecoveryKey:
        return PinRefused;
    case Outcome::RecoveryKeyMistyped:
        return Usage;
    case Outcome::KeysExistElsewhere:
    case Outcome::NoBackupYet:
    case Outcome::OtherKeys:
    case Outcome::CodeInvalid:
    case Outcome::Revoked:
    case Outcome::Refused:
        return NotAuthorized;
    case Outcome::RateLimited:
    case Outcome::Unreachable:
    case Outcome::NotAWaypointServer:
        return SyncFailed;
    case Outcome::StoreFailed:
        return StoreFailed;
    case Outcome::AwaitingApproval:
        return SyncFailed;
    case Outcome::ApprovalRefused:
        return NotAuthorized;
    case Outcome::Failed:
        break;
    }
    return exitCodeFor(cause);
}

// What waypointctl adds to an enrolment outcome's message: the command to run next.
QString nextStep(Outcome outcome)
{
    switch (outcome) {
    case Outcome::WrongRecoveryKey:
    case Outcome::RecoveryKeyMistyped:
        return QStringLiteral(" This device stays enrolled: run waypointctl restore-keys.");
    case Outcome::KeysExistElsewhere:
        return QStringLiteral(" Run waypointctl restore-keys.");
    case Outcome::NoBackupYet:
        return QStringLiteral(" Run waypointctl restore-keys to make them.");
    case Outcome::Revoked:
        return QStringLiteral(" Its sync keys and token were destroyed.");
    default:
        return {};
    }
}

int exitCodeOfSync(const Error &e)
{
    switch (sync::serverErrorOf(e)) {
    case ServerError::None:
        break;
    case ServerError::DeviceRevoked:
    case ServerError::Unauthorized:
    case ServerError::Forbidden:
    case ServerError::EnrolmentCodeInvalid:
        return NotAuthorized;
    default: // refused for now or for this request: nothing is lost, run sync again
        return SyncFailed;
    }
    switch (e.code) {
    case ErrorCode::Network:
    case ErrorCode::Protocol:
    case ErrorCode::Crypto:
    case ErrorCode::Conflict:
    case ErrorCode::NotFound:
        return SyncFailed;
    default:
        return exitCodeFor(e); // the store's own failures
    }
}

} // namespace

Status SyncCommands::fail(int exitCode, const QString &line)
{
    m_exitCode = exitCode;
    m_problem = line;
    return {};
}

Status SyncCommands::failEnrolment(const Enrolment &enrolment, Outcome outcome)
{
    m_revoked = outcome == Outcome::Revoked;
    return fail(exitCodeOf(outcome, enrolment.error()),
                sync::enrolmentMessage(outcome, enrolment.error()) + nextStep(outcome));
}

Status SyncCommands::setUpKeys(Enrolment &enrolment)
{
    if (enrolment.step() == Enrolment::Step::RestoreKeys) {
        auto typed = readRecoveryKey();
        if (!typed)
            return typed.error();
        if (const Outcome outcome = enrolment.restoreKeys(*typed); outcome != Outcome::Done)
            return failEnrolment(enrolment, outcome);
        m_out << "Keys restored from the backup." << Qt::endl;
    } else {
        if (const Outcome outcome = enrolment.makeKeys(); outcome != Outcome::Done)
            return failEnrolment(enrolment, outcome);
        // Shown once, on stdout only: it is the one way to these keys on another device.
        std::optional<crypto::RecoveryKey> key = enrolment.takeRecoveryKey();
        const SecretBytes text = key->text();
        m_out << "Keys created and backed up under this recovery key. Write it down now; it is "
                 "the only way to read your records on a new device, and it is not shown again:"
              << Qt::endl
              << Qt::endl
              << "    " << QLatin1String(text.view().data(), text.view().size()) << Qt::endl
              << Qt::endl;
    }
    m_out << "Key fingerprint: " << enrolment.identity().keys.fingerprint() << Qt::endl;
    return {};
}

Status SyncCommands::waitForApproval(Enrolment &enrolment, int timeoutSeconds)
{
    if (const Outcome outcome = enrolment.requestApproval(); outcome != Outcome::Done)
        return failEnrolment(enrolment, outcome);
    m_out << "Waiting for another of your devices to approve this one. Check that it shows this "
             "number:"
          << Qt::endl
          << Qt::endl
          << "    " << enrolment.approvalFingerprint() << Qt::endl
          << Qt::endl
          << "On that device: waypointctl device approve "
          << idText(enrolment.identity().credentials.deviceId) << " NUMBER" << Qt::endl;
    const QDeadlineTimer deadline(qint64(timeoutSeconds) * 1000);
    for (;;) {
        const Outcome outcome = enrolment.checkApproval();
        if (outcome == Outcome::Done)
            break;
        if (outcome != Outcome::AwaitingApproval)
            return failEnrolment(enrolment, outcome);
        if (deadline.hasExpired())
            return fail(SyncFailed,
                        QStringLiteral("No device approved this one within %1 s. Run "
                                       "waypointctl await-approval to wait again, or "
                                       "waypointctl restore-keys with the recovery key.")
                            .arg(timeoutSeconds));
        QThread::msleep(ApprovalPollMs);
    }
    m_out << "Approved: keys received." << Qt::endl
          << "Key fingerprint: " << enrolment.identity().keys.fingerprint() << Qt::endl;
    return {};
}

Status SyncCommands::awaitApproval(const ParsedCommand &c)
{
    auto timeout = c.has(QStringLiteral("timeout"))
                       ? intOption(c, QStringLiteral("timeout"), 1, 86400)
                       : Result<int>(600);
    if (!timeout)
        return timeout.error();
    auto identity = SyncIdentity::load(m_store);
    if (!identity)
        return identity.error().code == ErrorCode::NotFound ? fail(NotAuthorized, notEnrolled())
                                                            : Status(identity.error());
    if (identity->hasKeys())
        return fail(NotAuthorized, QStringLiteral("This device has its keys already."));
    sync::StoreIdentity saved(m_store);
    Enrolment enrolment(std::move(*identity), &saved);
    if (enrolment.step() != Enrolment::Step::RestoreKeys)
        return fail(NotAuthorized, QStringLiteral("Your user has no keys yet: no device can "
                                                  "approve this one. Run waypointctl "
                                                  "restore-keys to make them."));
    return waitForApproval(enrolment, *timeout);
}

Status SyncCommands::noticeNewDevices(const SyncIdentity &identity, QJsonArray *notices)
{
    SyncClient client(identity.credentials.serverUrl);
    sync::NewDeviceApproval approval(identity, client);
    auto devices = approval.list();
    if (!devices)
        return {}; // the round itself said what went wrong, if anything did
    for (const wire::NewDevice &d : *devices)
        if (!identity.noticedDevices.contains(d.deviceId))
            notices->append(QJsonObject{{QStringLiteral("id"), idText(d.deviceId)},
                                        {QStringLiteral("name"), d.name},
                                        {QStringLiteral("platform"), d.platform},
                                        {QStringLiteral("state"), d.state},
                                        {QStringLiteral("enrolledAt"), d.enrolledAtMs}});
    return {};
}

Status SyncCommands::enroll(const ParsedCommand &c)
{
    const QString server = c.value(QStringLiteral("server"));
    const QString code = c.value(QStringLiteral("code")).trimmed();
    const QUrl url(server, QUrl::StrictMode);
    switch (sync::serverAddressProblem(url)) {
    case ServerAddressProblem::NotAnAddress:
        return usage(QStringLiteral("enroll needs --server with a URL like "
                                    "https://sync.example.org."));
    case ServerAddressProblem::PlainHttpRemote:
        return usage(sync::plainHttpMessage());
    case ServerAddressProblem::None:
        break;
    }
    if (code.isEmpty())
        return usage(QStringLiteral("enroll needs --code with the enrolment code."));
    const bool wait = c.has(QStringLiteral("wait-approval"));
    auto timeout = c.has(QStringLiteral("timeout"))
                       ? intOption(c, QStringLiteral("timeout"), 1, 86400)
                       : Result<int>(600);
    if (!timeout)
        return timeout.error();
    if (auto existing = SyncIdentity::load(m_store); existing)
        return fail(NotAuthorized, QStringLiteral("This device is already enrolled (device %1).")
                                       .arg(idText(existing->credentials.deviceId)));
    QString name = c.value(QStringLiteral("device-name"));
    if (name.isEmpty())
        name = QSysInfo::machineHostName() + QStringLiteral(" (waypointctl)");
    // A recovery key given in the variable is checked before the code is spent, so a typo
    // costs nothing (whether it is needed is known only after).
    if (const char *given = std::getenv(RecoveryKeyVariable); given && *given) {
        QByteArray copy(given);
        const auto parsed = crypto::RecoveryKey::parse(SecretBytes::takeFrom(copy));
        if (!parsed)
            return usage(sync::recoveryKeyMistypedMessage(parsed.error()));
    }
    sync::StoreIdentity saved(m_store);
    Enrolment enrolment(&saved);
    if (const Outcome outcome = enrolment.redeem(server, code, name, QStringLiteral("waypointctl"));
        outcome != Outcome::Done)
        return failEnrolment(enrolment, outcome);
    m_out << "Enrolled as device " << idText(enrolment.identity().credentials.deviceId) << " ("
          << enrolment.identity().credentials.role << ")." << Qt::endl;
    if (wait && enrolment.step() == Enrolment::Step::RestoreKeys)
        return waitForApproval(enrolment, *timeout);
    return setUpKeys(enrolment);
}

Status SyncCommands::restoreKeys()
{
    auto identity = SyncIdentity::load(m_store);
    if (!identity)
        return identity.error().code == ErrorCode::NotFound ? fail(NotAuthorized, notEnrolled())
                                                            : Status(identity.error());
    // Restore when the user has a backup; if not, this device's enrolment stopped before the
    // keys were made: make them now. Asking is also a contact: a revoked device learns it.
    sync::StoreIdentity saved(m_store);
    Enrolment enrolment(std::move(*identity), &saved);
    if (const Outcome outcome = enrolment.checkKeys(); outcome != Outcome::Done)
        return failEnrolment(enrolment, outcome);
    return setUpKeys(enrolment);
}

Status SyncCommands::listSetAside(const ParsedCommand &c)
{
    const bool json = c.has(QStringLiteral("json"));
    const int limit =
        c.has(QStringLiteral("limit")) ? c.value(QStringLiteral("limit")).toInt() : 100;
    auto kept = m_store.setAside().list(limit);
    if (!kept)
        return kept.error();
    for (const SetAsideChange &k : *kept) {
        const QString message = SyncEngine::describeSetAside(k.reason, k.type, k.field);
        if (json) {
            QJsonObject o{{QStringLiteral("id"), idText(k.recordId)},
                          {QStringLiteral("type"), keyOf(k.type)},
                          {QStringLiteral("author"), idText(k.author)},
                          {QStringLiteral("audience"), idText(k.audience)},
                          {QStringLiteral("reason"), k.reason},
                          {QStringLiteral("message"), message},
                          {QStringLiteral("serverSeq"), qint64(k.serverSeq)},
                          {QStringLiteral("at"), k.setAsideAt.toMSecsSinceEpoch()}};
            if (!k.field.isEmpty())
                o.insert(QStringLiteral("field"), k.field);
            m_out << QJsonDocument(o).toJson(QJsonDocument::Compact) << '\n';
        } else {
            m_out << k.setAsideAt.toString(Qt::ISODate) << ' ' << keyOf(k.type) << ' '
                  << idText(k.recordId) << " from " << idText(k.author) << ": " << message << '\n';
        }
    }
    m_out.flush();
    return {};
}

Status SyncCommands::listKeys(const ParsedCommand &c)
{
    const bool json = c.has(QStringLiteral("json"));
    auto pins = m_store.keyPins().list();
    if (!pins)
        return pins.error();
    for (const UserKeyPin &p : *pins) {
        const QString pinned = crypto::keyFingerprint(p.signingKey, p.boxKey);
        const QString offered =
            p.changed() ? crypto::keyFingerprint(p.offeredSigningKey, p.offeredBoxKey) : QString();
        if (json) {
            QJsonObject o{{QStringLiteral("user"), idText(p.userId)},
                          {QStringLiteral("fingerprint"), pinned},
                          {QStringLiteral("pinnedAt"), p.pinnedAt.toMSecsSinceEpoch()},
                          {QStringLiteral("changed"), p.changed()}};
            if (p.changed()) {
                o.insert(QStringLiteral("newFingerprint"), offered);
                o.insert(QStringLiteral("changedAt"), p.offeredAt.toMSecsSinceEpoch());
            }
            m_out << QJsonDocument(o).toJson(QJsonDocument::Compact) << '\n';
        } else {
            m_out << idText(p.userId) << "  " << pinned << '\n';
            if (p.changed())
                m_out << "  KEY CHANGED " << p.offeredAt.toString(Qt::ISODate)
                      << ", not trusted until confirmed: " << offered << '\n';
        }
    }
    m_out.flush();
    return {};
}

Status SyncCommands::confirmKey(const ParsedCommand &c)
{
    const QUuid user = QUuid::fromString(c.positionals.value(0));
    if (user.isNull())
        return Error{ErrorCode::InvalidInput, QStringLiteral("Give the user's id first.")};
    auto pins = m_store.keyPins().list();
    if (!pins)
        return pins.error();
    const auto pin = std::find_if(pins->cbegin(), pins->cend(),
                                  [&](const UserKeyPin &p) { return p.userId == user; });
    if (pin == pins->cend() || !pin->changed())
        return Error{ErrorCode::InvalidInput,
                     QStringLiteral("No changed key waits for this user (waypointctl keys).")};
    // The fingerprint typed back, digits only: the person compared it, not just the id.
    const auto digits = [](const QString &text) {
        QString out;
        for (const QChar ch : text)
            if (ch.isDigit())
                out.append(ch);
        return out;
    };
    const QString typed = digits(c.positionals.mid(1).join(QLatin1Char(' ')));
    if (typed != digits(crypto::keyFingerprint(pin->offeredSigningKey, pin->offeredBoxKey)))
        return Error{ErrorCode::InvalidInput,
                     QStringLiteral("That is not the new key's fingerprint; nothing changed.")};
    if (Status s = m_store.keyPins().confirm(user); !s)
        return s;
    m_out << "confirmed: what this key signs is accepted from now on\n";
    m_out.flush();
    return {};
}

Status SyncCommands::rotateKeys()
{
    auto identity = SyncIdentity::load(m_store);
    if (!identity)
        return identity.error().code == ErrorCode::NotFound ? fail(NotAuthorized, notEnrolled())
                                                            : Status(identity.error());
    if (!identity->hasKeys())
        return fail(NotAuthorized,
                    QStringLiteral("This device has no keys yet; run waypointctl restore-keys."));
    SyncClient client(identity->credentials.serverUrl);
    KeyRotationStep step(*identity, client);
    auto outcome = step.follow(true);
    // Saved before anything is printed: the keys the server now has must not be lost.
    if (step.changed())
        if (Status s = identity->save(m_store); !s)
            return s;
    if (!outcome)
        return fail(exitCodeOfSync(outcome.error()), outcome.error().message);
    switch (*outcome) {
    case KeyRotationStep::Outcome::Rotated:
        m_out << "keys rotated: version " << identity->keyVersion << ", sealed to "
              << step.sealedTo() << " other device(s)";
        if (step.leftOut() > 0)
            m_out << ", " << step.leftOut() << " left out (their device key is not signed)";
        m_out << '\n';
        if (const auto &recovery = step.newRecoveryKey()) {
            const SecretBytes text = recovery->text();
            m_out << "new recovery key (write it down now; the old one opens only the old "
                     "keys): "
                  << QLatin1String(reinterpret_cast<const char *>(text.data()),
                                   qsizetype(text.size()))
                  << '\n';
        }
        break;
    case KeyRotationStep::Outcome::Received:
        m_out << "keys received: version " << identity->keyVersion << '\n';
        break;
    case KeyRotationStep::Outcome::NoBundle:
        return fail(NotAuthorized,
                    QStringLiteral("The user's keys changed and none were sealed to this device; "
                                   "have another device approve it, or restore the keys."));
    default:
        m_out << "keys unchanged: version " << identity->keyVersion << '\n';
    }
    m_out.flush();
    return {};
}

Status SyncCommands::sync(const ParsedCommand &c)
{
    const bool json = c.has(QStringLiteral("json"));
    auto identity = SyncIdentity::load(m_store);
    if (!identity)
        return identity.error().code == ErrorCode::NotFound ? fail(NotAuthorized, notEnrolled())
                                                            : Status(identity.error());
    if (!identity->hasKeys())
        return fail(NotAuthorized,
                    QStringLiteral("This device has no keys yet; run waypointctl restore-keys."));

    SyncClient client(identity->credentials.serverUrl);
    SyncEngine engine(m_store, *identity, client);
    SyncReport total;
    Status outcome; // the round that failed, if one did
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
        total.withdrawn += report->withdrawn;
        total.pending = report->pending;
        total.failed = report->failed;
        total.skipped += report->skipped;
        total.setAside = report->setAside;
        total.keysChanged = report->keysChanged;
        if (!report->profileProblem.isEmpty())
            total.profileProblem = report->profileProblem;
        if (report->pending == 0 || report->pushed == 0)
            break;
    }
    if (engine.identityChanged() && !engine.revoked())
        if (Status s = identity->save(m_store); !s)
            return s;

    // The engine has destroyed the sync identity already (a revoked device destroys its keys
    // on next contact: docs/security.md, "The sync identity on the device").
    const bool revoked = engine.revoked();
    m_revoked = revoked;
    const int failedWith = outcome ? int(Ok) : exitCodeOfSync(outcome.error());
    if (!outcome) {
        // What is known still counts (and an unreachable server leaves the outbox as it was).
        if (auto pending = m_store.outbox().count(); pending)
            total.pending = *pending;
        if (auto failed = m_store.outbox().failedCount(); failed)
            total.failed = *failed;
        if (auto setAside = m_store.setAside().count(); setAside)
            total.setAside = *setAside;
    }

    auto failures = m_store.outbox().failed(50);
    if (!failures)
        return failures.error();
    QJsonArray newDevices;
    if (outcome && identity->hasKeys())
        if (Status s = noticeNewDevices(*identity, &newDevices); !s)
            return s;
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
            {QStringLiteral("withdrawn"), total.withdrawn},
            {QStringLiteral("skipped"), total.skipped},
            {QStringLiteral("setAside"), total.setAside},
            {QStringLiteral("keysChanged"), total.keysChanged},
            {QStringLiteral("failures"), list},
            {QStringLiteral("newDevices"), newDevices},
            {QStringLiteral("complete"), outcome.ok() && total.pending == 0 && total.failed == 0}};
        if (!outcome)
            o.insert(QStringLiteral("error"), revoked ? QStringLiteral("device_revoked")
                                              : failedWith == NotAuthorized
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
        if (total.withdrawn > 0)
            m_out << "withdrawn: " << total.withdrawn
                  << " entries shared with you were unshared by their author and removed here\n";
        if (total.keysChanged > 0)
            m_out << "KEY CHANGED: " << total.keysChanged
                  << " other users' keys changed on the server; what they sign is set aside "
                     "until you compare fingerprints and confirm (waypointctl keys)\n";
        if (total.setAside > 0)
            m_out << "set aside: " << total.skipped << " pulled changes this time, "
                  << total.setAside
                  << " in all, not merged (could not be verified or opened, or invalid); "
                     "waypointctl set-aside lists them\n";
        if (!total.profileProblem.isEmpty())
            m_out << "note: " << total.profileProblem << " (the sync went on)\n";
        for (const FailedChange &f : *failures)
            m_out << "not sent: " << keyOf(f.entry.change.type) << ' '
                  << idText(f.entry.change.recordId) << ": "
                  << SyncEngine::describeRejection(f.reason) << '\n';
        for (const QJsonValue &v : newDevices) {
            const QJsonObject d = v.toObject();
            m_out << newDeviceLine(d[QStringLiteral("name")].toString(),
                                   d[QStringLiteral("platform")].toString(),
                                   qint64(d[QStringLiteral("enrolledAt")].toDouble()),
                                   d[QStringLiteral("state")].toString())
                  << "; waypointctl devices dismiss " << d[QStringLiteral("id")].toString() << '\n';
        }
    }
    m_out.flush();
    if (!outcome) {
        const Error &e = outcome.error();
        if (failedWith != SyncFailed && failedWith != NotAuthorized)
            return fail(failedWith, e.message); // the store's own failure says what it was
        return fail(failedWith, sync::syncFailureMessage(e));
    }
    if (total.failed > 0)
        return fail(ChangesRefused,
                    total.failed == 1
                        ? QStringLiteral("1 change could not be sent: %1")
                              .arg(SyncEngine::describeRejection(failures->first().reason))
                        : QStringLiteral("%1 changes could not be sent; see the list above.")
                              .arg(total.failed));
    if (total.pending > 0)
        return fail(SyncFailed,
                    QStringLiteral("%1 changes are still waiting to be sent; run sync again.")
                        .arg(total.pending));
    return {};
}

} // namespace wp::ctl
