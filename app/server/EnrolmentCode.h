// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One-time enrolment codes: 80 random bits as 16 Crockford base32 characters (easy to read
// aloud and type: no I, L, O or U), shown as XXXX-XXXX-XXXX-XXXX and as a QR code.

#include "Result.h"

#include <QByteArray>
#include <QString>

namespace wp::server {

struct EnrolmentCode
{
    static QString generate(); // grouped for display
    // Upper-cases, drops dashes and spaces, reads O as 0 and I/L as 1; empty if not a code.
    static QString normalise(QStringView typed);
    static QByteArray hash(const QString &normalised);
};

// Writes a QR code of `text` as a PNG (8 px per module, 4-module quiet zone).
Status writeQrPng(const QString &text, const QString &path);

} // namespace wp::server
