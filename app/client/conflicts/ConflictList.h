// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The open conflicts (`App.sync.conflicts`): a text edited on this phone and on another device
// before either synced. Both versions are kept (ConflictCopies in the store) until the worker
// keeps one or saves a merged text; the resolution is an ordinary edit, which syncs. Owned by
// SyncStatus, which reloads it with its counts; QML reads rows and calls keepMine, keepTheirs
// or merge, never the store.

#include <QAbstractListModel>
#include <QList>
#include <QtQml/qqmlregistration.h>

namespace wp {
class Store;
enum class ConflictChoice;
} // namespace wp

namespace wp::client {

class ConflictListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by App.sync")
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    // Why the last resolution was refused (a merged text too long), in words; else empty.
    Q_PROPERTY(QString errorText READ errorText NOTIFY errorTextChanged)

public:
    enum Roles {
        RecordIdRole = Qt::UserRole,
        KindLabelRole,  // "Diary entry", ...
        FieldLabelRole, // "Text", "What happened", ...
        MineTextRole,   // written on this phone
        TheirsTextRole, // written on the other device
        MineWhenRole,
        TheirsWhenRole,
        MineShownRole, // the record shows this phone's version now
    };
    Q_ENUM(Roles)

    explicit ConflictListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    int count() const { return int(m_rows.size()); }
    QString errorText() const { return m_errorText; }

    // Reads them again from `store` (null: the store closed, empty).
    void reload(wp::Store *store);

    // The open conflicts of one record (the banner on its screen).
    Q_INVOKABLE int countFor(const QString &recordId) const;
    Q_INVOKABLE bool keepMine(int row);
    Q_INVOKABLE bool keepTheirs(int row);
    Q_INVOKABLE bool merge(int row, const QString &text);

Q_SIGNALS:
    void countChanged();
    void errorTextChanged();
    // A conflict of this record was resolved: the record changed on this phone.
    void resolved(const QString &recordId);

private:
    struct Row
    {
        qint64 id = 0;
        QString recordId;
        QString kindLabel;
        QString fieldLabel;
        QString mine;
        QString theirs;
        QString mineWhen;
        QString theirsWhen;
        bool mineShown = false;
        bool operator==(const Row &) const = default;
    };

    bool resolve(int row, ConflictChoice choice, const QString &merged);
    void setErrorText(const QString &text);

    wp::Store *m_store = nullptr;
    QList<Row> m_rows;
    QString m_errorText;
};

} // namespace wp::client
