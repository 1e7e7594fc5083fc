// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Demo data for the review screens: this device's user as a worker whose supervisor Alex
// read and commented on an entry, then as a supervisor of Sam and Jo with their shared
// entries, some reviewed, commented and acknowledged. Records of others are stored as a pull
// stores them.

#include "Result.h"

#include <QUuid>

namespace wp {
class Store;
}

namespace wp::client {

// The worker's side: returns the id of the entry Alex commented on.
Result<QUuid> addWorkerReviewDemo(wp::Store &store);
// The supervisor's side: returns the id of an entry Sam shared, with a comment thread.
Result<QUuid> addSupervisorReviewDemo(wp::Store &store);

} // namespace wp::client
