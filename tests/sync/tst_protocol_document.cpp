// SPDX-License-Identifier: GPL-3.0-or-later
// docs/protocol.md is what an independent client is written from: this suite reads it and
// checks it against the code. The record field tables and vocabularies must be the code's,
// and the test vectors are recomputed twice: once by the code, once by a small independent
// implementation written from the document alone (libsodium and a hand-rolled CBOR encoder,
// no wire codec), each opening what the other sealed.

#include "ChangeSealer.h"
#include "Records.h"
#include "crypto/BatchSignature.h"
#include "crypto/Envelope.h"
#include "wire/Codec.h"

#include <QFile>
#include <QRegularExpression>
#include <QTest>

#include <sodium.h>

using namespace wp;

namespace {

// --- the document ---

QString protocolText()
{
    QFile f(QStringLiteral(WAYPOINT_PROTOCOL_DOC));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll());
}

// "#### Name" headings and the "| `field` | kind | limit |" rows under each.
QMap<QString, QStringList> documentedFields(const QString &doc, QMap<QString, int> *types)
{
    QMap<QString, QStringList> out;
    static const QRegularExpression heading(QStringLiteral("^#### (\\w+)(?: \\(type (\\d)\\))?$"));
    static const QRegularExpression row(QStringLiteral("^\\| `(\\w+)` \\| ([^|]*)\\| ([^|]*)\\|$"));
    QString current;
    for (const QString &line : doc.split(QLatin1Char('\n'))) {
        if (const auto h = heading.match(line); h.hasMatch()) {
            current = h.captured(1);
            if (!h.captured(2).isEmpty())
                types->insert(current, h.captured(2).toInt());
        } else if (line.startsWith(QLatin1String("#"))) {
            current.clear();
        } else if (const auto r = row.match(line); r.hasMatch() && !current.isEmpty()) {
            out[current].append(r.captured(1) + QLatin1String(" | ") + r.captured(2).trimmed() +
                                QLatin1String(" | ") + r.captured(3).trimmed());
        }
    }
    return out;
}

// "| Vocabulary | `key` `key` ... |"
QMap<QString, QStringList> documentedVocabularies(const QString &doc)
{
    QMap<QString, QStringList> out;
    static const QRegularExpression row(QStringLiteral("^\\| (\\w+) \\| ((?:`\\w+` ?)+)\\|$"));
    static const QRegularExpression key(QStringLiteral("`(\\w+)`"));
    for (const QString &line : doc.split(QLatin1Char('\n')))
        if (const auto r = row.match(line); r.hasMatch())
            for (const auto &k : key.globalMatch(r.captured(2)))
                out[r.captured(1)].append(k.captured(1));
    return out;
}

// "name  hex" lines of the test vectors block.
QMap<QString, QByteArray> documentedVectors(const QString &doc)
{
    QMap<QString, QByteArray> out;
    const qsizetype start = doc.indexOf(QLatin1String("## Test vectors"));
    if (start < 0)
        return out;
    const qsizetype open = doc.indexOf(QLatin1String("```"), start);
    const qsizetype close = doc.indexOf(QLatin1String("```"), open + 3);
    static const QRegularExpression line(QStringLiteral("^([a-z][a-z ]*[a-z]) +([0-9a-f ]+)$"));
    QString name;
    for (const QString &l : doc.mid(open + 3, close - open - 3).split(QLatin1Char('\n'))) {
        if (const auto m = line.match(l.trimmed()); m.hasMatch()) {
            name = m.captured(1);
            out[name] = QByteArray::fromHex(m.captured(2).remove(QLatin1Char(' ')).toLatin1());
        } else if (!name.isEmpty() && !l.trimmed().isEmpty()) { // a continued hex line
            out[name] += QByteArray::fromHex(l.trimmed().remove(QLatin1Char(' ')).toLatin1());
        }
    }
    return out;
}

// --- the code's view of the same tables ---

