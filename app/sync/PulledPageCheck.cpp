// SPDX-License-Identifier: GPL-3.0-or-later
// The checks a pulled page passes before anything in it is merged: its authors' keys against
// the pinned ones, each batch manifest's signature, each change's digest and audience key.
#include "SyncEngine.h"

#include "ChangeSealer.h"
#include "LogCategories.h"
#include "Uuid.h"
#include "crypto/AudienceKeySignature.h"
#include "crypto/BatchSignature.h"
#include "crypto/Envelope.h"
#include "crypto/KeyFingerprint.h"
#include "crypto/KeyRotation.h"
#include "wire/Codec.h"

#include <QDateTime>
#include <QSet>

namespace wp::sync {

using namespace wp::wire;

void SyncEngine::noteKeyChains(const KeyDirectory &dir)
{
    m_keyChains.clear();
    for (const KeyChain &c : dir.chains) {
        QList<crypto::KeyLink> links;
        for (const KeyLinkEntry &l : c.links)
            links.append({l.version, l.encryptionKey, l.signingKey, l.signature});
        m_keyChains.insert(c.userId, links);
    }
}

QByteArray SyncEngine::pinnedSigningKey(const DirectoryEntry &e)
{
    const UserKeyPin seen{
        e.userId, e.signingKey, e.encryptionKey, QDateTime::currentDateTimeUtc(), {}, {}, {}};
    const auto pin = std::find_if(m_pins.cbegin(), m_pins.cend(),
                                  [&](const UserKeyPin &p) { return p.userId == e.userId; });
    if (pin == m_pins.cend()) {
        m_pins.append(seen);
        m_keysSeen.append(seen);
        return e.signingKey;
    }
    const bool same = crypto::sameKey(pin->signingKey, e.signingKey) &&
                      crypto::sameKey(pin->boxKey, e.encryptionKey);
    // Keys rotated by their owner: the pinned key signed the way to them (docs/protocol.md,
    // "Key rotation after a revocation"). They become the pin; no person needs to compare.
    if (!same && crypto::chainReaches(pin->signingKey, pin->boxKey, e.userId,
                                      m_keyChains.value(e.userId), e.signingKey, e.encryptionKey)) {
        UserKeyPin continued = seen;
        continued.continued = true;
        m_keysSeen.append(continued);
        m_pins[pin - m_pins.cbegin()] = seen;
        return e.signingKey;
    }
    if (!same)
        m_keyChanged.insert(e.userId);
    // A changed key becomes (or stays) the offer; the pinned key again withdraws an offer.
    if (!same || pin->changed())
        m_keysSeen.append(seen);
    return pin->signingKey;
}

Result<QString> SyncEngine::checkManifest(SyncClient &client, const Manifest &m)
{
    // The user's own batches (most of what a worker's devices pull) verify with the key the
    // device holds; other authors' keys come from the directory, once per engine, and are
    // pinned the first time (docs/protocol.md, "Pinned keys").
    const QUuid me = m_identity.credentials.userId;
    const bool ownKey = !m_identity.keys.signingPublic.isEmpty();
    if (m.authorId == me && ownKey)
        m_signingKeys.insert(m.authorId, m_identity.keys.signingPublic);
    if (!m_signingKeys.contains(m.authorId)) {
        auto dir = client.directory();
        if (!dir)
            return dir.error();
        noteDirectory(*dir);
    }
    const QByteArray key = m_signingKeys.value(m.authorId);
    if (!key.isEmpty() &&
        crypto::verifyManifest(key,
                               manifestBytes(m_identity.credentials.organisationId, m.authorId,
                                             m.deviceId, m.sequence, m.digests),
                               m.signature))
        return QString();
    return m_keyChanged.contains(m.authorId) ? QStringLiteral("key_changed")
                                             : QStringLiteral("bad_signature");
}

Result<PulledPage> SyncEngine::fetchPage(SyncClient &client, std::uint64_t since)
{
    auto page = client.pull(since, m_pageSize);
    if (!page)
        return page.error();
    return checkPage(client, std::move(*page));
}

Result<PulledPage> SyncEngine::checkPage(SyncClient &client, PullResponse &&page)
{
    // A page that decoded is taken change by change: one that cannot be verified or opened
    // (a colleague's audience naming this user with a key that does not open, a broken
    // envelope, a forged batch) is set aside with why, and the rest of the page merges. Only
    // what stops every change (the network, the directory) fails the page.
    // Audience keys new to this device, taken when a change that needs one comes: only then is
    // its author known, whose signature the key must carry (takeAudienceKey).
    QHash<QUuid, QByteArray> grants;
    for (const AudienceGrant &g : page.audienceKeys) {
        if (!m_identity.hasAudienceKey(g.audienceId))
            grants.insert(g.audienceId, g.sealedKey);
    }
    // Per manifest: not checked yet, or why it failed (empty: it verified).
    QList<std::optional<QString>> verdicts(page.manifests.size());
    PulledPage out;
    out.cursor = page.cursor;
    out.more = page.more;
    out.offlineLeaseDays = page.offlineLeaseDays;
    out.changes.reserve(page.changes.size());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (Change &c : page.changes) {
        const auto skip = [&](const QString &reason) {
            out.skipped.append(
                {c.recordId, c.type, c.authorId, c.audienceId, reason, {}, c.seq, c.stamp, now});
        };
        if (c.manifestIndex < 0) {
            skip(QStringLiteral("not_in_batch"));
            continue;
        }
        const Manifest &m = page.manifests.at(c.manifestIndex);
        if (c.authorId.isNull())
            c.authorId = m.authorId;
        std::optional<QString> &verdict = verdicts[c.manifestIndex];
        if (!verdict) {
            auto checked = checkManifest(client, m);
            if (!checked)
                return checked.error();
            verdict = std::move(*checked);
        }
        if (!verdict->isEmpty()) {
            skip(*verdict);
            continue;
        }
        if (m.authorId != c.authorId || !m.digests.contains(crypto::changeDigest(c))) {
            skip(QStringLiteral("not_in_batch"));
            continue;
        }
        auto key = m_identity.audienceKeys.find(c.audienceId);
        if (key == m_identity.audienceKeys.end()) {
            if (const QString refused = takeAudienceKey(c, grants); !refused.isEmpty()) {
                skip(refused);
                continue;
            }
            key = m_identity.audienceKeys.find(c.audienceId);
        }
        auto opened = ChangeSealer::open(c, key->second);
        if (!opened) {
            const Error &e = opened.error();
            skip(e.code == ErrorCode::Crypto      ? QStringLiteral("envelope_unreadable")
                 : e.field == u"envelope_version" ? QStringLiteral("envelope_version")
                                                  : QStringLiteral("malformed"));
            continue;
        }
        if (c.authorId == m_identity.credentials.userId &&
            c.audienceId != m_identity.privateAudience &&
            c.audienceId != m_identity.sharedAudience) {
            // A device restored from the key backup learns its audiences from its own changes:
            // a change in the shared one is a whole shared diary entry.
            const bool shared = opened->type == RecordType::DiaryEntry &&
                                opened->fields.value(QStringLiteral("shared")).toBool();
            if (shared && m_identity.sharedAudience.isNull()) {
                m_identity.sharedAudience = c.audienceId;
                m_identityChanged = true;
            } else if (!shared && m_identity.privateAudience.isNull()) {
                m_identity.privateAudience = c.audienceId;
                m_identityChanged = true;
            }
        }
        out.changes.append(std::move(*opened));
    }
    for (const Withdrawal &w : std::as_const(page.withdrawals))
        out.withdrawn.append(w.recordId);
    out.keysSeen = std::move(m_keysSeen);
    m_keysSeen.clear();
    return out;
}

QString SyncEngine::takeAudienceKey(const Change &c, const QHash<QUuid, QByteArray> &grants)
{
    const auto grant = grants.constFind(c.audienceId);
    if (grant == grants.cend())
        return QStringLiteral("no_audience_key");
    // Only an audience's author pushes to it (the server refuses others), so the author of a
    // change in it, whose batch verified, is the one who must have signed its key.
    const QUuid me = m_identity.credentials.userId;
    const QByteArray authorKey =
        c.authorId == me ? m_identity.keys.signingPublic : m_signingKeys.value(c.authorId);
    const std::optional<QByteArray> sealed =
        crypto::verifiedAudienceKey(authorKey, c.audienceId, me, *grant);
    if (!sealed)
        return QStringLiteral("audience_key_unsigned");
    auto key = crypto::openSealed(*sealed, m_identity.keys);
    if (!key)
        return QStringLiteral("audience_key_unreadable");
    m_identity.audienceKeys.emplace(c.audienceId, std::move(*key));
    m_identityChanged = true;
    return {};
}

} // namespace wp::sync
