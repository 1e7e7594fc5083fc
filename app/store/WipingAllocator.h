// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// SQLite's memory allocator for the whole process: every block SQLite frees (or outgrows in a
// realloc) is zeroed first, so freed pages, rows, search terms and statement values leave no
// plaintext in the heap. This is the property SQLCipher's `cipher_memory_security` gives,
// without its mlock + munlock system calls on every allocation (see docs/architecture.md,
// "Store", for what that trade-off means).

#include <QtGlobal>

namespace wp::sql {

// Installs the allocator once, before SQLite initialises (the first sql::Database::open does
// it). False when SQLite was already initialised by other code: the store then falls back to
// SQLCipher's own memory security.
bool installWipingAllocator();
bool wipingAllocatorInstalled();

// Wiping is on unless a store opened with memory security off (benchmark baselines) asked
// otherwise; once a store with memory security opens, it stays on for the life of the process.
void setMemoryWipe(bool on);
bool memoryWipeActive();

// Bytes zeroed on free so far (tests check that freed SQLite memory is wiped).
qint64 wipedBytes();

} // namespace wp::sql
