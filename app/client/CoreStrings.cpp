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

} // namespace wp::client
