// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Shared by the store suites: a fresh key, a temp dir, small record builders.

#include "Store.h"

#include <QTemporaryDir>
#include <QTest>

namespace wp::test {

// For QVERIFY2, which builds its message even when the check passes.
template <class R> QByteArray why(const R &result)
{
    return result.ok() ? QByteArray() : result.error().message.toUtf8();
}

inline SecretBytes testKey(unsigned char seed = 7)
{
    SecretBytes key(Store::KeyBytes);
    for (int i = 0; i < Store::KeyBytes; ++i)
        key.data()[i] = static_cast<unsigned char>(seed + i * 13);
    return key;
}

inline DiaryEntry diary(const QString &text, QDateTime at = QDateTime::currentDateTimeUtc())
{
    DiaryEntry d;
    d.writtenAt = at;
    d.text = text;
    return d;
}

inline Encounter encounter(const QString &note, QDateTime at = QDateTime::currentDateTimeUtc())
{
    Encounter e;
    e.occurredAt = at;
    e.durationMinutes = 20;
    e.place = Place::Shelter;
    e.needs = {Need::Housing};
    e.note = note;
    return e;
}

inline Participant participant(const QString &pseudonym)
{
    Participant p;
    p.pseudonym = pseudonym;
    return p;
}

} // namespace wp::test
