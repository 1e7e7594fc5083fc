// SPDX-License-Identifier: GPL-3.0-or-later
#include "PinPolicy.h"

#include <algorithm>
#include <array>

namespace wp {
namespace {

// The 20 most common six-digit PINs in leaked credential sets (Wang et al., "Understanding
// Human-Chosen PINs", 2017). Repeated digits and runs are refused by rule as well.
constexpr std::array<const char16_t *, 20> Common{
    u"123456", u"654321", u"111111", u"000000", u"123123", u"666666", u"121212",
    u"112233", u"789456", u"159753", u"888888", u"147258", u"123321", u"555555",
    u"999999", u"123654", u"112358", u"147852", u"520520", u"131313"};

bool allDigits(QStringView pin)
{
    return std::all_of(pin.begin(), pin.end(), [](QChar c) { return c >= u'0' && c <= u'9'; });
}

// Each digit one more (or one less) than the one before, wrapping from 9 to 0.
bool isRun(QStringView pin)
{
    const auto stepAt = [&](qsizetype i) {
        return (pin[i].unicode() - pin[i - 1].unicode() + 10) % 10;
    };
    const int step = stepAt(1);
    if (step != 1 && step != 9)
        return false;
    for (qsizetype i = 2; i < pin.size(); ++i)
        if (stepAt(i) != step)
            return false;
    return true;
}

} // namespace

PinPolicy::Problem PinPolicy::check(QStringView pin)
{
    if (pin.size() < MinLength)
        return Problem::TooShort;
    if (pin.size() > MaxLength)
        return Problem::TooLong;
    if (std::all_of(pin.begin(), pin.end(), [&](QChar c) { return c == pin.front(); }))
        return Problem::Repeated;
    if (!allDigits(pin))
        return Problem::None;
    if (isRun(pin))
        return Problem::Sequence;
    if (std::any_of(Common.begin(), Common.end(),
                    [&](const char16_t *common) { return pin == QStringView(common); }))
        return Problem::Common;
    return Problem::None;
}

} // namespace wp
