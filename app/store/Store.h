// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The encrypted local store: one SQLCipher file per worker, opened with a 32-byte raw key.
// Owns the connection, the HLC clock, the repositories, the outbox and the audit chain.
// Single-threaded: use a Store from the thread that opened it.

#include "AuditChain.h"
#include "ConflictCopies.h"

#include "KeyPins.h"
#include "Outbox.h"
#include "Repository.h"
#include "Result.h"
#include "Resync.h"
#include "SecretBytes.h"
#include "SetAside.h"
#include "Sqlite.h"
#include "StoreTypes.h"

#include <QHash>
#include <QString>

#include <memory>

namespace wp {

class StoreLock;

struct StoreOptions
{
    // Every block SQLite frees is wiped, not only key material (which SQLCipher always
    // wipes): by the store's wiping allocator (sql/WipingAllocator.h), or by SQLCipher's
    // cipher_memory_security if SQLite was initialised before the store could install it.
    // Process-wide; once a store turns it on it stays on. Off only for benchmark baselines.
    bool memorySecurity = true;
    // Also SQLCipher's cipher_memory_security on top: an mlock + munlock per allocation, so
    // live SQLite memory is never swapped out (best effort, within RLIMIT_MEMLOCK). Saves ~3.4x
    // and sync merges ~9x slower (docs/benchmarks.md). Process-wide and one-way.
    bool lockEveryAllocation = false;
    // Page cache per connection; decrypting a page again costs more than keeping it.
    int cacheKiB = 16 * 1024;
};

class Store
{
public:
    enum class Mode { OpenExisting, CreateNew };

    static constexpr int KeyBytes = 32;

    // Errors: NotAStore (not a Waypoint store, or the key is wrong), Corrupt, SchemaTooNew,
    // Busy (another process has it open), Io, InvalidInput (key not 32 bytes, file exists
    // for CreateNew / missing for OpenExisting).
    static Result<std::unique_ptr<Store>> open(const QString &path, const SecretBytes &key,
                                               Mode mode, const StoreOptions &options = {});
    // Same code path with no encryption: the baseline for benchmarks only. Never use for data.
    // Turns SQLCipher's process-wide memory security off (the baseline is plain SQLite).
    static Result<std::unique_ptr<Store>> openUnencrypted(const QString &path, Mode mode);

    ~Store();
    Store(const Store &) = delete;
    Store &operator=(const Store &) = delete;

    ParticipantRepository &participants() { return m_participants; }
    EncounterRepository &encounters() { return m_encounters; }
    DiaryRepository &diary() { return m_diary; }
    SupervisionRepository &supervision() { return m_supervision; }
    CommentRepository &comments() { return m_comments; }
    TrainingRepository &training() { return m_training; }

    // Full-text search over every record's text. Any user input is safe: it is split into
    // words, each quoted for FTS5, and all must match. Newest first (most recently created;
    // ranking by relevance would score every match of a common word); each hit carries its
    // bm25 rank. When whole words give fewer than `limit` hits, the last word (3+ characters)
    // also matches as a prefix. The losing text of an open conflict is searched too: its hits
    // come first and lead to the record, with the snippet taken from that text.
    Result<QList<SearchHit>> search(const QString &query, int limit = 50);

    // Erases a participant: the participant, their encounters and everything else naming
    // them become tombstones in one transaction (fields, field stamps, search words, unsent
    // changes and conflict copies go; secure_delete overwrites the freed pages), each
    // tombstone goes to the outbox so the erasure syncs, and one audit entry says a
    // participant and N linked records were erased. The write-ahead log is then checkpointed
    // and truncated so no earlier page of theirs stays in it. Returns the ids of the N linked
    // records. NotFound when there is no such live participant.
    Result<QList<QUuid>> eraseParticipant(const QUuid &id);

    Outbox &outbox() { return m_outbox; }
    SetAsideLog &setAside() { return m_setAside; }
    KeyPins &keyPins() { return m_keyPins; }
    AuditChain &audit() { return m_audit; }
    HybridClock &clock() { return m_clock; }
    QUuid deviceId() const { return m_clock.device(); }
    QString path() const { return m_path; }
    bool isEncrypted() const { return m_encrypted; }

    Result<QHash<RecordType, qint64>> countByType();

    // Whether `localUser` (this device's user, null when not enrolled) may edit or delete the
    // record `id` of any type: only its author may (RecordTable::changeableBy).
    Result<bool> changeableBy(const QUuid &id, const QUuid &localUser)
    {
        return m_table.changeableBy(id, localUser);
    }

    // Groups many changes into one commit (imports, demo data, benchmarks): each save inside
    // is a savepoint that rolls back alone on failure; nothing is durable until the returned
    // transaction commits, and dropping it rolls everything back.
    Result<sql::Transaction> batch() { return sql::Transaction::begin(*m_db); }

    // PRAGMA integrity_check, plus cipher_integrity_check (page HMACs) when encrypted.
    // Corrupt with the first problem found.
    Status integrityCheck();
    // Moves the WAL into the main file (tests, before backups).
    Status checkpoint();

