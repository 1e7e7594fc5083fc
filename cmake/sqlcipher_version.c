// SPDX-License-Identifier: GPL-3.0-or-later
/* Prints SQLCipher's own version (PRAGMA cipher_version), used by CMake to refuse old releases. */
#define SQLITE_HAS_CODEC 1
#include <sqlite3.h>
#include <stdio.h>

static int print_first(void *unused, int n, char **values, char **names)
{
    (void)unused; (void)names;
    if (n > 0 && values[0]) printf("%s\n", values[0]);
    return 0;
}

int main(void)
{
    sqlite3 *db = 0;
    if (sqlite3_open(":memory:", &db) != SQLITE_OK) return 1;
    int rc = sqlite3_exec(db, "PRAGMA cipher_version;", print_first, 0, 0);
    sqlite3_close(db);
    return rc == SQLITE_OK ? 0 : 1;
}
