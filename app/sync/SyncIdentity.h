#pragma once
// Everything a device needs to sync: its credentials, the user's keys and the audience keys
// it has opened. Secret as a whole; it is persisted only as SecretBytes handed to the key
// vault (serialize/deserialize), never written in the clear.

#include "SyncClient.h"
#include "crypto/UserKeys.h"

#include <map>

namespace wp {
class Store;
}

namespace wp::sync {

struct SyncIdentity
{
    DeviceCredentials credentials;
    crypto::UserKeys keys;
    QUuid privateAudience; // the user's own audience: records only they read
    // In memory only: the server has applied a change to the private audience since this
    // identity was loaded, so it knows the audience and batches stop carrying its sealed key.
    bool privateAudienceKnown = false;
    std::map<QUuid, SecretBytes> audienceKeys;
    // Set by enrolDevice and saved with the identity: the user's keys already existed when
    // this device enrolled (restore them) or not (make them). Lets an enrolment interrupted
    // between the two steps resume at the right one.
    bool userHadKeys = false;

    bool hasAudienceKey(const QUuid &id) const { return audienceKeys.count(id) != 0; }

    SecretBytes serialize() const;
    static Result<SyncIdentity> deserialize(const SecretBytes &bytes);

    // Persistence in the device's encrypted store (Store::putDeviceSecret, name
    // "sync_identity"). load: NotFound when this device is not enrolled, Corrupt when the
    // saved identity is damaged. forget: destroys it (a revoked device, or un-enrolling).
    static Result<SyncIdentity> load(Store &store);
    Status save(Store &store) const;
    static Status forget(Store &store);
    static bool isEnrolled(Store &store);

    // Enrolment in steps, so a device can save its credentials before anything else can fail
    // (a used code cannot be presented again):
    //   enrolDevice: presents the one-time code; the identity has credentials but no keys;
    //     `userHasKeys` says whether the user's keys already exist (a later device).
    //   createKeys: the user's first device makes the keys, uploads the public halves and a
    //     backup wrapped by Argon2id(recovery passphrase). Conflict when the user has keys.
    //   restoreKeys: fetches the backup and unwraps it (WrongPin when the passphrase does not
    //     open it, NotFound when the user has no backup). Conflict when this identity already
    //     holds other keys. Audience keys and the private audience are kept.
    static Result<SyncIdentity> enrolDevice(const QString &serverUrl, const QString &code,
                                            const QString &deviceName, const QString &platform,
                                            bool *userHasKeys);
    Status createKeys(const SecretBytes &recoveryPassphrase,
                      crypto::KeyBackupCost cost = crypto::KeyBackupCost::interactive());
    Status restoreKeys(const SecretBytes &recoveryPassphrase);
    bool hasKeys() const { return !keys.signingSecret.isEmpty(); }
};

} // namespace wp::sync
