// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The pulled changes this phone set aside (Store::setAside): what kind of record each was,
// why it was not merged, in the user's language, and when. Only what the store keeps: never
// content. Owned by SyncStatus, which reloads it when the count changes.

#include <QAbstractListModel>
#include <QList>
#include <QtQml/qqmlregistration.h>

namespace wp {
class Store;
}

namespace wp::client {

class SetAsideChangeListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by App.sync")
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Roles {
        KindLabelRole = Qt::UserRole, // "Participant", "Diary entry", ...
        ReasonTextRole,               // SyncEngine::describeSetAside, translated
        WhenTextRole,                 // when this phone set it aside
    };
    Q_ENUM(Roles)

    // The newest ones; the store keeps at most SetAsideLog::Limit.
    static constexpr int Limit = 200;

    explicit SetAsideChangeListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    int count() const { return int(m_rows.size()); }

    // Reads them again (null store: empty).
    void reload(wp::Store *store);

Q_SIGNALS:
    void countChanged();

private:
    struct Row
    {
        QString kindLabel;
        QString reasonText;
        QString whenText;
    };

    QList<Row> m_rows;
};

} // namespace wp::client
