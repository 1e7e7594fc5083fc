// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Why the server refused a request: the stable codes of its Error bodies (docs/protocol.md,
// "Errors"), decoded once by SyncClient into wp::Error::reason. Everything after SyncClient
// (the engine, enrolment, the messages the user reads, waypointctl's exit codes) asks
// serverErrorOf() and never compares code strings.
//
// The device's own reasons share the same member without overlapping: StoreClosed (the app
// locked while a sync or an enrolment waited for its store) is set by the app's StoreRelay.

#include "Result.h"

#include <QString>

namespace wp::sync {

enum class ServerError {
    None = 0,             // not a server's refusal (unreachable, a local failure)
    Malformed,            // 400 malformed: the body is not a valid message
    UnsupportedVersion,   // 400 unsupported_version: this app is too old
    Unauthorized,         // 401 unauthorized: wrong or unknown token
    EnrolmentCodeInvalid, // 401 enrolment_code_invalid: unknown, used or expired code
    DeviceRevoked,        // 403 device_revoked: destroy the sync identity
    Forbidden,            // 403 forbidden: the request names another device or organisation
    NotFound,             // 404 not_found: no key backup yet, or an unknown route
    MethodNotAllowed,     // 405 method_not_allowed
    Conflict,             // 409 conflict: the user's keys are set already, differently
    KeysMissing,          // 409 keys_missing: the user has no keys yet
    SequenceReused,       // 409 sequence_reused: a batch sequence sent again, other content
    ResyncRequired,       // 410 resync_required: the cursor is older than the horizon
    TooLarge,             // 413 too_large
    BadSignature,         // 422 bad_signature
    RateLimited,          // 429 rate_limited: too many failed authentications
    Unavailable,          // 503 unavailable: the database is unreachable
    Internal,             // 500 internal: a server bug
    Other,                // a code this version does not know, or an answer without a body
};

// The device's own reasons on wp::Error::reason, numbered past every ServerError.
enum class LocalReason {
    StoreClosed = 1000, // the store closed (the app locked) under a sync or an enrolment
    PlainHttpRemote,    // the address is http:// to another machine (ServerAddress.h)
};

// The code as the server spells it on the wire, and back (Other for anything unknown).
QString wireCodeOf(ServerError error);
ServerError serverErrorFromCode(QStringView code);

// What the server said, None when the error is not a server's refusal.
ServerError serverErrorOf(const Error &error);
bool isStoreClosed(const Error &error);
bool hasReason(const Error &error, LocalReason reason);

// `error` carrying `reason`.
Error withReason(Error error, ServerError reason);
Error withReason(Error error, LocalReason reason);

} // namespace wp::sync
