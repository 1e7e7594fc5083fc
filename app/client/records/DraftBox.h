#pragma once
// Unsaved forms, kept across the app being killed, never as plaintext on disk: each draft is
// one file sealed with XChaCha20-Poly1305 under a key derived from the database key (so a
// draft is exactly as readable as the store). The file name is the draft's name (the form and
// the record it is for, see Editor); the name is also the associated data, so a draft cannot
// be swapped for another's.

#include "Result.h"
#include "SecretBytes.h"

#include <QCborMap>
#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>

namespace wp::client {

class DraftBox
{
public:
    DraftBox(QString directory, const SecretBytes &databaseKey);

    Status put(const QString &name, const QCborMap &fields);
    // Nothing when there is no draft, or it cannot be read (another key, damaged).
    std::optional<QCborMap> get(const QString &name) const;
    void remove(const QString &name);
    bool contains(const QString &name) const;
    // Every kept draft, most recently written first.
    QStringList names() const;
    QDateTime writtenAt(const QString &name) const;

private:
    QString pathOf(const QString &name) const;

    QString m_directory;
    SecretBytes m_key;
};

} // namespace wp::client
