// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Base of the list models: rows come from the store one keyset page (50) at a time, as QML
// scrolls (canFetchMore/fetchMore). Each row's role values are computed once when its page
// arrives, so data() is an array lookup.

#include "Result.h"

#include <QAbstractListModel>
#include <QByteArray>
#include <QList>
#include <QVariant>
#include <QtQml/qqmlregistration.h>

namespace wp {
class Store;
}

namespace wp::client {

class PagedModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Models are made by App")
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorStringChanged)

public:
    static constexpr int PageSize = 50;
    using Row = QList<QVariant>; // indexed by role - Qt::UserRole

    explicit PagedModel(QObject *parent = nullptr);

    void setStore(wp::Store *store);
    wp::Store *store() const { return m_store; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    int count() const { return int(m_rows.size()); }
    QString errorString() const { return m_error; }
    // The value of a role for a row, for C++ callers and tests.
    Q_INVOKABLE QVariant value(int row, int role) const;

    // Drops what was loaded and reads the first page again.
    Q_INVOKABLE void reload();
    // Reads again as many rows as are loaded and updates the rows in place (dataChanged,
    // inserts and removals by record), so a view scrolled down stays on the same item after
    // a sync merged changes; no model reset.
    void refresh();

Q_SIGNALS:
    void countChanged();
    void errorStringChanged();

protected:
    struct Chunk
    {
        QList<Row> rows;
        QByteArray next; // empty: no more pages
    };
    // Reads one page after `cursor` (empty: the first page).
    virtual Result<Chunk> loadPage(const QByteArray &cursor) = 0;
    // Unpaged models (a fixed, short list) return false to load once.
    virtual bool paged() const { return true; }
    // What identifies a row across reads (refresh); by default its first role, the record id.
    virtual QString rowKey(const Row &row) const;
    void setError(const QString &error);

private:
    wp::Store *m_store = nullptr;
    QList<Row> m_rows;
    QByteArray m_next;
    bool m_more = false;
    bool m_notifying = false; // inside endResetModel/endInsertRows
    QString m_error;
};

} // namespace wp::client
