// SPDX-License-Identifier: GPL-3.0-or-later
#include "SyncEngine.h"

#include "ChangeSealer.h"
#include "DeviceProfile.h"
#include "LogCategories.h"
#include "PairAudiences.h"
#include "Uuid.h"
#include "crypto/AudienceKeySignature.h"
#include "crypto/BatchSignature.h"
#include "crypto/Envelope.h"
#include "crypto/KeyFingerprint.h"
#include "wire/Codec.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QSet>

#include <algorithm>
#include <future>

namespace wp::sync {

using namespace wp::wire;

SyncEngine::SyncEngine(Store &store, SyncIdentity &identity, SyncClient &client)
    : m_ownLedger(std::make_unique<StoreLedger>(store)), m_store(*m_ownLedger),
      m_identity(identity), m_client(client)
{
    m_client.setCredentials(&m_identity.credentials);
}

SyncEngine::SyncEngine(SyncLedger &ledger, SyncIdentity &identity, SyncClient &client)
    : m_store(ledger), m_identity(identity), m_client(client)
{
    m_client.setCredentials(&m_identity.credentials);
}

Result<SyncReport> SyncEngine::syncOnce()
{
    QElapsedTimer took;
    took.start();
    SyncReport report;
    // Pull first: a remote edit of a free-text field this device also changed is merged while
    // the local edit is still pending, so the store keeps the losing text as a conflict copy.
    // (Pushing first would acknowledge the local edit and the remote one would be dropped
    // silently as older.) A device restored from the key backup also learns its private
    // audience here.
    qint64 carriedThrough = 0; // the outbox entries the first pull request carried, if any
    if (Status s = followKeyRotation(); !s) // newer keys open what the pull brings
        return destroyIdentityIfRevoked(s.error());
    if (Status s = pullOrResync(report, &carriedThrough); !s)
        return destroyIdentityIfRevoked(s.error());
    // The supervisors, for the words on who reads a shared entry: learnt once, then with
    // every push of a shared entry.
    if (!m_identity.supervisorsLearnt) {
        if (Status s = learnSupervisors(); !s)
            return destroyIdentityIfRevoked(s.error());
    }
    if (Status s = push(report, carriedThrough); !s)
        return destroyIdentityIfRevoked(s.error());
    if (Status s = finishResync(report); !s)
        return destroyIdentityIfRevoked(s.error());
    // Who the device is for, and a new name waiting: never the round's failure but for a
    // revocation.
    DeviceProfile profile(m_identity, m_client);
    if (Status s = profile.refresh(); !s)
        return destroyIdentityIfRevoked(s.error());
    m_identityChanged = m_identityChanged || profile.changed();
    report.profileProblem = profile.problem();
    auto pending = m_store.pendingCount();
    if (!pending)
        return pending.error();
    report.pending = *pending;
    auto failed = m_store.failedCount();
    if (!failed)
        return failed.error();
    report.failed = *failed;
    auto setAside = m_store.setAsideCount();
    if (!setAside)
        return setAside.error();
    report.setAside = *setAside;
    auto pins = m_store.keyPins();
    if (!pins)
        return pins.error();
    report.keysChanged = std::count_if(pins->cbegin(), pins->cend(),
                                       [](const UserKeyPin &p) { return p.changed(); });
    if (Status s =
            m_store.recordContact(report.offlineLeaseDays, QDateTime::currentMSecsSinceEpoch());
        !s)
        return s.error();
    qCDebug(lcSync,
            "sync round in %lld ms: pulled %d, pushed %d, conflicts %d, refused %d, set aside "
            "%d, waiting %lld, failed %lld%s",
            qlonglong(took.elapsed()), report.pulled, report.pushed, report.conflicts,
            report.rejected, report.skipped, qlonglong(report.pending), qlonglong(report.failed),
            report.resynced ? ", resynced" : "");
    return report;
}

bool SyncEngine::isResyncRequired(const Error &error)
{
    return serverErrorOf(error) == ServerError::ResyncRequired;
}

Status SyncEngine::pullOrResync(SyncReport &report, qint64 *carriedThrough)
{
    // The server dropped tombstones past this device's cursor: start again from cursor 0 into
    // a marked replica (docs/protocol.md, "Compaction"). A pull from 0 is never refused; the
    // horizon can still move past a resync cut short, which starts it again, a few times.
    constexpr int MaxStarts = 3;
    for (int starts = 0;; ++starts) {
        // A refused pull pushed nothing; a pull from 0 carries nothing.
        Status s = pull(report, starts == 0 ? carriedThrough : nullptr);
        if (s || !isResyncRequired(s.error()) || starts == MaxStarts)
            return s;
        if (Status begun = m_store.beginResync(); !begun)
            return begun;
        report.resynced = true;
    }
}

Status SyncEngine::finishResync(SyncReport &report)
{
    // Also after a kill: the store keeps a resync under way until it is finished.
    auto resyncing = m_store.resyncInProgress();
    if (!resyncing)
        return resyncing.error();
    if (!*resyncing)
        return {};
    report.resynced = true;
    // The pull from 0 kept the records that had changes waiting to be sent, and the push has
    // just sent them. Pull once more: the server returns each change it stored, which confirms
    // its record; a change it acknowledged without storing (its record was deleted there)
    // leaves the record unconfirmed, and the sweep removes it as a fresh device never sees it.
    if (Status s = pullOrResync(report); !s)
        return s;
    // In steps: the app runs each on the UI thread.
    constexpr int SweepStep = 50;
    for (;;) {
        auto step = m_store.sweepResync(SweepStep);
        if (!step)
            return step.error();
        report.removed += step->removed;
        if (!step->more)
            return {};
    }
}

Error SyncEngine::destroyIdentityIfRevoked(const Error &error)
{
    if (serverErrorOf(error) != ServerError::DeviceRevoked) {
        // Routine when offline: info, not a warning.
        qCInfo(lcSync, "sync round did not complete: %s", qPrintable(error.message));
        return error;
    }
    qCInfo(lcSync, "this device was revoked: its sync identity is destroyed");
    // A revoked device destroys its keys on next contact (docs/security.md, "The sync
    // identity on the device"). The records stay in the store, under the PIN.
    m_revoked = true;
    m_identityChanged = false;
    m_identity = SyncIdentity{};
    m_client.setCredentials(&m_identity.credentials);
    if (Status s = m_store.forgetIdentity(); !s)
        return s.error();
    return error;
}

Result<std::uint64_t> SyncEngine::nextBatchSequence()
{
    // The HLC only moves forward, even across restarts, so its reading is a fresh sequence.
    auto now = m_store.clockNow();
    if (!now)
        return now.error();
    const HlcStamp &s = *now;
    return (std::uint64_t(s.physicalMs) << 20) | std::min<std::uint64_t>(s.counter, 0xfffff);
}

bool SyncEngine::isTransientRejection(const QString &reason)
{
    return reason == u"busy" || reason.startsWith(u"retry_");
}

QString SyncEngine::describeRejection(const QString &reason)
{
    const auto tr = [](const char *text) { return QCoreApplication::translate("Sync", text); };
    if (reason == u"not_author")
        return tr("The record belongs to another user.");
    if (reason == u"type_mismatch")
        return tr("Another record with the same id has a different type.");
    if (reason == u"unknown_audience")
        return tr("The server does not know who may read this record.");
    if (reason == u"reader_not_allowed")
        return tr("It names a reader your organisation does not allow.");
    if (reason == u"too_large")
        return tr("The change is larger than the server accepts.");
    if (reason == u"malformed")
        return tr("The server could not read the change.");
    if (isTransientRejection(reason))
        return tr("The server asked to send it again later.");
    return tr("The server refused it (%1).").arg(reason);
}

QString SyncEngine::describeSetAside(const QString &reason, RecordType type, const QString &field)
{
    const auto tr = [](const char *text) { return QCoreApplication::translate("Sync", text); };
    if (reason == u"audience_key_unreadable")
        return tr("It was sealed with a key your keys cannot open.");
    if (reason == u"audience_key_unsigned")
        return tr("Its key is not signed by its author.");
    if (reason == u"no_audience_key")
        return tr("This device has no key to read it.");
    if (reason == u"bad_signature")
        return tr("Its author's signature does not verify.");
    if (reason == u"not_in_batch")
        return tr("It is not part of what its author signed.");
    if (reason == u"envelope_unreadable")
        return tr("It could not be decrypted.");
    if (reason == u"envelope_version")
        return tr("It was written by a version of Waypoint this one does not read.");
    if (reason == u"malformed")
        return tr("Its content could not be read.");
    if (reason == u"invalid_content") {
        const FieldInfo *info = findField(fieldTable(type), field);
        if (info)
            return tr("Its %1 is not valid.").arg(fieldLabel(info->spec));
        return tr("Its content is not valid.");
    }
    if (reason == u"clock_ahead")
        return tr("Its time is more than a day ahead of this device's clock.");
    if (reason == u"not_author")
        return tr("It changes a record another user created.");
    if (reason == u"not_entry_author")
        return tr("It acknowledges a comment on a diary entry its sender did not write.");
    if (reason == u"key_changed")
        return tr("Its author's key changed and nobody has confirmed the new one yet.");
    return tr("It was set aside (%1).").arg(reason);
}

Status SyncEngine::recordRejections(const QList<Rejection> &rejected, SyncReport &report)
{
    QList<std::pair<qint64, QString>> failed;
    for (const Rejection &r : rejected) {
        report.rejections.append(r.reason);
        if (!isTransientRejection(r.reason))
            failed.append({qint64(r.changeId), r.reason});
    }
    report.rejected += int(rejected.size());
    if (failed.isEmpty())
        return {};
    return m_store.markFailed(failed, QDateTime::currentMSecsSinceEpoch());
}

namespace {

// One outbox batch sealed for the wire: the entries (for their seqs), their encrypted changes
// and the changes' digests (signed with the batch sequence, which only the store can give).
struct SealedBatch
{
    QList<OutboxEntry> entries;
    QList<Change> changes;
    QList<QByteArray> digests;
};

// Where a batch's changes go: the private audience, or the shared one for entries shared now
// (docs/protocol.md, "Sharing with supervisors"). The keys live in the identity's map, whose
// nodes stay put while the batch is sealed.
struct SealTargets
{
    QUuid privateAudience;
    const SecretBytes *privateKey = nullptr;
    QUuid sharedAudience; // null: nothing can be shared (no supervisor)
    const SecretBytes *sharedKey = nullptr;
    QUuid withdrawFrom; // the shared audience an unshared entry leaves
    // Comments, by outbox seq: their pair audience (PairAudiences), whose nodes stay put.
    QHash<qint64, const crypto::PairAudience *> pairs;
};

SealedBatch seal(QList<OutboxEntry> entries, const SealTargets &to)
{
    SealedBatch b;
    b.changes.reserve(entries.size());
    b.digests.reserve(entries.size());
    for (const OutboxEntry &e : entries) {
        const bool shared = e.shared && !to.sharedAudience.isNull();
        const crypto::PairAudience *pair = to.pairs.value(e.seq);
        b.changes.append(pair     ? ChangeSealer::seal(e, pair->id, pair->key)
                         : shared ? ChangeSealer::seal(e, to.sharedAudience, *to.sharedKey)
                                  : ChangeSealer::seal(e, to.privateAudience, *to.privateKey));
        // Not in the digest: a request to the server to stop serving the entry's shared
        // versions to the supervisors.
        if (e.unshares && !to.withdrawFrom.isNull())
            b.changes.last().withdrawnFrom = to.withdrawFrom;
        b.digests.append(crypto::changeDigest(b.changes.last()));
    }
    b.entries = std::move(entries);
    return b;
}

// Sealing is pure CPU (CBOR, XChaCha20-Poly1305, BLAKE2b): it runs on a worker thread for
// batch N+1 while batch N is on the wire and the server applies it.
std::future<SealedBatch> sealInBackground(QList<OutboxEntry> entries, const SealTargets &to)
{
    return std::async(std::launch::async,
                      [entries = std::move(entries), to] { return seal(entries, to); });
}

// Entries sealed for other readers than the user: shared or unshared entries, and comments
// (which name another user's record).
bool anyShared(const QList<OutboxEntry> &entries)
{
    return std::any_of(entries.cbegin(), entries.cend(), [](const OutboxEntry &e) {
        return e.shared || e.unshares || !e.entryAuthor.isNull() || !e.acknowledgedAuthor.isNull();
    });
}

} // namespace

PushRequest SyncEngine::newBatch(QList<Change> changes) const
{
    PushRequest batch;
    batch.deviceId = m_identity.credentials.deviceId;
    // The audience goes with every batch until the server has applied one (the server keeps
    // the first and ignores repeats): sealing its key costs a key exchange per batch.
    if (!m_identity.privateAudienceKnown) {
        const QUuid audience = m_identity.privateAudience;
        const QUuid me = m_identity.credentials.userId;
        batch.audiences.append(
            {audience,
             {{me, crypto::signAudienceKey(m_identity.keys.signingSecret, audience, me,
                                           crypto::sealTo(m_identity.audienceKeys.at(audience),
                                                          m_identity.keys.encryptionPublic))}}});
    }
    const QUuid shared = m_identity.sharedAudience;
    if (!shared.isNull() && !m_identity.sharedAudienceKnown &&
        std::any_of(changes.cbegin(), changes.cend(),
                    [&](const Change &c) { return c.audienceId == shared; })) {
        const QUuid me = m_identity.credentials.userId;
        const SecretBytes &key = m_identity.audienceKeys.at(shared);
        Audience a{shared, {}};
        a.readers.append(
            {me, crypto::signAudienceKey(m_identity.keys.signingSecret, shared, me,
                                         crypto::sealTo(key, m_identity.keys.encryptionPublic))});
        for (const QUuid &reader : m_identity.sharedReaders)
            a.readers.append({reader, crypto::signAudienceKey(
                                          m_identity.keys.signingSecret, shared, reader,
                                          crypto::sealTo(key, m_sharedBoxKeys.value(reader)))});
        batch.audiences.append(std::move(a));
    }
    batch.changes = std::move(changes);
    m_pairs.addNewAudiences(batch, m_identity);
    return batch;
}

Status SyncEngine::sign(PushRequest &batch, const QList<QByteArray> &digests)
{
    auto sequence = nextBatchSequence();
    if (!sequence)
        return sequence.error();
    const DeviceCredentials &me = m_identity.credentials;
    batch.sequence = *sequence;
    batch.signature = crypto::signManifest(
        m_identity.keys.signingSecret,
        manifestBytes(me.organisationId, me.userId, me.deviceId, batch.sequence, digests));
    return {};
}

Status SyncEngine::accept(const PushResponse &response, const PushRequest &batch,
                          SyncReport &report)
{
    QList<qint64> applied;
    applied.reserve(response.applied.size());
    for (std::uint64_t id : response.applied)
        applied.append(qint64(id));
    if (Status s = m_store.markApplied(applied); !s)
        return s;
    // An applied change means the server holds its audience (it refuses changes to others).
    if (!applied.isEmpty()) {
        const QSet<std::uint64_t> ids(response.applied.cbegin(), response.applied.cend());
        for (const Change &c : batch.changes) {
            if (!ids.contains(c.changeId))
                continue;
            if (c.audienceId == m_identity.privateAudience)
                m_identity.privateAudienceKnown = true;
            else if (c.audienceId == m_identity.sharedAudience)
                m_identity.sharedAudienceKnown = true;
            else
                m_pairs.noteApplied(c.audienceId);
        }
    }
    report.pushed += int(applied.size());
    return recordRejections(response.rejected, report);
}

Status SyncEngine::push(SyncReport &report)
{
    return push(report, 0);
}

Status SyncEngine::pull(SyncReport &report)
{
    return pull(report, nullptr);
}

Status SyncEngine::push(SyncReport &report, qint64 after)
{
    if (m_identity.privateAudience.isNull()) {
        m_identity.privateAudience = createUuidV7();
        m_identity.audienceKeys.emplace(m_identity.privateAudience, crypto::newAudienceKey());
        m_identityChanged = true;
    }
    SealTargets to{m_identity.privateAudience,
                   &m_identity.audienceKeys.at(m_identity.privateAudience),
                   {},
                   nullptr,
                   {},
                   {}};
    // Learns the supervisors (once per engine) when an entry to send is shared or unshared.
    const auto targetsFor = [&](const QList<OutboxEntry> &entries) -> Status {
        if (!anyShared(entries))
            return {};
        if (Status s = learnSupervisors(); !s)
            return s;
        if (!m_identity.sharedAudience.isNull() && !m_sharedBoxKeys.isEmpty()) {
            to.sharedAudience = m_identity.sharedAudience;
            to.sharedKey = &m_identity.audienceKeys.at(m_identity.sharedAudience);
        }
        to.withdrawFrom = m_identity.sharedAudience;
        for (const OutboxEntry &e : entries)
            if (const auto *pair = m_pairs.audienceFor(
                    PairAudiences::counterpartOf(e, m_identity.credentials.userId), m_identity,
                    m_pins))
                to.pairs.insert(e.seq, pair);
        return {};
    };
    // Entries are sent in outbox order once per round: the cursor moves past every batch
    // answered, so an entry refused for now does not block the ones after it. `after` starts
    // past the entries the pull's request carried.
    int batchSize = m_batchSize;
    // The batch after `after`, read from the store and being sealed. Store calls and HTTP stay
    // on this thread and in order: the next batch is read before this one is sent, and the
    // outbox is cleared only for what the server applied, so a kill anywhere converges as
    // before. (Leaving this function joins the worker: the future is its last owner.)
    std::future<SealedBatch> next;
    bool nextRead = false; // `next` holds what follows `after` (possibly nothing)
    for (;;) {
        if (!nextRead) {
            auto pending = m_store.pendingChanges(batchSize, after);
            if (!pending)
                return pending.error();
            if (Status s = targetsFor(*pending); !s)
                return s;
            if (!pending->isEmpty())
                next = sealInBackground(std::move(*pending), to);
            nextRead = true;
        }
        if (!next.valid())
            return {}; // nothing left
        SealedBatch sealed = next.get();
        // Start on the following batch before this one goes out.
        const qint64 last = sealed.entries.last().seq;
        nextRead = false;
        if (sealed.entries.size() >= batchSize) {
            auto following = m_store.pendingChanges(batchSize, last);
            if (!following)
                return following.error();
            if (Status s = targetsFor(*following); !s)
                return s;
            if (!following->isEmpty())
                next = sealInBackground(std::move(*following), to);
            nextRead = true;
        }

        PushRequest batch = newBatch(std::move(sealed.changes));
        Result<PushResponse> response = Error(ErrorCode::Internal, {});
        for (int attempt = 0; attempt < 2; ++attempt) {
            if (Status s = sign(batch, sealed.digests); !s)
                return s;
            response = m_client.push(batch);
            // A clock restored behind a sequence already used: take the next one.
            if (response.ok() || serverErrorOf(response.error()) != ServerError::SequenceReused)
                break;
        }
        if (!response) {
            // The batch as a whole was refused for its content: halve it until the change at
            // fault is alone, then mark that one failed and carry on with the rest.
            const ServerError refusal = serverErrorOf(response.error());
            if (refusal != ServerError::TooLarge && refusal != ServerError::Malformed)
                return response.error();
            const QString code = wireCodeOf(refusal); // the change's reason, as stored
            if (sealed.entries.size() > 1) {
                batchSize = int(sealed.entries.size() / 2);
                next = {}; // read with the old size: read again from `after`
                nextRead = false;
                continue;
            }
            if (Status s =
                    recordRejections({{std::uint64_t(sealed.entries.first().seq), code}}, report);
                !s)
                return s;
            after = last; // the one entry: what follows it may already be sealing
            continue;
        }
        if (Status s = accept(*response, batch, report); !s)
            return s;
        after = last;
        if (!nextRead)
            return {}; // a short batch was the last one
    }
}

Result<std::optional<SyncEngine::Carried>> SyncEngine::carryable()
{
    // Only a small outbox: a large one is sealed in the background batch by batch (push),
    // and sealing it here would hold the pull back. A device that has not learnt its private
    // audience yet (restored keys, nothing pulled) pushes after the pull.
    constexpr int CarryLimit = 64;
    if (m_identity.privateAudience.isNull())
        return std::optional<Carried>();
    auto entries = m_store.pendingChanges(CarryLimit, 0);
    if (!entries)
        return entries.error();
    if (entries->isEmpty() || entries->size() >= CarryLimit)
        return std::optional<Carried>();
    // Shared entries wait for push(), which learns the supervisors first.
    if (anyShared(*entries))
        return std::optional<Carried>();
    const QUuid audience = m_identity.privateAudience;
    SealedBatch sealed =
        seal(std::move(*entries),
             {audience, &m_identity.audienceKeys.at(audience), {}, nullptr, {}, {}});
    Carried carried{std::move(sealed.entries), newBatch(std::move(sealed.changes)), {}};
    if (Status s = sign(carried.request, sealed.digests); !s)
        return s.error();
    return std::optional<Carried>(std::move(carried));
}

Status SyncEngine::pull(SyncReport &report, qint64 *carriedThrough)
{
    auto cursor = m_store.syncCursor();
    if (!cursor)
        return cursor.error();
    auto pins = m_store.keyPins();
    if (!pins)
        return pins.error();
    m_pins = std::move(*pins);
    // An incremental sync with a few changes to send takes one round trip: the first page's
    // request carries them (POST /v1/sync), and the server applies them after the page's
    // snapshot, so a remote edit still merges while the local one is pending. What the
    // server applied is cleared from the outbox only once every page is merged, for the same
    // reason; a kill before that sends the changes again, which the server recognises.
    std::optional<Carried> carried;
    if (carriedThrough) {
        auto c = carryable();
        if (!c)
            return c.error();
        carried = std::move(*c);
    }
    // The first page is fetched here: an incremental sync usually ends with it. When there is
    // more, the following pages are fetched, checked and decrypted on the prefetch thread
    // while the store merges the current one (PullPrefetch.h); each page is still merged with
    // its own cursor in one store transaction, in order. Leaving this function (an error, the
    // end) stops the prefetch and joins its thread before the identity is used again.
    Result<PulledPage> page = Error(ErrorCode::Internal, {});
    if (carried) {
        auto exchanged = m_client.sync(cursor->toULongLong(), m_pageSize, &carried->request);
        if (exchanged) {
            carried->outcome = std::move(exchanged->push);
            page = checkPage(m_client, std::move(exchanged->pull));
        } else {
            page = exchanged.error();
        }
    } else {
        page = fetchPage(m_client, cursor->toULongLong());
    }
    std::unique_ptr<PullPrefetch> ahead;
    for (;;) {
        if (!page)
            return page.error();
        if (page->more && m_prefetch && !ahead) {
            ahead = std::make_unique<PullPrefetch>(
                m_client,
                [this](SyncClient &client, std::uint64_t since) {
                    return fetchPage(client, since);
                },
                page->cursor);
        }
        if (!page->keysSeen.isEmpty()) {
            if (Status s = m_store.recordKeys(page->keysSeen); !s)
                return s;
        }
        // Before the page's changes: a version shared again after the withdrawal merges.
        if (!page->withdrawn.isEmpty()) {
            auto gone = m_store.withdraw(page->withdrawn, m_identity.credentials.userId);
            if (!gone)
                return gone.error();
            report.withdrawn += *gone;
        }
        auto merged =
            m_store.applyRemote(page->changes, QByteArray::number(qulonglong(page->cursor)),
                                page->skipped, m_identity.credentials.userId);
        if (!merged)
            return merged.error();
        report.pulled += int(page->changes.size() - merged->setAside.size() + page->skipped.size());
        report.conflicts += merged->conflicts;
        report.offlineLeaseDays = page->offlineLeaseDays;
        report.skipped += int(merged->setAside.size());
        for (const SetAsideChange &c : std::as_const(merged->setAside))
            report.skippedReasons.append(c.reason);
        if (!page->more)
            break;
        page = ahead ? ahead->next() : fetchPage(m_client, page->cursor);
    }
    // A refused push part (a reused sequence, too large, ...) is left to push(), which sends
    // those entries again and knows what to do with each refusal.
    if (!carried || !carried->outcome || !*carried->outcome)
        return {};
    if (Status s = accept(**carried->outcome, carried->request, report); !s)
        return s;
    *carriedThrough = carried->entries.last().seq;
    return {};
}

} // namespace wp::sync
