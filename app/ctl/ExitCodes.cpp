// SPDX-License-Identifier: GPL-3.0-or-later
#include "ExitCodes.h"

namespace wp::ctl {

int exitCodeFor(const Error &error)
{
    switch (error.code) {
    case ErrorCode::WrongPin:
    case ErrorCode::LockedOut:
        return PinRefused;
    case ErrorCode::InvalidInput:
        return Usage;
    case ErrorCode::Network:
    case ErrorCode::Protocol:
        return SyncFailed;
    case ErrorCode::Unauthorized:
        return NotAuthorized;
    default:
        return StoreFailed;
    }
}

} // namespace wp::ctl
