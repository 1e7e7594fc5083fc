// SPDX-License-Identifier: GPL-3.0-or-later
#include "ToDiscussModel.h"

#include "RecordText.h"
#include "Store.h"
#include "SupervisionAgenda.h"
#include "SyncIdentity.h"

#include <QHash>
#include <QLocale>

namespace wp::client {

ToDiscussModel::ToDiscussModel(QObject *parent) : QAbstractListModel(parent) {}

void ToDiscussModel::setStore(Store *store)
{
    m_store = store;
    refresh();
}

void ToDiscussModel::showFor(const QString &noteId)
{
    m_note = QUuid::fromString(noteId);
    refresh();
}

void ToDiscussModel::refresh()
{
    QList<Row> rows;
    if (m_store) {
        const QUuid me = sync::SyncIdentity::localUser(*m_store);
        QHash<QUuid, QString> names; // the supervisors, as the last sync named them
        if (auto identity = sync::SyncIdentity::load(*m_store))
            for (const wire::Supervisor &s : std::as_const(identity->supervisors))
                names.insert(s.userId, s.displayName);
        auto raised = SupervisionAgenda(*m_store, me).toDiscuss(m_note);
        if (raised) {
            const QDate today = QDate::currentDate();
            for (const RaisedEntry &r : std::as_const(*raised)) {
                QStringList by;
                bool byMe = false;
                for (const QUuid &u : r.raisedBy) {
                    if (u == me)
                        byMe = true;
                    else
                        by.append(names.value(u, tr("your supervisor")));
                }
                if (byMe)
                    by.append(tr("you", "raised by you"));
                rows.append({idText(r.entry.id), RecordText::diaryTitle(r.entry),
                             RecordText::when(r.entry.writtenAt, today),
                             tr("Raised by %1").arg(QLocale().createSeparatedList(by))});
            }
        }
    }
    const int before = count();
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
    if (count() != before)
        Q_EMIT countChanged();
}

int ToDiscussModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : count();
}

QVariant ToDiscussModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= count())
        return {};
    const Row &r = m_rows.at(index.row());
    switch (role) {
    case RecordIdRole:
        return r.recordId;
    case TitleRole:
        return r.title;
    case WhenTextRole:
        return r.whenText;
    case RaisedTextRole:
        return r.raisedText;
    default:
        return {};
    }
}

QHash<int, QByteArray> ToDiscussModel::roleNames() const
{
    return {{RecordIdRole, "recordId"},
            {TitleRole, "title"},
            {WhenTextRole, "whenText"},
            {RaisedTextRole, "raisedText"}};
}

} // namespace wp::client
