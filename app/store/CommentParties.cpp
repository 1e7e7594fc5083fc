// SPDX-License-Identifier: GPL-3.0-or-later
// Who a comment, review mark or acknowledgement is between (docs/protocol.md, "Review marks,
// comments and acknowledgements"): the authors of the records it names, for the sealing of
// what is sent and the checking of what is pulled.
#include "Store.h"

namespace wp {

namespace {

const QString DiaryEntryField = QStringLiteral("diaryEntryId");
const QString AcknowledgesField = QStringLiteral("acknowledges");

QUuid idField(const QCborMap &fields, const QString &name)
{
    return QUuid::fromString(fields.value(name).toString());
}

} // namespace

Result<std::optional<QUuid>> Store::storedAuthor(const QUuid &id)
{
    if (id.isNull())
        return std::optional<QUuid>();
    sql::Statement &find = m_db->cached("SELECT author FROM records WHERE id = ? AND deleted = 0");
    find.bindId(1, id);
    Result<bool> row = find.step();
    if (!row)
        return row.error();
    if (!*row)
        return std::optional<QUuid>();
    const QUuid author = find.id(0);
    find.reset();
    return std::optional<QUuid>(author);
}

Result<QUuid> Store::authorOf(const QUuid &id, const QUuid &localUser)
{
    Result<std::optional<QUuid>> author = storedAuthor(id);
    if (!author)
        return author.error();
    if (!*author)
        return Error(ErrorCode::NotFound, QStringLiteral("no such record"));
    return (*author)->isNull() ? localUser : **author;
}

Status Store::noteCommentParties(OutboxEntry &entry)
{
    // An edit carries only what changed: the names come from the record as stored.
    Result<QCborMap> fields = m_table.read(RecordType::Comment, entry.change.recordId);
    if (!fields)
        return fields.error().code == ErrorCode::NotFound ? Status() : Status(fields.error());
    Result<std::optional<QUuid>> entryAuthor = storedAuthor(idField(*fields, DiaryEntryField));
    if (!entryAuthor)
        return entryAuthor.error();
    entry.entryAuthor = entryAuthor->value_or(QUuid());
    Result<std::optional<QUuid>> commentAuthor = storedAuthor(idField(*fields, AcknowledgesField));
    if (!commentAuthor)
        return commentAuthor.error();
    entry.acknowledgedAuthor = commentAuthor->value_or(QUuid());
    return {};
}

Result<bool> Store::isForgedAcknowledgement(const RemoteChange &change, const QUuid &localUser)
{
    if (change.type != RecordType::Comment || change.deleted ||
        idField(change.fields, AcknowledgesField).isNull())
        return false;
    // Only the author of the entry a comment is on acknowledges it; an entry not held here
    // (withdrawn, or never shared with this user) has nobody to acknowledge it to.
    Result<QUuid> entryAuthor = authorOf(idField(change.fields, DiaryEntryField), localUser);
    if (!entryAuthor)
        return entryAuthor.error().code == ErrorCode::NotFound ? Result<bool>(true)
                                                               : Result<bool>(entryAuthor.error());
    return *entryAuthor != change.author;
}

} // namespace wp
