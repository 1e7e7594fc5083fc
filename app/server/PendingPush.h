// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A push on its way through the pipeline (PushPipeline): its body checked and digested, then,
// once its signature verifies, laid out as the columns the push statements take.

#include "Identity.h"
#include "Reply.h"
#include "wire/Messages.h"

#include <QByteArray>
#include <QList>
#include <QUuid>

#include <string>

namespace wp::server {

// A push body checked and digested, before any database work.
struct PreparedPush
{
    wire::PushRequest request;
    QByteArray manifest; // the bytes the author must have signed
    QByteArray digests;  // 32 bytes per change, in order
};

// A verified push, kept until it is answered (a push that waits for its group is answered on
// another thread). Its column arrays are built once, outside any transaction: a retry reuses
// them.
struct PendingPush
{
    PendingPush(Identity who, PreparedPush what);

    // A batch with changes and no deletion: it goes the grouped way first.
    bool grouped() const;

    Identity id;
    PreparedPush prepared;
    // Audiences named (by the batch or its changes), and records named, each once, with the
    // type and audience of the record's first change.
    QList<QUuid> audienceIds, recordIds, recordAudiences;
    QList<qint64> recordTypes;
    // The grouped way: its response (every change applied), known beforehand, and what became
    // of it in its group.
    QByteArray allApplied;
    enum class Outcome { Failed, Applied, Single } outcome = Outcome::Failed;
    Reply failure = Reply::error(500, QStringLiteral("internal"), QStringLiteral("server error"));
    double databaseMs = 0; // its group's statements
};

// The columns of the changes a push stores, as SQL parameters (arrays, envelopes packed).
struct ChangeColumns
{
    explicit ChangeColumns(const QList<const wire::Change *> &changes);

    std::string records, types, deviceSeqs, ms, counters, stampDevices, audiences, deleted;
    QList<QUuid> deletedRecords;
    PackedBytes packed;
};

} // namespace wp::server
