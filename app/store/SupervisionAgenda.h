// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// "To discuss" at the worker's next supervision (docs/protocol.md, "Review marks, comments
// and acknowledgements", raise at next supervision): the worker's own diary entries that a
// supervisor, or the worker, raised, until a supervision note of the worker's held on or
// after the day of the raise is saved (first saved after the raise). Also each user's own raise on
// an entry, so a device changes that one raise rather than writing another.

#include "Records.h"
#include "Result.h"

#include <QDateTime>
#include <QList>
#include <QUuid>

#include <optional>

namespace wp {

class Store;

struct RaisedEntry
{
    DiaryEntry entry;
    QDateTime raisedAt;    // the latest raise still on
    QList<QUuid> raisedBy; // who raised it (the user's own id among them when they did)
};

class SupervisionAgenda
{
public:
    // `me`: this device's user (Store::authorOf's local user).
    SupervisionAgenda(Store &store, const QUuid &me) : m_store(store), m_me(me) {}

    // The user's entries raised and not yet discussed, newest raise first. `exceptNote`: a
    // note left out of the check (the one on screen, so it lists what it discusses).
    Result<QList<RaisedEntry>> toDiscuss(const QUuid &exceptNote = {});
    // The user's own raise on `entry` (on or taken back), if any.
    Result<std::optional<Comment>> ownRaise(const QUuid &entry);
    // Raises `entry` (or takes the raise back): changes the user's own raise, or writes one.
    // Taking back a raise the user never made is NotFound.
    Result<Comment> setRaised(const QUuid &entry, bool raised);

private:
    Store &m_store;
    QUuid m_me;
};

} // namespace wp
