// SPDX-License-Identifier: GPL-3.0-or-later
#include "WipingAllocator.h"

#define SQLITE_HAS_CODEC 1
#include <sqlite3.h>

#include "Sodium.h"

#include <sodium.h>

#include <atomic>
#include <cstdlib>
#include <cstring>
#include <mutex>

namespace wp::sql {

namespace {

// The block size sits in front of every block; 16 bytes keep SQLite's 8-byte alignment and
// malloc's 16-byte one.
struct alignas(16) Header
{
    std::size_t size;
};
static_assert(sizeof(Header) == 16);

std::atomic<bool> g_installed{false};
std::atomic<bool> g_wipe{true};
std::atomic<bool> g_wipeLatched{false};
std::atomic<qint64> g_wiped{0};

Header *headerOf(void *p)
{
    return static_cast<Header *>(p) - 1;
}

void *wipingMalloc(int n)
{
    if (n <= 0)
        return nullptr;
    auto *h = static_cast<Header *>(std::malloc(sizeof(Header) + std::size_t(n)));
    if (!h)
        return nullptr;
    h->size = std::size_t(n);
    return h + 1;
}

void wipingFree(void *p)
{
    if (!p)
        return;
    Header *h = headerOf(p);
    if (g_wipe.load(std::memory_order_relaxed)) {
        sodium_memzero(p, h->size);
        g_wiped.fetch_add(qint64(h->size), std::memory_order_relaxed);
    }
    std::free(h);
}

// Never the C library's realloc: it may move the block and leave the old copy unwiped.
void *wipingRealloc(void *p, int n)
{
    if (!p)
        return wipingMalloc(n);
    if (n <= 0) {
        wipingFree(p);
        return nullptr;
    }
    const std::size_t old = headerOf(p)->size;
    if (std::size_t(n) <= old)
        return p; // shrinking keeps the block (and its size, which xSize reports)
    void *grown = wipingMalloc(n);
    if (!grown)
        return nullptr;
    std::memcpy(grown, p, old);
    wipingFree(p);
    return grown;
}

int wipingSize(void *p)
{
    return p ? int(headerOf(p)->size) : 0;
}

int wipingRoundup(int n)
{
    return (n + 7) & ~7;
}

int wipingInit(void *)
{
    return SQLITE_OK;
}

void wipingShutdown(void *) {}

const sqlite3_mem_methods WipingMethods = {wipingMalloc,  wipingFree, wipingRealloc,  wipingSize,
                                           wipingRoundup, wipingInit, wipingShutdown, nullptr};

} // namespace

bool installWipingAllocator()
{
    static std::once_flag once;
    std::call_once(once, [] {
        wp::ensureSodium(); // sodium_memzero needs no init, but keep libsodium ready
        // SQLCipher wraps whatever allocator is configured when SQLite initialises; with its
        // own memory security off, its wrapper passes straight through to this one.
        g_installed = sqlite3_config(SQLITE_CONFIG_MALLOC, &WipingMethods) == SQLITE_OK;
    });
    return g_installed;
}

bool wipingAllocatorInstalled()
{
    return g_installed;
}

void setMemoryWipe(bool on)
{
    if (on) {
        g_wipeLatched = true;
        g_wipe = true;
    } else if (!g_wipeLatched) {
        g_wipe = false;
    }
}

bool memoryWipeActive()
{
    return g_installed && g_wipe;
}

qint64 wipedBytes()
{
    return g_wiped.load();
}

} // namespace wp::sql
