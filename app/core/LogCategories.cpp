// SPDX-License-Identifier: GPL-3.0-or-later
#include "LogCategories.h"

namespace wp {
Q_LOGGING_CATEGORY(lcStore, "waypoint.store", QtWarningMsg)
Q_LOGGING_CATEGORY(lcSync, "waypoint.sync", QtWarningMsg)
Q_LOGGING_CATEGORY(lcClient, "waypoint.client", QtWarningMsg)
Q_LOGGING_CATEGORY(lcServer, "waypoint.server", QtWarningMsg)
} // namespace wp
