// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The two-person audience of a comment, review mark or acknowledgement (docs/protocol.md,
// "Review marks, comments and acknowledgements"): its id and key derive from the author's
// private audience key and the other reader's user id, so every device of the author finds
// the same audience without storing it, and nobody without that key can link it to the pair.

#include "SecretBytes.h"

#include <QUuid>

namespace wp::crypto {

struct PairAudience
{
    QUuid id;
    SecretBytes key;
};

PairAudience pairAudience(const SecretBytes &privateAudienceKey, const QUuid &counterpart);

} // namespace wp::crypto
