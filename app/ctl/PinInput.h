// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Where waypointctl gets a PIN: an environment variable (automation) or the terminal with
// echo off. Never argv, which any user can read from the process list.

#include "Result.h"
#include "SecretBytes.h"

namespace wp::ctl {

// Reads `variable` if set (the copy is wiped), else prompts on /dev/tty without echo; with
// `confirm`, asks twice and requires both to match. Unavailable when neither works.
Result<SecretBytes> readPin(const char *variable, const QString &prompt, bool confirm = false);

} // namespace wp::ctl
