// SPDX-License-Identifier: GPL-3.0-or-later
#include "DraftBox.h"

#include "Sodium.h"

#include <QCborValue>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <algorithm>

#include <sodium.h>

namespace wp::client {

namespace {
constexpr char KdfContext[crypto_kdf_CONTEXTBYTES + 1] = "wpdrafts";
constexpr std::uint64_t DraftSubkey = 1;
constexpr std::uint64_t NameSubkey = 2;
constexpr qsizetype FileIdBytes = 16;
const QString Suffix = QStringLiteral(".draft");
const QString NameKey = QStringLiteral("name");
const QString AtKey = QStringLiteral("at");
const QString FieldsKey = QStringLiteral("fields");

QByteArray seal(const QByteArray &plain, const QByteArray &ad, const SecretBytes &key)
{
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
        key.data());
    return sealed;
}

// The CBOR value sealed in `path` under `ad`, or nothing (missing, damaged, another key).
std::optional<QCborValue> unseal(const QString &path, const QByteArray &ad, const SecretBytes &key)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QByteArray sealed = file.readAll();
    constexpr qsizetype overhead =
        crypto_aead_xchacha20poly1305_ietf_NPUBBYTES + crypto_aead_xchacha20poly1305_ietf_ABYTES;
    if (sealed.size() < overhead)
        return std::nullopt;
    const auto *nonce = reinterpret_cast<const unsigned char *>(sealed.constData());
    QByteArray plain(sealed.size() - overhead, Qt::Uninitialized);
    unsigned long long length = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(
            reinterpret_cast<unsigned char *>(plain.data()), &length, nullptr,
            nonce + crypto_aead_xchacha20poly1305_ietf_NPUBBYTES,
            sealed.size() - crypto_aead_xchacha20poly1305_ietf_NPUBBYTES,
            reinterpret_cast<const unsigned char *>(ad.constData()), ad.size(), nonce,
            key.data()) != 0)
        return std::nullopt;
    QCborValue value = QCborValue::fromCbor(plain);
    wipe(plain);
    return value;
}
} // namespace

DraftBox::DraftBox(QString directory, const SecretBytes &databaseKey)
    : m_directory(std::move(directory)), m_key(crypto_aead_xchacha20poly1305_ietf_KEYBYTES),
      m_nameKey(crypto_generichash_KEYBYTES)
{
    ensureSodium();
    static_assert(crypto_kdf_KEYBYTES == 32);
    Q_ASSERT(databaseKey.size() == crypto_kdf_KEYBYTES);
    crypto_kdf_derive_from_key(m_key.data(), m_key.size(), DraftSubkey, KdfContext,
                               databaseKey.data());
    crypto_kdf_derive_from_key(m_nameKey.data(), m_nameKey.size(), NameSubkey, KdfContext,
                               databaseKey.data());
    QDir().mkpath(m_directory);
    QFile::setPermissions(m_directory,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    resealPlainlyNamed();
}

QString DraftBox::fileIdOf(const QString &name) const
{
    const QByteArray utf8 = name.toUtf8();
    QByteArray hash(FileIdBytes, Qt::Uninitialized);
    crypto_generichash(reinterpret_cast<unsigned char *>(hash.data()), hash.size(),
                       reinterpret_cast<const unsigned char *>(utf8.constData()), utf8.size(),
                       m_nameKey.data(), m_nameKey.size());
    return QString::fromLatin1(hash.toHex());
}

QString DraftBox::pathOf(const QString &name) const
{
    return QDir(m_directory).filePath(fileIdOf(name) + Suffix);
}

Status DraftBox::put(const QString &name, const QCborMap &fields)
{
    return write(name, QDateTime::currentDateTimeUtc(), fields);
}

Status DraftBox::write(const QString &name, const QDateTime &writtenAt, const QCborMap &fields)
{
    const QString fileId = fileIdOf(name);
    QByteArray plain =
        QCborValue(
            QCborMap{{NameKey, name}, {AtKey, writtenAt.toMSecsSinceEpoch()}, {FieldsKey, fields}})
            .toCbor();
    const QByteArray sealed = seal(plain, fileId.toLatin1(), m_key);
    wipe(plain);

    QSaveFile file(QDir(m_directory).filePath(fileId + Suffix));
    if (!file.open(QIODevice::WriteOnly))
        return Error(ErrorCode::Io, file.errorString());
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    if (file.write(sealed) != sealed.size() || !file.commit())
        return Error(ErrorCode::DiskFull, file.errorString());
    return {};
}

std::optional<DraftBox::Sealed> DraftBox::open(const QString &fileId) const
{
    const std::optional<QCborValue> value =
        unseal(QDir(m_directory).filePath(fileId + Suffix), fileId.toLatin1(), m_key);
    if (!value || !value->isMap())
        return std::nullopt;
    const QCborMap map = value->toMap();
    Sealed draft{map.value(NameKey).toString(),
                 QDateTime::fromMSecsSinceEpoch(map.value(AtKey).toInteger(), Qt::UTC),
                 map.value(FieldsKey).toMap()};
    if (draft.name.isEmpty() || fileIdOf(draft.name) != fileId)
        return std::nullopt;
    return draft;
}

std::optional<QCborMap> DraftBox::get(const QString &name) const
{
    std::optional<Sealed> draft = open(fileIdOf(name));
    if (!draft || draft->name != name)
        return std::nullopt;
    return draft->fields;
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
    QList<Sealed> drafts;
    const QStringList files = QDir(m_directory).entryList({QLatin1Char('*') + Suffix}, QDir::Files);
    for (const QString &file : files) {
        if (std::optional<Sealed> draft = open(file.chopped(Suffix.size())))
            drafts.append(std::move(*draft));
    }
    std::stable_sort(drafts.begin(), drafts.end(),
                     [](const Sealed &a, const Sealed &b) { return a.writtenAt > b.writtenAt; });
    QStringList out;
    for (const Sealed &draft : std::as_const(drafts))
        out.append(draft.name);
    return out;
}

QDateTime DraftBox::writtenAt(const QString &name) const
{
    const std::optional<Sealed> draft = open(fileIdOf(name));
    return draft ? draft->writtenAt : QDateTime();
}

// An earlier version named each file by the draft's name ("diary~<id>.draft", which says what
// the draft is about) and sealed only the fields, with that name as associated data.
void DraftBox::resealPlainlyNamed()
{
    const QFileInfoList files =
        QDir(m_directory).entryInfoList({QStringLiteral("*~*") + Suffix}, QDir::Files);
    for (const QFileInfo &file : files) {
        const QString name = file.fileName().chopped(Suffix.size());
        const std::optional<QCborValue> value = unseal(file.filePath(), name.toUtf8(), m_key);
        // One that cannot be read (damaged) is left alone.
        if (value && value->isMap() &&
            write(name, file.lastModified().toUTC(), value->toMap()).ok())
            QFile::remove(file.filePath());
    }
}

} // namespace wp::client
