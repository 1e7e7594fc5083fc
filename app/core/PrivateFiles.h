// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Files and folders only this user may read: 0700 folders, 0600 files. Set by the code that
// writes them, not left to the process umask, so a backup, another account on a shared
// desktop or a forensic copy of the folder finds nothing readable beyond what the cipher
// protects.

#include <QString>

namespace wp::PrivateFiles {

// Creates the folder (and its parents) if needed and makes it 0700. False when it cannot.
bool folder(const QString &path);
// Creates an empty 0600 file if none exists (a file made later by a library, like SQLite's
// database, then keeps that mode); makes an existing one 0600.
bool file(const QString &path);
// Makes an existing file 0600; does nothing when there is none.
void restrict(const QString &path);

} // namespace wp::PrivateFiles