template <typename T> QString nameOf()
{
    using namespace std;
    if constexpr (is_same_v<T, Stage>)
        return QStringLiteral("Stage");
    else if constexpr (is_same_v<T, Place>)
        return QStringLiteral("Place");
    else if constexpr (is_same_v<T, Need>)
        return QStringLiteral("Need");
    else if constexpr (is_same_v<T, Service>)
        return QStringLiteral("Service");
    else if constexpr (is_same_v<T, DiaryTheme>)
        return QStringLiteral("DiaryTheme");
    else if constexpr (is_same_v<T, GoalStatus>)
        return QStringLiteral("GoalStatus");
    else if constexpr (is_same_v<T, ConsentState>)
        return QStringLiteral("ConsentState");
    else if constexpr (is_same_v<T, ActionOwner>)
        return QStringLiteral("ActionOwner");
    else if constexpr (is_same_v<T, Consent>)
        return QStringLiteral("Consent");
    else if constexpr (is_same_v<T, StageChange>)
        return QStringLiteral("StageChange");
    else if constexpr (is_same_v<T, Goal>)
        return QStringLiteral("Goal");
    else if constexpr (is_same_v<T, Referral>)
        return QStringLiteral("Referral");
    else if constexpr (is_same_v<T, ActionItem>)
        return QStringLiteral("ActionItem");
    else
        return QStringLiteral("?");
}

template <typename T> struct Unwrapped
{
    using type = T;
};
template <typename T> struct Unwrapped<std::optional<T>>
{
    using type = T;
};
template <typename T> struct Unwrapped<QList<T>>
{
    using type = T;
};

template <typename Member> QString kindText(const FieldSpec &spec)
{
    using Inner = typename Unwrapped<Member>::type;
    switch (kindOf<Member>()) {
    case FieldKind::Text:
        return QStringLiteral("text");
    case FieldKind::Date:
        return QStringLiteral("date");
    case FieldKind::Time:
        return QStringLiteral("time");
    case FieldKind::Id:
        return QStringLiteral("id");
    case FieldKind::Rating:
        return QStringLiteral("rating");
    case FieldKind::Bool:
        return QStringLiteral("bool");
    case FieldKind::Integer:
        return QStringLiteral("integer");
    case FieldKind::Key:
        return QLatin1String("key ") + nameOf<Inner>();
    case FieldKind::KeyList:
        return QLatin1String("keys ") + nameOf<Inner>();
    case FieldKind::TextList:
        if (spec.choices == &itemChoices<Supply>)
            return QStringLiteral("texts Supply");
        if (spec.choices == &itemChoices<SelfCare>)
            return QStringLiteral("texts SelfCare");
        return QStringLiteral("texts");
    case FieldKind::IdList:
        return QStringLiteral("ids");
    case FieldKind::Record:
        return QLatin1String("record ") + nameOf<Member>();
    case FieldKind::RecordList:
        return QLatin1String("records ") + nameOf<Inner>();
    }
    return {};
}

QString limitText(const FieldInfo &f)
{
    switch (f.kind) {
    case FieldKind::Text:
        return QStringLiteral("%1 characters").arg(f.spec.max);
    case FieldKind::TextList:
        return QStringLiteral("%1 items of %2 characters").arg(f.spec.maxItems).arg(f.spec.max);
    case FieldKind::KeyList:
    case FieldKind::IdList:
    case FieldKind::RecordList:
        return QStringLiteral("%1 items").arg(f.spec.maxItems);
    case FieldKind::Integer:
        return QStringLiteral("%1–%2").arg(f.spec.min).arg(f.spec.max);
    default:
        return {};
    }
}

template <typename R> QStringList codeFields()
{
    QStringList out;
    R record{};
    R::forEachField(record, [&out](auto &member, const FieldSpec &spec) {
        using Member = std::remove_cvref_t<decltype(member)>;
        const FieldInfo info{spec, kindOf<Member>()};
        out.append(QLatin1String(spec.name) + QLatin1String(" | ") + kindText<Member>(spec) +
                   QLatin1String(" | ") + limitText(info));
    });
    return out;
}

template <typename E> QStringList codeKeys()
{
    QStringList out;
    for (const auto &e : Vocabulary<E>::entries)
        out.append(QLatin1String(e.key));
    return out;
}

// --- an independent implementation, from the document ---

