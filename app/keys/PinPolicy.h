// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What a new PIN or passphrase must be. The wipe after ten wrong tries only protects a PIN
// that is not among the first ten an attacker tries: so no repeated digits, no runs, none of
// the most common six-digit PINs. The app and waypointctl ask the same of a new PIN; each says
// it in its own words.

#include <QStringView>

namespace wp {

class PinPolicy
{
public:
    static constexpr int MinLength = 6;
    static constexpr int MaxLength = 256;

    enum class Problem {
        None,
        TooShort,
        TooLong,
        Repeated, // one character repeated: 000000, aaaaaa
        Sequence, // digits counting up or down: 123456, 987654, 890123
        Common,   // among the most used six-digit PINs
    };

    static Problem check(QStringView pin);
};

} // namespace wp
