// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A TCP proxy on 127.0.0.1 that forwards to the server and can cut connections after a
// given number of bytes in either direction: a phone losing signal mid-request or
// mid-response.

#include <atomic>
#include <cstdint>
#include <mutex>
#include <thread>
#include <vector>

class LoopbackProxy
{
public:
    explicit LoopbackProxy(int targetPort);
    ~LoopbackProxy();

    int port() const { return m_port; }
    // -1: never cut. Applies to connections accepted afterwards.
    void cutAfter(std::int64_t requestBytes, std::int64_t responseBytes);
    int cuts() const { return m_cuts; }

private:
    void acceptLoop();
    void relay(int client, std::int64_t upLimit, std::int64_t downLimit);

    int m_targetPort;
    int m_listen = -1;
    int m_port = 0;
    std::atomic<bool> m_stop{false};
    std::atomic<std::int64_t> m_upLimit{-1};
    std::atomic<std::int64_t> m_downLimit{-1};
    std::atomic<int> m_cuts{0};
    std::thread m_acceptor;
    std::mutex m_mutex;
    std::vector<std::thread> m_relays;
};
