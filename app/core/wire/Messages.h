// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The messages of the sync protocol (docs/protocol.md), as plain values. Codec.h turns them
// into CBOR and back; client and server share both so they cannot drift apart.

#include "HybridClock.h"
#include "Vocabulary.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUuid>

#include <cstdint>

namespace wp::wire {

inline constexpr int Version = 1;

namespace limits {
inline constexpr qsizetype MaxBody = 8 * 1024 * 1024;
inline constexpr qsizetype MaxChanges = 5000;
inline constexpr qsizetype MaxEnvelope = 256 * 1024;
inline constexpr qsizetype MaxAudiences = 64;
inline constexpr qsizetype MaxReaders = 32;
inline constexpr qsizetype DefaultPull = 1000;
inline constexpr qsizetype MaxPull = 5000;
inline constexpr qsizetype MaxText = 200; // codes, device names, reasons, messages
inline constexpr qsizetype MaxKeyBackup = 4096;
inline constexpr qsizetype MaxName = 100;      // a user's or organisation's name
inline constexpr qsizetype MaxDeviceName = 64; // a device's new name (PUT /v1/device/name)
} // namespace limits

struct EnrolRequest
{
    QString code;
    QString deviceName;
    QString platform;
};

struct EnrolResponse
{
    QUuid organisationId;
    QUuid userId;
    QUuid deviceId;
    QByteArray token; // 32 bytes; shown once
    QString role;
    bool userHasKeys = false;
    // Who the device is enrolled for; empty when the server does not say.
    QString userName;
    QString organisationName;
};

// PUT /v1/device/name: the device's new name.
struct DeviceName
{
    QString name;
};

struct PublicKeys
{
    QUuid userId;
    QByteArray encryptionKey; // X25519, 32 bytes
    QByteArray signingKey;    // Ed25519, 32 bytes
};

struct DirectoryEntry
{
    QUuid userId;
    QString role;
    QByteArray encryptionKey;
    QByteArray signingKey;
};

// One of the caller's current supervisors (waypoint-server assign-supervisor).
struct Supervisor
{
    QUuid userId;
    QString displayName;
};

// One of the workers the caller supervises, for naming the author of a shared entry, and
// when one of their devices last reached the server (ms since the epoch; 0 when not told).
struct Worker
{
    QUuid userId;
    QString displayName;
    qint64 lastContactMs = 0;
};

// One rotation of a user's keys, signed by the previous version's signing key
// (docs/protocol.md, "Key rotation after a revocation").
struct KeyLinkEntry
{
    std::uint32_t version = 0;
    QByteArray encryptionKey;
    QByteArray signingKey;
    QByteArray signature;
};

struct KeyChain
{
    QUuid userId;
    QList<KeyLinkEntry> links; // oldest first
};

// The caller's own user's key version and whether a rotation is due.
struct OwnKeyState
{
    std::uint32_t keyVersion = 1;
    bool rotationDue = false;
    bool told() const { return keyVersion > 1 || rotationDue; }
};

struct KeyDirectory
{
    QList<DirectoryEntry> users;
    QList<Supervisor> supervisors; // the caller's, for sharing (docs/protocol.md)
    QList<Worker> workers;         // those the caller supervises, for review
    QList<KeyChain> chains;        // users whose keys were rotated
    OwnKeyState ownKeys;
};

struct KeyBackupMessage
{
    QByteArray blob; // crypto::KeyBackup, opaque to the server
};

struct Ack
{
};

// An audience key sealed to one reader.
struct SealedKey
{
    QUuid userId;
    QByteArray sealedKey;
};

struct Audience
{
    QUuid id;
    QList<SealedKey> readers;
};

struct Change
{
    std::uint64_t changeId = 0; // the device's outbox id, echoed in PushResponse
    QUuid recordId;
    RecordType type = RecordType::Participant;
    HlcStamp stamp;
    bool deleted = false; // tombstone: empty envelope
    QUuid audienceId;
    QByteArray envelope;
    // Set by the server in pulls:
    std::uint64_t seq = 0;
    QUuid authorId;
    qint64 manifestIndex = -1;
    // Pushes only: the change moves its record out of this audience (an unshared entry), so
    // the server withdraws the record from that audience's other readers.
    QUuid withdrawnFrom;
};

struct PushRequest
{
    QUuid deviceId;
    std::uint64_t sequence = 0;
    QList<Audience> audiences;
    QList<Change> changes;
    QByteArray signature; // Ed25519 over the batch manifest
};

struct Rejection
{
    std::uint64_t changeId = 0;
    QString reason;
};

struct PushResponse
{
    std::uint64_t sequence = 0;
    bool duplicate = false;
    QList<std::uint64_t> applied;
    QList<Rejection> rejected;
};

struct Manifest
{
    QUuid authorId;
    QUuid deviceId;
    std::uint64_t sequence = 0;
    QList<QByteArray> digests;
    QByteArray signature;
};

// The caller's sealed copy of an audience key, delivered with the pull page that uses it.
struct AudienceGrant
{
    QUuid audienceId;
    QByteArray sealedKey;
};

struct Withdrawal
{
    QUuid recordId;
    std::uint64_t seq = 0; // the change that moved the record
};

struct PullResponse
{
    QList<Change> changes;
    std::uint64_t cursor = 0;
    bool more = false;
    QList<AudienceGrant> audienceKeys;
    QList<Manifest> manifests;
    // The organisation's compaction horizon (0: none). A device sends it back as `horizon=` on
    // its next pages, so a pull from 0 can page past it (docs/protocol.md, "Compaction").
    std::uint64_t horizon = 0;
    // The organisation's offline lease in days (0: none), told on every page so a device
    // learns it at every contact (docs/security.md, "Offline lease").
    int offlineLeaseDays = 0;
    // Records withdrawn from the caller (an entry its author unshared): the device deletes
    // its copy of each (docs/protocol.md, "Sharing with supervisors").
    QList<Withdrawal> withdrawals;
};

struct DeviceStatus
{
    QString status; // "active" or "revoked"
    bool destroyKeys = false;
    qint64 serverTimeMs = 0;
    int offlineLeaseDays = 0; // as in PullResponse
    // As in EnrolResponse; empty when the server does not say.
    QString userName;
    QString organisationName;
    QString role;
};

// A name the protocol carries is shown to people: not blank, within `max` characters, and no
// control character (a line break or an escape would garble the screen or a terminal).
bool isShowableName(const QString &name, qsizetype max);

struct ErrorBody
{
    QString code;
    QString message;
};

// An incremental sync in one round trip (docs/protocol.md, "Sync in one round trip"): a pull
// page and, optionally, one push batch that the server applies after the page's snapshot.
// The parts travel as their own encoded messages, so each keeps its codec and its checks.
struct SyncRequest
{
    std::uint64_t since = 0;
    std::uint64_t limit = limits::DefaultPull;
    std::uint64_t horizon = 0; // as `horizon=` of a pull
    QByteArray push;           // an encoded PushRequest, or empty
};

struct SyncResponse
{
    QByteArray pull;     // an encoded PullResponse
    QByteArray push;     // an encoded PushResponse, when the push part was applied
    int pushStatus = 0;  // else, when there was a push part: its HTTP status...
    ErrorBody pushError; // ...and error, as POST /v1/push would have answered
};

} // namespace wp::wire
