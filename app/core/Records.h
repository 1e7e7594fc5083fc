// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The records of the domain (docs/domain.md). Plain values: no QML, no storage. Each record
// declares its fields once (forEachField, see Fields.h); from that it validates itself (clear,
// translatable messages naming the field) and converts to and from a map of fields, which is
// the unit the store diffs for the outbox and sync merges per field.

#include "Fields.h"
#include "Result.h"
#include "Vocabulary.h"

#include <QCborMap>
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QStringList>
#include <QUuid>

#include <optional>

namespace wp {

using FieldErrors = QList<Error>;

// In the declarations below, QT_TRANSLATE_NOOP marks each label for lupdate
// (scripts/update-translations reads this file).

struct StageChange
{
    Stage stage = Stage::SafePlace;
    QDate on;
    QString note;

    template <class Self, class Field> static void forEachField(Self &c, Field &&field)
    {
        field(c.stage, {"stage", QT_TRANSLATE_NOOP("Field", "Stage")});
        field(c.on, {"on", QT_TRANSLATE_NOOP("Field", "Date")});
        field(c.note, FieldSpec("note", QT_TRANSLATE_NOOP("Field", "Stage note"))
                          .upTo(limits::ShortText)
                          .searchable());
    }
    friend bool operator==(const StageChange &, const StageChange &) = default;
};

struct Goal
{
    QUuid id;
    QString text;
    GoalStatus status = GoalStatus::Open;
    QDate setOn;
    QDate targetOn;
    QDate closedOn;

    template <class Self, class Field> static void forEachField(Self &g, Field &&field)
    {
        field(g.id, {"id", QT_TRANSLATE_NOOP("Field", "Goal")});
        field(g.text, FieldSpec("text", QT_TRANSLATE_NOOP("Field", "Goal"))
                          .upTo(limits::ShortText)
                          .searchable());
        field(g.status, {"status", QT_TRANSLATE_NOOP("Field", "Goal status")});
        field(g.setOn, {"setOn", QT_TRANSLATE_NOOP("Field", "Set on")});
        field(g.targetOn, {"targetOn", QT_TRANSLATE_NOOP("Field", "Target date")});
        field(g.closedOn, {"closedOn", QT_TRANSLATE_NOOP("Field", "Closed on")});
    }
    friend bool operator==(const Goal &, const Goal &) = default;
};

struct Consent
{
    ConsentState state = ConsentState::NotAsked;
    QDate on;      // when given or withdrawn
    QString scope; // what the participant agreed to, in the worker's words

    template <class Self, class Field> static void forEachField(Self &c, Field &&field)
    {
        field(c.state, {"state", QT_TRANSLATE_NOOP("Field", "Consent")});
        field(c.on, {"on", QT_TRANSLATE_NOOP("Field", "Consent date")});
        field(c.scope, FieldSpec("scope", QT_TRANSLATE_NOOP("Field", "Consent scope"))
                           .upTo(limits::ShortText)
                           .searchable());
    }
    friend bool operator==(const Consent &, const Consent &) = default;
};

struct Participant
{
    static constexpr RecordType Type = RecordType::Participant;
    QUuid id;
    QString pseudonym; // a code or initials, never a full name
    Consent consent;
    QList<Consent> consentHistory; // oldest first; the last entry is the current consent
    Stage stage = Stage::SafePlace;
    QList<StageChange> stageHistory; // oldest first; the last entry is the current stage
    QList<Goal> goals;
    QDateTime lastContact;
    QDate followUpDue;
    QDateTime createdAt;

    template <class Self, class Field> static void forEachField(Self &p, Field &&field)
    {
        field(p.pseudonym, FieldSpec("pseudonym", QT_TRANSLATE_NOOP("Field", "Pseudonym"))
                               .upTo(limits::Pseudonym)
                               .searchable());
        field(p.consent, {"consent", QT_TRANSLATE_NOOP("Field", "Consent")});
        field(p.consentHistory,
              FieldSpec("consentHistory", QT_TRANSLATE_NOOP("Field", "Consent history"))
                  .items(1000)
                  .automatic());
        field(p.stage, {"stage", QT_TRANSLATE_NOOP("Field", "Stage")});
        field(p.stageHistory, FieldSpec("stageHistory", QT_TRANSLATE_NOOP("Field", "Stage history"))
                                  .items(1000)
                                  .automatic());
        field(p.goals, {"goals", QT_TRANSLATE_NOOP("Field", "Goals")});
        field(p.lastContact,
              FieldSpec("lastContact", QT_TRANSLATE_NOOP("Field", "Last contact")).automatic());
        field(p.followUpDue, {"followUpDue", QT_TRANSLATE_NOOP("Field", "Follow-up date")});
        field(p.createdAt,
              FieldSpec("createdAt", QT_TRANSLATE_NOOP("Field", "Created")).automatic());
    }

