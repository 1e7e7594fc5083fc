// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// POST /v1/push: the body is checked and digested (prepare), its signature verified, then the
// batch is applied the grouped way (GroupedPush, together with the other pushes of its
// organisation that arrive meanwhile: CommitGroup) or the single way (SinglePush): batches
// with a deletion or without changes, and whatever a group sends back.

#include "CommitGroup.h"
#include "GroupedPush.h"
#include "SinglePush.h"

#include <variant>

namespace wp::server {

class PushPipeline
{
public:
    PushPipeline(ConnectionPool &pool, const Statements &sql);

    // The push's input parsing (pure; the fuzz target drives it).
    static std::variant<PreparedPush, Reply> prepare(const Identity &id, QByteArrayView body);

    // Answers on this thread, or, when the push waits for a group of its organisation, on the
    // thread that applies that group; exactly once either way.
    void push(const Identity &id, QByteArrayView body, Answer answer);

private:
    GroupedPush m_grouped;
    SinglePush m_single;
    CommitGroup<QUuid, PendingPush> m_groups;
};

} // namespace wp::server
