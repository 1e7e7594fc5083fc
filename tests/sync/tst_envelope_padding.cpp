// SPDX-License-Identifier: GPL-3.0-or-later
// Envelope padding: the size of a change says nothing about which small field changed, and an
// envelope built from docs/protocol.md alone opens only when its padding is the documented one.

#include "ChangeSealer.h"
#include "Records.h"
#include "Uuid.h"
#include "crypto/Envelope.h"

#include <QTest>
#include <QtEndian>

#include <sodium.h>

using namespace wp;
using namespace wp::crypto;

namespace {

// The envelope exactly as docs/protocol.md describes it, with the padded plaintext given as is.
QByteArray envelopeByHand(const SecretBytes &audienceKey, const QUuid &id, RecordType type,
                          const HlcStamp &stamp, const QByteArray &padded)
{
    unsigned char nonce[24];
    randombytes_buf(nonce, sizeof nonce);
    QByteArray input = QByteArrayLiteral("wp-record-v1");
    input.append(reinterpret_cast<const char *>(nonce), sizeof nonce);
    unsigned char key[32];
    crypto_generichash(key, sizeof key, reinterpret_cast<const unsigned char *>(input.data()),
                       std::size_t(input.size()), audienceKey.data(), audienceKey.size());
    QByteArray ad = QByteArrayLiteral("wp-env-v2") + id.toRfc4122() + char(type);
    char be[8];
    qToBigEndian<qint64>(stamp.physicalMs, be);
    ad.append(be, 8);
    qToBigEndian<quint32>(stamp.counter, be);
    ad.append(be, 4);
    ad += stamp.device.toRfc4122();
    QByteArray sealed(padded.size() + 16, Qt::Uninitialized);
    crypto_aead_xchacha20poly1305_ietf_encrypt(
        reinterpret_cast<unsigned char *>(sealed.data()), nullptr,
        reinterpret_cast<const unsigned char *>(padded.data()), std::size_t(padded.size()),
        reinterpret_cast<const unsigned char *>(ad.data()), std::size_t(ad.size()), nullptr, nonce,
        key);
    sodium_memzero(key, sizeof key);
    return QByteArray(1, char(2)) + QByteArray(reinterpret_cast<const char *>(nonce), 24) + sealed;
}

} // namespace

class TestEnvelopePadding : public QObject
{
    Q_OBJECT

    const QUuid record = createUuidV7();
    const HlcStamp stamp{1'700'000'000'123, 2, createUuidV7()};
    const QUuid audience = createUuidV7();
    const SecretBytes key = newAudienceKey();

    // The envelope a device pushes for a change of `fields` to the participant.
    QByteArray sealedChange(const QCborMap &fields) const
    {
        OutboxEntry entry;
        entry.seq = 7;
        entry.change.recordId = record;
        entry.change.type = RecordType::Participant;
        entry.change.stamp = stamp;
        entry.change.fields = fields;
        for (auto it = fields.cbegin(); it != fields.cend(); ++it)
            entry.change.stamps.insert(it.key().toString(), stamp);
        return sync::ChangeSealer::seal(entry, audience, key).envelope;
    }

private slots:
    void bucketsAreTheDocumentedOnes()
    {
        QCOMPARE(paddedSize(0), std::size_t(256));
        QCOMPARE(paddedSize(255), std::size_t(256));
        QCOMPARE(paddedSize(256), std::size_t(512));
        QCOMPARE(paddedSize(1000), std::size_t(1024));
        QCOMPARE(paddedSize(2047), std::size_t(2048));
        QCOMPARE(paddedSize(4095), std::size_t(4096));
        QCOMPARE(paddedSize(4096), std::size_t(8192));
        QCOMPARE(paddedSize(8192), std::size_t(12288));
        QCOMPARE(paddedSize(100'000), std::size_t(102'400));
    }

