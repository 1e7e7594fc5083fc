// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The messages of approval by an existing device (docs/protocol.md, "Approval by an existing
// device"), as plain values; ApprovalCodec.h turns them into CBOR and back.

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUuid>

namespace wp::wire {

// The new device's request: the public half of its request key.
struct ApprovalRequest
{
    QByteArray requestKey; // X25519, 32 bytes
};

// Where the caller's own request stands.
struct ApprovalState
{
    QString state; // "none", "pending" or "approved"
    QUuid approvedBy;
    QByteArray sealedKeys; // when approved: 144 bytes
    QByteArray signature;  // when approved: 64 bytes
};

// One of the user's devices enrolled after the caller.
struct NewDevice
{
    QUuid deviceId;
    QString name;
    QString platform;
    qint64 enrolledAtMs = 0;
    QString state;         // "pending", "approved" or "unapproved"
    QByteArray requestKey; // when pending
    QUuid approvedBy;      // when approved
    qint64 approvedAtMs = 0;
};

struct NewDevices
{
    QList<NewDevice> devices;
};

// An existing device's approval of a pending device.
struct Approval
{
    QUuid deviceId;
    QByteArray sealedKeys;
    QByteArray signature;
};

struct Denial
{
    QUuid deviceId;
};

} // namespace wp::wire
