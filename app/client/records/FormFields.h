// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A record as a form sees it, from the record's field declaration (Fields.h): a map keyed by
// field name whose values QML binds directly. Text as typed, dates as ISO text ("" for none),
// times as ISO text with milliseconds, ids as text, ratings 1..5 (0 for none), vocabulary
// values as keys ("" for none), lists of those, a sub-record as a map of its fields and a list
// of sub-records as a list of maps. Fields the app keeps itself (Automatic) are left out.

#include "Records.h"
#include "Uuid.h"

#include <QCoreApplication>
#include <QLocale>
#include <QVariantList>
#include <QVariantMap>

namespace wp::client::form {

// A date as the worker types it: the locale's short format ("07/12/2026"), or ISO.
inline QDate dateFromText(const QString &text)
{
    const QString trimmed = text.trimmed();
    const QDate iso = QDate::fromString(trimmed, Qt::ISODate);
    return iso.isValid() ? iso : QLocale().toDate(trimmed, QLocale::ShortFormat);
}
// A date as the worker reads it, in every form and list: the locale's short format.
inline QString dateText(const QDate &date)
{
    return date.isValid() ? QLocale().toString(date, QLocale::ShortFormat) : QString();
}

template <Declared R> QVariantMap toForm(const R &record);
// Applies the values `form` has (fields it leaves out keep theirs) to `record`. Text is
// trimmed; a date typed that is not one leaves the field as it was and puts a message under
// the record's field name in `errors`.
template <Declared R> void applyForm(const QVariantMap &form, R &record, QVariantMap &errors);

namespace detail {

inline QVariant toValue(const QString &s)
{
    return s;
}
inline QVariant toValue(const QDate &d)
{
    return d.isValid() ? d.toString(Qt::ISODate) : QString();
}
inline QVariant toValue(const QDateTime &t)
{
    return t.isValid() ? t.toString(Qt::ISODateWithMs) : QString();
}
inline QVariant toValue(const QUuid &id)
{
    return id.isNull() ? QString() : idText(id);
}
inline QVariant toValue(const std::optional<int> &rating)
{
    return rating.value_or(0);
}
inline QVariant toValue(bool b)
{
    return b;
}
inline QVariant toValue(int n)
{
    return n;
}
template <VocabularyValue E> QVariant toValue(E value)
{
    return keyOf(value);
}
template <VocabularyValue E> QVariant toValue(const std::optional<E> &value)
{
    return value ? keyOf(*value) : QString();
}
inline QVariant toValue(const QStringList &list)
{
    return list;
}
template <Declared R> QVariant toValue(const R &record)
{
    return toForm(record);
}
template <typename T> QVariant toValue(const QList<T> &list)
{
    if constexpr (Declared<T>) {
        QVariantList out;
        for (const T &item : list)
            out.append(toForm(item));
        return out;
    } else {
        QStringList out; // keys or ids
        for (const T &item : list)
            out.append(toValue(item).toString());
        return out;
    }
}

inline void fromValue(const QVariant &v, QString &out, const FieldSpec &, QString *)
{
    out = v.toString().trimmed();
}
inline void fromValue(const QVariant &v, QDate &out, const FieldSpec &, QString *problem)
{
    const QString text = v.toString().trimmed();
    const QDate date = dateFromText(text);
    if (text.isEmpty() || date.isValid())
        out = date;
    else
        *problem = QCoreApplication::translate("Editor", "Use a date like %1.")
                       .arg(dateText(QDate::currentDate()));
}
inline void fromValue(const QVariant &v, QDateTime &out, const FieldSpec &, QString *)
{
    if (const QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODateWithMs); t.isValid())
        out = t;
}
inline void fromValue(const QVariant &v, QUuid &out, const FieldSpec &, QString *)
{
    out = idFromText(v.toString());
}
inline void fromValue(const QVariant &v, std::optional<int> &out, const FieldSpec &, QString *)
{
    const int r = v.toInt();
    out = r >= 1 && r <= 5 ? std::optional<int>(r) : std::nullopt;
}
inline void fromValue(const QVariant &v, bool &out, const FieldSpec &, QString *)
{
    out = v.toBool();
}
inline void fromValue(const QVariant &v, int &out, const FieldSpec &, QString *)
{
    out = v.toInt();
}
template <VocabularyValue E>
void fromValue(const QVariant &v, E &out, const FieldSpec &spec, QString *)
{
    if (const std::optional<E> value = fromKey<E>(v.toString()))
        out = *value;
    else if (spec.absentKey)
        out = *fromKey<E>(QString::fromLatin1(spec.absentKey));
}
template <VocabularyValue E>
void fromValue(const QVariant &v, std::optional<E> &out, const FieldSpec &, QString *)
{
    out = fromKey<E>(v.toString());
}
inline void fromValue(const QVariant &v, QStringList &out, const FieldSpec &spec, QString *)
{
    out = v.toStringList();
    if (spec.choices)
        for (QString &item : out)
            item = spec.choices->normalise(item);
}
template <Declared R> void fromValue(const QVariant &v, R &out, const FieldSpec &, QString *problem)
{
    QVariantMap errors;
    applyForm(v.toMap(), out, errors);
    if (!errors.isEmpty())
        *problem = errors.first().toString();
}
template <typename T>
void fromValue(const QVariant &v, QList<T> &out, const FieldSpec &spec, QString *problem)
{
    out.clear();
    for (const QVariant &item : v.toList()) {
        T value{};
        fromValue(item, value, spec, problem);
        if constexpr (std::is_same_v<T, QUuid>) {
            if (value.isNull())
                continue; // not an id
        } else if constexpr (VocabularyValue<T>) {
            if (!fromKey<T>(item.toString()))
                continue; // not a key
        }
        out.append(value);
    }
}

} // namespace detail

template <Declared R> QVariantMap toForm(const R &record)
{
    QVariantMap form;
    R::forEachField(record, [&form](const auto &value, const FieldSpec &spec) {
        if (!spec.has(Automatic))
            form.insert(QLatin1StringView(spec.name), detail::toValue(value));
    });
    return form;
}

template <Declared R> void applyForm(const QVariantMap &form, R &record, QVariantMap &errors)
{
    R::forEachField(record, [&](auto &value, const FieldSpec &spec) {
        const QString name = QLatin1StringView(spec.name);
        const auto given = form.constFind(name);
        if (spec.has(Automatic) || given == form.cend())
            return;
        QString problem;
        detail::fromValue(*given, value, spec, &problem);
        if (!problem.isEmpty() && !errors.contains(name))
            errors.insert(name, problem);
    });
}

} // namespace wp::client::form
