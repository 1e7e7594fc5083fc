// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Which sync server addresses a device may use. Tokens, enrolment codes and the key backup
// travel in every request, so the address must be https://, except on this machine's own
// loopback (127.0.0.0/8, ::1, "localhost"), where tests and a local development server speak
// plain HTTP without leaving the machine. A QR code or a pasted enrolment text cannot lower
// this: every address goes through here, and SyncClient checks it again before connecting.

#include <QStringView>
#include <QUrl>

namespace wp::sync {

enum class ServerAddressProblem {
    None,
    NotAnAddress,   // not an http(s) URL with a host
    PlainHttpRemote // http:// to a host that is not loopback
};

ServerAddressProblem serverAddressProblem(const QUrl &url);
// Whether `host` (as QUrl::host() gives it) is this machine's loopback.
bool isLoopbackHost(QStringView host);

} // namespace wp::sync
