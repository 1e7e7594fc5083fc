// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// POST /v1/sync: authenticates (as Authentication::authenticate(), revoked devices refused)
// and reads a pull page in one statement ("sync_pull"), then applies the push part (if any)
// after its snapshot, and answers as PushPipeline::push() does. A refused pull refuses the
// whole request and pushes nothing; a refused push part is answered inside the response, as
// /v1/push would have answered it.

#include "PushPipeline.h"

#include <QString>

#include <string_view>

namespace wp::server {

class SyncRoundTrip
{
public:
    SyncRoundTrip(ConnectionPool &pool, PushPipeline &pushes) : m_pool(pool), m_pushes(pushes) {}

    // `organisation`: the caller's, set before this returns once authenticated (for the
    // request log).
    void sync(std::string_view authorization, QByteArrayView body, QString *organisation,
              Answer answer);

private:
    ConnectionPool &m_pool;
    PushPipeline &m_pushes;
};

} // namespace wp::server
