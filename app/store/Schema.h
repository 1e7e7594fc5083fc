// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Schema versions by PRAGMA user_version, one transaction per step:
//   1  records, field stamps, outbox, meta
//   2  the audit chain
//   3  full-text search (FTS5, inside the encrypted file) and conflict copies
//   4  device secrets (sync identity, device token) and failed outbox entries
//   5  resync marks (records not seen again yet after a 410 resync_required, Resync.h)
//   6  self-care and supplies stored as vocabulary keys instead of English or French labels
//   7  pulled changes set aside (not merged: failed verification, unreadable, invalid)
//   8  conflict copies in the full-text index, so both texts of a conflict are found
// A store written by a newer Waypoint is refused with SchemaTooNew, never modified.

#include "Result.h"

namespace wp {

namespace sql {
class Database;
}

namespace schema {

inline constexpr int Latest = 12;
// "WPST": lets an unencrypted (benchmark) open tell a Waypoint file from any SQLite file.
inline constexpr int ApplicationId = 0x57505354;

Result<int> version(sql::Database &db);
// Brings the store up to `target` (default: the latest), one transaction per step.
Status migrate(sql::Database &db, int target = Latest);

} // namespace schema
} // namespace wp
