// SPDX-License-Identifier: GPL-3.0-or-later
// Envelope padding: the size of a change says nothing about which small field changed, and an
// envelope of another version is named as such. (An envelope built from docs/protocol.md alone,
// with right and wrong padding, is tst_protocol_document's.)

#include "ChangeSealer.h"
#include "Records.h"
#include "Uuid.h"
#include "crypto/Envelope.h"

#include <QTest>

using namespace wp;
using namespace wp::crypto;

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
