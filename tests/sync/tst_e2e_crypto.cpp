// SPDX-License-Identifier: GPL-3.0-or-later
// Envelopes, sealed keys, batch signatures, the recovery key and the key backup: what opens for the
// right reader, and what is refused when anything was altered or the reader is wrong.

#include "Uuid.h"
#include "crypto/BatchSignature.h"
#include "crypto/DeviceApproval.h"
#include "crypto/Envelope.h"
#include "crypto/KeyFingerprint.h"
#include "crypto/PairAudience.h"
#include "crypto/RecoveryKey.h"
#include "crypto/UserKeys.h"
#include "wire/Codec.h"

#include <QCborArray>
#include <QCborValue>
#include <QRegularExpression>
#include <QTest>

#include <sodium.h>

using namespace wp;

template <typename R> QByteArray why(const R &r)
{
    return r.ok() ? QByteArray() : r.error().message.toUtf8();
}
using namespace wp::crypto;

class TestE2eCrypto : public QObject
{
    Q_OBJECT

    const QUuid record = createUuidV7();
    const HlcStamp stamp{1'700'000'000'123, 2, createUuidV7()};
    const QByteArray text = QByteArrayLiteral("Felt stuck at the housing office today");

private slots:
    void envelopeRoundTrip()
    {
        const SecretBytes key = newAudienceKey();
        const QByteArray env = sealRecord(key, record, RecordType::DiaryEntry, stamp, text);
        QCOMPARE(env.size(), qsizetype(paddedSize(std::size_t(text.size()))) + EnvelopeOverhead);
        QVERIFY(!env.contains(text));
        auto plain = openRecord(key, record, RecordType::DiaryEntry, stamp, env);
        QVERIFY(plain.ok());
        QCOMPARE(*plain, text);
        // Two versions of the same content never share ciphertext.
        QVERIFY(sealRecord(key, record, RecordType::DiaryEntry, stamp, text) != env);
    }

    void tamperingIsRefused()
    {
        const SecretBytes key = newAudienceKey();
        const QByteArray env = sealRecord(key, record, RecordType::DiaryEntry, stamp, text);
        for (int i : {1, 24, 25, int(env.size()) - 1}) {
            QByteArray bad = env;
            bad[i] = char(bad[i] ^ 1);
            QCOMPARE(openRecord(key, record, RecordType::DiaryEntry, stamp, bad).error().code,
                     ErrorCode::Crypto);
        }
        // The same ciphertext moved to another record, type or version.
        QVERIFY(!openRecord(key, createUuidV7(), RecordType::DiaryEntry, stamp, env).ok());
        QVERIFY(!openRecord(key, record, RecordType::Encounter, stamp, env).ok());
        HlcStamp later = stamp;
        later.counter++;
        QVERIFY(!openRecord(key, record, RecordType::DiaryEntry, later, env).ok());
        QVERIFY(!openRecord(newAudienceKey(), record, RecordType::DiaryEntry, stamp, env).ok());
        QVERIFY(!openRecord(key, record, RecordType::DiaryEntry, stamp, env.first(10)).ok());
    }

    void onlyTheReaderOpensASealedKey()
    {
        const UserKeys reader = UserKeys::generate(), other = UserKeys::generate();
        const SecretBytes key = newAudienceKey();
        const QByteArray sealed = sealTo(key, reader.encryptionPublic);
        auto opened = openSealed(sealed, reader);
        QVERIFY(opened.ok());
        QVERIFY(opened->equals(key));
        QCOMPARE(openSealed(sealed, other).error().code, ErrorCode::Crypto);
        QByteArray bad = sealed;
        bad[40] = char(bad[40] ^ 1);
        QVERIFY(!openSealed(bad, reader).ok());
    }

    void aPairAudienceIsTheSameOnEveryDeviceAndOpensNothingElse()
    {
        const SecretBytes privateKey = newAudienceKey(), otherUsers = newAudienceKey();
        const QUuid worker = createUuidV7(), colleague = createUuidV7();
        const PairAudience pair = pairAudience(privateKey, worker);
        const PairAudience again = pairAudience(privateKey, worker);
        QCOMPARE(again.id, pair.id);
        QVERIFY(again.key.equals(pair.key));
        QCOMPARE(pair.id.version(), QUuid::Random);
        QCOMPARE(pair.id.variant(), QUuid::DCE);
        QCOMPARE(pair.key.size(), std::size_t(32));
        QVERIFY(!pair.key.equals(privateKey));
        // Another counterpart, or another author's private key, gives another audience.
        const PairAudience toColleague = pairAudience(privateKey, colleague);
        const PairAudience ofSomeoneElse = pairAudience(otherUsers, worker);
        for (const PairAudience *other : {&toColleague, &ofSomeoneElse}) {
            QVERIFY(other->id != pair.id);
            QVERIFY(!other->key.equals(pair.key));
        }
        const QByteArray env =
            sealRecord(pair.key, record, RecordType::Comment, stamp, "well done");
        QCOMPARE(*openRecord(pair.key, record, RecordType::Comment, stamp, env),
                 QByteArray("well done"));
        QVERIFY(!openRecord(privateKey, record, RecordType::Comment, stamp, env).ok());
    }

