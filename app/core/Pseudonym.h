// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What a pseudonym should not be. Participants are recorded by a pseudonym or initials, never
// a full name (the first-run screen promises it); the forms warn when the text typed looks
// like one, and still save: it may be a nickname.

#include <QString>

namespace wp {

// Two or more capitalised words ("Mary Smith", "Jean-Luc Picard"); not initials ("JD"), codes
// ("JD-17") nor a description in lower case ("Blue jacket").
bool looksLikeFullName(const QString &pseudonym);

} // namespace wp