QByteArray cborHead(int major, std::uint64_t n)
{
    QByteArray out;
    const char m = char(major << 5);
    if (n < 24) {
        out += char(m | char(n));
    } else {
        int bytes = n < 0x100 ? 1 : n < 0x10000 ? 2 : n < 0x100000000ull ? 4 : 8;
        out += char(m | char(bytes == 1 ? 24 : bytes == 2 ? 25 : bytes == 4 ? 26 : 27));
        for (int i = bytes - 1; i >= 0; --i)
            out += char((n >> (8 * i)) & 0xff);
    }
    return out;
}
QByteArray cborUint(std::uint64_t n)
{
    return cborHead(0, n);
}
QByteArray cborBytes(const QByteArray &b)
{
    return cborHead(2, std::uint64_t(b.size())) + b;
}
QByteArray cborText(const char *s)
{
    return cborHead(3, std::strlen(s)) + QByteArray(s);
}

struct Vector
{
    QUuid organisation{QStringLiteral("00000000-0000-4000-8000-00000000000a")};
    QUuid author{QStringLiteral("00000000-0000-4000-8000-00000000000b")};
    QUuid device{QStringLiteral("00000000-0000-4000-8000-00000000000c")};
    QUuid record{QStringLiteral("00000000-0000-4000-8000-00000000000d")};
    QUuid audience{QStringLiteral("00000000-0000-4000-8000-00000000000e")};
    HlcStamp stamp{1767225600000, 7, device}; // 2026-01-01T00:00:00Z
    RecordType type = RecordType::DiaryEntry;
    std::uint64_t sequence = 1;

    static QByteArray counting(int from, int count)
    {
        QByteArray out;
        for (int i = 0; i < count; ++i)
            out += char(from + i);
        return out;
    }
    QByteArray audienceKey = counting(0x00, 32);
    QByteArray nonce = counting(0x20, 24);
    QByteArray signingSeed = counting(0x40, 32);

