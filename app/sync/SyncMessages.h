// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the user reads when enrolment or a sync does not go through: one table for the app and
// waypointctl. The texts are translatable (context "Sync", scripts/update-translations reads
// this file): the app shows them in the user's language, waypointctl in English (it installs
// no translator). Front ends may add their own next step (a command to run).

#include "Enrolment.h"

#include <QString>

namespace wp::sync {

// Empty for Outcome::Done.
QString enrolmentMessage(Enrolment::Outcome outcome, const Error &cause);
// A sync round that failed, from the server's code (serverErrorOf) or the error's kind.
QString syncFailureMessage(const Error &error);
// A server address given as http:// to another machine (ServerAddress.h).
QString plainHttpMessage();
// A typed recovery key that fails its checksum (crypto::RecoveryKey::parse's error): names
// the group that looks wrong when the error's reason gives one.
QString recoveryKeyMistypedMessage(const Error &cause);

} // namespace wp::sync