    void aStageChangeWeighsWhatAnyOtherStageChangeWeighs()
    {
        Participant before, after;
        before.stage = Stage::SafePlace;
        after.stage = Stage::SteppingOut;
        const QCborMap a{
            {QStringLiteral("stage"), before.toFields().value(QStringLiteral("stage"))}};
        const QCborMap b{
            {QStringLiteral("stage"), after.toFields().value(QStringLiteral("stage"))}};
        // Unpadded, the two changes differ in size: the test would see it.
        QVERIFY(QCborValue(a).toCbor().size() != QCborValue(b).toCbor().size());
        QCOMPARE(sealedChange(a).size(), sealedChange(b).size());
    }

    void aConsentChangeWeighsWhatAStageChangeWeighs()
    {
        Participant given, withdrawn;
        given.consent = {ConsentState::Given, QDate(2026, 3, 1), {}};
        withdrawn.consent = {ConsentState::Withdrawn, QDate(2026, 11, 30), {}};
        const QCborMap a{
            {QStringLiteral("consent"), given.toFields().value(QStringLiteral("consent"))}};
        const QCborMap b{
            {QStringLiteral("consent"), withdrawn.toFields().value(QStringLiteral("consent"))}};
        const QCborMap stage{
            {QStringLiteral("stage"), given.toFields().value(QStringLiteral("stage"))}};
        QVERIFY(QCborValue(a).toCbor().size() != QCborValue(b).toCbor().size());
        QCOMPARE(sealedChange(a).size(), sealedChange(b).size());
        QCOMPARE(sealedChange(a).size(), sealedChange(stage).size());
        QCOMPARE(sealedChange(a).size(), qsizetype(256) + EnvelopeOverhead);
    }

    void anEnvelopeBuiltFromTheProtocolOpens()
    {
        const QByteArray text = QByteArrayLiteral("Met at the drop-in");
        QByteArray padded = text + char(0x80);
        padded.append(256 - padded.size(), '\0');
        const QByteArray env = envelopeByHand(key, record, RecordType::Encounter, stamp, padded);
        auto plain = openRecord(key, record, RecordType::Encounter, stamp, env);
        QVERIFY2(plain.ok(), qPrintable(plain.ok() ? QString() : plain.error().message));
        QCOMPARE(*plain, text);
    }

    void aTamperedPaddingIsRefused()
    {
        const QByteArray text = QByteArrayLiteral("Met at the drop-in");
        QByteArray noMarker = text;
        noMarker.append(256 - noMarker.size(), '\0');
        QByteArray junkAfterMarker = text + char(0x80);
        junkAfterMarker.append(256 - junkAfterMarker.size() - 1, '\0');
        junkAfterMarker.append('x');
        QByteArray notABucket = text + char(0x80);
        notABucket.append(300 - notABucket.size(), '\0');
        QByteArray markerNotLast = text + char(0x80) + char(0x80);
        markerNotLast.append(256 - markerNotLast.size(), '\0');
        for (const QByteArray &padded : {noMarker, junkAfterMarker, notABucket}) {
            const QByteArray env =
                envelopeByHand(key, record, RecordType::Encounter, stamp, padded);
            auto plain = openRecord(key, record, RecordType::Encounter, stamp, env);
            QVERIFY(!plain.ok());
            QCOMPARE(plain.error().code, ErrorCode::Protocol);
        }
        // 0x80 0x80 then zeros is valid padding of text + 0x80: the text differs, it opens.
        auto plain =
            openRecord(key, record, RecordType::Encounter, stamp,
                       envelopeByHand(key, record, RecordType::Encounter, stamp, markerNotLast));
        QVERIFY(plain.ok());
        QCOMPARE(*plain, text + char(0x80));
    }

    void anotherEnvelopeVersionIsNamedAsSuch()
    {
        const QByteArray env = sealRecord(key, record, RecordType::Encounter, stamp, "x");
        for (char version : {char(0), char(1), char(3), char(0xff)}) {
            QByteArray other = env;
            other[0] = version;
            auto plain = openRecord(key, record, RecordType::Encounter, stamp, other);
            QVERIFY(!plain.ok());
            QCOMPARE(plain.error().code, ErrorCode::Protocol);
            QCOMPARE(plain.error().field, QStringLiteral("envelope_version"));
        }
    }
};

QTEST_GUILESS_MAIN(TestEnvelopePadding)
#include "tst_envelope_padding.moc"
