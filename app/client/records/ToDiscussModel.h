// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// "To discuss" on the supervision note screen (`App.toDiscuss`): the worker's diary entries
// raised for the next supervision by a supervisor or by the worker, until a note held on or
// after the day of the raise is saved (SupervisionAgenda, docs/protocol.md). Tapping a row
// opens the entry.

#include <QAbstractListModel>
#include <QDateTime>
#include <QUuid>
#include <QtQml/qqmlregistration.h>

namespace wp {
class Store;
}

namespace wp::client {

class ToDiscussModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Models are made by App")
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Roles {
        RecordIdRole = Qt::UserRole,
        TitleRole,
        WhenTextRole,
        RaisedTextRole, // "Raised by Alex", "Raised by you"
    };
    Q_ENUM(Roles)

    explicit ToDiscussModel(QObject *parent = nullptr);

    void setStore(Store *store);
    // The screen of the note `noteId` ("" for a new one): that note is left out of the check,
    // so it lists what it discusses.
    Q_INVOKABLE void showFor(const QString &noteId);
    // Reads again (records merged, a note saved).
    void refresh();

    int count() const { return int(m_rows.size()); }
    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    void countChanged();

private:
    struct Row
    {
        QString recordId;
        QString title;
        QString whenText;
        QString raisedText;
    };
    Store *m_store = nullptr;
    QUuid m_note;
    QList<Row> m_rows;
};

} // namespace wp::client
