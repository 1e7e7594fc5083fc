// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Values the store hands out: pages, search hits, field-level changes (outbox and sync).

#include "HybridClock.h"
#include "Vocabulary.h"

#include <QByteArray>
#include <QCborMap>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>
#include <QUuid>

#include <cstdint>

namespace wp {

// Keyset pagination: `after` is the opaque cursor from the previous page's `next`
// (empty for the first page). Lists never use OFFSET, so page 2,000 is as fast as page 1.
struct PageRequest
{
    QByteArray after;
    int limit = 50; // clamped to 1..500
};

template <class T> struct Page
{
    QList<T> items;
    QByteArray next; // empty when there are no more items
};

struct SearchHit
{
    // Snippets mark each match with these characters (never typed by users): a UI escapes the
    // snippet for display, then turns them into highlighting.
    static constexpr QChar MatchStart = QChar(0x0002);
    static constexpr QChar MatchEnd = QChar(0x0003);

    QUuid id;
    RecordType type = RecordType::DiaryEntry;
    QString title;
    QString snippet;
    double rank = 0; // lower is better (bm25)
};

// The unit of sync: one record's changed fields, each with the HLC stamp of its change.
// Outbox entries carry the local ones; sync hands pulled ones to Store::applyRemote.
struct RecordChange
{
    QUuid recordId;
    RecordType type = RecordType::DiaryEntry;
    QCborMap fields;                // field name -> new value (only what changed)
    QMap<QString, HlcStamp> stamps; // field name -> stamp of that change
    bool deleted = false;           // a tombstone; `stamp` says when
    HlcStamp stamp;                 // the newest stamp in this change
    std::uint64_t serverSeq = 0;    // pulled changes: its place in the server's log (else 0)
    QUuid author = {};              // pulled changes: who signed it (else null)
    QUuid audience = {};            // pulled changes: whom it was sealed for (else null)
};
using RemoteChange = RecordChange;

struct OutboxEntry
{
    qint64 seq = 0; // this device's sequence: (device id, seq) makes a push idempotent
    RecordChange change;
    QDateTime createdAt;
    // Filled by Store::pendingToSend (docs/protocol.md, "Sharing with supervisors"):
    // `shared`: a diary entry shared when read, whose change then carries every field of the
    // entry; `unshares`: the change sets `shared` to false on an entry that existed before.
    bool shared = false;
    bool unshares = false;
    // Filled for a comment (docs/protocol.md, "Review marks, comments and acknowledgements"):
    // the stored authors of the diary entry it names and of the comment it acknowledges
    // (null: this device's user, or not held), from which sync picks the other reader.
    QUuid entryAuthor;
    QUuid acknowledgedAuthor;
};

// Text that lost a concurrent edit of a free-text field: kept, shown to the user, never
// dropped (see docs/architecture.md, "Store").
struct ConflictCopy
{
    qint64 id = 0;
    QUuid recordId;
    RecordType type = RecordType::DiaryEntry;
    QString field;
    QString text;
    HlcStamp stamp; // stamp of the losing edit
    QDateTime keptAt;
};

// An open conflict: one free-text field of a record edited on this device and on another
// before either saw the other's edit. The record holds the text that won (last writer by HLC);
// the conflict copy holds the other. "Mine" is the text written on this device, "theirs" the
// one from the other device, whichever won. A stamp says when and on which device each text
// was written, as far as this store knows (the device of the newest edit of the field).
struct Conflict
{
    qint64 id = 0; // the conflict copy's id
    QUuid recordId;
    RecordType type = RecordType::DiaryEntry;
    QString field;
    QString mine;
    QString theirs;
    HlcStamp mineStamp;
    HlcStamp theirsStamp;
    bool mineWon = false; // the record holds `mine`, the copy holds `theirs`
    QDateTime keptAt;     // when this device kept the copy
};

// How the user resolves a conflict: one of the two texts, or a text of their own.
enum class ConflictChoice { KeepMine, KeepTheirs, Merge };

// A pulled change this device did not merge (docs/protocol.md, "Changes set aside"): it
// failed its batch's signature, would not open, or its content or time is not acceptable.
// Only what shows and explains it is kept, never its content or ciphertext.
struct SetAsideChange
{
    QUuid recordId;
    RecordType type = RecordType::DiaryEntry;
    QUuid author;
    QUuid audience;
    QString reason;              // a stable key: SyncEngine::describeSetAside says it in words
    QString field;               // invalid_content: the field at fault (its name, not its value)
    std::uint64_t serverSeq = 0; // its place in the server's log
    HlcStamp stamp;              // as the change claimed it
    QDateTime setAsideAt;
};

struct MergeReport
{
    int applied = 0;    // field changes or tombstones written
    int ignored = 0;    // older than what the store already had
    int conflicts = 0;  // conflict copies kept
    int unreadable = 0; // changes with a type or field this version cannot read, kept raw
    int removed = 0;    // records here that a pulled tombstone emptied
    QList<QUuid> changedRecords;
    QList<SetAsideChange> setAside; // not merged: refused by the engine or by the store
};

// One step of a resync's sweep (Store::sweepResync, Resync.h).
struct ResyncSweep
{
    int removed = 0;       // records removed: deleted elsewhere while this device was away
    int waiting = 0;       // unconfirmed records kept for a change still queued to be sent
    bool more = false;     // more to remove: call again
    bool finished = false; // the resync is over (or there was none)
};

struct AuditVerification
{
    qint64 entries = 0;
    qint64 firstBrokenSeq = 0; // 0 when the chain is intact
    bool intact() const { return firstBrokenSeq == 0; }
};

} // namespace wp