    // {1: {"text": "Hello", "wellbeing": 4}, 2: {}}
    QByteArray plaintext() const
    {
        return cborHead(5, 2) + cborUint(1) + cborHead(5, 2) + cborText("text") +
               cborText("Hello") + cborText("wellbeing") + cborUint(4) + cborUint(2) +
               cborHead(5, 0);
    }
    QByteArray associatedData() const
    {
        QByteArray ad("wp-env-v2");
        ad += record.toRfc4122();
        ad += char(type);
        for (int i = 7; i >= 0; --i)
            ad += char((std::uint64_t(stamp.physicalMs) >> (8 * i)) & 0xff);
        for (int i = 3; i >= 0; --i)
            ad += char((stamp.counter >> (8 * i)) & 0xff);
        ad += stamp.device.toRfc4122();
        return ad;
    }
    QByteArray recordKey(const QByteArray &n) const
    {
        QByteArray key(32, Qt::Uninitialized);
        const QByteArray input = QByteArray("wp-record-v1") + n;
        crypto_generichash(reinterpret_cast<unsigned char *>(key.data()), 32,
                           reinterpret_cast<const unsigned char *>(input.constData()),
                           std::size_t(input.size()),
                           reinterpret_cast<const unsigned char *>(audienceKey.constData()), 32);
        return key;
    }
    // 0x80, then zeros up to the bucket: 256, 512, 1024, 2048, 4096, then multiples of 4096.
    static QByteArray padded(const QByteArray &plain)
    {
        qsizetype bucket = 256;
        while (bucket < plain.size() + 1 && bucket < 4096)
            bucket *= 2;
        if (bucket < plain.size() + 1)
            bucket = (plain.size() + 1 + 4095) / 4096 * 4096;
        return plain + char(0x80) + QByteArray(bucket - plain.size() - 1, '\0');
    }
    static std::optional<QByteArray> unpadded(const QByteArray &padded)
    {
        qsizetype end = padded.size() - 1;
        while (end >= 0 && padded.at(end) == '\0')
            --end;
        if (end < 0 || padded.at(end) != char(0x80))
            return std::nullopt;
        return padded.left(end);
    }
    QByteArray seal(const QByteArray &plainText) const { return sealPadded(padded(plainText)); }
    // The recipe with the padded plaintext given as is (right or wrong).
    QByteArray sealPadded(const QByteArray &plain) const
    {
        const QByteArray key = recordKey(nonce), ad = associatedData();
        QByteArray out =
            QByteArray(1, char(0x02)) + nonce + QByteArray(plain.size() + 16, Qt::Uninitialized);
        crypto_aead_xchacha20poly1305_ietf_encrypt(
            reinterpret_cast<unsigned char *>(out.data()) + 25, nullptr,
            reinterpret_cast<const unsigned char *>(plain.constData()), std::size_t(plain.size()),
            reinterpret_cast<const unsigned char *>(ad.constData()), std::size_t(ad.size()),
            nullptr, reinterpret_cast<const unsigned char *>(nonce.constData()),
            reinterpret_cast<const unsigned char *>(key.constData()));
        return out;
    }
    std::optional<QByteArray> open(const QByteArray &envelope) const
    {
        if (envelope.size() < 41 || envelope.at(0) != char(0x02))
            return std::nullopt;
        const QByteArray n = envelope.mid(1, 24), key = recordKey(n), ad = associatedData();
        QByteArray plain(envelope.size() - 41, Qt::Uninitialized);
        if (crypto_aead_xchacha20poly1305_ietf_decrypt(
                reinterpret_cast<unsigned char *>(plain.data()), nullptr, nullptr,
                reinterpret_cast<const unsigned char *>(envelope.constData()) + 25,
                std::size_t(envelope.size() - 25),
                reinterpret_cast<const unsigned char *>(ad.constData()), std::size_t(ad.size()),
                reinterpret_cast<const unsigned char *>(n.constData()),
                reinterpret_cast<const unsigned char *>(key.constData())) != 0)
            return std::nullopt;
        return unpadded(plain);
    }
    QByteArray stampCbor() const
    {
        return cborHead(4, 3) + cborUint(std::uint64_t(stamp.physicalMs)) +
               cborUint(stamp.counter) + cborBytes(stamp.device.toRfc4122());
    }
    QByteArray digestInput(const QByteArray &envelope) const
    {
        return cborHead(4, 6) + cborBytes(record.toRfc4122()) + cborUint(std::uint64_t(type)) +
               stampCbor() + char(0xf4) /* false: not deleted */ + cborBytes(audience.toRfc4122()) +
               cborBytes(envelope);
    }
    QByteArray manifest(const QByteArray &digest) const
    {
        return cborHead(4, 6) + cborText("wp-batch-v1") + cborBytes(organisation.toRfc4122()) +
               cborBytes(author.toRfc4122()) + cborBytes(device.toRfc4122()) + cborUint(sequence) +
               cborHead(4, 1) + cborBytes(digest);
    }
    wire::Change change(const QByteArray &envelope) const
    {
        wire::Change c;
        c.recordId = record;
        c.type = type;
        c.stamp = stamp;
        c.audienceId = audience;
        c.envelope = envelope;
        return c;
    }
};

QByteArray blake2b(const QByteArray &data)
{
    QByteArray out(32, Qt::Uninitialized);
    crypto_generichash(reinterpret_cast<unsigned char *>(out.data()), 32,
                       reinterpret_cast<const unsigned char *>(data.constData()),
                       std::size_t(data.size()), nullptr, 0);
    return out;
}

SecretBytes secret(const QByteArray &bytes)
{
    return SecretBytes(reinterpret_cast<const unsigned char *>(bytes.constData()),
                       std::size_t(bytes.size()));
}

} // namespace

class tst_protocol_document : public QObject
{
    Q_OBJECT

    QString m_doc;

    // On a mismatch, the value to write into the document.
    static QString sameHex(const QByteArray &actual, const QByteArray &documented, const char *what)
    {
        if (actual == documented)
            return {};
        return QStringLiteral("%1 differs from docs/protocol.md: the code gives %2")
            .arg(QLatin1String(what), QLatin1String(actual.toHex()));
    }
#define COMPARE_HEX(actual, documented, what)                                                      \
    do {                                                                                           \
        const QString mismatch = sameHex(actual, documented, what);                                \
        QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));                                        \
    } while (false)

