// SPDX-License-Identifier: GPL-3.0-or-later
// Envelopes, sealed keys, batch signatures and the passphrase key backup: what opens for the
// right reader, and what is refused when anything was altered or the reader is wrong.

#include "Uuid.h"
#include "crypto/BatchSignature.h"
#include "crypto/Envelope.h"
#include "crypto/UserKeys.h"
#include "wire/Codec.h"

#include <QTest>

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

    void keyBackupRestoresWithThePassphraseOnly()
    {
        const UserKeys keys = UserKeys::generate();
        const QUuid user = createUuidV7();
        const QByteArray blob =
            wrapKeys(keys, user, u"correct horse battery", KeyBackupCost::minimal());
        QVERIFY(!blob.contains(keys.signingSecret.view().toByteArray()));
        auto back = unwrapKeys(blob, user, u"correct horse battery");
        QVERIFY2(back.ok(), why(back).constData());
        QVERIFY(back->encryptionSecret.equals(keys.encryptionSecret));
        QVERIFY(back->signingSecret.equals(keys.signingSecret));
        QCOMPARE(back->fingerprint(), keys.fingerprint());

        QCOMPARE(unwrapKeys(blob, user, u"wrong horse").error().code, ErrorCode::WrongPin);
        QCOMPARE(unwrapKeys(blob, createUuidV7(), u"correct horse battery").error().code,
                 ErrorCode::WrongPin);
        QCOMPARE(unwrapKeys(blob.first(20), user, u"x").error().code, ErrorCode::Protocol);
    }
};

QTEST_GUILESS_MAIN(TestE2eCrypto)
#include "tst_e2e_crypto.moc"
