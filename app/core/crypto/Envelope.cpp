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
    QByteArray ad = QByteArrayLiteral("wp-env-v1");
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

} // namespace

SecretBytes newAudienceKey()
{
    return SecretBytes::random(AudienceKeySize);
}

QByteArray sealRecord(const SecretBytes &audienceKey, const QUuid &recordId, RecordType type,
                      const HlcStamp &stamp, QByteArrayView plaintext)
{
    ensureSodium();
    Q_ASSERT(audienceKey.size() == AudienceKeySize);
    QByteArray out(qsizetype(NonceSize + std::size_t(plaintext.size()) + TagSize),
                   Qt::Uninitialized);
    auto *nonce = reinterpret_cast<unsigned char *>(out.data());
    randombytes_buf(nonce, NonceSize);
    const RecordKey key(audienceKey, nonce);
    const QByteArray ad = associatedData(recordId, type, stamp);
    crypto_aead_xchacha20poly1305_ietf_encrypt(nonce + NonceSize, nullptr, bytes(plaintext),
                                               std::size_t(plaintext.size()), bytes(ad),
                                               std::size_t(ad.size()), nullptr, nonce, key.data());
    return out;
}

Result<QByteArray> openRecord(const SecretBytes &audienceKey, const QUuid &recordId,
                              RecordType type, const HlcStamp &stamp, QByteArrayView envelope)
{
    ensureSodium();
    const Error failed(ErrorCode::Crypto,
                       QStringLiteral("a record failed authentication and was not accepted"));
    if (audienceKey.size() != AudienceKeySize || std::size_t(envelope.size()) < NonceSize + TagSize)
        return failed;
    const auto *nonce = bytes(envelope);
    const RecordKey key(audienceKey, nonce);
    const QByteArray ad = associatedData(recordId, type, stamp);
    QByteArray plain(envelope.size() - qsizetype(NonceSize + TagSize), Qt::Uninitialized);
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(
            reinterpret_cast<unsigned char *>(plain.data()), nullptr, nullptr, nonce + NonceSize,
            std::size_t(envelope.size()) - NonceSize, bytes(ad), std::size_t(ad.size()), nonce,
            key.data()) != 0)
        return failed;
    return plain;
}

} // namespace wp::crypto
