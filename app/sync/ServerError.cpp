// SPDX-License-Identifier: GPL-3.0-or-later
#include "ServerError.h"

#include <array>
#include <utility>

namespace wp::sync {

namespace {

constexpr std::array<std::pair<ServerError, const char *>, 17> Codes{{
    {ServerError::Malformed, "malformed"},
    {ServerError::UnsupportedVersion, "unsupported_version"},
    {ServerError::Unauthorized, "unauthorized"},
    {ServerError::EnrolmentCodeInvalid, "enrolment_code_invalid"},
    {ServerError::DeviceRevoked, "device_revoked"},
    {ServerError::Forbidden, "forbidden"},
    {ServerError::NotFound, "not_found"},
    {ServerError::MethodNotAllowed, "method_not_allowed"},
    {ServerError::Conflict, "conflict"},
    {ServerError::KeysMissing, "keys_missing"},
    {ServerError::SequenceReused, "sequence_reused"},
    {ServerError::ResyncRequired, "resync_required"},
    {ServerError::TooLarge, "too_large"},
    {ServerError::BadSignature, "bad_signature"},
    {ServerError::RateLimited, "rate_limited"},
    {ServerError::Unavailable, "unavailable"},
    {ServerError::Internal, "internal"},
}};

} // namespace

QString wireCodeOf(ServerError error)
{
    for (const auto &[value, code] : Codes)
        if (value == error)
            return QString::fromLatin1(code);
    return error == ServerError::None ? QString() : QStringLiteral("other");
}

ServerError serverErrorFromCode(QStringView code)
{
    for (const auto &[value, text] : Codes)
        if (code == QLatin1String(text))
            return value;
    return ServerError::Other;
}

ServerError serverErrorOf(const Error &error)
{
    if (error.reason <= int(ServerError::None) || error.reason > int(ServerError::Other))
        return ServerError::None;
    return ServerError(error.reason);
}

bool isStoreClosed(const Error &error)
{
    return hasReason(error, LocalReason::StoreClosed);
}

bool hasReason(const Error &error, LocalReason reason)
{
    return error.reason == int(reason);
}

Error withReason(Error error, ServerError reason)
{
    error.reason = int(reason);
    return error;
}

Error withReason(Error error, LocalReason reason)
{
    error.reason = int(reason);
    return error;
}

} // namespace wp::sync
