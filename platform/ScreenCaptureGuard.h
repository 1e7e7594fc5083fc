// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Keeps screen content out of screenshots, screen recordings and the recent-apps thumbnail.
// Android: FLAG_SECURE on the activity's window, set through JNI (QPermission and the newer
// Android helpers are Qt 6.5+). Desktop and iOS have no equivalent: enable() is a no-op there
// and supported() says so (iOS hides content on resign-active instead; docs/security.md).

#include "Result.h"

namespace wp {

class ScreenCaptureGuard
{
public:
    static bool supported();
    static Status enable();
    static Status disable();
};

} // namespace wp
