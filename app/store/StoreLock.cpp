// SPDX-License-Identifier: GPL-3.0-or-later
#include "StoreLock.h"

#include <QCoreApplication>
#include <QFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace wp {

Result<std::unique_ptr<StoreLock>> StoreLock::acquire(const QString &storePath)
{
    const QByteArray lockPath = QFile::encodeName(storePath + QStringLiteral(".lock"));
    const int fd = ::open(lockPath.constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0)
        return Error{ErrorCode::Io, QCoreApplication::translate(
                                        "Store", "Cannot create the store's lock file (%1).")
                                        .arg(QString::fromLocal8Bit(std::strerror(errno)))};
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        const int err = errno;
        ::close(fd);
        if (err == EWOULDBLOCK)
            return Error{ErrorCode::Busy,
                         QCoreApplication::translate(
                             "Store", "The store is already open in another Waypoint process.")};
        return Error{ErrorCode::Io,
                     QCoreApplication::translate("Store", "Cannot lock the store (%1).")
                         .arg(QString::fromLocal8Bit(std::strerror(err)))};
    }
    return std::unique_ptr<StoreLock>(new StoreLock(fd));
}

StoreLock::~StoreLock()
{
    if (m_fd >= 0)
        ::close(m_fd); // releases the flock
}

} // namespace wp
