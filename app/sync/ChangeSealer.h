// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Turns an outbox entry into an encrypted wire change and a pulled change back into a store
// change. The plaintext is CBOR {1: changed fields, 2: field -> [ms, counter, device]} where
// the stamps map lists only fields whose stamp is not the change's own; the envelope binds
// record id, type and stamp (crypto/Envelope.h).

#include "Result.h"
#include "SecretBytes.h"
#include "StoreTypes.h"
#include "wire/Messages.h"

namespace wp::sync {

class ChangeSealer
{
public:
    static wire::Change seal(const OutboxEntry &entry, const QUuid &audienceId,
                             const SecretBytes &audienceKey);
    // Crypto when the envelope does not open, Protocol when its plaintext is malformed.
    static Result<RecordChange> open(const wire::Change &change, const SecretBytes &audienceKey);
};

} // namespace wp::sync
