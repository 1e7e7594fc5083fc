// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A fake OS keystore for tests: keeps secrets in this process only. It can be switched to
// behave like a machine with no keychain, to test that callers fail closed.

#include "SecureKeyStore.h"

#include <QString>

#include <map>

namespace wp {

class InMemoryKeyStore final : public SecureKeyStore
{
public:
    void setAvailable(bool available) { m_available = available; }
    bool contains(const QString &name) const { return m_secrets.count(name) > 0; }
    std::size_t count() const { return m_secrets.size(); }

    Status store(const QString &name, const SecretBytes &secret) override
    {
        if (!m_available)
            return unavailable();
        m_secrets.insert_or_assign(name, SecretBytes(secret.data(), secret.size()));
        return {};
    }

    Result<SecretBytes> load(const QString &name) override
    {
        if (!m_available)
            return unavailable();
        const auto it = m_secrets.find(name);
        if (it == m_secrets.end())
            return Error{ErrorCode::NotFound, QStringLiteral("No such secret in the keystore.")};
        return SecretBytes(it->second.data(), it->second.size());
    }

    Status remove(const QString &name) override
    {
        if (!m_available)
            return unavailable();
        m_secrets.erase(name);
        return {};
    }

private:
    static Error unavailable()
    {
        return {ErrorCode::Unavailable, QStringLiteral("No system keychain is available.")};
    }

    std::map<QString, SecretBytes> m_secrets;
    bool m_available = true;
};

} // namespace wp
