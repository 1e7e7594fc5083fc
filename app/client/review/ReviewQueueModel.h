// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The supervisor's review queue (qml/review): the diary entries workers shared with them, not
// yet reviewed first, then newest first, from the store's Reviews one keyset page at a time;
// filtered by worker and by theme.

#include "PagedModel.h"

#include <QHash>
#include <QUuid>
#include <QVariantList>

namespace wp::client {

class ReviewQueueModel : public wp::client::PagedModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Models are made by App")
    // The worker's user id, or "" for every worker.
    Q_PROPERTY(QString workerFilter READ workerFilter WRITE setWorkerFilter NOTIFY filterChanged)
    // A DiaryTheme key, or "" for every theme.
    Q_PROPERTY(QString themeFilter READ themeFilter WRITE setThemeFilter NOTIFY filterChanged)
    // The chips: [{id, name}] of the workers the server said this user supervises.
    Q_PROPERTY(QVariantList workers READ workers NOTIFY peopleChanged)
    // [{key, label}] of every diary theme.
    Q_PROPERTY(QVariantList themes READ themes NOTIFY filterChanged)

public:
    enum Roles {
        RecordIdRole = Qt::UserRole,
        WorkerNameRole,
        WhenTextRole,
        ThemesTextRole,
        SnippetRole,
        ReviewedRole,
        CommentCountRole,
    };
    Q_ENUM(Roles)

    explicit ReviewQueueModel(QObject *parent = nullptr);
    QHash<int, QByteArray> roleNames() const override;

    // This device's user and the names of the people they supervise.
    void setPeople(const QUuid &me, const QHash<QUuid, QString> &names,
                   const QVariantList &workers);

    QString workerFilter() const { return m_worker; }
    void setWorkerFilter(const QString &userId);
    QString themeFilter() const { return m_theme; }
    void setThemeFilter(const QString &key);
    QVariantList workers() const { return m_workers; }
    QVariantList themes() const;

Q_SIGNALS:
    void filterChanged();
    void peopleChanged();

protected:
    Result<Chunk> loadPage(const QByteArray &cursor) override;

private:
    QUuid m_me;
    QHash<QUuid, QString> m_names;
    QVariantList m_workers;
    QString m_worker;
    QString m_theme;
};

// Comments by a supervisor on the worker's entries that the worker has not acknowledged, for
// the card on Today ("Alex commented on your entry of 3 Dec"); a short list, read at once.
class CommentInboxModel : public wp::client::PagedModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Models are made by App")

public:
    enum Roles { CommentIdRole = Qt::UserRole, EntryIdRole, HeadlineRole, TextRole };
    Q_ENUM(Roles)

    explicit CommentInboxModel(QObject *parent = nullptr);
    QHash<int, QByteArray> roleNames() const override;
    void setPeople(const QUuid &me, const QHash<QUuid, QString> &names);

protected:
    Result<Chunk> loadPage(const QByteArray &cursor) override;
    bool paged() const override { return false; }

private:
    QUuid m_me;
    QHash<QUuid, QString> m_names;
};

} // namespace wp::client