    // Records a move (forward or back) with today's date; no-op if already there.
    void moveToStage(Stage to, QDate on, const QString &note = {});
    // Records consent given, changed in scope or withdrawn; no-op when nothing changes. A
    // participant saved before consent had a history gets their earlier consent as its first
    // entry, so the history never starts at the second change.
    void recordConsent(const Consent &to);

    FieldErrors validate() const;
    QCborMap toFields() const;
    static Result<Participant> fromFields(const QUuid &id, const QCborMap &fields);
    QString searchText() const;
    friend bool operator==(const Participant &, const Participant &) = default;
};

struct Referral
{
    Service service = Service::Other;
    QString to; // the organisation or person, e.g. "Riverside housing team"

    template <class Self, class Field> static void forEachField(Self &r, Field &&field)
    {
        field(r.service, {"service", QT_TRANSLATE_NOOP("Field", "Service")});
        field(r.to, FieldSpec("to", QT_TRANSLATE_NOOP("Field", "Referred to"))
                        .upTo(limits::ShortText)
                        .searchable());
    }
    friend bool operator==(const Referral &, const Referral &) = default;
};

struct Encounter
{
    static constexpr RecordType Type = RecordType::Encounter;
    QUuid id;
    QUuid participantId; // null: unnamed / brief contact
    QDateTime occurredAt;
    int durationMinutes = 0;
    Place place = Place::Outreach;
    QList<Need> needs;
    QStringList supplies; // harm-reduction supplies given: Supply keys, or text typed
    QList<Referral> referrals;
    QList<Service> advocacy;  // services the worker advocated with
    QList<Service> obstacles; // services where obstacles were met
    std::optional<Stage> stageAfter;
    QString note;
    QString nextStep;
    QDate followUpOn;
    bool safetyConcern = false;
    QDateTime createdAt;

    template <class Self, class Field> static void forEachField(Self &e, Field &&field)
    {
        field(e.participantId, {"participantId", QT_TRANSLATE_NOOP("Field", "Participant")});
        field(e.occurredAt, {"occurredAt", QT_TRANSLATE_NOOP("Field", "When")});
        field(e.durationMinutes,
              FieldSpec("durationMinutes", QT_TRANSLATE_NOOP("Field", "Duration"))
                  .range(0, limits::MaxDurationMinutes,
                         QT_TRANSLATE_NOOP("Validation",
                                           "Duration must be between 0 minutes and 24 hours.")));
        field(e.place, FieldSpec("place", QT_TRANSLATE_NOOP("Field", "Place")).whenAbsent("other"));
        field(e.needs, {"needs", QT_TRANSLATE_NOOP("Field", "Needs addressed")});
        field(e.supplies, FieldSpec("supplies", QT_TRANSLATE_NOOP("Field", "Supplies"))
                              .upTo(limits::ShortText)
                              .from(itemChoices<Supply>)
                              .searchable());
        field(e.referrals, {"referrals", QT_TRANSLATE_NOOP("Field", "Referrals")});
        field(e.advocacy, {"advocacy", QT_TRANSLATE_NOOP("Field", "Advocacy")});
        field(e.obstacles, {"obstacles", QT_TRANSLATE_NOOP("Field", "Obstacles")});
        field(e.stageAfter,
              {"stageAfter", QT_TRANSLATE_NOOP("Field", "Stage after the encounter")});
        field(e.note,
              FieldSpec("note", QT_TRANSLATE_NOOP("Field", "Note")).upTo(limits::Note).freeText());
        field(e.nextStep, FieldSpec("nextStep", QT_TRANSLATE_NOOP("Field", "Next step"))
                              .upTo(limits::ShortText)
                              .freeText());
        field(e.followUpOn, {"followUpOn", QT_TRANSLATE_NOOP("Field", "Follow-up date")});
        field(e.safetyConcern, {"safetyConcern", QT_TRANSLATE_NOOP("Field", "Safety concern")});
        field(e.createdAt,
              FieldSpec("createdAt", QT_TRANSLATE_NOOP("Field", "Created")).automatic());
    }

