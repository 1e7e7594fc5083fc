#include "PagedModel.h"

namespace wp::client {

PagedModel::PagedModel(QObject *parent) : QAbstractListModel(parent) {}

void PagedModel::setStore(wp::Store *store)
{
    m_store = store;
    reload();
}

int PagedModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant PagedModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    return value(index.row(), role);
}

QVariant PagedModel::value(int row, int role) const
{
    if (row < 0 || row >= m_rows.size())
        return {};
    const Row &values = m_rows.at(row);
    const int column = role - Qt::UserRole;
    if (role == Qt::DisplayRole && !values.isEmpty())
        return values.value(1); // the second role is each model's title
    return column >= 0 && column < values.size() ? values.at(column) : QVariant();
}

bool PagedModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_store && m_more;
}

void PagedModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    Result<Chunk> chunk = loadPage(m_next);
    if (!chunk) {
        m_more = false;
        setError(chunk.error().message);
        return;
    }
    m_next = chunk->next;
    m_more = paged() && !m_next.isEmpty();
    if (!chunk->rows.isEmpty()) {
        beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + chunk->rows.size() - 1));
        m_rows.append(std::move(chunk->rows));
        endInsertRows();
        Q_EMIT countChanged();
    }
}

void PagedModel::reload()
{
    beginResetModel();
    m_rows.clear();
    m_next.clear();
    m_more = m_store != nullptr;
    endResetModel();
    setError({});
    fetchMore({});
    Q_EMIT countChanged();
}

void PagedModel::setError(const QString &error)
{
    if (m_error == error)
        return;
    m_error = error;
    Q_EMIT errorStringChanged();
}

} // namespace wp::client
