// SPDX-License-Identifier: GPL-3.0-or-later
#include "SecretBytes.h"

#include "Sodium.h"

#include <sodium.h>

#include <cstring>
#include <utility>

namespace wp {

SecretBytes::SecretBytes(std::size_t size) : m_size(size)
{
    ensureSodium();
    if (size == 0)
        return;
    // sodium_malloc guards the pages and mlocks them; it is slow, but keys are few.
    m_data = static_cast<unsigned char *>(sodium_malloc(size));
    if (!m_data)
        qFatal("out of memory for key material");
    sodium_memzero(m_data, size);
}

SecretBytes::SecretBytes(const unsigned char *data, std::size_t size) : SecretBytes(size)
{
    if (size)
        std::memcpy(m_data, data, size);
}

SecretBytes::~SecretBytes()
{
    clear();
}

SecretBytes::SecretBytes(SecretBytes &&other) noexcept
    : m_data(std::exchange(other.m_data, nullptr)), m_size(std::exchange(other.m_size, 0))
{
}

SecretBytes &SecretBytes::operator=(SecretBytes &&other) noexcept
{
    if (this != &other) {
        clear();
        m_data = std::exchange(other.m_data, nullptr);
        m_size = std::exchange(other.m_size, 0);
    }
    return *this;
}

SecretBytes SecretBytes::random(std::size_t size)
{
    SecretBytes bytes(size);
    randombytes_buf(bytes.m_data, size);
    return bytes;
}

SecretBytes SecretBytes::takeFrom(QByteArray &source)
{
    SecretBytes bytes(reinterpret_cast<const unsigned char *>(source.constData()),
                      std::size_t(source.size()));
    wipe(source);
    return bytes;
}

bool SecretBytes::equals(const SecretBytes &other) const
{
    return constantTimeEquals(view(), other.view());
}

void SecretBytes::clear()
{
    if (m_data) {
        sodium_free(m_data); // zeroes before unmapping
        m_data = nullptr;
    }
    m_size = 0;
}

void wipe(QByteArray &bytes)
{
    if (!bytes.isEmpty() && !bytes.isDetached())
        bytes.detach(); // wiping a shared copy would not reach the other holders anyway
    if (!bytes.isEmpty())
        sodium_memzero(bytes.data(), std::size_t(bytes.size()));
    bytes.clear();
}

void wipe(QString &text)
{
    if (!text.isEmpty())
        sodium_memzero(text.data(), std::size_t(text.size()) * sizeof(QChar));
    text.clear();
}

bool constantTimeEquals(QByteArrayView a, QByteArrayView b)
{
    if (a.size() != b.size())
        return false;
    if (a.isEmpty())
        return true;
    return sodium_memcmp(a.data(), b.data(), std::size_t(a.size())) == 0;
}

} // namespace wp
