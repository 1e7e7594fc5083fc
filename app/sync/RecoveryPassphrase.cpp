// SPDX-License-Identifier: GPL-3.0-or-later
#include "RecoveryPassphrase.h"

namespace wp::sync {

int RecoveryPassphrase::length(QStringView text)
{
    int n = 0;
    for (QChar c : text)
        n += c.isLowSurrogate() ? 0 : 1; // a surrogate pair is one character
    return n;
}

int RecoveryPassphrase::length(const SecretBytes &utf8)
{
    // Counted in place, without a decoded copy of the secret: every UTF-8 byte but the
    // continuation bytes (10xxxxxx) starts a character.
    int n = 0;
    for (std::size_t i = 0; i < utf8.size(); ++i)
        n += (utf8.data()[i] & 0xC0) == 0x80 ? 0 : 1;
    return n;
}

} // namespace wp::sync