    bool isBriefContact() const { return participantId.isNull(); }
    FieldErrors validate() const;
    QCborMap toFields() const;
    static Result<Encounter> fromFields(const QUuid &id, const QCborMap &fields);
    QString searchText() const;
    friend bool operator==(const Encounter &, const Encounter &) = default;
};

// SHARPS-style guided reflection; every prompt can be skipped.
struct GuidedPrompts
{
    QString whatHappened;
    QString howIFelt;
    QString wentWell; // what went well or not
    QString learned;
    QString nextTime; // what I'll do next
    bool isEmpty() const;
    friend bool operator==(const GuidedPrompts &, const GuidedPrompts &) = default;
};

struct DiaryEntry
{
    static constexpr RecordType Type = RecordType::DiaryEntry;
    QUuid id;
    QDateTime writtenAt;
    QString text;
    GuidedPrompts prompts;
    std::optional<int> wellbeing; // 1 (low) .. 5 (good)
    std::optional<int> stress;    // 1 (calm) .. 5 (overwhelmed)
    QStringList selfCare;         // SelfCare keys, or text typed
    QList<DiaryTheme> themes;
    bool shared = false; // private by default; shared with the supervisor per entry only
    QDateTime createdAt;

    // The prompts' answers are fields of the entry itself in the field map.
    template <class Self, class Field> static void forEachField(Self &d, Field &&field)
    {
        field(d.writtenAt, {"writtenAt", QT_TRANSLATE_NOOP("Field", "Written")});
        field(d.text, FieldSpec("text", QT_TRANSLATE_NOOP("Field", "Text"))
                          .upTo(limits::DiaryText)
                          .freeText());
        field(d.prompts.whatHappened,
              FieldSpec("whatHappened", QT_TRANSLATE_NOOP("Field", "What happened"))
                  .upTo(limits::Note)
                  .freeText());
        field(d.prompts.howIFelt, FieldSpec("howIFelt", QT_TRANSLATE_NOOP("Field", "How I felt"))
                                      .upTo(limits::Note)
                                      .freeText());
        field(d.prompts.wentWell,
              FieldSpec("wentWell", QT_TRANSLATE_NOOP("Field", "What went well, or not"))
                  .upTo(limits::Note)
                  .freeText());
        field(d.prompts.learned, FieldSpec("learned", QT_TRANSLATE_NOOP("Field", "What I learned"))
                                     .upTo(limits::Note)
                                     .freeText());
        field(d.prompts.nextTime,
              FieldSpec("nextTime", QT_TRANSLATE_NOOP("Field", "What I will do next"))
                  .upTo(limits::Note)
                  .freeText());
        field(d.wellbeing, {"wellbeing", QT_TRANSLATE_NOOP("Field", "Wellbeing")});
        field(d.stress, {"stress", QT_TRANSLATE_NOOP("Field", "Stress")});
        field(d.selfCare, FieldSpec("selfCare", QT_TRANSLATE_NOOP("Field", "Self-care"))
                              .upTo(limits::ShortText)
                              .from(itemChoices<SelfCare>)
                              .searchable());
        field(d.themes, {"themes", QT_TRANSLATE_NOOP("Field", "Themes")});
        field(d.shared, {"shared", QT_TRANSLATE_NOOP("Field", "Shared with the supervisor")});
        field(d.createdAt,
              FieldSpec("createdAt", QT_TRANSLATE_NOOP("Field", "Created")).automatic());
    }

    FieldErrors validate() const;
    QCborMap toFields() const;
    static Result<DiaryEntry> fromFields(const QUuid &id, const QCborMap &fields);
    QString searchText() const;
    friend bool operator==(const DiaryEntry &, const DiaryEntry &) = default;
};

struct ActionItem
{
    QUuid id;
    QString text;
    ActionOwner owner = ActionOwner::Worker;
    QDate due;
    bool done = false;