    // Sync: applies pulled changes with per-field last-writer-wins by (HLC, device). When a
    // free-text field this device changed (not yet acknowledged by the server) loses to a
    // remote change, or a remote change of such a field loses to it, the losing text is kept
    // as a ConflictCopy. Stores `newCursor` in the same transaction. Never writes the outbox.
    // A change whose content fails checkFieldMap, or whose stamps the clock does not admit
    // (more than a day ahead), is set aside instead: not merged, the clock not moved, and
    // kept with the reason in setAside(), with `skipped` (the changes sync could not verify
    // or open), in the same transaction. MergeReport::setAside lists both. So is a change to a
    // record signed by anyone the record's author does not allow (mayChange, Authorship.h):
    // `localUser` is this device's user, the author of the records created here.
    Result<MergeReport> applyRemote(const QList<RemoteChange> &changes, const QByteArray &newCursor,
                                    const QList<SetAsideChange> &skipped = {},
                                    const QUuid &localUser = {});
    QByteArray syncCursor() const { return m_syncCursor; }

    // The outbox's entries waiting to be sent, as Outbox::pending, each marked for sharing
    // (docs/protocol.md, "Sharing with supervisors"): a change to a diary entry that is shared
    // now carries the entry's every field and stamp (its readers hold no earlier version),
    // and a change that sets `shared` to false on an entry created before unshares it.
    // A comment's entry also names the authors of the records it is about (noteCommentParties).
    Result<QList<OutboxEntry>> pendingToSend(int limit, qint64 afterSeq);
    // The user who created the live record `id` (`localUser` for one created here); NotFound
    // when it is not held or deleted.
    Result<QUuid> authorOf(const QUuid &id, const QUuid &localUser);
    // Records the server withdrew from this device's user (an entry its author unshared):
    // each record another user authored goes with its fields, stamps, search text and conflict
    // copies, audited as `withdrawn`. This device's user's own records are never removed on
    // the server's word. Returns how many went.
    Result<int> withdraw(const QList<QUuid> &recordIds, const QUuid &localUser);
    // Who created a record: null for this device's user (records created here), else the
    // signer of its first pulled change. NotFound when there is no such record.
    Result<QUuid> recordAuthor(const QUuid &recordId);

    // The server compacted its log past this device's cursor (410 resync_required,
    // docs/protocol.md "Compaction"); mark and sweep, see Resync.h. beginResync marks every
    // record unconfirmed and sets the cursor back to 0, in one transaction; from then on
    // applyRemote confirms the records it receives. After the pull has reached the end,
    // sweepResync removes up to `limit` records still unconfirmed with nothing in the outbox;
    // call it while `more`. The outbox, drafts and device secrets are never touched.
    Status beginResync();
    bool resyncInProgress() const { return m_resync.inProgress(); }
    Result<ResyncSweep> sweepResync(int limit = 500) { return m_resync.sweep(limit); }

    // Open conflicts, both texts of each, and their resolution (ConflictCopies.h).
    ConflictCopies &conflicts() { return m_conflicts; }
    // The raw copies of one record (tests, diagnostics).
    Result<QList<ConflictCopy>> conflictCopies(const QUuid &recordId);
    Status dismissConflictCopy(qint64 id) { return m_conflicts.dismiss(id); }

    // Small named secrets of this device (the sync identity: device token, the user's keys),
    // kept inside the encrypted file. Values are wiped from memory after use. deviceSecret:
    // NotFound when there is none of that name. removeDeviceSecret: no error when absent.
    Status putDeviceSecret(const QString &name, const SecretBytes &value);
    Result<SecretBytes> deviceSecret(const QString &name);
    Status removeDeviceSecret(const QString &name);

    // The raw connection, for the keys module and tests. Keep SQL in the store.
    sql::Database &database() { return *m_db; }

private:
    Store(QString path, std::unique_ptr<StoreLock> lock, std::unique_ptr<sql::Database> db,
          QUuid device, bool encrypted);
    static Result<std::unique_ptr<Store>> openWith(const QString &path, const SecretBytes *key,
                                                   Mode mode, const StoreOptions &options);
    Status loadMeta();
    // CommentParties.cpp: the stored author of a live record (null: this device's user;
    // nullopt: not held), the parties of an outgoing comment, and whether a pulled change is
    // an acknowledgement not signed by the author of its entry (docs/protocol.md, "Review
    // marks, comments and acknowledgements").
    Result<std::optional<QUuid>> storedAuthor(const QUuid &id);
    Status noteCommentParties(OutboxEntry &entry);
    Result<bool> isForgedAcknowledgement(const RemoteChange &change, const QUuid &localUser);

    QString m_path;
    std::unique_ptr<StoreLock> m_lock;
    std::unique_ptr<sql::Database> m_db;
    bool m_encrypted = true;
    HybridClock m_clock;
    QByteArray m_syncCursor;
    Outbox m_outbox;
    SetAsideLog m_setAside;
    KeyPins m_keyPins;
    AuditChain m_audit;
    Resync m_resync;
    RecordTable m_table;
    ConflictCopies m_conflicts;
    ParticipantRepository m_participants;
    EncounterRepository m_encounters;
    DiaryRepository m_diary;
    SupervisionRepository m_supervision;
    CommentRepository m_comments;
    TrainingRepository m_training;
};

} // namespace wp
