// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// POST /v1/sync: authenticates (as Authentication::authenticate(), revoked devices refused)
// and reads a pull page in one statement ("sync_pull"), then applies the push part (if any)
// after its snapshot, and answers as PushPipeline::push() does. A refused pull refuses the
// whole request and pushes nothing; a refused push part is answered inside the response, as
// /v1/push would have answered it. A caller already authenticated (its body did not come
// with its head, so the front end checked the credentials before reading it) reads the page
// with the plain "pull" statement instead.

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
    void sync(const Identity &id, QByteArrayView body, Answer answer);

private:
    // Answers with the page `pulled`, after applying `push` (if any) as `id`.
    void finish(const Identity &id, Reply pulled, const QByteArray &push, Answer answer);

    ConnectionPool &m_pool;
    PushPipeline &m_pushes;
};

} // namespace wp::server
