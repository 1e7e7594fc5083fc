// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the push handler's input parsing (decode, per-batch checks, digests and
// the manifest to verify), everything a push does before it touches the database.

#include "FuzzSeeds.h"
#include "SyncService.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    wp::server::Identity id;
    id.organisation = QUuid(QStringLiteral("01900000-0000-7000-8000-0000000000aa"));
    id.device = fuzz::device();
    id.user = QUuid(QStringLiteral("01900000-0000-7000-8000-0000000000bb"));
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    auto result = wp::server::SyncService::preparePush(id, bytes);
    if (auto *p = std::get_if<wp::server::PreparedPush>(&result)) {
        if (p->digests.size() != 32 * p->request.changes.size() || p->manifest.isEmpty())
            std::abort();
    } else {
        const auto &reply = std::get<wp::server::Reply>(result);
        // Bad input is always a client error with a body, never a server error.
        if (reply.status < 400 || reply.status >= 500 || reply.body.isEmpty())
            std::abort();
    }
    return 0;
}

QList<QByteArray> fuzz::targetSeeds()
{
    return messages();
}