    template <class Self, class Field> static void forEachField(Self &a, Field &&field)
    {
        field(a.id, {"id", QT_TRANSLATE_NOOP("Field", "Action item")});
        field(a.text, FieldSpec("text", QT_TRANSLATE_NOOP("Field", "Action item"))
                          .upTo(limits::ShortText)
                          .searchable());
        field(a.owner, {"owner", QT_TRANSLATE_NOOP("Field", "Who does it")});
        field(a.due, {"due", QT_TRANSLATE_NOOP("Field", "Due")});
        field(a.done, {"done", QT_TRANSLATE_NOOP("Field", "Done")});
    }
    friend bool operator==(const ActionItem &, const ActionItem &) = default;
};

struct SupervisionNote
{
    static constexpr RecordType Type = RecordType::SupervisionNote;
    QUuid id;
    QDate heldOn;
    QString supervisor; // who
    QStringList topics;
    std::optional<int> wellbeing; // wellbeing check, 1..5
    QString wellbeingNote;
    QList<QUuid> linkedDiaryEntries;
    QList<ActionItem> actionItems;
    QStringList developmentGoals;
    QString notes;
    QDateTime createdAt;

    template <class Self, class Field> static void forEachField(Self &n, Field &&field)
    {
        field(n.heldOn, {"heldOn", QT_TRANSLATE_NOOP("Field", "Date")});
        field(n.supervisor, FieldSpec("supervisor", QT_TRANSLATE_NOOP("Field", "Supervisor"))
                                .upTo(limits::ShortText)
                                .searchable());
        field(n.topics, FieldSpec("topics", QT_TRANSLATE_NOOP("Field", "Topics"))
                            .upTo(limits::ShortText)
                            .searchable());
        field(n.wellbeing, {"wellbeing", QT_TRANSLATE_NOOP("Field", "Wellbeing")});
        field(n.wellbeingNote,
              FieldSpec("wellbeingNote", QT_TRANSLATE_NOOP("Field", "Wellbeing note"))
                  .upTo(limits::Note)
                  .freeText());
        field(n.linkedDiaryEntries,
              {"linkedDiaryEntries", QT_TRANSLATE_NOOP("Field", "Linked diary entries")});
        field(n.actionItems, {"actionItems", QT_TRANSLATE_NOOP("Field", "Action items")});
        field(n.developmentGoals,
              FieldSpec("developmentGoals", QT_TRANSLATE_NOOP("Field", "Development goals"))
                  .upTo(limits::ShortText)
                  .searchable());
        field(n.notes, FieldSpec("notes", QT_TRANSLATE_NOOP("Field", "Notes"))
                           .upTo(limits::DiaryText)
                           .freeText());
        field(n.createdAt,
              FieldSpec("createdAt", QT_TRANSLATE_NOOP("Field", "Created")).automatic());
    }

    FieldErrors validate() const;
    QCborMap toFields() const;
    static Result<SupervisionNote> fromFields(const QUuid &id, const QCborMap &fields);
    QString searchText() const;
    friend bool operator==(const SupervisionNote &, const SupervisionNote &) = default;
};

// What a supervisor and a worker say about a shared diary entry, each a record of its own
// written by the one who says it (docs/protocol.md, "Review marks, comments and
// acknowledgements"): a comment has a text; a review mark has neither text nor
// `acknowledges`; an acknowledgement names the comment it acknowledges.
struct Comment
{
    static constexpr RecordType Type = RecordType::Comment;
    QUuid id;
    QUuid diaryEntryId;
    QString author; // the writer's name as their device knew it, for display only
    QString text;
    QDateTime writtenAt;
    QDateTime acknowledgedAt; // when an acknowledgement was given
    QUuid acknowledges;       // the comment an acknowledgement is for
    // A raise: the entry is to be discussed at the next supervision (`raise`), asked at
    // `raisedAt`; its author sets `raise` false to take it back.
    bool raise = false;
    QDateTime raisedAt;
    QDateTime createdAt;

    bool isAcknowledgement() const { return !acknowledges.isNull(); }
    bool isRaise() const { return !isAcknowledgement() && raisedAt.isValid(); }
    bool isReviewMark() const { return !isAcknowledgement() && !isRaise() && text.isEmpty(); }

