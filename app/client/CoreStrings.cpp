// SPDX-License-Identifier: GPL-3.0-or-later
// Strings the core translates at run time whose literals lupdate cannot find. (Record
// fields, validation messages and vocabularies are marked where they are declared, in
// app/core, which scripts/update-translations reads.)
#include <QtGlobal>

namespace wp::client {

// Why the server refused a change (SyncEngine::describeRejection, context "Sync"), shown on
// the refused changes screen.
[[maybe_unused]] static const char *const RejectionReasons[] = {
    QT_TRANSLATE_NOOP("Sync", "The record belongs to another user."),
    QT_TRANSLATE_NOOP("Sync", "Another record with the same id has a different type."),
    QT_TRANSLATE_NOOP("Sync", "The server does not know who may read this record."),
    QT_TRANSLATE_NOOP("Sync", "The change is larger than the server accepts."),
    QT_TRANSLATE_NOOP("Sync", "The server could not read the change."),
    QT_TRANSLATE_NOOP("Sync", "The server asked to send it again later."),
    QT_TRANSLATE_NOOP("Sync", "The server refused it (%1)."),
};

// Why a pulled change was set aside (SyncEngine::describeSetAside, context "Sync"), shown on
// the changes set aside screen.
[[maybe_unused]] static const char *const SetAsideReasons[] = {
    QT_TRANSLATE_NOOP("Sync", "It was sealed with a key your keys cannot open."),
    QT_TRANSLATE_NOOP("Sync", "This device has no key to read it."),
    QT_TRANSLATE_NOOP("Sync", "Its author's signature does not verify."),
    QT_TRANSLATE_NOOP("Sync", "It is not part of what its author signed."),
    QT_TRANSLATE_NOOP("Sync", "It could not be decrypted."),
    QT_TRANSLATE_NOOP("Sync", "Its content could not be read."),
    QT_TRANSLATE_NOOP("Sync", "Its %1 is not valid."),
    QT_TRANSLATE_NOOP("Sync", "Its content is not valid."),
    QT_TRANSLATE_NOOP("Sync", "Its time is more than a day ahead of this device's clock."),
    QT_TRANSLATE_NOOP("Sync", "It changes a record another user created."),
    QT_TRANSLATE_NOOP("Sync",
                      "It acknowledges a comment on a diary entry its sender did not write."),
    QT_TRANSLATE_NOOP("Sync", "Its key is not signed by its author."),
    QT_TRANSLATE_NOOP("Sync", "Its author's key changed and nobody has confirmed the new one yet."),
    QT_TRANSLATE_NOOP("Sync", "It was set aside (%1)."),
};

} // namespace wp::client
