// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// waypointctl's conflict commands: the open conflicts (a free-text field edited here and on
// another device before either synced) with both texts, and their resolution, which is an
// ordinary local edit that the next `waypointctl sync` sends (ConflictCopies.h).

#include "CommandLine.h"
#include "Result.h"

#include <QTextStream>

namespace wp {
class Store;
}

namespace wp::ctl {

class ConflictCommands
{
public:
    ConflictCommands(Store &store, QTextStream &out) : m_store(store), m_out(out) {}

    // Oldest first: id, record, field, then this device's text and the other device's.
    Status list(const ParsedCommand &command);
    // `conflicts resolve ID --keep mine|theirs` or `--text T` (a merged text).
    Status resolve(const ParsedCommand &command);

private:
    Store &m_store;
    QTextStream &m_out;
};

} // namespace wp::ctl
