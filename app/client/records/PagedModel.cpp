// SPDX-License-Identifier: GPL-3.0-or-later
#include "PagedModel.h"

#include <QHash>
#include <QScopedValueRollback>

#include <algorithm>

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

QString PagedModel::rowKey(const Row &row) const
{
    return row.isEmpty() ? QString() : row.first().toString();
}

void PagedModel::refresh()
{
    if (!m_store || m_notifying) {
        if (!m_store)
            reload();
        return;
    }
    const QScopedValueRollback<bool> busy(m_notifying, true);
    // The same number of rows as before (or all there are now), page by page.
    QList<Row> fresh;
    QByteArray next;
    bool more = false;
    do {
        Result<Chunk> chunk = loadPage(next);
        if (!chunk) {
            setError(chunk.error().message);
            return;
        }
        fresh.append(std::move(chunk->rows));
        next = chunk->next;
        more = paged() && !next.isEmpty();
    } while (more && fresh.size() < m_rows.size());

    // Rows that stay are the longest run of old rows still in the same order (a longest
    // increasing subsequence of their old positions); every other old row is removed and
    // every other new row inserted. One record moving from the bottom to the top is one
    // removal and one insertion, not the whole list churning. Keys may repeat (a search hit
    // per kind): the k-th occurrence matches the k-th.
    QHash<QString, QList<int>> oldAt;
    for (int i = 0; i < m_rows.size(); ++i)
        oldAt[rowKey(m_rows.at(i))].append(i);
    QList<int> from(fresh.size(), -1); // fresh row -> old row, or -1
    {
        QHash<QString, int> used;
        for (int j = 0; j < fresh.size(); ++j) {
            const QString key = rowKey(fresh.at(j));
            const QList<int> &at = oldAt.value(key);
            int &n = used[key];
            if (n < at.size())
                from[j] = at.at(n++);
        }
    }
    // Longest increasing subsequence of `from` (patience sorting, O(n log n)).
    QList<int> tails; // fresh index ending the best run of each length
    QList<int> prev(fresh.size(), -1);
    for (int j = 0; j < fresh.size(); ++j) {
        if (from[j] < 0)
            continue;
        const auto pos = std::lower_bound(tails.begin(), tails.end(), j,
                                          [&](int a, int b) { return from[a] < from[b]; });
        if (pos != tails.begin())
            prev[j] = *(pos - 1);
        if (pos == tails.end())
            tails.append(j);
        else
            *pos = j;
    }
    QList<bool> kept(fresh.size(), false);
    QList<bool> oldKept(m_rows.size(), false);
    for (int j = tails.isEmpty() ? -1 : tails.last(); j >= 0; j = prev[j]) {
        kept[j] = true;
        oldKept[from[j]] = true;
    }
    // Removals, bottom up, in contiguous ranges.
    for (int i = int(m_rows.size()) - 1; i >= 0;) {
        if (oldKept[i]) {
            --i;
            continue;
        }
        int first = i;
        while (first > 0 && !oldKept[first - 1])
            --first;
        beginRemoveRows({}, first, i);
        m_rows.remove(first, i - first + 1);
        endRemoveRows();
        i = first - 1;
    }
    // Now m_rows holds exactly the kept rows, in order: insert the others, update the kept.
    for (int j = 0; j < fresh.size(); ++j) {
        if (kept[j]) {
            if (m_rows.at(j) != fresh.at(j)) {
                m_rows[j] = fresh.at(j);
                Q_EMIT dataChanged(index(j), index(j));
            }
            continue;
        }
        int last = j;
        while (last + 1 < fresh.size() && !kept[last + 1])
            ++last;
        beginInsertRows({}, j, last);
        for (int k = j; k <= last; ++k)
            m_rows.insert(k, fresh.at(k));
        endInsertRows();
        j = last;
    }
    m_next = next;
    m_more = more;
    setError({});
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
