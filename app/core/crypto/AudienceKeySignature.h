// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// An audience key sealed to one reader travels signed by the audience's author
// (docs/protocol.md, "Signed audience keys"): a sealed box alone says nothing about who made
// it, so anyone holding the reader's public key (a breached server) could hand the reader a
// key of its own and read what the reader then writes in that audience, or feed it changes.
// On the wire the signed form is the sealed box followed by an Ed25519 signature over a
// domain prefix, the audience id, the reader's user id and the sealed box.

#include "SecretBytes.h"

#include <QByteArray>
#include <QUuid>

#include <optional>

namespace wp::crypto {

// The sealed box `sealed` (sealTo) with the author's signature appended.
QByteArray signAudienceKey(const SecretBytes &authorSigningSecret, const QUuid &audienceId,
                           const QUuid &reader, QByteArrayView sealed);

// The sealed box inside `signedKey` when the author's signature verifies for this audience
// and reader; nothing when it is unsigned, signed by someone else or for something else.
std::optional<QByteArray> verifiedAudienceKey(QByteArrayView authorSigningPublic,
                                              const QUuid &audienceId, const QUuid &reader,
                                              QByteArrayView signedKey);

} // namespace wp::crypto
