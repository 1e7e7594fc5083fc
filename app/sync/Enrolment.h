// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Enrolling a device: the one flow the app, waypointctl, the tests and the load generator
// share (docs/protocol.md, "Enrolment" and "User keys").
//
//   RedeemCode ──> MakeKeys (the user's first device) ───> Done
//              └─> RestoreKeys (a later device) ─────────┘
//                  (with the recovery key, or approved by another device of the user:
//                   requestApproval, then checkApproval until the keys come)
//
// redeem() presents the one-time code and saves the credentials at once, with the key step
// that comes next: a used code cannot be presented again, so an enrolment stopped there
// (locked, killed, a wrong recovery key) resumes at that step from the saved identity. Making
// keys generates the user's recovery key (crypto::RecoveryKey) and uploads the public halves
// and a backup wrapped by Argon2id(recovery key); the front end shows that key once. Restoring
// fetches the backup and unwraps it with the recovery key the user types. When the server shows the
// other key step is the right one (another device made the keys meanwhile, or there is no backup
// yet), the enrolment switches to it, saves that, and says so (KeysExistElsewhere, NoBackupYet).
//
// Every call is blocking network I/O: run it on a thread with no UI (the app's sync thread).
// Front ends keep only presentation: prompts, SyncMessages.h's texts, exit codes.

#include "IdentityStore.h"
#include "SyncClient.h"
#include "SyncIdentity.h"
#include "crypto/UserKeys.h"

#include <optional>

namespace wp::sync {

struct EnrolmentOptions
{
    crypto::KeyBackupCost backupCost = crypto::KeyBackupCost::sensitive();
    int timeoutMs = 30000;
};

class Enrolment
{
public:
    enum class Step { RedeemCode, MakeKeys, RestoreKeys, Done };
    enum class Outcome {
        Done,                // the step succeeded; step() is the next one
        KeysExistElsewhere,  // making keys: the user has keys already; step() is RestoreKeys
        NoBackupYet,         // restoring: the server has no key backup; step() is MakeKeys
        WrongRecoveryKey,    // the recovery key does not open the backup; try again
        RecoveryKeyMistyped, // the typed key fails its checksum; error().reason is the group
                             // that looks wrong (1-based, 0: unknown); nothing sent
        OtherKeys,           // the backup holds other keys than this identity has
        CodeInvalid,         // the code is unknown, used or expired
        Revoked,             // the device is revoked; its saved identity is destroyed
        RateLimited,         // too many failed attempts from here: wait a minute
        Refused,             // the server does not accept this device's credentials
        Unreachable,         // no answer, a timeout, or the server failing (5xx)
        NotAWaypointServer,  // the answer is not the protocol's
        StoreFailed,         // the identity could not be saved (isStoreClosed: the app locked)
        Failed,              // anything else: error() says what
        AwaitingApproval,    // approval: no other device has approved this one yet
        ApprovalRefused,     // approval: what came does not verify; error() says why
    };

    using Options = EnrolmentOptions;

    // A new enrolment. `store` keeps the identity; null keeps it in memory only (tests, the
    // load generator).
    explicit Enrolment(IdentityStore *store, Options options = {});
    // Resumes from a saved identity, at the step it was saved with (stepOf).
    Enrolment(SyncIdentity saved, IdentityStore *store, Options options = {});
    // Resumes from the identity `store` holds (NotFound when the device is not enrolled).
    static Result<Enrolment> resume(IdentityStore &store, Options options = {});
    // The step an identity saved during enrolment waits for: Done once it has keys.
    static Step stepOf(const SyncIdentity &identity);

    Step step() const { return m_step; }
    // Why the last call did not end in Done (English, for logs; SyncMessages for users).
    const Error &error() const { return m_error; }
    const SyncIdentity &identity() const { return m_identity; }
    // The finished identity (step() Done), moved out.
    SyncIdentity takeIdentity() { return std::move(m_identity); }

    // RedeemCode: presents the code; then step() is MakeKeys or RestoreKeys.
    Outcome redeem(const QString &serverUrl, const QString &code, const QString &deviceName,
                   const QString &platform);
    // MakeKeys: makes the user's keys and recovery key, uploads them; then takeRecoveryKey()
    // gives the key to show, once.
    Outcome makeKeys();
    // RestoreKeys: the recovery key as the user typed it (UTF-8).
    Outcome restoreKeys(const SecretBytes &typedRecoveryKey);
    // RestoreKeys, instead of the recovery key: asks the user's other devices to approve this
    // one (docs/protocol.md, "Approval by an existing device"). The request's key pair is
    // saved before it is sent; asking again sends the same key.
    Outcome requestApproval();
    // The request key's fingerprint, for the person to compare on the approving device; empty
    // before requestApproval().
    QString approvalFingerprint() const;
    // Asks once whether another device approved this one: Done (the keys are here and saved,
    // the request's secret key wiped), AwaitingApproval, ApprovalRefused (the approval does not
    // verify: tampered, or not signed by the user), or Revoked (denied: the identity is gone).
    Outcome checkApproval();
    // The recovery key makeKeys() made, moved out; empty otherwise or once taken.
    std::optional<crypto::RecoveryKey> takeRecoveryKey();
    // Asks the server which key step is right now (whether the user has a backup) and
    // switches to it: for an identity whose saved step may be stale, or that holds keys
    // already and should be checked against the backup (waypointctl restore-keys).
    Outcome checkKeys();

    // redeem() then makeKeys() or restoreKeys(recoveryKey), for the tests and the load
    // generator. `recoveryKey` is in and out: empty when the user has no keys yet, and then
    // set to the key made (its text); the typed key of a later device otherwise.
    Outcome enrol(const QString &serverUrl, const QString &code, const QString &deviceName,
                  const QString &platform, QString &recoveryKey);

    // A device that asked for approval and then restored the keys with the recovery key
    // withdraws its request, so the user's other devices stop offering to approve it. The
    // request's secret key goes at once; its public half stays, as the withdrawal still owed,
    // until the server has it (SyncWorker retries at each sync).
    static bool withdrawalOwed(const SyncIdentity &identity);
    static Status withdrawApproval(SyncIdentity &identity, SyncClient &client);

private:
    void endApprovalRequest(SyncClient &client);
    Outcome failed(Outcome outcome, Error cause);
    // makeKeys() or restoreKeys() called at another step.
    Outcome wrongStep(Step expected);
    // A refusal or failure of a request: Revoked also destroys the saved identity.
    Outcome refused(const Error &cause);
    // Saves the identity at `next`; `outcome` when saved.
    Outcome moveTo(Step next, Outcome outcome = Outcome::Done, Error cause = {});
    Outcome save();

    IdentityStore *m_store;
    Options m_options;
    SyncIdentity m_identity;
    Step m_step = Step::RedeemCode;
    Error m_error;
    // Keys made and offered to the server but not backed up yet: a retry offers the same ones
    // (the server accepts identical keys again), so a failed backup upload is not a dead end.
    std::optional<crypto::UserKeys> m_madeKeys;
    std::optional<crypto::RecoveryKey> m_recoveryKey; // made and uploaded, not yet shown
};

} // namespace wp::sync
