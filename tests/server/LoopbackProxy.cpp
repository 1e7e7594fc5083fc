// SPDX-License-Identifier: GPL-3.0-or-later
#include "LoopbackProxy.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {
sockaddr_in loopback(int port)
{
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(std::uint16_t(port));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return a;
}
} // namespace

LoopbackProxy::LoopbackProxy(int targetPort) : m_targetPort(targetPort)
{
    m_listen = ::socket(AF_INET, SOCK_STREAM, 0);
    const int yes = 1;
    ::setsockopt(m_listen, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    sockaddr_in a = loopback(0);
    ::bind(m_listen, reinterpret_cast<sockaddr *>(&a), sizeof a);
    ::listen(m_listen, 64);
    socklen_t len = sizeof a;
    ::getsockname(m_listen, reinterpret_cast<sockaddr *>(&a), &len);
    m_port = ntohs(a.sin_port);
    m_acceptor = std::thread([this] { acceptLoop(); });
}

LoopbackProxy::~LoopbackProxy()
{
    m_stop = true;
    ::shutdown(m_listen, SHUT_RDWR);
    ::close(m_listen);
    m_acceptor.join();
    std::lock_guard lock(m_mutex);
    for (std::thread &t : m_relays)
        t.join();
}

void LoopbackProxy::cutAfter(std::int64_t requestBytes, std::int64_t responseBytes)
{
    m_upLimit = requestBytes;
    m_downLimit = responseBytes;
}

void LoopbackProxy::acceptLoop()
{
    while (!m_stop) {
        pollfd p{m_listen, POLLIN, 0};
        if (::poll(&p, 1, 100) <= 0)
            continue;
        const int client = ::accept(m_listen, nullptr, nullptr);
        if (client < 0)
            continue;
        std::lock_guard lock(m_mutex);
        m_relays.emplace_back([this, client, up = m_upLimit.load(), down = m_downLimit.load()] {
            relay(client, up, down);
        });
    }
}

void LoopbackProxy::relay(int client, std::int64_t upLimit, std::int64_t downLimit)
{
    const int server = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a = loopback(m_targetPort);
    if (::connect(server, reinterpret_cast<sockaddr *>(&a), sizeof a) != 0) {
        ::close(server);
        ::close(client);
        return;
    }
    std::int64_t up = 0, down = 0;
    char buf[16384];
    bool open = true;
    while (open && !m_stop) {
        pollfd fds[2] = {{client, POLLIN, 0}, {server, POLLIN, 0}};
        if (::poll(fds, 2, 100) <= 0)
            continue;
        for (int i = 0; i < 2 && open; ++i) {
            if (!(fds[i].revents & (POLLIN | POLLHUP | POLLERR)))
                continue;
            const bool isUp = i == 0;
            const std::int64_t limit = isUp ? upLimit : downLimit;
            std::int64_t &count = isUp ? up : down;
            std::size_t want = sizeof buf;
            if (limit >= 0)
                want = std::size_t(
                    std::min<std::int64_t>(want, std::max<std::int64_t>(limit - count, 0)));
            if (limit >= 0 && want == 0) {
                ++m_cuts;
                open = false;
                break;
            }
            const ssize_t n = ::recv(fds[i].fd, buf, want, 0);
            if (n <= 0) {
                open = false;
                break;
            }
            ::send(isUp ? server : client, buf, std::size_t(n), MSG_NOSIGNAL);
            count += n;
            if (limit >= 0 && count >= limit) {
                ++m_cuts;
                open = false;
            }
        }
    }
    // An abortive close (RST), like a connection lost in the field.
    linger l{1, 0};
    ::setsockopt(client, SOL_SOCKET, SO_LINGER, &l, sizeof l);
    ::setsockopt(server, SOL_SOCKET, SO_LINGER, &l, sizeof l);
    ::close(server);
    ::close(client);
}
