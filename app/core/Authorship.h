// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Who may change a record a device holds (docs/protocol.md, "Who may change a record"). A
// device applies this rule to every pulled change, whatever the server accepted: a breached
// server can serve a change validly signed by any user of the organisation, and only the
// record's author (the user who created it, as the device recorded it) may edit or delete it.

#include "Vocabulary.h"

#include <QUuid>

namespace wp {

// `author`: the user who created the record; `writer`: the user who signed the change. The
// one place to widen the rule when sharing lets an author allow readers to write (a
// supervision note's two parties, say): by record type, and by who the author allowed.
bool mayChange(RecordType type, const QUuid &author, const QUuid &writer);

} // namespace wp
