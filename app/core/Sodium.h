// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace wp {
// Initialises libsodium once per process; safe to call from any thread. Aborts if the
// library cannot start, since nothing secure can happen without it.
void ensureSodium();
} // namespace wp
