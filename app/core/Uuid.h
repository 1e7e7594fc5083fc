// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// UUIDv7 (RFC 9562): 48-bit Unix milliseconds, then randomness. Ids sort by creation time,
// which keeps B-tree inserts local and gives keyset pagination a natural order.

#include <QUuid>

#include <cstdint>

namespace wp {

// Monotonic within a process: ids made in the same millisecond still increase (RFC 9562
// method 1, a 12-bit counter seeded randomly in rand_a).
QUuid createUuidV7();
// An id for a given time (imports, demo data); not ordered against other ids of that ms.
QUuid createUuidV7(std::int64_t unixMs);

// The version nibble (Qt 6.4's QUuid::version() does not know 7).
int uuidVersion(const QUuid &id);

// The creation time written into a v7 id, or -1 if the id is not v7.
std::int64_t uuidV7Millis(const QUuid &id);

// Canonical text form without braces, lower case: how ids appear in files, JSON and SQL.
QString idText(const QUuid &id);
QUuid idFromText(QStringView text); // null when the text is not a UUID

} // namespace wp
