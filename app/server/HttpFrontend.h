// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The HTTP(S) face of SyncService: routes, authentication with rate limiting, CBOR bodies,
// and one JSON log line per request (route, status, duration, organisation; never bodies,
// tokens or keys), written before its answer is sent.
//
// A request is judged on its head first: an unknown route, a body over the route's limit, a
// limited client and (where the route needs them) wrong credentials are answered before a
// byte of the body is read. Only then is the body read and decoded.

#include "AuthLimiter.h"
#include "HttpListener.h"
#include "SyncService.h"

#include <QString>

#include <functional>
#include <string_view>
#include <vector>

namespace wp::server {

struct ServeOptions : ListenOptions
{
    int authFailuresPerMinute = 10;
};

class HttpFrontend
{
public:
    // The body limit of the routes that carry no batch (enrolment, keys, requests without a
    // body): far above what they take, far below what a batch may weigh.
    static constexpr std::size_t SmallBody = 16 * 1024;

    HttpFrontend(SyncService &service, ServeOptions options);

    // Binds the socket; returns the port (useful with port 0).
    Result<int> bind() { return m_listener.bind(); }
    void run() { m_listener.run(); }   // blocks until stop()
    void stop() { m_listener.stop(); } // thread-safe

private:
    // What a request's handling tells its log line beyond the reply.
    struct Notes
    {
        QString organisation;
        double authMs = 0;
    };
    enum class Access {
        Open,         // no credentials (enrolment: its code is in the body)
        Device,       // an active device
        AnyDevice,    // a device, revoked or not (its status)
        DeviceOrSync, // as Device; a body that came whole with the head is authenticated by
                      // the sync statement itself (SyncRoundTrip), saving a round trip
    };
    // Answers a request whose body has been read, through `answer`, exactly once, on this
    // thread or later on another. `id` is null for open routes.
    using Handler = std::function<void(const Identity *id, const HttpRequest &, Notes &, Answer)>;
    struct Route
    {
        std::string_view method;
        std::string_view path;
        Access access;
        std::size_t bodyLimit;
        Handler handle;
    };
    struct Exchange;

    void answer(HttpRequest head, HttpListener::Respond respond, HttpListener::ReadBody readBody);
    // The request's route, or null once it answered 404 or 405.
    const Route *route(const HttpRequest &req, const Answer &answer) const;
    // Reads the body, then runs the route's handler (or answers 413).
    void withBody(const std::shared_ptr<Exchange> &x, const Route &r, const Identity *id,
                  const Answer &answer);

    SyncService &m_service;
    AuthLimiter m_limiter;
    std::vector<Route> m_routes;
    HttpListener m_listener;
};

} // namespace wp::server
