// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Who an authenticated request comes from (Authentication).

#include <QByteArray>
#include <QString>
#include <QUuid>

namespace wp::server {

struct Identity
{
    QUuid organisation;
    QUuid device;
    QUuid user;
    QString role;
    QByteArray signingKey; // the user's Ed25519 public key; empty before keys are uploaded
    bool revoked = false;
};

} // namespace wp::server
