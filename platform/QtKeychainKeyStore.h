// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Desktop keystore through qtkeychain (Secret Service / KWallet on Linux, Keychain on macOS,
// Credential Store on Windows). qtkeychain 0.13 has no isAvailable(): each job reports
// NoBackendAvailable instead, which becomes ErrorCode::Unavailable. The insecure plaintext
// fallback of qtkeychain is never enabled.

#include "SecureKeyStore.h"

namespace wp {

class QtKeychainKeyStore final : public SecureKeyStore
{
public:
    // The service name groups Waypoint's entries in the OS keychain.
    explicit QtKeychainKeyStore(QString service = QStringLiteral("Waypoint"));

    Status store(const QString &name, const SecretBytes &secret) override;
    Result<SecretBytes> load(const QString &name) override;
    Status remove(const QString &name) override;

private:
    QString m_service;
};

} // namespace wp
