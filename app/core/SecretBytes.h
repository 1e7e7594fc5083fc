// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A buffer for key material: locked out of swap where the OS allows, zeroed with
// sodium_memzero when it goes away. Move-only so a key has exactly one owner.

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <cstddef>

namespace wp {

class SecretBytes
{
public:
    SecretBytes() = default;
    explicit SecretBytes(std::size_t size);
    SecretBytes(const unsigned char *data, std::size_t size);
    ~SecretBytes();

    SecretBytes(SecretBytes &&other) noexcept;
    SecretBytes &operator=(SecretBytes &&other) noexcept;
    SecretBytes(const SecretBytes &) = delete;
    SecretBytes &operator=(const SecretBytes &) = delete;

    static SecretBytes random(std::size_t size);
    // Takes a copy of the bytes, then wipes the source.
    static SecretBytes takeFrom(QByteArray &source);

    unsigned char *data() { return m_data; }
    const unsigned char *data() const { return m_data; }
    std::size_t size() const { return m_size; }
    bool isEmpty() const { return m_size == 0; }
    QByteArrayView view() const
    {
        return {reinterpret_cast<const char *>(m_data), qsizetype(m_size)};
    }

    // Constant time; false when sizes differ.
    bool equals(const SecretBytes &other) const;

    void clear();

private:
    unsigned char *m_data = nullptr;
    std::size_t m_size = 0;
};

// Wipes a QByteArray that held secret material (PIN text, decrypted key) in place.
void wipe(QByteArray &bytes);
void wipe(QString &text);

// Constant-time comparison for tokens and MACs.
bool constantTimeEquals(QByteArrayView a, QByteArrayView b);

} // namespace wp
