// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// An exclusive advisory lock on "<store>.lock", held for the life of a Store, so a second
// process (or a second Store in this one) gets a clear Busy error instead of sharing the WAL.
// flock() locks belong to the open file description and vanish when the process dies, so a
// crash never leaves a stale lock behind.

#include "Result.h"

#include <QString>

#include <memory>

namespace wp {

class StoreLock
{
public:
    static Result<std::unique_ptr<StoreLock>> acquire(const QString &storePath);
    ~StoreLock();
    StoreLock(const StoreLock &) = delete;
    StoreLock &operator=(const StoreLock &) = delete;

private:
    explicit StoreLock(int fd) : m_fd(fd) {}
    int m_fd = -1;
};

} // namespace wp
