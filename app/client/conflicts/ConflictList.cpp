// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConflictList.h"

#include "Fields.h"
#include "RecordText.h"
#include "Store.h"
#include "Uuid.h"
#include "Vocabulary.h"

#include <algorithm>

namespace wp::client {

namespace {

QString labelOfField(RecordType type, const QString &field)
{
    const FieldInfo *info = findField(fieldTable(type), field);
    return info ? fieldLabel(info->spec) : field;
}

QString whenOf(const HlcStamp &stamp)
{
    return stamp.physicalMs > 0
               ? RecordText::when(QDateTime::fromMSecsSinceEpoch(stamp.physicalMs, Qt::UTC))
               : QString();
}

} // namespace

ConflictListModel::ConflictListModel(QObject *parent) : QAbstractListModel(parent) {}

int ConflictListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant ConflictListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows.at(index.row());
    switch (role) {
    case RecordIdRole:
        return r.recordId;
    case Qt::DisplayRole:
    case KindLabelRole:
        return r.kindLabel;
    case FieldLabelRole:
        return r.fieldLabel;
    case MineTextRole:
        return r.mine;
    case TheirsTextRole:
        return r.theirs;
    case MineWhenRole:
        return r.mineWhen;
    case TheirsWhenRole:
        return r.theirsWhen;
    case MineShownRole:
        return r.mineShown;
    default:
        return {};
    }
}

QHash<int, QByteArray> ConflictListModel::roleNames() const
{
    return {{RecordIdRole, "recordId"},     {KindLabelRole, "kindLabel"},
            {FieldLabelRole, "fieldLabel"}, {MineTextRole, "mineText"},
            {TheirsTextRole, "theirsText"}, {MineWhenRole, "mineWhen"},
            {TheirsWhenRole, "theirsWhen"}, {MineShownRole, "mineShown"}};
}

void ConflictListModel::reload(wp::Store *store)
{
    m_store = store;
    QList<Row> rows;
    if (store) {
        if (auto open = store->conflicts().list()) {
            for (const Conflict &c : *open)
                rows.append({c.id, idText(c.recordId), labelOf(c.type),
                             labelOfField(c.type, c.field), c.mine, c.theirs, whenOf(c.mineStamp),
                             whenOf(c.theirsStamp), c.mineWon});
        }
    }
    // Unchanged (most saves and syncs): no reset, so a merge being typed on the conflict page
    // stays.
    if (rows == m_rows)
        return;
    const bool countChanges = rows.size() != m_rows.size();
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
    if (countChanges)
        Q_EMIT countChanged();
}

int ConflictListModel::countFor(const QString &recordId) const
{
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(),
                             [&](const Row &r) { return r.recordId == recordId; }));
}

bool ConflictListModel::keepMine(int row)
{
    return resolve(row, ConflictChoice::KeepMine, {});
}

bool ConflictListModel::keepTheirs(int row)
{
    return resolve(row, ConflictChoice::KeepTheirs, {});
}

bool ConflictListModel::merge(int row, const QString &text)
{
    return resolve(row, ConflictChoice::Merge, text);
}

bool ConflictListModel::resolve(int row, ConflictChoice choice, const QString &merged)
{
    if (!m_store || row < 0 || row >= m_rows.size())
        return false;
    const QString recordId = m_rows.at(row).recordId;
    const Status done = m_store->conflicts().resolve(m_rows.at(row).id, choice, merged);
    // Resolved elsewhere (a sync removed the record) also ends here: the list is read again.
    setErrorText(done || done.error().code == ErrorCode::NotFound ? QString()
                                                                  : done.error().message);
    reload(m_store);
    if (!done)
        return false;
    Q_EMIT resolved(recordId);
    return true;
}

void ConflictListModel::setErrorText(const QString &text)
{
    if (text == m_errorText)
        return;
    m_errorText = text;
    Q_EMIT errorTextChanged();
}

} // namespace wp::client
