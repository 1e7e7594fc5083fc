// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Records written by another user, stored as a pull stores them (Store::applyRemote, signed
// by `author`), for the suites about what is shared between a worker and a supervisor.

#include "Store.h"
#include "Uuid.h"

namespace wp::test {

template <class T>
Result<MergeReport> pullAs(Store &store, const T &record, const QUuid &author,
                           const QUuid &localUser, qint64 atMs = 0)
{
    RecordChange change;
    change.recordId = record.id.isNull() ? createUuidV7() : record.id;
    change.type = T::Type;
    change.fields = record.toFields();
    change.stamp = {atMs ? atMs : QDateTime::currentMSecsSinceEpoch(), 0, createUuidV7()};
    for (auto it = change.fields.constBegin(); it != change.fields.constEnd(); ++it)
        change.stamps.insert(it.key().toString(), change.stamp);
    change.author = author;
    return store.applyRemote({change}, store.syncCursor(), {}, localUser);
}

// A diary entry `author` wrote and shared, as a supervisor's device holds it.
inline QUuid pullSharedEntry(Store &store, const QUuid &author, const QUuid &localUser,
                             const QString &text, const QDateTime &at,
                             QList<DiaryTheme> themes = {})
{
    DiaryEntry e;
    e.id = createUuidV7();
    e.text = text;
    e.writtenAt = at;
    e.createdAt = at;
    e.shared = true;
    e.themes = std::move(themes);
    return pullAs(store, e, author, localUser) ? e.id : QUuid();
}

} // namespace wp::test
