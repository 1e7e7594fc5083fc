// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A place outside the app's files where the OS keeps a small secret for this device only:
// Android Keystore, iOS Keychain, the desktop secret service. Implementations fail closed:
// when the OS facility is missing they return ErrorCode::Unavailable, never store in plaintext.

#include "Result.h"
#include "SecretBytes.h"

#include <QString>

namespace wp {

class SecureKeyStore
{
public:
    virtual ~SecureKeyStore() = default;

    // Replaces any secret already kept under that name.
    virtual Status store(const QString &name, const SecretBytes &secret) = 0;
    // NotFound when no secret has that name; Unavailable when the keystore cannot be reached.
    virtual Result<SecretBytes> load(const QString &name) = 0;
    // Removing a name that does not exist succeeds.
    virtual Status remove(const QString &name) = 0;
};

} // namespace wp