    void batchSignature()
    {
        const UserKeys author = UserKeys::generate(), other = UserKeys::generate();
        wire::Change c;
        c.recordId = record;
        c.stamp = stamp;
        c.audienceId = createUuidV7();
        c.envelope = QByteArray(60, 'e');
        const QUuid org = createUuidV7(), device = createUuidV7();
        const QByteArray manifest = wire::manifestBytes(org, QUuid(), device, 1, {changeDigest(c)});
        const QByteArray sig = signManifest(author.signingSecret, manifest);
        QVERIFY(verifyManifest(author.signingPublic, manifest, sig));
        QVERIFY(!verifyManifest(other.signingPublic, manifest, sig));
        c.envelope[0] = 'f';
        const QByteArray altered = wire::manifestBytes(org, QUuid(), device, 1, {changeDigest(c)});
        QVERIFY(!verifyManifest(author.signingPublic, altered, sig));
        QVERIFY(!verifyManifest(author.signingPublic,
                                wire::manifestBytes(org, QUuid(), device, 2, {changeDigest(c)}),
                                sig));
    }

    void keyBackupRestoresWithTheRecoveryKeyOnly()
    {
        const UserKeys keys = UserKeys::generate();
        const QUuid user = createUuidV7();
        const RecoveryKey key = RecoveryKey::generate();
        const QByteArray blob = wrapKeys(keys, user, key, KeyBackupCost::minimal()).value();
        QVERIFY(!blob.contains(keys.signingSecret.view().toByteArray()));
        QVERIFY(!blob.contains(key.secret().view().toByteArray()));
        auto back = unwrapKeys(blob, user, key);
        QVERIFY2(back.ok(), why(back).constData());
        QVERIFY(back->encryptionSecret.equals(keys.encryptionSecret));
        QVERIFY(back->signingSecret.equals(keys.signingSecret));
        QCOMPARE(back->fingerprint(), keys.fingerprint());

        QCOMPARE(unwrapKeys(blob, user, RecoveryKey::generate()).error().code, ErrorCode::WrongPin);
        QCOMPARE(unwrapKeys(blob, createUuidV7(), key).error().code, ErrorCode::WrongPin);
        QCOMPARE(unwrapKeys(blob.first(20), user, key).error().code, ErrorCode::Protocol);
    }

    // Argon2id refused its memory (here a cost past libsodium's bound, which fails the same
    // way as a phone short of 1 GiB): an error that says so, not an abort.
    void aKeyBackupWithoutItsMemoryIsAnErrorNotACrash()
    {
        const KeyBackupCost tooMuch{crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MAX + 1};
        const auto blob =
            wrapKeys(UserKeys::generate(), createUuidV7(), RecoveryKey::generate(), tooMuch);
        QVERIFY(!blob.ok());
        QCOMPARE(blob.error().code, ErrorCode::Crypto);
        QVERIFY2(blob.error().message.contains(u"memory"), qPrintable(blob.error().message));
    }

    // The layout docs/protocol.md gives ("User keys"): 8 elements, the cost in the blob.
    void keyBackupLayoutIsTheDocumentedOne()
    {
        const UserKeys keys = UserKeys::generate();
        const QByteArray blob =
            wrapKeys(keys, createUuidV7(), RecoveryKey::generate(), KeyBackupCost::minimal())
                .value();
        const QCborArray a = QCborValue::fromCbor(blob).toArray();
        QCOMPARE(a.size(), 8);
        QCOMPARE(a.at(0).toString(), QStringLiteral("wp-keys-v2"));
        QCOMPARE(quint64(a.at(1).toInteger()), quint64(KeyBackupCost::minimal().opslimit));
        QCOMPARE(quint64(a.at(2).toInteger()), quint64(KeyBackupCost::minimal().memlimit));
        QCOMPARE(a.at(3).toByteArray().size(), 16);           // salt
        QCOMPARE(a.at(4).toByteArray().size(), 24);           // nonce
        QCOMPARE(a.at(5).toByteArray().size(), 32 + 64 + 16); // X25519 sk || Ed25519 sk, tag
        QCOMPARE(a.at(6).toByteArray(), keys.encryptionPublic);
        QCOMPARE(a.at(7).toByteArray(), keys.signingPublic);
    }

