// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One Ed25519 signature per pushed batch over its manifest (the digests of its changes), so
// the per-record cost of authenticity is one BLAKE2b hash (docs/protocol.md, "Content envelopes and
// the key hierarchy").

#include "SecretBytes.h"
#include "wire/Messages.h"

#include <QByteArray>

namespace wp::crypto {

QByteArray blake2b256(QByteArrayView data);
QByteArray changeDigest(const wire::Change &change);

QByteArray signManifest(const SecretBytes &signingSecret, QByteArrayView manifest);
bool verifyManifest(QByteArrayView signingPublic, QByteArrayView manifest,
                    QByteArrayView signature);

} // namespace wp::crypto
