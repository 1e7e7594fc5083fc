#pragma once
// The records of DOMAIN.md. Plain values: no QML, no storage. Each record validates itself
// (clear, translatable messages naming the field) and converts to and from a map of fields,
// which is the unit the store diffs for the outbox and sync merges per field.

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

// Limits chosen so a record stays small enough to sync quickly and a typo cannot fill a disk.
namespace limits {
inline constexpr int Pseudonym = 64;
inline constexpr int ShortText = 500;   // scope, next step, goal, topic, course, owner
inline constexpr int Note = 4000;       // encounter note, prompt answers, comment
inline constexpr int DiaryText = 20000; // a long reflective entry
inline constexpr int ListItems = 50;    // goals, supplies, topics, action items...
inline constexpr int MaxDurationMinutes = 24 * 60;
} // namespace limits

using FieldErrors = QList<Error>;

struct StageChange
{
    Stage stage = Stage::SafePlace;
    QDate on;
    QString note;
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
    friend bool operator==(const Goal &, const Goal &) = default;
};

struct Consent
{
    ConsentState state = ConsentState::NotAsked;
    QDate on;      // when given or withdrawn
    QString scope; // what the participant agreed to, in the worker's words
    friend bool operator==(const Consent &, const Consent &) = default;
};

struct Participant
{
    static constexpr RecordType Type = RecordType::Participant;
    QUuid id;
    QString pseudonym; // a code or initials, never a full name
    Consent consent;
    Stage stage = Stage::SafePlace;
    QList<StageChange> stageHistory; // oldest first; the last entry is the current stage
    QList<Goal> goals;
    QDateTime lastContact;
    QDate followUpDue;
    QDateTime createdAt;

    // Records a move (forward or back) with today's date; no-op if already there.
    void moveToStage(Stage to, QDate on, const QString &note = {});

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
    QStringList supplies; // harm-reduction supplies given
    QList<Referral> referrals;
    QList<Service> advocacy;  // services the worker advocated with
    QList<Service> obstacles; // services where obstacles were met
    std::optional<Stage> stageAfter;
    QString note;
    QString nextStep;
    QDate followUpOn;
    bool safetyConcern = false;
    QDateTime createdAt;

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
    QStringList selfCare;
    QList<DiaryTheme> themes;
    bool shared = false; // private by default; shared with the supervisor per entry only
    QDateTime createdAt;

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

    FieldErrors validate() const;
    QCborMap toFields() const;
    static Result<SupervisionNote> fromFields(const QUuid &id, const QCborMap &fields);
    QString searchText() const;
    friend bool operator==(const SupervisionNote &, const SupervisionNote &) = default;
};

struct Comment
{
    static constexpr RecordType Type = RecordType::Comment;
    QUuid id;
    QUuid diaryEntryId;
    QString author;
    QString text;
    QDateTime writtenAt;
    QDateTime acknowledgedAt; // null until the worker acknowledges it
    QDateTime createdAt;

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

    bool isExpired(QDate today) const { return expiresOn.isValid() && expiresOn < today; }
    FieldErrors validate() const;
    QCborMap toFields() const;
    static Result<TrainingRecord> fromFields(const QUuid &id, const QCborMap &fields);
    QString searchText() const;
    friend bool operator==(const TrainingRecord &, const TrainingRecord &) = default;
};

// First validation error as a Status, for callers that report one line.
template <typename R> Status validated(const R &record)
{
    const FieldErrors errors = record.validate();
    if (errors.isEmpty())
        return {};
    return errors.first();
}

} // namespace wp