private slots:
    void initTestCase()
    {
        QVERIFY(sodium_init() >= 0);
        m_doc = protocolText();
        QVERIFY2(!m_doc.isEmpty(), WAYPOINT_PROTOCOL_DOC);
    }

    void theRecordFieldTablesAreTheCodes()
    {
        QMap<QString, int> types;
        const QMap<QString, QStringList> doc = documentedFields(m_doc, &types);
        const QMap<QString, QStringList> code{
            {QStringLiteral("Participant"), codeFields<Participant>()},
            {QStringLiteral("Encounter"), codeFields<Encounter>()},
            {QStringLiteral("DiaryEntry"), codeFields<DiaryEntry>()},
            {QStringLiteral("SupervisionNote"), codeFields<SupervisionNote>()},
            {QStringLiteral("Comment"), codeFields<Comment>()},
            {QStringLiteral("TrainingRecord"), codeFields<TrainingRecord>()},
            {QStringLiteral("Consent"), codeFields<Consent>()},
            {QStringLiteral("StageChange"), codeFields<StageChange>()},
            {QStringLiteral("Goal"), codeFields<Goal>()},
            {QStringLiteral("Referral"), codeFields<Referral>()},
            {QStringLiteral("ActionItem"), codeFields<ActionItem>()},
        };
        QCOMPARE(doc.keys(), code.keys());
        for (auto it = code.cbegin(); it != code.cend(); ++it)
            QCOMPARE(doc.value(it.key()).join(QLatin1Char('\n')), it->join(QLatin1Char('\n')));
        QCOMPARE(types.value(QStringLiteral("Participant"), -1), int(Participant::Type));
        QCOMPARE(types.value(QStringLiteral("Encounter"), -1), int(Encounter::Type));
        QCOMPARE(types.value(QStringLiteral("DiaryEntry"), -1), int(DiaryEntry::Type));
        QCOMPARE(types.value(QStringLiteral("SupervisionNote"), -1), int(SupervisionNote::Type));
        QCOMPARE(types.value(QStringLiteral("Comment"), -1), int(Comment::Type));
        QCOMPARE(types.value(QStringLiteral("TrainingRecord"), -1), int(TrainingRecord::Type));
    }

    void theVocabulariesAreTheCodes()
    {
        const QMap<QString, QStringList> doc = documentedVocabularies(m_doc);
        QCOMPARE(doc.value(QStringLiteral("Stage")), codeKeys<Stage>());
        QCOMPARE(doc.value(QStringLiteral("Place")), codeKeys<Place>());
        QCOMPARE(doc.value(QStringLiteral("Need")), codeKeys<Need>());
        QCOMPARE(doc.value(QStringLiteral("Service")), codeKeys<Service>());
        QCOMPARE(doc.value(QStringLiteral("DiaryTheme")), codeKeys<DiaryTheme>());
        QCOMPARE(doc.value(QStringLiteral("SelfCare")), codeKeys<SelfCare>());
        QCOMPARE(doc.value(QStringLiteral("Supply")), codeKeys<Supply>());
        QCOMPARE(doc.value(QStringLiteral("GoalStatus")), codeKeys<GoalStatus>());
        QCOMPARE(doc.value(QStringLiteral("ConsentState")), codeKeys<ConsentState>());
        QCOMPARE(doc.value(QStringLiteral("ActionOwner")), codeKeys<ActionOwner>());
    }

    // The document's envelope is what its own recipe makes; the code opens it to the
    // document's fields, and what the code seals the recipe opens.
    void theEnvelopeVectorInteroperates()
    {
        const Vector v;
        const QMap<QString, QByteArray> doc = documentedVectors(m_doc);
        COMPARE_HEX(v.plaintext(), doc.value(QStringLiteral("plaintext")), "plaintext");
        COMPARE_HEX(v.recordKey(v.nonce), doc.value(QStringLiteral("record key")), "record key");
        COMPARE_HEX(v.seal(v.plaintext()), doc.value(QStringLiteral("envelope")), "envelope");

        const SecretBytes key = secret(v.audienceKey);
        auto opened =
            sync::ChangeSealer::open(v.change(doc.value(QStringLiteral("envelope"))), key);
        QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().message));
        QCOMPARE(opened->fields.value(QLatin1String("text")).toString(), QStringLiteral("Hello"));
        QCOMPARE(opened->fields.value(QLatin1String("wellbeing")).toInteger(), 4);
        QCOMPARE(opened->stamps.value(QStringLiteral("text")), v.stamp);

        OutboxEntry entry;
        entry.change.recordId = v.record;
        entry.change.type = v.type;
        entry.change.stamp = v.stamp;
        entry.change.fields.insert(QLatin1String("text"), QStringLiteral("Hello"));
        entry.change.fields.insert(QLatin1String("wellbeing"), 4);
        for (const char *field : {"text", "wellbeing"})
            entry.change.stamps.insert(QLatin1String(field), v.stamp);
        const wire::Change sealed = sync::ChangeSealer::seal(entry, v.audience, key);
        const std::optional<QByteArray> plain = v.open(sealed.envelope);
        QVERIFY(plain);
        QCOMPARE(plain->toHex(), v.plaintext().toHex());
    }

    // Padding other than the documented one (no 0x80, bytes after the zeros, a size that is no
    // bucket) is refused by the code, though the envelope authenticates.
    void anUndocumentedPaddingIsRefused()
    {
        const Vector v;
        const SecretBytes key = secret(v.audienceKey);
        const QByteArray text = v.plaintext();
        QByteArray noMarker = text;
        noMarker.append(256 - noMarker.size(), '\0');
        QByteArray junkAfterMarker = text + char(0x80);
        junkAfterMarker.append(256 - junkAfterMarker.size() - 1, '\0');
        junkAfterMarker.append('x');
        QByteArray notABucket = text + char(0x80);
        notABucket.append(300 - notABucket.size(), '\0');
        for (const QByteArray &padded : {noMarker, junkAfterMarker, notABucket}) {
            auto plain = crypto::openRecord(key, v.record, v.type, v.stamp, v.sealPadded(padded));
            QVERIFY(!plain.ok());
            QCOMPARE(plain.error().code, ErrorCode::Protocol);
        }
        // 0x80 0x80 then zeros is valid padding of text + 0x80: it opens to that.
        QByteArray markerNotLast = text + char(0x80) + char(0x80);
        markerNotLast.append(256 - markerNotLast.size(), '\0');
        auto plain =
            crypto::openRecord(key, v.record, v.type, v.stamp, v.sealPadded(markerNotLast));
        QVERIFY(plain.ok());
        QCOMPARE(*plain, text + char(0x80));
    }

    void theDigestManifestAndSignatureVectorsHold()
    {
        const Vector v;
        const QMap<QString, QByteArray> doc = documentedVectors(m_doc);
        const QByteArray envelope = doc.value(QStringLiteral("envelope"));

        const QByteArray digestInput = v.digestInput(envelope);
        QCOMPARE(wire::changeDigestInput(v.change(envelope)).toHex(), digestInput.toHex());
        const QByteArray digest = blake2b(digestInput);
        QCOMPARE(crypto::changeDigest(v.change(envelope)).toHex(), digest.toHex());
        COMPARE_HEX(digest, doc.value(QStringLiteral("digest")), "digest");

        const QByteArray manifest = v.manifest(digest);
        QCOMPARE(
            wire::manifestBytes(v.organisation, v.author, v.device, v.sequence, {digest}).toHex(),
            manifest.toHex());
        COMPARE_HEX(manifest, doc.value(QStringLiteral("manifest")), "manifest");

        unsigned char pk[crypto_sign_PUBLICKEYBYTES];
        SecretBytes sk(crypto_sign_SECRETKEYBYTES);
        crypto_sign_seed_keypair(
            pk, sk.data(), reinterpret_cast<const unsigned char *>(v.signingSeed.constData()));
        const QByteArray publicKey(reinterpret_cast<const char *>(pk), sizeof pk);
        COMPARE_HEX(publicKey, doc.value(QStringLiteral("signing public key")),
                    "signing public key");
        const QByteArray signature = crypto::signManifest(sk, manifest);
        COMPARE_HEX(signature, doc.value(QStringLiteral("signature")), "signature");
        QVERIFY(crypto::verifyManifest(publicKey, manifest, signature));
        QByteArray forged = manifest;
        forged[forged.size() - 1] = char(forged.back() ^ 1);
        QVERIFY(!crypto::verifyManifest(publicKey, forged, signature));
    }
};

QTEST_GUILESS_MAIN(tst_protocol_document)
#include "tst_protocol_document.moc"
