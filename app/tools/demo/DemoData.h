// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Realistic demo records, written through the core and the store like any user's (never
// hard-coded into QML): used by the screenshots and the benchmark.

#include "Result.h"

#include <QDate>

namespace wp {
class Store;
}

namespace wp::client {

struct DemoSize
{
    int participants = 8;
    int encounters = 24;
    int diaryEntries = 7;
    int supervisionNotes = 3;
};

// Fills the store; dates are spread over the weeks before `today`. Deterministic for a size.
Status addDemoData(wp::Store &store, const DemoSize &size = {}, QDate today = QDate::currentDate());

} // namespace wp::client
