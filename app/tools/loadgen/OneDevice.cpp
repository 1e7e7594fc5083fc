// SPDX-License-Identifier: GPL-3.0-or-later
#include "OneDevice.h"

#include "ChangeSealer.h"
#include "Enrolment.h"
#include "LocalServer.h"
#include "Measure.h"
#include "SyncEngine.h"
#include "Uuid.h"
#include "crypto/AudienceKeySignature.h"
#include "crypto/BatchSignature.h"
#include "crypto/Envelope.h"
#include "wire/Codec.h"

#include <QElapsedTimer>
#include <QHash>
#include <QSet>

#include <mutex>

namespace wp::loadgen {

using namespace wp::sync;

QString text(int i)
{
    return QStringLiteral("Entry %1: met P-%2 at the drop-in, talked through the housing "
                          "appointment and what to bring; agreed to meet Thursday.")
        .arg(i)
        .arg(i % 97);
}

std::unique_ptr<SyncIdentity> enrolIdentity(LocalServer &fx, const QUuid &org, const QUuid &user,
                                            const QString &deviceName)
{
    EnrolmentOptions options;
    options.backupCost = crypto::KeyBackupCost::minimal();
    Enrolment enrolment(nullptr, options); // kept in memory: the devices are simulated
    // A user's first device makes the recovery key; their later devices type it.
    static std::mutex keysLock;
    static QHash<QUuid, QString> recoveryKeys;
    QString recoveryKey;
    {
        const std::lock_guard lock(keysLock);
        recoveryKey = recoveryKeys.value(user);
    }
    if (enrolment.enrol(fx.baseUrl(), fx.issueCode(org, user), deviceName, QStringLiteral("linux"),
                        recoveryKey) != Enrolment::Outcome::Done)
        die(enrolment.error().message);
    {
        const std::lock_guard lock(keysLock);
        recoveryKeys.insert(user, recoveryKey);
    }
    return std::make_unique<SyncIdentity>(enrolment.takeIdentity());
}

std::unique_ptr<Device> enrol(LocalServer &fx, const QUuid &org, const QUuid &user,
                              const QString &storePath)
{
    auto d = std::make_unique<Device>();
    auto store =
        Store::open(storePath, SecretBytes::random(Store::KeyBytes), Store::Mode::CreateNew);
    if (!store)
        die(store.error().message);
    d->store = std::move(*store);
    d->identity = std::move(*enrolIdentity(fx, org, user, QStringLiteral("loadgen")));
    d->client = std::make_unique<SyncClient>(fx.baseUrl());
    d->client->setCredentials(&d->identity.credentials);
    d->client->setTimeout(120000);
    return d;
}

void writeDiary(Store &store, int n)
{
    for (int i = 0; i < n; ++i) {
        DiaryEntry e;
        e.text = text(i);
        e.writtenAt = QDateTime::currentDateTimeUtc();
        if (!store.diary().save(e))
            die(QStringLiteral("store write failed"));
    }
}

double enginePush(Device &d, int batchSize, int *pushed)
{
    SyncEngine engine(*d.store, d.identity, *d.client);
    if (batchSize > 0)
        engine.setBatchSize(batchSize);
    SyncReport report;
    QElapsedTimer t;
    t.start();
    if (Status s = engine.push(report); !s)
        die(s.error().message);
    const double rate = report.pushed / (double(t.nsecsElapsed()) / 1e9);
    if (pushed)
        *pushed = report.pushed;
    return rate;
}

wire::Change sealedEntry(HybridClock &clock, const SyncIdentity &id, qint64 changeId, int i)
{
    OutboxEntry e;
    e.seq = changeId;
    e.change.recordId = createUuidV7();
    e.change.type = RecordType::DiaryEntry;
    e.change.stamp = clock.now();
    e.change.fields = DiaryEntry{e.change.recordId,
                                 QDateTime::currentDateTimeUtc(),
                                 text(i),
                                 {},
                                 {},
                                 {},
                                 {},
                                 {},
                                 false,
                                 QDateTime::currentDateTimeUtc()}
                          .toFields();
    for (auto it = e.change.fields.constBegin(); it != e.change.fields.constEnd(); ++it)
        e.change.stamps.insert(it.key().toString(), e.change.stamp);
    return ChangeSealer::seal(e, id.privateAudience, id.audienceKeys.at(id.privateAudience));
}

double serverSidePush(SyncClient &client, const SyncIdentity &id, int n, int first)
{
    const auto &me = id.credentials;
    HybridClock clock(me.deviceId);
    qint64 ns = 0;
    for (int done = 0; done < n;) {
        wire::PushRequest batch;
        batch.deviceId = me.deviceId;
        batch.sequence = std::uint64_t(first + done + 1);
        batch.audiences.append(
            {id.privateAudience,
             {{me.userId,
               crypto::signAudienceKey(id.keys.signingSecret, id.privateAudience, me.userId,
                                       crypto::sealTo(id.audienceKeys.at(id.privateAudience),
                                                      id.keys.encryptionPublic))}}});
        QList<QByteArray> digests;
        for (int i = 0; i < 2000 && done < n; ++i, ++done) {
            batch.changes.append(sealedEntry(clock, id, first + done + 1, done));
            digests.append(crypto::changeDigest(batch.changes.last()));
        }
        batch.signature = crypto::signManifest(
            id.keys.signingSecret, wire::manifestBytes(me.organisationId, me.userId, me.deviceId,
                                                       batch.sequence, digests));
        QElapsedTimer t;
        t.start();
        auto r = client.push(batch);
        ns += t.nsecsElapsed();
        if (!r || r->applied.size() != batch.changes.size())
            die(QStringLiteral("push failed: %1")
                    .arg(r ? QStringLiteral("not applied") : r.error().message));
    }
    return n / (double(ns) / 1e9);
}

double pullWithoutStore(const QString &url, SyncIdentity &reader, const QByteArray &signingKey,
                        int pageSize, int *count)
{
    SyncClient client(url);
    client.setCredentials(&reader.credentials);
    client.setTimeout(120000);
    std::uint64_t since = 0;
    int n = 0;
    QElapsedTimer t;
    t.start();
    for (;;) {
        auto page = client.pull(since, pageSize);
        if (!page)
            die(page.error().message);
        for (const wire::AudienceGrant &g : page->audienceKeys)
            if (!reader.hasAudienceKey(g.audienceId)) {
                const auto sealed = crypto::verifiedAudienceKey(
                    signingKey, g.audienceId, reader.credentials.userId, g.sealedKey);
                if (!sealed)
                    die(QStringLiteral("an audience key not signed by its author"));
                auto k = crypto::openSealed(*sealed, reader.keys);
                if (!k)
                    die(k.error().message);
                reader.audienceKeys.emplace(g.audienceId, std::move(*k));
            }
        QList<QSet<QByteArray>> digests;
        for (const wire::Manifest &m : page->manifests) {
            if (!crypto::verifyManifest(signingKey,
                                        wire::manifestBytes(reader.credentials.organisationId,
                                                            m.authorId, m.deviceId, m.sequence,
                                                            m.digests),
                                        m.signature))
                die(QStringLiteral("bad signature"));
            digests.append(QSet<QByteArray>(m.digests.begin(), m.digests.end()));
        }
        for (const wire::Change &c : page->changes) {
            if (!digests.at(c.manifestIndex).contains(crypto::changeDigest(c)))
                die(QStringLiteral("a change is not in its manifest"));
            if (!ChangeSealer::open(c, reader.audienceKeys.at(c.audienceId)))
                die(QStringLiteral("cannot open"));
            ++n;
        }
        since = page->cursor;
        if (!page->more)
            break;
    }
    *count = n;
    return n / (double(t.nsecsElapsed()) / 1e9);
}

} // namespace wp::loadgen
