// SPDX-License-Identifier: GPL-3.0-or-later
#include "FieldShape.h"

namespace wp::fieldshape {

bool allItems(const QCborValue &v, bool (*item)(const QCborValue &))
{
    if (!v.isArray())
        return false;
    for (const QCborValue &i : v.toArray())
        if (!item(i))
            return false;
    return true;
}

bool isText(const QCborValue &v)
{
    return v.isString();
}

bool nestsWithin(const QCborValue &v, int levels)
{
    if (!v.isArray() && !v.isMap())
        return true;
    if (levels == 0)
        return false;
    if (v.isArray()) {
        for (const QCborValue &item : v.toArray())
            if (!nestsWithin(item, levels - 1))
                return false;
        return true;
    }
    const QCborMap m = v.toMap();
    for (auto it = m.constBegin(); it != m.constEnd(); ++it)
        if (!nestsWithin(it.key(), levels - 1) || !nestsWithin(it.value(), levels - 1))
            return false;
    return true;
}

} // namespace wp::fieldshape
