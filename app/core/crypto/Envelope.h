// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Content envelopes (docs/protocol.md, "Content envelopes and the key hierarchy"): one record
// version, padded to a size bucket, encrypted with XChaCha20-Poly1305 under a fresh key derived
// from its audience key, with the record id, type and HLC stamp as associated data.

#include "HybridClock.h"
#include "Result.h"
#include "SecretBytes.h"
#include "Vocabulary.h"

#include <QByteArray>
#include <QUuid>

namespace wp::crypto {

inline constexpr std::size_t AudienceKeySize = 32;
inline constexpr char EnvelopeVersion = 2;
inline constexpr qsizetype EnvelopeOverhead = 1 + 24 + 16; // version + nonce + tag

// The size a plaintext of `size` bytes takes once padded (ISO/IEC 7816-4, at least one byte):
// 256 B, 512 B, 1 KiB, 2 KiB, 4 KiB, then the next multiple of 4 KiB. A small change (a stage,
// a consent) then weighs what any other small change weighs.
std::size_t paddedSize(std::size_t size);

SecretBytes newAudienceKey();

QByteArray sealRecord(const SecretBytes &audienceKey, const QUuid &recordId, RecordType type,
                      const HlcStamp &stamp, QByteArrayView plaintext);
// Crypto error when the envelope was altered, moved to another record/type/version, or the
// key is not its audience's; Protocol error when it opens but its padding is not a bucket's,
// and Protocol with field "envelope_version" when it is of a version this code does not read.
Result<QByteArray> openRecord(const SecretBytes &audienceKey, const QUuid &recordId,
                              RecordType type, const HlcStamp &stamp, QByteArrayView envelope);

} // namespace wp::crypto
