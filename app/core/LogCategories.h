// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Waypoint's diagnostic logging categories, one per layer. Debug and info lines are off unless
// turned on, e.g. QT_LOGGING_RULES="waypoint.*.debug=true"; warnings are on. A line says what
// happened and how long it took, never what a record holds: no text typed by a worker, no
// pseudonym, no key, token, PIN or passphrase, only counts, durations, versions and error
// kinds (wp::Error::message is written to be safe to show). tst_logging holds them to it.
//
//   waypoint.store   opening and migrating the encrypted store
//   waypoint.sync    sync rounds and enrolment on the device
//   waypoint.client  the app's session (setup, lock, unlock)
//   waypoint.server  the sync service's start-up and schema (requests have their JSON log)

#include <QLoggingCategory>

namespace wp {
Q_DECLARE_LOGGING_CATEGORY(lcStore)
Q_DECLARE_LOGGING_CATEGORY(lcSync)
Q_DECLARE_LOGGING_CATEGORY(lcClient)
Q_DECLARE_LOGGING_CATEGORY(lcServer)
} // namespace wp
