// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Numbered SQL steps (migrations/NNNN_name.sql, compiled in as resources), each applied in
// its own transaction under an advisory lock so several instances can start at once.

#include "Result.h"

#include <pqxx/pqxx>

namespace wp::server {

class Migrations
{
public:
    static int latest();
    // Applies every missing step; returns the schema version reached.
    static Result<int> apply(pqxx::connection &c);
    // The version in the database (0 when empty).
    static int current(pqxx::connection &c);
};

} // namespace wp::server