    // libsodium's SENSITIVE limits (newBackupsUseTheSensitiveArgon2Cost in tst_enrolment
    // checks that enrolment uses them by default).
    void theSensitiveCostIsLibsodiumsSensitive()
    {
        QCOMPARE(KeyBackupCost::sensitive().opslimit, std::uint64_t(4));
        QCOMPARE(KeyBackupCost::sensitive().memlimit, std::size_t(1) << 30);
    }

    void aRecoveryKeyRoundTripsThroughItsText()
    {
        for (int i = 0; i < 50; ++i) {
            const RecoveryKey key = RecoveryKey::generate();
            QCOMPARE(key.secret().size(), std::size_t(20)); // 160 random bits
            const SecretBytes text = key.text();
            QCOMPARE(text.size(), std::size_t(9 * 4 + 8));
            auto back = RecoveryKey::parse(text);
            QVERIFY2(back.ok(), why(back).constData());
            QVERIFY(back->secret().equals(key.secret()));
            for (int g = 0; g < RecoveryKey::Groups; ++g)
                QCOMPARE(key.group(g).view(), text.view().sliced(g * 5, 4));
        }
        // Two keys differ: the bits come from the random generator.
        QVERIFY(!RecoveryKey::generate().secret().equals(RecoveryKey::generate().secret()));
    }

    void aRecoveryKeyIsReadAsPeopleWriteIt()
    {
        const RecoveryKey key = RecoveryKey::generate();
        const QString text = QString::fromLatin1(key.text().view());
        // Lower case, spaces for dashes, no separators at all, O for 0, I and L for 1.
        QString sloppy = text.toLower();
        sloppy.replace(QStringLiteral("-"), QStringLiteral("  "));
        sloppy.replace(u'0', u'o');
        sloppy.replace(u'1', u'l');
        QVERIFY(RecoveryKey::parse(sloppy)->secret().equals(key.secret()));
        QString bare = text;
        bare.remove(u'-');
        bare.replace(u'1', u'I');
        QVERIFY(RecoveryKey::parse(bare)->secret().equals(key.secret()));
        const QString padded = QStringLiteral(" \t") + text + QStringLiteral("\n");
        QVERIFY(RecoveryKey::parse(padded).ok());
    }

    void aTypoInARecoveryKeyNamesItsGroup()
    {
        int named = 0;
        for (int i = 0; i < 40; ++i) {
            const RecoveryKey key = RecoveryKey::generate();
            QString text = QString::fromLatin1(key.text().view());
            const int group = i % RecoveryKey::Groups; // checksum group included
            const int at = group * 5 + (i / RecoveryKey::Groups) % 4;
            text[at] = text[at] == u'7' ? u'8' : u'7';
            auto typo = RecoveryKey::parse(text);
            QVERIFY(!typo.ok()); // always detected
            QCOMPARE(typo.error().code, ErrorCode::InvalidInput);
            // Named exactly, unless another single change elsewhere also fits (rare).
            QVERIFY(typo.error().reason == group + 1 || typo.error().reason == 0);
            named += typo.error().reason == group + 1 ? 1 : 0;
        }
        QVERIFY(named >= 38);

        const QString good = QString::fromLatin1(RecoveryKey::generate().text().view());
        // Two neighbours swapped in group 3.
        QString swapped = good;
        if (swapped[10] != swapped[11]) {
            std::swap(swapped[10], swapped[11]);
            auto s = RecoveryKey::parse(swapped);
            QVERIFY(!s.ok());
            QVERIFY(s.error().reason == 3 || s.error().reason == 0);
        }
        // A character no key uses (U) names its group; a missing group names none.
        QString u = good;
        u[21] = u'U';
        QCOMPARE(RecoveryKey::parse(u).error().reason, 5);
        QCOMPARE(RecoveryKey::parse(good.left(good.size() - 5)).error().reason, 0);
        QCOMPARE(RecoveryKey::parse(QString()).error().reason, 0);
        // A typed passphrase is not a key.
        QVERIFY(!RecoveryKey::parse(QStringLiteral("correct horse battery staple")).ok());
    }

