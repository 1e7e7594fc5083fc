// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What waypointctl's record commands share: reading options into typed values, the record a
// command may change, and the confirm-or---yes question before a destructive one. Each failure
// is an input error (exit code 2) that says what to type instead.

#include "CommandLine.h"
#include "Records.h"
#include "Store.h"
#include "SyncIdentity.h"
#include "Uuid.h"
#include "Vocabulary.h"

#include <QTextStream>

#include <unistd.h>

namespace wp::ctl {

inline Error usage(const QString &message)
{
    return {ErrorCode::InvalidInput, message};
}

// The record the command's first argument names, when this device's user may change it (its
// author, Authorship.h); `noun` names its kind in the errors.
template <class R>
Result<R> changeable(Store &store, Repository<R> &records, const ParsedCommand &c,
                     const QString &noun)
{
    const QUuid id = idFromText(c.positionals.value(0));
    if (id.isNull())
        return usage(QStringLiteral("%1 needs the %2's id.").arg(c.name, noun));
    auto record = records.get(id);
    if (!record && record.error().code == ErrorCode::NotFound)
        return usage(QStringLiteral("There is no %1 with id %2.").arg(noun, idText(id)));
    if (!record)
        return record.error();
    auto may = records.changeableBy(id, sync::SyncIdentity::localUser(store));
    if (!may)
        return may.error();
    if (!*may)
        return usage(QStringLiteral("The %1 %2 was added by someone else: only they can change it.")
                         .arg(noun, idText(id)));
    return record;
}

// A destructive command goes ahead with --yes, or when "yes" is typed on the terminal after
// `what` is shown; a script must say --yes. Otherwise a usage error ending in `otherwise`.
inline Status confirmed(const ParsedCommand &c, const QString &what, const QString &otherwise,
                        QTextStream &err)
{
    if (c.has(QStringLiteral("yes")))
        return {};
    if (!isatty(STDIN_FILENO))
        return usage(what + QStringLiteral(" Add --yes to confirm."));
    err << what << "\nType yes to confirm: " << Qt::flush;
    QTextStream in(stdin);
    if (in.readLine().trimmed() != QLatin1String("yes"))
        return usage(otherwise);
    return {};
}

inline Result<int> intOption(const ParsedCommand &c, const QString &name, int min, int max)
{
    bool ok = false;
    const int value = c.value(name).toInt(&ok);
    if (!ok || value < min || value > max)
        return usage(QStringLiteral("--%1 must be a whole number from %2 to %3.")
                         .arg(name)
                         .arg(min)
                         .arg(max));
    return value;
}

inline Result<QDate> dateOption(const ParsedCommand &c, const QString &name)
{
    const QDate date = QDate::fromString(c.value(name), Qt::ISODate);
    if (!date.isValid())
        return usage(QStringLiteral("--%1 must be a date like 2026-03-31.").arg(name));
    return date;
}

template <typename E> Result<E> keyOption(const QString &option, const QString &key)
{
    if (const auto value = fromKey<E>(key))
        return *value;
    QStringList keys;
    for (const E e : allOf<E>())
        keys << keyOf(e);
    return usage(QStringLiteral("--%1 \"%2\" is not one of: %3.")
                     .arg(option, key, keys.join(QStringLiteral(", "))));
}

template <typename E> Result<QList<E>> keyList(const ParsedCommand &c, const QString &option)
{
    QList<E> out;
    for (const QString &key : c.values(option)) {
        auto value = keyOption<E>(option, key);
        if (!value)
            return value.error();
        if (!out.contains(*value))
            out << *value;
    }
    return out;
}

// Self-care or supplies: each a key when it names one (the key or a label), else as typed.
template <typename E> QStringList itemsOption(const ParsedCommand &c, const QString &option)
{
    QStringList items;
    for (const QString &value : c.values(option))
        items << itemChoices<E>.normalise(value.trimmed());
    return items;
}

} // namespace wp::ctl
