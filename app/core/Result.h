// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Errors are values where failure is expected (wrong PIN, bad input, full disk); exceptions
// are for bugs only. A small stand-in for std::expected, which GCC 12 lacks in C++20.

#include <QString>

#include <utility>
#include <variant>

namespace wp {

enum class ErrorCode {
    InvalidInput, // a field is out of range, too long, missing
    NotFound,     // no record with that id
    WrongPin,     // the PIN or passphrase did not unwrap the key
    LockedOut,    // backing off after wrong PINs, or keys destroyed
    NotAStore,    // the file is not a Waypoint store (or the key is wrong)
    Corrupt,      // the store failed an integrity check or is truncated
    SchemaTooNew, // written by a newer Waypoint
    DiskFull,     // the write did not fit; nothing was committed
    Busy,         // another process holds the store
    Io,           // any other file-system error
    Crypto,       // authentication of ciphertext failed, or a crypto call failed
    Unavailable,  // an OS facility (keychain) is missing
    Conflict,     // a concurrent change won
    Protocol,     // malformed or unexpected data from the other side
    Network,      // the other side could not be reached
    Unauthorized, // bad, revoked or missing credentials
    Internal,     // a bug: should never reach a user
};

struct Error
{
    ErrorCode code = ErrorCode::Internal;
    QString message; // one clear line, safe to show; never contains secrets or content
    QString field;   // the offending field, for validation errors
    // The producing subsystem's own reason code, 0 when it gives none (e.g. sync::ServerError,
    // read back with sync::serverErrorOf): core stays generic and never interprets it.
    int reason = 0;

    Error() = default;
    Error(ErrorCode c, QString m, QString f = {})
        : code(c), message(std::move(m)), field(std::move(f))
    {
    }
};

template <typename T> class [[nodiscard]] Result
{
public:
    Result(T value) : m_value(std::move(value)) {}
    Result(Error error) : m_value(std::move(error)) {}

    bool ok() const { return m_value.index() == 0; }
    explicit operator bool() const { return ok(); }

    T &value() & { return std::get<0>(m_value); }
    const T &value() const & { return std::get<0>(m_value); }
    // By value: `for (x : f().value())` must not iterate a destroyed temporary.
    T value() && { return std::get<0>(std::move(m_value)); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }
    T &operator*() & { return value(); }
    const T &operator*() const & { return value(); }

    const Error &error() const { return std::get<1>(m_value); }

private:
    std::variant<T, Error> m_value;
};

template <> class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)), m_ok(false) {}

    bool ok() const { return m_ok; }
    explicit operator bool() const { return m_ok; }
    const Error &error() const { return m_error; }

private:
    Error m_error;
    bool m_ok = true;
};

using Status = Result<void>;

} // namespace wp
