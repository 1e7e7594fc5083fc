// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Everything a device needs to sync: its credentials, the user's keys and the audience keys
// it has opened. Secret as a whole; it is persisted only as SecretBytes inside the encrypted
// store (serialize/deserialize), never written in the clear. Enrolment makes it.

#include "SyncClient.h"
#include "crypto/DeviceApproval.h"
#include "crypto/KeyRotation.h"
#include "crypto/UserKeys.h"

#include <QHash>

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
    // The user's shared audience (docs/protocol.md, "Sharing with supervisors"): the user and
    // `sharedReaders`, their supervisors when it was made. Null until something is shared.
    QUuid sharedAudience;
    QList<QUuid> sharedReaders;
    bool sharedAudienceKnown = false; // in memory only, as privateAudienceKnown
    // The user's current supervisors as the server last said (KeyDirectory), for the words
    // on who can read an entry.
    QList<wire::Supervisor> supervisors;
    bool supervisorsLearnt = false; // the list above came from the server at least once
    // The workers the user supervises as the server last said, for naming the authors of
    // the entries shared with them (docs/protocol.md, "Review marks, comments and
    // acknowledgements").
    QList<wire::Worker> workers;
    std::map<QUuid, SecretBytes> audienceKeys;
    // Saved with the identity while its enrolment waits for keys (Enrolment): the user's keys
    // exist already (restore them) or not (make them), so an enrolment interrupted between
    // the two steps resumes at the right one.
    bool userHadKeys = false;
    // Who the device is for, as the server last said (empty until it says), and this
    // device's name: the one the server has, and a new one the worker chose that has not
    // reached the server yet (docs/protocol.md, "Who the device is for, and its name").
    QString userName;
    QString organisationName;
    QString deviceName;
    QString pendingDeviceName;
    // In memory only: the server was asked who the device is for since this identity was
    // loaded (or told it at enrolment), so a sync does not ask again.
    bool profileChecked = false;
    // While this device waits for another device of the user to approve it (docs/protocol.md,
    // "Approval by an existing device"): the key pair of its request; wiped once the keys came.
    crypto::RequestKeys approvalRequest;
    // The user's new devices a person has dismissed the notice of.
    QList<QUuid> noticedDevices;
    // This device's own box key, which a key rotation seals the user's new keys to, the
    // user key version the device holds, and the version whose signature the server has on
    // the box key (0: not published yet) (docs/protocol.md, "Key rotation after a
    // revocation").
    crypto::DeviceBoxKey deviceBox;
    std::uint32_t keyVersion = 1;
    std::uint32_t deviceKeyPublished = 0;

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
    // This device's user: the author of the records it creates. Null when not enrolled (all
    // its records are then its own).
    static QUuid localUser(Store &store);

    bool hasKeys() const { return !keys.signingSecret.isEmpty(); }
    // The user's supervisors and workers by user id, as the server last said: the names of
    // the people who write or share what is reviewed.
    QHash<QUuid, QString> peopleNames() const;
    // Whether the user supervises anyone: the device then offers the review queue.
    bool isSupervisor() const
    {
        return credentials.role == QLatin1String("supervisor") || !workers.isEmpty();
    }
};

} // namespace wp::sync
