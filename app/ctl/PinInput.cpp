// SPDX-License-Identifier: GPL-3.0-or-later
#include "PinInput.h"

#include <sodium.h>

#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

#include <array>
#include <cstdlib>
#include <cstring>

namespace wp::ctl {
namespace {

// Reads one line from the terminal with echo off into locked memory.
Result<SecretBytes> promptOnTerminal(const QString &prompt)
{
    const int tty = ::open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (tty < 0)
        return Error{ErrorCode::Unavailable,
                     QStringLiteral("No PIN: set WAYPOINT_PIN or run waypointctl in a terminal.")};
    // Echo off before the prompt shows: TCSAFLUSH drops anything typed earlier, and nothing
    // typed after the prompt may be echoed or dropped.
    termios saved{};
    const bool isTerminal = ::tcgetattr(tty, &saved) == 0;
    if (isTerminal) {
        termios silent = saved;
        silent.c_lflag &= ~tcflag_t(ECHO);
        silent.c_lflag |= ECHONL;
        ::tcsetattr(tty, TCSAFLUSH, &silent);
    }
    const QByteArray text = prompt.toUtf8();
    (void)!::write(tty, text.constData(), std::size_t(text.size()));
    SecretBytes line(256);
    std::size_t length = 0;
    bool complete = false;
    for (;;) {
        char c = 0;
        const ssize_t got = ::read(tty, &c, 1);
        if (got <= 0)
            break;
        if (c == '\n' || c == '\r') {
            complete = true;
            break;
        }
        if (length < line.size())
            line.data()[length++] = static_cast<unsigned char>(c);
        sodium_memzero(&c, sizeof c);
    }
    if (isTerminal)
        ::tcsetattr(tty, TCSAFLUSH, &saved);
    ::close(tty);
    if (!complete && length == 0)
        return Error{ErrorCode::Unavailable, QStringLiteral("No PIN was entered.")};
    return SecretBytes(line.data(), length);
}

} // namespace

Result<SecretBytes> readPin(const char *variable, const QString &prompt, bool confirm)
{
    if (const char *fromEnv = std::getenv(variable)) {
        QByteArray value(fromEnv);
        return SecretBytes::takeFrom(value);
    }
    auto first = promptOnTerminal(prompt);
    if (!first || !confirm)
        return first;
    auto second = promptOnTerminal(QStringLiteral("Repeat the PIN: "));
    if (!second)
        return second;
    if (!first->equals(*second))
        return Error{ErrorCode::InvalidInput, QStringLiteral("The two PINs do not match.")};
    return first;
}

} // namespace wp::ctl
