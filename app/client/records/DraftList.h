// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Today's "unfinished drafts": every draft kept in the DraftBox, newest first, with what the
// screen needs to resume it (which form, with which properties) or discard it.

#include <QAbstractListModel>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

namespace wp {
class Store;
}

namespace wp::client {

class DraftBox;
class ParticipantNames;

class DraftListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Models are made by App")
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Roles {
        NameRole = Qt::UserRole,
        TitleRole,
        KindLabelRole,
        WhenTextRole,
        ScreenRole,     // the screen to open: encounter, diary, supervision, newParticipant
        PropertiesRole, // what to open it with, so the form restores this draft
    };
    Q_ENUM(Roles)

    DraftListModel(ParticipantNames *names, QObject *parent = nullptr);

    void setSources(wp::Store *store, DraftBox *drafts);
    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    int count() const { return int(m_rows.size()); }

    Q_INVOKABLE void reload();
    // Throws the draft away (the record itself, if it exists, is not touched).
    Q_INVOKABLE void discard(const QString &name);

Q_SIGNALS:
    void countChanged();

private:
    struct Row
    {
        QString name, title, kindLabel, whenText, screen;
        QVariantMap properties;
    };
    bool describe(const QString &name, Row &row);

    ParticipantNames *m_names;
    wp::Store *m_store = nullptr;
    DraftBox *m_drafts = nullptr;
    QList<Row> m_rows;
};

} // namespace wp::client
