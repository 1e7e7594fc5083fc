// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One sync round for one device: pull pages since the stored cursor, verify and decrypt them,
// and merge each page with its cursor in one store transaction (Store::applyRemote); then push
// the outbox in signed, encrypted batches, clearing only what the server applied. Safe to
// kill at any point: the outbox and the cursor are only advanced after the server or the
// store committed, and the server recognises retried changes.

#include "PairAudiences.h"
#include "PullPrefetch.h"
#include "Store.h"
#include "SyncClient.h"
#include "SyncIdentity.h"
#include "SyncLedger.h"
#include "crypto/KeyRotation.h"

#include <QHash>
#include <QSet>

namespace wp::sync {

struct SyncReport
{
    int pushed = 0;         // outbox entries the server applied
    int rejected = 0;       // refused by the server this round (permanently or for now)
    int pulled = 0;         // changes received and merged
    int conflicts = 0;      // conflict copies kept while merging
    qint64 pending = 0;     // outbox entries still waiting to be sent
    qint64 failed = 0;      // outbox entries the server refused for good (Outbox::failed())
    QStringList rejections; // reasons of this round's refusals, for the status line
    // The server had compacted its log past this device's cursor (410 resync_required), so the
    // device pulled it again from 0 (or is finishing such a resync): docs/protocol.md.
    bool resynced = false;
    int removed = 0; // records the resync removed: deleted elsewhere while this device was away
    // Pulled changes this round did not merge: they failed verification, would not open, or
    // their content or time is not acceptable (docs/protocol.md, "Changes set aside"). The
    // pull went on around them.
    int skipped = 0;
    QStringList skippedReasons; // their reasons (SetAsideChange::reason), for the status line
    qint64 setAside = 0;        // set aside and still listed on this device (Store::setAside)
    // Other users whose key the directory changed since this device pinned it: what the new
    // key signs is set aside (`key_changed`) until a person confirms it (KeyPins::confirm).
    qint64 keysChanged = 0;
    // The organisation's offline lease in days (0: none), as this round's last page told it.
    // The round's success is recorded with it (SyncLedger::recordContact).
    int offlineLeaseDays = 0;
    // Copies of other users' records removed because their author stopped sharing them.
    int withdrawn = 0;
    // Why who the device is for could not be read, or its new name not sent (DeviceProfile):
    // the round went on without it. Empty when all went well.
    QString profileProblem;
};

class SyncEngine
{
public:
    SyncEngine(Store &store, SyncIdentity &identity, SyncClient &client);
    // The store reached through `ledger` (the app hops each call to the store's thread).
    SyncEngine(SyncLedger &ledger, SyncIdentity &identity, SyncClient &client);

    void setBatchSize(int n) { m_batchSize = n; }
    void setPageSize(int n) { m_pageSize = n; }
    // Fetch, check and decrypt the next page of a pull while the store merges this one (on
    // by default; off gives the one-after-the-other pull, the benchmarks' baseline).
    void setPrefetch(bool on) { m_prefetch = on; }

    // Pull, then push; a round that succeeds is recorded as a contact with the server
    // (SyncLedger::recordContact, the offline lease). `pending` and `failed` in the report
    // are read at the end. When the
    // server answers the pull with 410 resync_required, the store starts a resync and the
    // pull starts again from 0; after the push, the resync is finished (see finishResync).
    Result<SyncReport> syncOnce();
    Status push(SyncReport &report);
    Status pull(SyncReport &report);

    // True when the identity learnt something to persist (an audience key).
    bool identityChanged() const { return m_identityChanged; }
    // The server said this device is revoked (ServerError::DeviceRevoked): the engine has
    // destroyed the sync identity, in the store (SyncIdentity::forget) and in memory. Do not
    // save the identity again; the device must be enrolled anew.
    bool revoked() const { return m_revoked; }

    // A per-change refusal the server asks to retry ("busy", "retry_*": docs/protocol.md):
    // the entry stays queued. Any other reason marks the entry failed: kept, not sent again.
    static bool isTransientRejection(const QString &reason);
    // One line for the user about a refusal reason ("The record belongs to another user.").
    static QString describeRejection(const QString &reason);

    // One line for the user about why a pulled change was set aside; `field` names the field
    // at fault of an `invalid_content` change of that type.
    static QString describeSetAside(const QString &reason, RecordType type = RecordType::DiaryEntry,
                                    const QString &field = {});

