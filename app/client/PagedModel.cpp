#include "PagedModel.h"

#include <QScopedValueRollback>

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
    return !parent.isValid() && m_store && m_more && !m_notifying;
}

void PagedModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    // No fetching from inside our own change notifications (views and testers re-enter).
    const QScopedValueRollback<bool> busy(m_notifying, true);
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
    // The first page is read inside the reset, so views (and QAbstractItemModelTester) see
    // one consistent change.
    const QScopedValueRollback<bool> busy(m_notifying, true);
    beginResetModel();
    m_rows.clear();
    m_next.clear();
    m_more = false;
    QString error;
    if (m_store) {
        Result<Chunk> chunk = loadPage({});
        if (chunk) {
            m_rows = std::move(chunk->rows);
            m_next = chunk->next;
            m_more = paged() && !m_next.isEmpty();
        } else {
            error = chunk.error().message;
        }
    }
    endResetModel();
    setError(error);
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
