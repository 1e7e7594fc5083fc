// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The CBOR shape of a field map that comes from elsewhere (a pulled change): each known field
// holds its kind's CBOR type, and nothing nests deeper than asked. Ranges and lengths are the
// records' own validation (checkFieldMap in Records.h runs both).

#include "Fields.h"

#include <QCborArray>
#include <QCborMap>
#include <QCborValue>

namespace wp::fieldshape {

inline bool absent(const QCborValue &v)
{
    return v.isNull() || v.isUndefined();
}

// An array whose every item passes `item`.
bool allItems(const QCborValue &v, bool (*item)(const QCborValue &));
bool isText(const QCborValue &v);

// Within `levels` of arrays and maps below `v`; stops looking as soon as it is not.
bool nestsWithin(const QCborValue &v, int levels);

template <Declared R> bool shapedAs(const QCborMap &map);

template <typename T> bool shapedAs(const QCborValue &v)
{
    using detail::IsList, detail::IsOptional;
    if constexpr (std::is_same_v<T, QString> || std::is_same_v<T, QDate> ||
                  std::is_same_v<T, QUuid>)
        return v.isString() || absent(v);
    else if constexpr (std::is_same_v<T, QDateTime> || std::is_same_v<T, std::optional<int>> ||
                       std::is_same_v<T, int>)
        return v.isInteger() || absent(v);
    else if constexpr (std::is_same_v<T, bool>)
        return v.isBool() || absent(v);
    else if constexpr (VocabularyValue<T> || IsOptional<T>::value)
        return v.isString() || absent(v);
    else if constexpr (std::is_same_v<T, QStringList> || std::is_same_v<T, QList<QUuid>>)
        return allItems(v, isText);
    else if constexpr (Declared<T>)
        return v.isMap() && shapedAs<T>(v.toMap());
    else if constexpr (IsList<T>::value && Declared<typename IsList<T>::Item>)
        return allItems(v, [](const QCborValue &item) {
            return item.isMap() && shapedAs<typename IsList<T>::Item>(item.toMap());
        });
    else
        return allItems(v, isText); // a list of vocabulary keys
}

template <Declared R> bool shapedAs(const QCborMap &map)
{
    bool ok = true;
    R record{};
    R::forEachField(record, [&](auto &member, const FieldSpec &spec) {
        const QCborValue v = map.value(QLatin1StringView(spec.name));
        ok = ok && (v.isUndefined() || shapedAs<std::remove_cvref_t<decltype(member)>>(v));
    });
    return ok;
}

} // namespace wp::fieldshape
