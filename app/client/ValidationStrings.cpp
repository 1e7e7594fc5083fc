// The core's validation messages are translated at run time in context "Validation"
// (app/core/Records.cpp); listing them here lets lupdate put them in the .ts files.
#include <QtGlobal>

namespace wp::client {

[[maybe_unused]] static const char *const ValidationMessages[] = {
    QT_TRANSLATE_NOOP("Validation", "Give the participant a pseudonym or initials."),
    QT_TRANSLATE_NOOP("Validation", "Record the date consent was given or withdrawn."),
    QT_TRANSLATE_NOOP("Validation", "The current stage must be the last one in the stage history."),
    QT_TRANSLATE_NOOP("Validation", "A goal needs a description."),
    QT_TRANSLATE_NOOP("Validation", "A goal's target date cannot be before the date it was set."),
    QT_TRANSLATE_NOOP("Validation", "Record when the encounter happened."),
    QT_TRANSLATE_NOOP("Validation", "Duration must be between 0 minutes and 24 hours."),
    QT_TRANSLATE_NOOP("Validation", "The follow-up date cannot be before the encounter."),
    QT_TRANSLATE_NOOP("Validation", "A stage can only be recorded for a named participant."),
    QT_TRANSLATE_NOOP("Validation", "Write something, or answer at least one prompt."),
    QT_TRANSLATE_NOOP("Validation", "Record when the entry was written."),
    QT_TRANSLATE_NOOP("Validation", "Record the date of the supervision session."),
    QT_TRANSLATE_NOOP("Validation", "An action item needs a description."),
    QT_TRANSLATE_NOOP("Validation", "A comment belongs to a diary entry."),
    QT_TRANSLATE_NOOP("Validation", "A comment cannot be empty."),
    QT_TRANSLATE_NOOP("Validation", "Name the course or training."),
    QT_TRANSLATE_NOOP("Validation", "Record when the training was completed."),
    QT_TRANSLATE_NOOP("Validation", "The expiry date must be after the completion date."),
    QT_TRANSLATE_NOOP("Validation", "%1 is too long (%2 characters, at most %3)."),
    QT_TRANSLATE_NOOP("Validation", "%1 has too many items (%2, at most %3)."),
    QT_TRANSLATE_NOOP("Validation", "%1 must be between 1 and 5."),
    QT_TRANSLATE_NOOP("Validation", "The field %1 has a value this version does not understand."),
};

} // namespace wp::client