    // The server asks for a resync (410 resync_required, ServerError::ResyncRequired).
    static bool isResyncRequired(const Error &error);

private:
    // The first outbox entries, sealed and signed, carried by the pull's first request.
    struct Carried
    {
        QList<OutboxEntry> entries;
        wire::PushRequest request;
        std::optional<Result<wire::PushResponse>> outcome; // what the server answered
    };

    // `carriedThrough`: where to say which outbox entries the first request carried and the
    // server applied (the last one's seq); null: carry none.
    Status pull(SyncReport &report, qint64 *carriedThrough);
    Status push(SyncReport &report, qint64 after);
    Status pullOrResync(SyncReport &report, qint64 *carriedThrough = nullptr);
    Result<std::optional<Carried>> carryable();
    wire::PushRequest newBatch(QList<wire::Change> changes) const;
    Status sign(wire::PushRequest &batch, const QList<QByteArray> &digests);
    Status accept(const wire::PushResponse &response, const wire::PushRequest &batch,
                  SyncReport &report);
    // Reads the key directory once per engine: the user's supervisors (kept in the identity),
    // their pinned keys, and the shared audience for them, made anew when they changed
    // (docs/protocol.md, "Sharing with supervisors").
    Status learnSupervisors();
    // Pins the directory's users and notes the user's supervisors.
    void noteDirectory(const wire::KeyDirectory &dir);
    Result<PulledPage> checkPage(SyncClient &client, wire::PullResponse &&page);
    // Takes the key of `change`'s audience from this page's `grants` when its author signed
    // it for this user and it opens; else why not (a set-aside reason).
    QString takeAudienceKey(const wire::Change &change, const QHash<QUuid, QByteArray> &grants);
    Status finishResync(SyncReport &report);
    Result<std::uint64_t> nextBatchSequence();
    Error destroyIdentityIfRevoked(const Error &error);
    Status recordRejections(const QList<wire::Rejection> &rejected, SyncReport &report);
    // Empty when the batch's signature verifies with its author's key (the device's own, or
    // the pinned one); else why not: `key_changed` when the directory offers the author
    // another key than the pinned one, `bad_signature` otherwise (or the author is unknown).
    // An error only when the directory could not be fetched.
    Result<QString> checkManifest(SyncClient &client, const wire::Manifest &manifest);
    // The key to verify `entry`'s batches with: the pinned one. A user seen for the first
    // time is pinned now (trust on first use); a changed key is noted, never used.
    QByteArray pinnedSigningKey(const wire::DirectoryEntry &entry);
    // Publishes this device's box key, signed by the user, once per key version.
    void publishDeviceKey(const wire::KeyDirectory &dir);
    // Once per engine, before the pull: takes the user's newer keys, or rotates them when the
    // server says a rotation is due (KeyRotationStep).
    Status followKeyRotation();
    // The directory's chains of rotations, for pinnedSigningKey to follow.
    void noteKeyChains(const wire::KeyDirectory &dir);
    // One page after `since`, checked against its signed batches and decrypted. Touches the
    // identity (audience keys learnt) and the signing key cache: called by one thread at a
    // time, the engine's or, during a pull, the prefetch thread's (never both).
    Result<PulledPage> fetchPage(SyncClient &client, std::uint64_t since);

    std::unique_ptr<StoreLedger> m_ownLedger;
    SyncLedger &m_store; // the store, as the engine reaches it
    SyncIdentity &m_identity;
    SyncClient &m_client;
    int m_batchSize = 1000;
    int m_pageSize = 1000;
    bool m_prefetch = true;
    bool m_identityChanged = false;
    bool m_revoked = false;
    QHash<QUuid, QByteArray> m_signingKeys;
    // Other users' pins, read at the start of a pull; what the directory said since, until
    // the page being checked carries it to the store (PulledPage::keysSeen); the users whose
    // key changed. Touched by whichever thread checks pages, like m_signingKeys.
    QList<UserKeyPin> m_pins;
    QList<UserKeyPin> m_keysSeen;
    QSet<QUuid> m_keyChanged;
    QHash<QUuid, QList<crypto::KeyLink>> m_keyChains;
    bool m_supervisorsRead = false;
    bool m_keysFollowed = false;
    QHash<QUuid, QByteArray> m_sharedBoxKeys; // the shared audience's readers' pinned box keys
    PairAudiences m_pairs;                    // comments' audiences
};

} // namespace wp::sync
