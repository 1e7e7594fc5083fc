#include "DraftBox.h"

#include "Sodium.h"

#include <QCborValue>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <sodium.h>

namespace wp::client {

namespace {
constexpr char KdfContext[crypto_kdf_CONTEXTBYTES + 1] = "wpdrafts";
constexpr std::uint64_t DraftSubkey = 1;
} // namespace

DraftBox::DraftBox(QString directory, const SecretBytes &databaseKey)
    : m_directory(std::move(directory)), m_key(crypto_aead_xchacha20poly1305_ietf_KEYBYTES)
{
    ensureSodium();
    static_assert(crypto_kdf_KEYBYTES == 32);
    Q_ASSERT(databaseKey.size() == crypto_kdf_KEYBYTES);
    crypto_kdf_derive_from_key(m_key.data(), m_key.size(), DraftSubkey, KdfContext,
                               databaseKey.data());
    QDir().mkpath(m_directory);
    QFile::setPermissions(m_directory,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
}

QString DraftBox::pathOf(const QString &name) const
{
    return QDir(m_directory).filePath(name + QStringLiteral(".draft"));
}

Status DraftBox::put(const QString &name, const QCborMap &fields)
{
    QByteArray plain = QCborValue(fields).toCbor();
    const QByteArray ad = name.toUtf8();
    QByteArray sealed(crypto_aead_xchacha20poly1305_ietf_NPUBBYTES + plain.size() +
                          crypto_aead_xchacha20poly1305_ietf_ABYTES,
                      Qt::Uninitialized);
    auto *nonce = reinterpret_cast<unsigned char *>(sealed.data());
    randombytes_buf(nonce, crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
    unsigned long long written = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(
        nonce + crypto_aead_xchacha20poly1305_ietf_NPUBBYTES, &written,
        reinterpret_cast<const unsigned char *>(plain.constData()), plain.size(),
        reinterpret_cast<const unsigned char *>(ad.constData()), ad.size(), nullptr, nonce,
        m_key.data());
    wipe(plain);

    QSaveFile file(pathOf(name));
    if (!file.open(QIODevice::WriteOnly))
        return Error(ErrorCode::Io, file.errorString());
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    if (file.write(sealed) != sealed.size() || !file.commit())
        return Error(ErrorCode::DiskFull, file.errorString());
    return {};
}

std::optional<QCborMap> DraftBox::get(const QString &name) const
{
    QFile file(pathOf(name));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QByteArray sealed = file.readAll();
    constexpr qsizetype overhead =
        crypto_aead_xchacha20poly1305_ietf_NPUBBYTES + crypto_aead_xchacha20poly1305_ietf_ABYTES;
    if (sealed.size() < overhead)
        return std::nullopt;
    const QByteArray ad = name.toUtf8();
    const auto *nonce = reinterpret_cast<const unsigned char *>(sealed.constData());
    QByteArray plain(sealed.size() - overhead, Qt::Uninitialized);
    unsigned long long length = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(
            reinterpret_cast<unsigned char *>(plain.data()), &length, nullptr,
            nonce + crypto_aead_xchacha20poly1305_ietf_NPUBBYTES,
            sealed.size() - crypto_aead_xchacha20poly1305_ietf_NPUBBYTES,
            reinterpret_cast<const unsigned char *>(ad.constData()), ad.size(), nonce,
            m_key.data()) != 0)
        return std::nullopt;
    const QCborValue value = QCborValue::fromCbor(plain);
    wipe(plain);
    if (!value.isMap())
        return std::nullopt;
    return value.toMap();
}

void DraftBox::remove(const QString &name)
{
    QFile::remove(pathOf(name));
}

bool DraftBox::contains(const QString &name) const
{
    return QFile::exists(pathOf(name));
}

QStringList DraftBox::names() const
{
    QStringList out;
    const QFileInfoList files =
        QDir(m_directory).entryInfoList({QStringLiteral("*.draft")}, QDir::Files, QDir::Time);
    for (const QFileInfo &file : files)
        out.append(file.completeBaseName());
    return out;
}

QDateTime DraftBox::writtenAt(const QString &name) const
{
    return QFileInfo(pathOf(name)).lastModified();
}

} // namespace wp::client
