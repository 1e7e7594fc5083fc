// SPDX-License-Identifier: GPL-3.0-or-later
#include "ServerAddress.h"

#include <QHostAddress>

namespace wp::sync {

bool isLoopbackHost(QStringView host)
{
    if (host.compare(u"localhost", Qt::CaseInsensitive) == 0)
        return true;
    // Only a literal address counts: a name such as "127.0.0.1.example.org" resolves wherever
    // its owner says.
    QHostAddress address;
    return address.setAddress(host.toString()) && address.isLoopback();
}

ServerAddressProblem serverAddressProblem(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty() ||
        (url.scheme() != u"https" && url.scheme() != u"http"))
        return ServerAddressProblem::NotAnAddress;
    if (url.scheme() == u"http" && !isLoopbackHost(url.host()))
        return ServerAddressProblem::PlainHttpRemote;
    return ServerAddressProblem::None;
}

} // namespace wp::sync
