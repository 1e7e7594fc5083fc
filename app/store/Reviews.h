// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What supervisors and workers say about shared diary entries (docs/protocol.md, "Review
// marks, comments and acknowledgements"), the one place that reads and writes it for the app
// and waypointctl: the supervisor's queue of entries shared with them, their review mark and
// comments on an entry, the worker's acknowledgement of a comment, and the comments a worker
// has not acknowledged yet. Each mark, comment and acknowledgement is a Comment record of
// its writer, sent by the next sync to the pair's audience.

#include "Records.h"
#include "Result.h"
#include "StoreTypes.h"

#include <QDateTime>
#include <QUuid>

#include <optional>

namespace wp {

class Store;

// A diary entry another user shared with this device's user.
struct SharedEntry
{
    DiaryEntry entry;
    QUuid author;
    QDateTime reviewedAt; // this user's review mark; invalid when not reviewed yet
    int comments = 0;     // comments on it (review marks and acknowledgements not counted)
    bool raised = false;  // this user raised it for the next supervision
};

// A review mark, a raise or a comment with its writer and, for a comment, when the entry's author
// acknowledged it (invalid when not yet).
struct ReviewNote
{
    Comment comment;
    QUuid author;
    QDateTime acknowledgedAt;
};

struct QueueFilter
{
    QUuid author;                    // null: every worker
    std::optional<DiaryTheme> theme; // entries with this theme only
};

class Reviews
{
public:
    // `localUser`: this device's user (null when not enrolled: every record is its own).
    Reviews(Store &store, const QUuid &localUser);

    // Entries other users shared with this one: not yet reviewed first, then newest first.
    // Pages by index (records_review_queue, records_review_by_author; Schema.cpp, toV11), so
    // the first page costs the same with fifty or fifty thousand entries.
    Result<Page<SharedEntry>> queue(const QueueFilter &filter = {},
                                    const PageRequest &request = {});
    // One shared entry. NotFound when absent; InvalidInput when it is this user's own.
    Result<SharedEntry> shared(const QUuid &entryId);

    // This user has read the entry: one mark per entry and user (again returns the first).
    Result<Comment> markReviewed(const QUuid &entryId);
    // A comment on an entry shared with this user (text trimmed, not empty).
    Result<Comment> addComment(const QUuid &entryId, const QString &text);
    // Acknowledges a comment on one of this user's entries (again returns the first).
    Result<Comment> acknowledge(const QUuid &commentId);

    // Review marks, raises and comments on one entry, newest first.
    Result<QList<ReviewNote>> notesOn(const QUuid &entryId);
    // Every review mark, raise and comment held here, newest first.
    Result<QList<ReviewNote>> allNotes();
    // Comments by others on this user's entries that this user has not acknowledged,
    // newest first.
    Result<QList<ReviewNote>> unacknowledged();

private:
    Result<QList<ReviewNote>> notesFrom(const QList<Comment> &comments);
    Result<QList<Comment>> commentsOn(const QUuid &entryId);

    Store &m_store;
    QUuid m_me;
};

} // namespace wp
