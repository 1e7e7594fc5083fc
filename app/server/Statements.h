// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The service's SQL, kept in sql/*.sql (Qt resources) rather than in C++ string literals, and
// loaded once at start-up. A file holds named pieces, each starting at a "-- name: NAME" line.
// A piece may leave a hole, "{{hole}}", that a statement fills with another piece or with
// nothing: variants of one statement share their text instead of repeating it.
// Comments are stripped on loading: the database sees the SQL only.

#include "Database.h"
#include "Result.h"

#include <map>
#include <string>
#include <string_view>

namespace wp::server {

class Statements
{
public:
    // Reads and composes every statement; an error names what is missing.
    static Result<Statements> load();

    // The statement called `name` (a bug if there is none: throws std::logic_error).
    const std::string &text(std::string_view name) const;
    // The hot statements, prepared on every pooled connection (give them to the pool).
    ConnectionPool::Prepared prepared() const;
    // Session settings for those connections (give them to the pool too).
    const std::string &sessionSetup() const { return text("session"); }

private:
    std::map<std::string, std::string, std::less<>> m_statements;
};

} // namespace wp::server
