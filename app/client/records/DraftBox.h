// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Unsaved forms, kept across the app being killed, never as plaintext on disk: each draft is
// one file sealed with XChaCha20-Poly1305 under a key derived from the database key (so a
// draft is exactly as readable as the store). The draft's name (the form and the record it is
// for, see Editor) and when it was written are sealed inside; the file is named by a keyed
// hash of the name, which says nothing without the key, and that file name is the associated
// data, so a draft cannot be swapped for another's. Drafts kept under their plain names by an
// earlier version are sealed again this way when the box opens.

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
    struct Sealed
    {
        QString name;
        QDateTime writtenAt;
        QCborMap fields;
    };
    QString fileIdOf(const QString &name) const;
    QString pathOf(const QString &name) const;
    Status write(const QString &name, const QDateTime &writtenAt, const QCborMap &fields);
    // The draft in the file `fileId`, if this key sealed it there.
    std::optional<Sealed> open(const QString &fileId) const;
    void resealPlainlyNamed();

    QString m_directory;
    SecretBytes m_key;
    SecretBytes m_nameKey;
};

} // namespace wp::client
