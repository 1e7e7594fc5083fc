// SPDX-License-Identifier: GPL-3.0-or-later
#include "SetAsideChanges.h"

#include "RecordText.h"
#include "Store.h"
#include "SyncEngine.h"
#include "Vocabulary.h"

namespace wp::client {

SetAsideChangeListModel::SetAsideChangeListModel(QObject *parent) : QAbstractListModel(parent) {}

int SetAsideChangeListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant SetAsideChangeListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case KindLabelRole:
        return r.kindLabel;
    case ReasonTextRole:
        return r.reasonText;
    case WhenTextRole:
        return r.whenText;
    default:
        return {};
    }
}

QHash<int, QByteArray> SetAsideChangeListModel::roleNames() const
{
    return {
        {KindLabelRole, "kindLabel"}, {ReasonTextRole, "reasonText"}, {WhenTextRole, "whenText"}};
}

void SetAsideChangeListModel::reload(wp::Store *store)
{
    QList<Row> rows;
    if (store) {
        if (auto kept = store->setAside().list(Limit)) {
            for (const SetAsideChange &k : *kept)
                rows.append({labelOf(k.type),
                             sync::SyncEngine::describeSetAside(k.reason, k.type, k.field),
                             RecordText::when(k.setAsideAt)});
        }
    }
    const bool countChanges = rows.size() != m_rows.size();
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
    if (countChanges)
        Q_EMIT countChanged();
}

} // namespace wp::client
