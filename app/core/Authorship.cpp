// SPDX-License-Identifier: GPL-3.0-or-later
#include "Authorship.h"

namespace wp {

bool mayChange(RecordType type, const QUuid &author, const QUuid &writer)
{
    Q_UNUSED(type); // every type is the author's alone until sharing exists
    return author == writer;
}

} // namespace wp
