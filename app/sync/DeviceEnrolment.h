#pragma once
// Enrolling a device in two steps, so an app can ask for the right passphrase: redeem the
// one-time code first (the server says whether the user already has keys), then either make
// the keys (first device: the user chooses a recovery passphrase) or restore them from the
// server's backup (later device: the user types it; a wrong one can be retried without a new
// code, since the code is already spent). SyncIdentity::enrol does both steps in one call.

#include "SyncIdentity.h"

namespace wp::sync {

class DeviceEnrolment
{
public:
    // Errors: Unauthorized with field "enrolment_code_invalid" (unknown, used or expired
    // code), Network (server unreachable), Protocol (not a Waypoint server).
    static Result<DeviceEnrolment> redeem(const QString &serverUrl, const QString &code,
                                          const QString &deviceName, const QString &platform);

    bool userHasKeys() const { return m_userHasKeys; }

    // First device: makes the keys and uploads the public halves and the wrapped backup.
    Result<SyncIdentity>
    createKeys(const QString &recoveryPassphrase,
               crypto::KeyBackupCost cost = crypto::KeyBackupCost::interactive());
    // Later device: WrongPin when the passphrase does not open the backup.
    Result<SyncIdentity> restoreKeys(const QString &recoveryPassphrase);

private:
    DeviceEnrolment() = default;
    SyncIdentity identityWith(crypto::UserKeys keys) const;

    DeviceCredentials m_credentials;
    bool m_userHasKeys = false;
};

} // namespace wp::sync
