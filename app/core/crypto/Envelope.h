// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Content envelopes (docs/protocol.md, "Content envelopes and the key hierarchy"): one record
// version encrypted with XChaCha20-Poly1305 under a fresh key derived from its audience key,
// with the record id, type and HLC stamp as associated data.

#include "HybridClock.h"
#include "Result.h"
#include "SecretBytes.h"
#include "Vocabulary.h"

#include <QByteArray>
#include <QUuid>

namespace wp::crypto {

inline constexpr std::size_t AudienceKeySize = 32;
inline constexpr qsizetype EnvelopeOverhead = 24 + 16; // nonce + tag

SecretBytes newAudienceKey();

QByteArray sealRecord(const SecretBytes &audienceKey, const QUuid &recordId, RecordType type,
                      const HlcStamp &stamp, QByteArrayView plaintext);
// Crypto error when the envelope was altered, moved to another record/type/version, or the
// key is not its audience's.
Result<QByteArray> openRecord(const SecretBytes &audienceKey, const QUuid &recordId,
                              RecordType type, const HlcStamp &stamp, QByteArrayView envelope);

} // namespace wp::crypto
