// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// waypointctl's exit codes (README, "waypointctl"): what a script can tell apart.

#include "Result.h"

namespace wp::ctl {

enum ExitCode {
    Ok = 0,
    Usage = 2,
    PinRefused = 3, // wrong PIN or recovery key, or locked
    StoreFailed = 4,
    SyncFailed = 5,     // server unreachable or failing, sync incomplete: run sync again
    NotAuthorized = 6,  // not enrolled, code or token refused, device revoked, out of lease
    ChangesRefused = 7, // everything synced except changes the server refused for good
};

// Which exit code an error gets.
int exitCodeFor(const Error &error);

} // namespace wp::ctl
