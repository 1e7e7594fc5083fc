// SPDX-License-Identifier: GPL-3.0-or-later
#include "Sodium.h"

#include <QtGlobal>

#include <sodium.h>

namespace wp {
void ensureSodium()
{
    static const bool ready = sodium_init() >= 0;
    if (!ready)
        qFatal("libsodium failed to initialise");
}
} // namespace wp
