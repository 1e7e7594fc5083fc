// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// waypointctl's review commands (docs/protocol.md, "Review marks, comments and
// acknowledgements"): a supervisor lists the entries their workers shared, marks one
// reviewed and comments on it; a worker lists the comments and marks on their entries and
// acknowledges a comment; the supervisor sees the acknowledgement. Either raises an entry at
// the worker's next supervision. Each is a Comment record
// written here and sent by the next `waypointctl sync`.

#include "CommandLine.h"
#include "Records.h"
#include "Result.h"
#include "Reviews.h"

#include <QHash>
#include <QTextStream>

namespace wp::ctl {

class ReviewCommands
{
public:
    ReviewCommands(Store &store, QTextStream &out);

    // Shared entries from other users: not yet reviewed first, then newest first.
    Status list(const ParsedCommand &command);
    // `review mark ENTRY-ID`: this user has read the entry (once; again is a no-op).
    Status mark(const ParsedCommand &command);
    // `review raise ENTRY-ID [--off]`: to discuss at the next supervision (an entry shared with
    // this user, or one of their own); --off takes this user's raise back.
    Status raise(const ParsedCommand &command);
    // The user's entries raised and not yet discussed at a supervision, newest raise first.
    Status agenda(const ParsedCommand &command);
    // `comment add ENTRY-ID --text T` on an entry shared with this user.
    Status addComment(const ParsedCommand &command);
    // Comments and review marks, newest first, each with who wrote it and its
    // acknowledgement by the entry's author.
    Status listComments(const ParsedCommand &command);
    // `comment ack COMMENT-ID` on a comment on one of this user's entries.
    Status acknowledge(const ParsedCommand &command);

private:
    // The entry or comment the command's first argument names; a usage error when absent.
    Result<QUuid> idArgument(const ParsedCommand &command, const QString &what);
    Status reported(const Error &error, const QUuid &id, const QString &what);
    QString nameOf(const QUuid &user) const;

    Store &m_store;
    QTextStream &m_out;
    QUuid m_me;
    Reviews m_reviews;
    QHash<QUuid, QString> m_names; // supervisors and workers, as the server last said
};

} // namespace wp::ctl
