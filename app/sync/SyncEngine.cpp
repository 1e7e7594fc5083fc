#include "SyncEngine.h"

#include "ChangeSealer.h"
#include "Uuid.h"
#include "crypto/BatchSignature.h"
#include "crypto/Envelope.h"
#include "wire/Codec.h"

#include <QSet>

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
    SyncReport report;
    // Pull first: a remote edit of a free-text field this device also changed is merged while
    // the local edit is still pending, so the store keeps the losing text as a conflict copy.
    // (Pushing first would acknowledge the local edit and the remote one would be dropped
    // silently as older.) A device restored from the key backup also learns its private
    // audience here.
    if (Status s = pull(report); !s)
        return s.error();
    if (Status s = push(report); !s)
        return s.error();
    auto pending = m_store.pendingCount();
    if (!pending)
        return pending.error();
    report.pending = *pending;
    return report;
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

Status SyncEngine::push(SyncReport &report)
{
    if (m_identity.privateAudience.isNull()) {
        m_identity.privateAudience = createUuidV7();
        m_identity.audienceKeys.emplace(m_identity.privateAudience, crypto::newAudienceKey());
        m_identityChanged = true;
    }
    const QUuid audience = m_identity.privateAudience;
    const SecretBytes &key = m_identity.audienceKeys.at(audience);
    const DeviceCredentials &me = m_identity.credentials;
    for (;;) {
        auto pending = m_store.pendingChanges(m_batchSize);
        if (!pending)
            return pending.error();
        if (pending->isEmpty())
            return {};
        PushRequest batch;
        batch.deviceId = me.deviceId;
        // Sent with every batch; the server keeps the first and ignores repeats.
        batch.audiences.append(
            {audience, {{me.userId, crypto::sealTo(key, m_identity.keys.encryptionPublic)}}});
        QList<QByteArray> digests;
        for (const OutboxEntry &e : *pending) {
            batch.changes.append(ChangeSealer::seal(e, audience, key));
            digests.append(crypto::changeDigest(batch.changes.last()));
        }
        Result<PushResponse> response = Error(ErrorCode::Internal, {});
        for (int attempt = 0; attempt < 2; ++attempt) {
            auto sequence = nextBatchSequence();
            if (!sequence)
                return sequence.error();
            batch.sequence = *sequence;
            batch.signature = crypto::signManifest(
                m_identity.keys.signingSecret,
                manifestBytes(me.organisationId, me.userId, me.deviceId, batch.sequence, digests));
            response = m_client.push(batch);
            // A clock restored behind a sequence already used: take the next one.
            if (response.ok() || response.error().field != u"sequence_reused")
                break;
        }
        if (!response)
            return response.error();
        QList<qint64> applied;
        for (std::uint64_t id : response->applied)
            applied.append(qint64(id));
        if (Status s = m_store.markApplied(applied); !s)
            return s;
        report.pushed += int(applied.size());
        report.rejected += int(response->rejected.size());
        for (const Rejection &r : response->rejected)
            report.rejections.append(r.reason);
        // Rejected entries stay in the outbox; stop rather than send them again this round.
        if (applied.isEmpty() || pending->size() < m_batchSize)
            return {};
    }
}

Status SyncEngine::verifyManifest(const Manifest &m)
{
    if (!m_signingKeys.contains(m.authorId)) {
        auto dir = m_client.directory();
        if (!dir)
            return dir.error();
        for (const DirectoryEntry &e : dir->users)
            m_signingKeys.insert(e.userId, e.signingKey);
    }
    const QByteArray key = m_signingKeys.value(m.authorId);
    if (key.isEmpty() ||
        !crypto::verifyManifest(key,
                                manifestBytes(m_identity.credentials.organisationId, m.authorId,
                                              m.deviceId, m.sequence, m.digests),
                                m.signature))
        return Error(ErrorCode::Crypto,
                     QStringLiteral("pulled changes failed their author's signature"));
    return {};
}

Status SyncEngine::pull(SyncReport &report)
{
    auto cursor = m_store.syncCursor();
    if (!cursor)
        return cursor.error();
    std::uint64_t since = cursor->toULongLong();
    for (;;) {
        auto page = m_client.pull(since, m_pageSize);
        if (!page)
            return page.error();
        for (const AudienceGrant &g : page->audienceKeys) {
            if (m_identity.hasAudienceKey(g.audienceId))
                continue;
            auto key = crypto::openSealed(g.sealedKey, m_identity.keys);
            if (!key)
                return key.error();
            m_identity.audienceKeys.emplace(g.audienceId, std::move(*key));
            m_identityChanged = true;
        }
        QList<bool> verified(page->manifests.size(), false);
        QList<RemoteChange> changes;
        changes.reserve(page->changes.size());
        for (Change &c : page->changes) {
            if (c.manifestIndex < 0)
                return Error(ErrorCode::Protocol, QStringLiteral("a pulled change has no batch"));
            const Manifest &m = page->manifests.at(c.manifestIndex);
            if (c.authorId.isNull())
                c.authorId = m.authorId;
            if (!verified[c.manifestIndex]) {
                if (Status s = verifyManifest(m); !s)
                    return s;
                verified[c.manifestIndex] = true;
            }
            if (m.authorId != c.authorId || !m.digests.contains(crypto::changeDigest(c)))
                return Error(ErrorCode::Crypto,
                             QStringLiteral("a pulled change is not in its signed batch"));
            const auto key = m_identity.audienceKeys.find(c.audienceId);
            if (key == m_identity.audienceKeys.end())
                return Error(ErrorCode::Crypto, QStringLiteral("no key for a pulled record"));
            auto opened = ChangeSealer::open(c, key->second);
            if (!opened)
                return opened.error();
            if (m_identity.privateAudience.isNull() &&
                c.authorId == m_identity.credentials.userId) {
                m_identity.privateAudience = c.audienceId;
                m_identityChanged = true;
            }
            changes.append(std::move(*opened));
        }
        auto merged = m_store.applyRemote(changes, QByteArray::number(qulonglong(page->cursor)));
        if (!merged)
            return merged.error();
        report.pulled += int(changes.size());
        report.conflicts += merged->conflicts;
        since = page->cursor;
        if (!page->more)
            return {};
    }
}

} // namespace wp::sync