    template <class Self, class Field> static void forEachField(Self &c, Field &&field)
    {
        field(c.diaryEntryId, {"diaryEntryId", QT_TRANSLATE_NOOP("Field", "Diary entry")});
        field(c.author, FieldSpec("author", QT_TRANSLATE_NOOP("Field", "Author"))
                            .upTo(limits::ShortText)
                            .searchable());
        field(
            c.text,
            FieldSpec("text", QT_TRANSLATE_NOOP("Field", "Comment")).upTo(limits::Note).freeText());
        field(c.writtenAt, {"writtenAt", QT_TRANSLATE_NOOP("Field", "Written")});
        field(c.acknowledgedAt, {"acknowledgedAt", QT_TRANSLATE_NOOP("Field", "Acknowledged")});
        field(c.acknowledges, {"acknowledges", QT_TRANSLATE_NOOP("Field", "Comment")});
        field(c.raise, {"raise", QT_TRANSLATE_NOOP("Field", "Raise at next supervision")});
        field(c.raisedAt, {"raisedAt", QT_TRANSLATE_NOOP("Field", "Raised")});
        field(c.createdAt,
              FieldSpec("createdAt", QT_TRANSLATE_NOOP("Field", "Created")).automatic());
    }

    FieldErrors validate() const;
    QCborMap toFields() const;
    static Result<Comment> fromFields(const QUuid &id, const QCborMap &fields);
    QString searchText() const;
    friend bool operator==(const Comment &, const Comment &) = default;
};

struct TrainingRecord
{
    static constexpr RecordType Type = RecordType::TrainingRecord;
    QUuid id;
    QString course;
    QDate completedOn;
    QString certificate; // reference or number
    QDate expiresOn;     // null when it does not expire
    QDateTime createdAt;

    template <class Self, class Field> static void forEachField(Self &t, Field &&field)
    {
        field(t.course, FieldSpec("course", QT_TRANSLATE_NOOP("Field", "Course"))
                            .upTo(limits::ShortText)
                            .searchable());
        field(t.completedOn, {"completedOn", QT_TRANSLATE_NOOP("Field", "Completed on")});
        field(t.certificate, FieldSpec("certificate", QT_TRANSLATE_NOOP("Field", "Certificate"))
                                 .upTo(limits::ShortText)
                                 .searchable());
        field(t.expiresOn, {"expiresOn", QT_TRANSLATE_NOOP("Field", "Expires on")});
        field(t.createdAt,
              FieldSpec("createdAt", QT_TRANSLATE_NOOP("Field", "Created")).automatic());
    }

    bool isExpired(QDate today) const { return expiresOn.isValid() && expiresOn < today; }
    FieldErrors validate() const;
    QCborMap toFields() const;
    static Result<TrainingRecord> fromFields(const QUuid &id, const QCborMap &fields);
    QString searchText() const;
    friend bool operator==(const TrainingRecord &, const TrainingRecord &) = default;
};

// The fields of a record type known only at run time (the store, sync).
std::span<const FieldInfo> fieldTable(RecordType type);

// Checks a field map that comes from elsewhere (a pulled change: some or all of a record's
// fields) as strictly as local input: each field this version knows holds its kind's CBOR
// type (a text is a string, a rating an integer, a sub-record a map, ...), within the lengths,
// list sizes and ranges its declaration gives; no value nests deeper than MaxFieldDepth.
// Fields this version does not know pass (a newer version's), as do vocabulary keys it does
// not know (kept raw by the store). Rules across fields (a pseudonym is required, the stage
// is the last of its history) are for forms: a per-field merge of two valid edits can break
// them. InvalidInput naming the first field at fault (Error::field).
inline constexpr int MaxFieldDepth = 8;
Status checkFieldMap(RecordType type, const QCborMap &fields);

// The record's free texts (FreeText fields), in declaration order: what its title comes from.
template <Declared R> QStringList freeTexts(const R &record)
{
    QStringList out;
    R::forEachField(record, [&out](const auto &value, const FieldSpec &spec) {
        if constexpr (std::is_same_v<std::remove_cvref_t<decltype(value)>, QString>)
            if (spec.has(FreeText))
                out.append(value);
    });
    return out;
}

// Rewrites items of text lists with item choices (self-care, supplies) to the keys they name.
// Returns whether anything changed; the rest of `fields` is left exactly as it was.
bool normaliseItems(RecordType type, QCborMap &fields);

// First validation error as a Status, for callers that report one line.
template <typename R> Status validated(const R &record)
{
    const FieldErrors errors = record.validate();
    if (errors.isEmpty())
        return {};
    return errors.first();
}

} // namespace wp
