// SPDX-License-Identifier: GPL-3.0-or-later
#include "Envelope.h"

#include "Sodium.h"

#include <QtEndian>

#include <sodium.h>

#include <cstring>

namespace wp::crypto {

namespace {

constexpr std::size_t NonceSize = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr std::size_t TagSize = crypto_aead_xchacha20poly1305_ietf_ABYTES;

QByteArray associatedData(const QUuid &recordId, RecordType type, const HlcStamp &stamp)
{
    QByteArray ad = QByteArrayLiteral("wp-env-v2");
    ad += recordId.toRfc4122();
    ad += char(type);
    char be[8];
    qToBigEndian<qint64>(stamp.physicalMs, be);
    ad.append(be, 8);
    qToBigEndian<quint32>(stamp.counter, be);
    ad.append(be, 4);
    ad += stamp.device.toRfc4122();
    return ad;
}

// A fresh key for each record version, derived from the audience key and the version's nonce.
// It lives for one seal or open, on the stack, and is wiped when it goes: SecretBytes'
// sodium_malloc costs an mmap and mprotect calls per key, and there is one key per record.
class RecordKey
{
public:
    RecordKey(const SecretBytes &audienceKey, const unsigned char *nonce)
    {
        unsigned char input[12 + NonceSize];
        std::memcpy(input, "wp-record-v1", 12);
        std::memcpy(input + 12, nonce, NonceSize);
        crypto_generichash(m_key, sizeof m_key, input, sizeof input, audienceKey.data(),
                           audienceKey.size());
    }
    ~RecordKey() { sodium_memzero(m_key, sizeof m_key); }
    RecordKey(const RecordKey &) = delete;
    RecordKey &operator=(const RecordKey &) = delete;
    const unsigned char *data() const { return m_key; }

private:
    unsigned char m_key[crypto_aead_xchacha20poly1305_ietf_KEYBYTES];
};

const unsigned char *bytes(QByteArrayView v)
{
    return reinterpret_cast<const unsigned char *>(v.data());
}

constexpr std::size_t SmallestBucket = 256;
constexpr std::size_t LargestDoubling = 4096;

} // namespace

std::size_t paddedSize(std::size_t size)
{
    const std::size_t needed = size + 1; // the 0x80 marker
    if (needed > LargestDoubling)
        return (needed + LargestDoubling - 1) / LargestDoubling * LargestDoubling;
    std::size_t bucket = SmallestBucket;
    while (bucket < needed)
        bucket *= 2;
    return bucket;
}

SecretBytes newAudienceKey()
{
    return SecretBytes::random(AudienceKeySize);
}

QByteArray sealRecord(const SecretBytes &audienceKey, const QUuid &recordId, RecordType type,
                      const HlcStamp &stamp, QByteArrayView plaintext)
{
    ensureSodium();
    Q_ASSERT(audienceKey.size() == AudienceKeySize);
    const std::size_t size = std::size_t(plaintext.size());
    const std::size_t padded = paddedSize(size);
    QByteArray out(qsizetype(1 + NonceSize + padded + TagSize), Qt::Uninitialized);
    out[0] = EnvelopeVersion;
    auto *nonce = reinterpret_cast<unsigned char *>(out.data()) + 1;
    randombytes_buf(nonce, NonceSize);
    // Padded and encrypted in place, so no padded copy of the plaintext is left behind.
    unsigned char *body = nonce + NonceSize;
    if (size > 0)
        std::memcpy(body, plaintext.data(), size);
    std::size_t written = 0;
    [[maybe_unused]] const int padOk = sodium_pad(&written, body, size, padded, padded);
    Q_ASSERT(padOk == 0 && written == padded);
    const RecordKey key(audienceKey, nonce);
    const QByteArray ad = associatedData(recordId, type, stamp);
    crypto_aead_xchacha20poly1305_ietf_encrypt(body, nullptr, body, padded, bytes(ad),
                                               std::size_t(ad.size()), nullptr, nonce, key.data());
    return out;
}

Result<QByteArray> openRecord(const SecretBytes &audienceKey, const QUuid &recordId,
                              RecordType type, const HlcStamp &stamp, QByteArrayView envelope)
{
    ensureSodium();
    const Error failed(ErrorCode::Crypto,
                       QStringLiteral("a record failed authentication and was not accepted"));
    if (!envelope.isEmpty() && envelope[0] != EnvelopeVersion)
        return Error(ErrorCode::Protocol,
                     QStringLiteral("a record is in an envelope version this app does not read"),
                     QStringLiteral("envelope_version"));
    if (audienceKey.size() != AudienceKeySize ||
        std::size_t(envelope.size()) < 1 + NonceSize + SmallestBucket + TagSize)
        return failed;
    const auto *nonce = bytes(envelope) + 1;
    const std::size_t sealedSize = std::size_t(envelope.size()) - 1 - NonceSize;
    const std::size_t padded = sealedSize - TagSize;
    const RecordKey key(audienceKey, nonce);
    const QByteArray ad = associatedData(recordId, type, stamp);
    QByteArray plain(qsizetype(padded), Qt::Uninitialized);
    auto *out = reinterpret_cast<unsigned char *>(plain.data());
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(out, nullptr, nullptr, nonce + NonceSize,
                                                   sealedSize, bytes(ad), std::size_t(ad.size()),
                                                   nonce, key.data()) != 0)
        return failed;
    // Authentic, so the author padded it: a wrong padding is a malformed record, not an attack
    // on the ciphertext.
    std::size_t size = 0;
    if (paddedSize(padded - 1) != padded || sodium_unpad(&size, out, padded, padded) != 0)
        return Error(ErrorCode::Protocol, QStringLiteral("a pulled record is badly padded"));
    plain.truncate(qsizetype(size));
    return plain;
}

} // namespace wp::crypto