    void fingerprintsAreSixGroupsOfFiveDigitsPinnedByAVector()
    {
        // The vector in docs/protocol.md, "Pinned keys": signing key bytes 0..31, box key
        // bytes 32..63.
        QByteArray signing(32, Qt::Uninitialized), box(32, Qt::Uninitialized);
        for (int i = 0; i < 32; ++i) {
            signing[i] = char(i);
            box[i] = char(32 + i);
        }
        QCOMPARE(crypto::keyFingerprint(signing, box),
                 QStringLiteral("11864 44441 86921 93939 03865 65077"));
        const crypto::UserKeys keys = crypto::UserKeys::generate();
        const QString print = keys.fingerprint();
        QVERIFY(QRegularExpression(QStringLiteral("^(\\d{5} ){5}\\d{5}$")).match(print).hasMatch());
        QCOMPARE(print, crypto::keyFingerprint(keys.signingPublic, keys.encryptionPublic));
        QVERIFY(print != crypto::keyFingerprint(keys.encryptionPublic, keys.signingPublic));
        QVERIFY(crypto::sameKey(signing, signing));
        QVERIFY(!crypto::sameKey(signing, box));
        QVERIFY(!crypto::sameKey(signing, signing.left(31)));
    }

    void requestFingerprintsArePinnedByAVector()
    {
        // The vector in docs/protocol.md, "Approval by an existing device": key bytes 0..31.
        QByteArray key(32, Qt::Uninitialized);
        for (int i = 0; i < 32; ++i)
            key[i] = char(i);
        QCOMPARE(crypto::requestFingerprint(key),
                 QStringLiteral("89132 25857 95575 26023 04381 99774"));
        // Typed back as people type it; any other digits do not match.
        QVERIFY(crypto::fingerprintMatches(QStringLiteral("891322585795575 26023-04381 99774"),
                                           crypto::requestFingerprint(key)));
        QVERIFY(!crypto::fingerprintMatches(QStringLiteral("89132 25857 95575 26023 04381 99775"),
                                            crypto::requestFingerprint(key)));
        QVERIFY(
            !crypto::fingerprintMatches(QStringLiteral("89132"), crypto::requestFingerprint(key)));
        QVERIFY(!crypto::fingerprintMatches(QString(), QString()));
    }

    void anApprovalOpensOnlyForItsDeviceAndRequest()
    {
        const crypto::UserKeys user = crypto::UserKeys::generate();
        const QUuid userId = QUuid::createUuid(), device = QUuid::createUuid();
        const crypto::RequestKeys request = crypto::RequestKeys::generate();
        const crypto::SealedApproval sealed =
            crypto::sealForDevice(user, userId, device, request.publicKey);
        QCOMPARE(sealed.sealedKeys.size(), 144);
        QCOMPARE(sealed.signature.size(), 64);
        QVERIFY(crypto::approvalSignatureHolds(user.signingPublic, userId, device,
                                               request.publicKey, sealed));
        auto opened = crypto::openApproval(sealed, userId, device, request, user.signingPublic,
                                           user.encryptionPublic);
        QVERIFY(opened.ok());
        QVERIFY(opened->signingSecret.equals(user.signingSecret));
        QVERIFY(opened->encryptionSecret.equals(user.encryptionSecret));
        QCOMPARE(opened->fingerprint(), user.fingerprint());

        // Another device, another request key, or another user's keys: refused.
        QVERIFY(!crypto::openApproval(sealed, userId, QUuid::createUuid(), request,
                                      user.signingPublic, user.encryptionPublic)
                     .ok());
        QVERIFY(!crypto::openApproval(sealed, userId, device, crypto::RequestKeys::generate(),
                                      user.signingPublic, user.encryptionPublic)
                     .ok());
        const crypto::UserKeys stranger = crypto::UserKeys::generate();
        const auto foreign = crypto::openApproval(
            sealed, userId, device, request, stranger.signingPublic, stranger.encryptionPublic);
        QVERIFY(!foreign.ok());
        QCOMPARE(foreign.error().code, ErrorCode::Crypto);
        // Signed by the user but holding someone else's keys: the keys are not the user's.
        crypto::SealedApproval swapped =
            crypto::sealForDevice(stranger, userId, device, request.publicKey);
        const QByteArray message = QByteArray("waypoint device approval v1") + userId.toRfc4122() +
                                   device.toRfc4122() + request.publicKey + swapped.sealedKeys;
        crypto_sign_detached(reinterpret_cast<unsigned char *>(swapped.signature.data()), nullptr,
                             reinterpret_cast<const unsigned char *>(message.constData()),
                             std::size_t(message.size()), user.signingSecret.data());
        const auto mixed = crypto::openApproval(swapped, userId, device, request,
                                                user.signingPublic, user.encryptionPublic);
        QVERIFY(!mixed.ok());
        QVERIFY(mixed.error().message.contains(u"not your user's"));
    }
};

QTEST_GUILESS_MAIN(TestE2eCrypto)
#include "tst_e2e_crypto.moc"
