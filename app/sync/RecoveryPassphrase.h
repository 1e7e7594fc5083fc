// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The one rule for a new recovery passphrase, which wraps the backup of the user's keys on the
// server (docs/security.md): the app's form, waypointctl and Enrolment all ask here, so the
// rule changes in one place. Characters are Unicode characters (code points), not bytes or
// UTF-16 units: "café" is 4.

#include "SecretBytes.h"

#include <QStringView>

namespace wp::sync {

struct RecoveryPassphrase
{
    static constexpr int MinLength = 10;

    static int length(QStringView text);
    static int length(const SecretBytes &utf8);
    static bool longEnough(QStringView text) { return length(text) >= MinLength; }
    static bool longEnough(const SecretBytes &utf8) { return length(utf8) >= MinLength; }
};

} // namespace wp::sync
