#include "Records.h"

#include <QCborArray>
#include <QCoreApplication>

namespace wp {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Validation", text);
}

// The field's name as the user reads it (translated by the app, see app/client/CoreStrings.cpp);
// the key itself where no translation is installed.
QString fieldLabel(const char *field)
{
    return QCoreApplication::translate("Validation", field, "field");
}

void checkLength(FieldErrors &errors, const QString &value, int max, const char *field)
{
    if (value.size() > max)
        errors.append({ErrorCode::InvalidInput,
                       tr("%1 is too long (%2 characters, at most %3).")
                           .arg(fieldLabel(field))
                           .arg(value.size())
                           .arg(max),
                       QString::fromLatin1(field)});
}

void checkList(FieldErrors &errors, qsizetype count, int itemMax, const char *field)
{
    if (count > itemMax)
        errors.append({ErrorCode::InvalidInput,
                       tr("%1 has too many items (%2, at most %3).")
                           .arg(fieldLabel(field))
                           .arg(count)
                           .arg(itemMax),
                       QString::fromLatin1(field)});
}

void checkItems(FieldErrors &errors, const QStringList &items, int max, const char *field)
{
    checkList(errors, items.size(), limits::ListItems, field);
    for (const QString &item : items)
        checkLength(errors, item, max, field);
}

void checkRating(FieldErrors &errors, const std::optional<int> &value, const char *field)
{
    if (value && (*value < 1 || *value > 5))
        errors.append({ErrorCode::InvalidInput,
                       tr("%1 must be between 1 and 5.").arg(fieldLabel(field)),
                       QString::fromLatin1(field)});
}

void require(FieldErrors &errors, bool ok, const char *message, const char *field)
{
    if (!ok)
        errors.append({ErrorCode::InvalidInput, tr(message), QString::fromLatin1(field)});
}

// --- field codec helpers: dates as ISO text, times as Unix ms, enums by key ---

QCborValue dateValue(const QDate &d)
{
    return d.isValid() ? QCborValue(d.toString(Qt::ISODate)) : QCborValue();
}
QDate toDate(const QCborValue &v)
{
    return v.isString() ? QDate::fromString(v.toString(), Qt::ISODate) : QDate();
}
QCborValue timeValue(const QDateTime &t)
{
    return t.isValid() ? QCborValue(t.toMSecsSinceEpoch()) : QCborValue();
}
QDateTime toTime(const QCborValue &v)
{
    return v.isInteger() ? QDateTime::fromMSecsSinceEpoch(v.toInteger(), Qt::UTC) : QDateTime();
}
QCborValue idValue(const QUuid &id)
{
    return id.isNull() ? QCborValue() : QCborValue(id.toString(QUuid::WithoutBraces));
}
QUuid toId(const QCborValue &v)
{
    return v.isString() ? QUuid::fromString(v.toString()) : QUuid();
}
QCborValue ratingValue(const std::optional<int> &r)
{
    return r ? QCborValue(*r) : QCborValue();
}
std::optional<int> toRating(const QCborValue &v)
{
    return v.isInteger() ? std::optional<int>(int(v.toInteger())) : std::nullopt;
}

QCborArray stringsValue(const QStringList &list)
{
    QCborArray a;
    for (const QString &s : list)
        a.append(s);
    return a;
}
QStringList toStrings(const QCborValue &v)
{
    QStringList out;
    for (const QCborValue &item : v.toArray())
        if (item.isString())
            out.append(item.toString());
    return out;
}

template <typename E> QCborArray keysValue(const QList<E> &list)
{
    QCborArray a;
    for (E e : list)
        a.append(keyOf(e));
    return a;
}

// Unknown keys (from a newer version) are reported, not silently dropped.
template <typename E> bool toKeys(const QCborValue &v, QList<E> &out)
{
    out.clear();
    for (const QCborValue &item : v.toArray()) {
        auto e = fromKey<E>(item.toString());
        if (!e)
            return false;
        out.append(*e);
    }
    return true;
}

template <typename E> bool toKey(const QCborValue &v, E &out, E fallback)
{
    if (v.isUndefined() || v.isNull()) {
        out = fallback;
        return true;
    }
    auto e = fromKey<E>(v.toString());
    if (!e)
        return false;
    out = *e;
    return true;
}

Error badField(const char *field)
{
    return {ErrorCode::Protocol,
            tr("The field %1 has a value this version does not understand.").arg(fieldLabel(field)),
            QString::fromLatin1(field)};
}

QString joined(std::initializer_list<QString> parts)
{
    QString out;
    for (const QString &p : parts) {
        if (p.isEmpty())
            continue;
        if (!out.isEmpty())
            out += QLatin1Char('\n');
        out += p;
    }
    return out;
}

} // namespace

// ---------------------------------------------------------------- Participant

void Participant::moveToStage(Stage to, QDate on, const QString &note)
{
    if (!stageHistory.isEmpty() && stage == to)
        return;
    stage = to;
    stageHistory.append({to, on, note});
}

FieldErrors Participant::validate() const
{
    FieldErrors e;
    require(e, !pseudonym.trimmed().isEmpty(), "Give the participant a pseudonym or initials.",
            "pseudonym");
    checkLength(e, pseudonym, limits::Pseudonym, "pseudonym");
    checkLength(e, consent.scope, limits::ShortText, "consent");
    require(e, consent.state == ConsentState::NotAsked || consent.on.isValid(),
            "Record the date consent was given or withdrawn.", "consent");
    checkList(e, stageHistory.size(), 1000, "stageHistory");
    for (const StageChange &c : stageHistory)
        checkLength(e, c.note, limits::ShortText, "stageHistory");
    require(e, stageHistory.isEmpty() || stageHistory.last().stage == stage,
            "The current stage must be the last one in the stage history.", "stage");
    checkList(e, goals.size(), limits::ListItems, "goals");
    for (const Goal &g : goals) {
        require(e, !g.text.trimmed().isEmpty(), "A goal needs a description.", "goals");
        checkLength(e, g.text, limits::ShortText, "goals");
        require(e, !g.targetOn.isValid() || !g.setOn.isValid() || g.targetOn >= g.setOn,
                "A goal's target date cannot be before the date it was set.", "goals");
    }
    return e;
}

QCborMap Participant::toFields() const
{
    QCborArray history;
    for (const StageChange &c : stageHistory)
        history.append(QCborMap{{QStringLiteral("stage"), keyOf(c.stage)},
                                {QStringLiteral("on"), dateValue(c.on)},
                                {QStringLiteral("note"), c.note}});
    QCborArray goalList;
    for (const Goal &g : goals)
        goalList.append(QCborMap{{QStringLiteral("id"), idValue(g.id)},
                                 {QStringLiteral("text"), g.text},
                                 {QStringLiteral("status"), keyOf(g.status)},
                                 {QStringLiteral("setOn"), dateValue(g.setOn)},
                                 {QStringLiteral("targetOn"), dateValue(g.targetOn)},
                                 {QStringLiteral("closedOn"), dateValue(g.closedOn)}});
    return {
        {QStringLiteral("pseudonym"), pseudonym},
        {QStringLiteral("consent"), QCborMap{{QStringLiteral("state"), keyOf(consent.state)},
                                             {QStringLiteral("on"), dateValue(consent.on)},
                                             {QStringLiteral("scope"), consent.scope}}},
        {QStringLiteral("stage"), keyOf(stage)},
        {QStringLiteral("stageHistory"), history},
        {QStringLiteral("goals"), goalList},
        {QStringLiteral("lastContact"), timeValue(lastContact)},
        {QStringLiteral("followUpDue"), dateValue(followUpDue)},
        {QStringLiteral("createdAt"), timeValue(createdAt)},
    };
}

Result<Participant> Participant::fromFields(const QUuid &id, const QCborMap &f)
{
    Participant p;
    p.id = id;
    p.pseudonym = f.value(QStringLiteral("pseudonym")).toString();
    const QCborMap consent = f.value(QStringLiteral("consent")).toMap();
    if (!toKey(consent.value(QStringLiteral("state")), p.consent.state, ConsentState::NotAsked))
        return badField("consent");
    p.consent.on = toDate(consent.value(QStringLiteral("on")));
    p.consent.scope = consent.value(QStringLiteral("scope")).toString();
    if (!toKey(f.value(QStringLiteral("stage")), p.stage, Stage::SafePlace))
        return badField("stage");
    for (const QCborValue &v : f.value(QStringLiteral("stageHistory")).toArray()) {
        const QCborMap m = v.toMap();
        StageChange c;
        if (!toKey(m.value(QStringLiteral("stage")), c.stage, Stage::SafePlace))
            return badField("stageHistory");
        c.on = toDate(m.value(QStringLiteral("on")));
        c.note = m.value(QStringLiteral("note")).toString();
        p.stageHistory.append(c);
    }
    for (const QCborValue &v : f.value(QStringLiteral("goals")).toArray()) {
        const QCborMap m = v.toMap();
        Goal g;
        g.id = toId(m.value(QStringLiteral("id")));
        g.text = m.value(QStringLiteral("text")).toString();
        if (!toKey(m.value(QStringLiteral("status")), g.status, GoalStatus::Open))
            return badField("goals");
        g.setOn = toDate(m.value(QStringLiteral("setOn")));
        g.targetOn = toDate(m.value(QStringLiteral("targetOn")));
        g.closedOn = toDate(m.value(QStringLiteral("closedOn")));
        p.goals.append(g);
    }
    p.lastContact = toTime(f.value(QStringLiteral("lastContact")));
    p.followUpDue = toDate(f.value(QStringLiteral("followUpDue")));
    p.createdAt = toTime(f.value(QStringLiteral("createdAt")));
    return p;
}

QString Participant::searchText() const
{
    QStringList parts{pseudonym, consent.scope};
    for (const Goal &g : goals)
        parts.append(g.text);
    for (const StageChange &c : stageHistory)
        parts.append(c.note);
    parts.removeAll(QString());
    return parts.join(QLatin1Char('\n'));
}

// ---------------------------------------------------------------- Encounter

FieldErrors Encounter::validate() const
{
    FieldErrors e;
    require(e, occurredAt.isValid(), "Record when the encounter happened.", "occurredAt");
    require(e, durationMinutes >= 0 && durationMinutes <= limits::MaxDurationMinutes,
            "Duration must be between 0 minutes and 24 hours.", "durationMinutes");
    checkItems(e, supplies, limits::ShortText, "supplies");
    checkList(e, referrals.size(), limits::ListItems, "referrals");
    for (const Referral &r : referrals)
        checkLength(e, r.to, limits::ShortText, "referrals");
    checkList(e, needs.size(), limits::ListItems, "needs");
    checkList(e, advocacy.size(), limits::ListItems, "advocacy");
    checkList(e, obstacles.size(), limits::ListItems, "obstacles");
    checkLength(e, note, limits::Note, "note");
    checkLength(e, nextStep, limits::ShortText, "nextStep");
    require(e,
            !followUpOn.isValid() || !occurredAt.isValid() ||
                followUpOn >= occurredAt.date().addDays(-1),
            "The follow-up date cannot be before the encounter.", "followUpOn");
    require(e, !stageAfter || !isBriefContact(),
            "A stage can only be recorded for a named participant.", "stageAfter");
    return e;
}

QCborMap Encounter::toFields() const
{
    QCborArray refs;
    for (const Referral &r : referrals)
        refs.append(
            QCborMap{{QStringLiteral("service"), keyOf(r.service)}, {QStringLiteral("to"), r.to}});
    return {
        {QStringLiteral("participantId"), idValue(participantId)},
        {QStringLiteral("occurredAt"), timeValue(occurredAt)},
        {QStringLiteral("durationMinutes"), durationMinutes},
        {QStringLiteral("place"), keyOf(place)},
        {QStringLiteral("needs"), keysValue(needs)},
        {QStringLiteral("supplies"), stringsValue(supplies)},
        {QStringLiteral("referrals"), refs},
        {QStringLiteral("advocacy"), keysValue(advocacy)},
        {QStringLiteral("obstacles"), keysValue(obstacles)},
        {QStringLiteral("stageAfter"), stageAfter ? QCborValue(keyOf(*stageAfter)) : QCborValue()},
        {QStringLiteral("note"), note},
        {QStringLiteral("nextStep"), nextStep},
        {QStringLiteral("followUpOn"), dateValue(followUpOn)},
        {QStringLiteral("safetyConcern"), safetyConcern},
        {QStringLiteral("createdAt"), timeValue(createdAt)},
    };
}

Result<Encounter> Encounter::fromFields(const QUuid &id, const QCborMap &f)
{
    Encounter x;
    x.id = id;
    x.participantId = toId(f.value(QStringLiteral("participantId")));
    x.occurredAt = toTime(f.value(QStringLiteral("occurredAt")));
    x.durationMinutes = int(f.value(QStringLiteral("durationMinutes")).toInteger());
    if (!toKey(f.value(QStringLiteral("place")), x.place, Place::Other))
        return badField("place");
    if (!toKeys(f.value(QStringLiteral("needs")), x.needs))
        return badField("needs");
    x.supplies = toStrings(f.value(QStringLiteral("supplies")));
    for (const QCborValue &v : f.value(QStringLiteral("referrals")).toArray()) {
        Referral r;
        if (!toKey(v.toMap().value(QStringLiteral("service")), r.service, Service::Other))
            return badField("referrals");
        r.to = v.toMap().value(QStringLiteral("to")).toString();
        x.referrals.append(r);
    }
    if (!toKeys(f.value(QStringLiteral("advocacy")), x.advocacy))
        return badField("advocacy");
    if (!toKeys(f.value(QStringLiteral("obstacles")), x.obstacles))
        return badField("obstacles");
    const QCborValue stage = f.value(QStringLiteral("stageAfter"));
    if (stage.isString()) {
        auto s = fromKey<Stage>(stage.toString());
        if (!s)
            return badField("stageAfter");
        x.stageAfter = *s;
    }
    x.note = f.value(QStringLiteral("note")).toString();
    x.nextStep = f.value(QStringLiteral("nextStep")).toString();
    x.followUpOn = toDate(f.value(QStringLiteral("followUpOn")));
    x.safetyConcern = f.value(QStringLiteral("safetyConcern")).toBool();
    x.createdAt = toTime(f.value(QStringLiteral("createdAt")));
    return x;
}

QString Encounter::searchText() const
{
    QStringList parts{note, nextStep};
    parts += supplies;
    for (const Referral &r : referrals)
        parts.append(r.to);
    parts.removeAll(QString());
    return parts.join(QLatin1Char('\n'));
}

// ---------------------------------------------------------------- DiaryEntry

bool GuidedPrompts::isEmpty() const
{
    return whatHappened.trimmed().isEmpty() && howIFelt.trimmed().isEmpty() &&
           wentWell.trimmed().isEmpty() && learned.trimmed().isEmpty() &&
           nextTime.trimmed().isEmpty();
}

FieldErrors DiaryEntry::validate() const
{
    FieldErrors e;
    require(e, !text.trimmed().isEmpty() || !prompts.isEmpty(),
            "Write something, or answer at least one prompt.", "text");
    checkLength(e, text, limits::DiaryText, "text");
    checkLength(e, prompts.whatHappened, limits::Note, "whatHappened");
    checkLength(e, prompts.howIFelt, limits::Note, "howIFelt");
    checkLength(e, prompts.wentWell, limits::Note, "wentWell");
    checkLength(e, prompts.learned, limits::Note, "learned");
    checkLength(e, prompts.nextTime, limits::Note, "nextTime");
    checkRating(e, wellbeing, "wellbeing");
    checkRating(e, stress, "stress");
    checkItems(e, selfCare, limits::ShortText, "selfCare");
    checkList(e, themes.size(), limits::ListItems, "themes");
    require(e, writtenAt.isValid(), "Record when the entry was written.", "writtenAt");
    return e;
}

QCborMap DiaryEntry::toFields() const
{
    return {
        {QStringLiteral("writtenAt"), timeValue(writtenAt)},
        {QStringLiteral("text"), text},
        {QStringLiteral("whatHappened"), prompts.whatHappened},
        {QStringLiteral("howIFelt"), prompts.howIFelt},
        {QStringLiteral("wentWell"), prompts.wentWell},
        {QStringLiteral("learned"), prompts.learned},
        {QStringLiteral("nextTime"), prompts.nextTime},
        {QStringLiteral("wellbeing"), ratingValue(wellbeing)},
        {QStringLiteral("stress"), ratingValue(stress)},
        {QStringLiteral("selfCare"), stringsValue(selfCare)},
        {QStringLiteral("themes"), keysValue(themes)},
        {QStringLiteral("shared"), shared},
        {QStringLiteral("createdAt"), timeValue(createdAt)},
    };
}

Result<DiaryEntry> DiaryEntry::fromFields(const QUuid &id, const QCborMap &f)
{
    DiaryEntry d;
    d.id = id;
    d.writtenAt = toTime(f.value(QStringLiteral("writtenAt")));
    d.text = f.value(QStringLiteral("text")).toString();
    d.prompts.whatHappened = f.value(QStringLiteral("whatHappened")).toString();
    d.prompts.howIFelt = f.value(QStringLiteral("howIFelt")).toString();
    d.prompts.wentWell = f.value(QStringLiteral("wentWell")).toString();
    d.prompts.learned = f.value(QStringLiteral("learned")).toString();
    d.prompts.nextTime = f.value(QStringLiteral("nextTime")).toString();
    d.wellbeing = toRating(f.value(QStringLiteral("wellbeing")));
    d.stress = toRating(f.value(QStringLiteral("stress")));
    d.selfCare = toStrings(f.value(QStringLiteral("selfCare")));
    if (!toKeys(f.value(QStringLiteral("themes")), d.themes))
        return badField("themes");
    d.shared = f.value(QStringLiteral("shared")).toBool(false);
    d.createdAt = toTime(f.value(QStringLiteral("createdAt")));
    return d;
}

QString DiaryEntry::searchText() const
{
    return joined({text, prompts.whatHappened, prompts.howIFelt, prompts.wentWell, prompts.learned,
                   prompts.nextTime, selfCare.join(QLatin1Char('\n'))});
}

// ---------------------------------------------------------------- SupervisionNote

FieldErrors SupervisionNote::validate() const
{
    FieldErrors e;
    require(e, heldOn.isValid(), "Record the date of the supervision session.", "heldOn");
    checkLength(e, supervisor, limits::ShortText, "supervisor");
    checkItems(e, topics, limits::ShortText, "topics");
    checkRating(e, wellbeing, "wellbeing");
    checkLength(e, wellbeingNote, limits::Note, "wellbeingNote");
    checkList(e, linkedDiaryEntries.size(), limits::ListItems, "linkedDiaryEntries");
    checkList(e, actionItems.size(), limits::ListItems, "actionItems");
    for (const ActionItem &a : actionItems) {
        require(e, !a.text.trimmed().isEmpty(), "An action item needs a description.",
                "actionItems");
        checkLength(e, a.text, limits::ShortText, "actionItems");
    }
    checkItems(e, developmentGoals, limits::ShortText, "developmentGoals");
    checkLength(e, notes, limits::DiaryText, "notes");
    return e;
}

QCborMap SupervisionNote::toFields() const
{
    QCborArray linked;
    for (const QUuid &id : linkedDiaryEntries)
        linked.append(idValue(id));
    QCborArray actions;
    for (const ActionItem &a : actionItems)
        actions.append(QCborMap{{QStringLiteral("id"), idValue(a.id)},
                                {QStringLiteral("text"), a.text},
                                {QStringLiteral("owner"), keyOf(a.owner)},
                                {QStringLiteral("due"), dateValue(a.due)},
                                {QStringLiteral("done"), a.done}});
    return {
        {QStringLiteral("heldOn"), dateValue(heldOn)},
        {QStringLiteral("supervisor"), supervisor},
        {QStringLiteral("topics"), stringsValue(topics)},
        {QStringLiteral("wellbeing"), ratingValue(wellbeing)},
        {QStringLiteral("wellbeingNote"), wellbeingNote},
        {QStringLiteral("linkedDiaryEntries"), linked},
        {QStringLiteral("actionItems"), actions},
        {QStringLiteral("developmentGoals"), stringsValue(developmentGoals)},
        {QStringLiteral("notes"), notes},
        {QStringLiteral("createdAt"), timeValue(createdAt)},
    };
}

Result<SupervisionNote> SupervisionNote::fromFields(const QUuid &id, const QCborMap &f)
{
    SupervisionNote n;
    n.id = id;
    n.heldOn = toDate(f.value(QStringLiteral("heldOn")));
    n.supervisor = f.value(QStringLiteral("supervisor")).toString();
    n.topics = toStrings(f.value(QStringLiteral("topics")));
    n.wellbeing = toRating(f.value(QStringLiteral("wellbeing")));
    n.wellbeingNote = f.value(QStringLiteral("wellbeingNote")).toString();
    for (const QCborValue &v : f.value(QStringLiteral("linkedDiaryEntries")).toArray())
        if (QUuid linked = toId(v); !linked.isNull())
            n.linkedDiaryEntries.append(linked);
    for (const QCborValue &v : f.value(QStringLiteral("actionItems")).toArray()) {
        const QCborMap m = v.toMap();
        ActionItem a;
        a.id = toId(m.value(QStringLiteral("id")));
        a.text = m.value(QStringLiteral("text")).toString();
        if (!toKey(m.value(QStringLiteral("owner")), a.owner, ActionOwner::Worker))
            return badField("actionItems");
        a.due = toDate(m.value(QStringLiteral("due")));
        a.done = m.value(QStringLiteral("done")).toBool();
        n.actionItems.append(a);
    }
    n.developmentGoals = toStrings(f.value(QStringLiteral("developmentGoals")));
    n.notes = f.value(QStringLiteral("notes")).toString();
    n.createdAt = toTime(f.value(QStringLiteral("createdAt")));
    return n;
}

QString SupervisionNote::searchText() const
{
    QStringList parts{supervisor, wellbeingNote, notes};
    parts += topics;
    parts += developmentGoals;
    for (const ActionItem &a : actionItems)
        parts.append(a.text);
    parts.removeAll(QString());
    return parts.join(QLatin1Char('\n'));
}

// ---------------------------------------------------------------- Comment

FieldErrors Comment::validate() const
{
    FieldErrors e;
    require(e, !diaryEntryId.isNull(), "A comment belongs to a diary entry.", "diaryEntryId");
    require(e, !text.trimmed().isEmpty(), "A comment cannot be empty.", "text");
    checkLength(e, text, limits::Note, "text");
    checkLength(e, author, limits::ShortText, "author");
    return e;
}

QCborMap Comment::toFields() const
{
    return {
        {QStringLiteral("diaryEntryId"), idValue(diaryEntryId)},
        {QStringLiteral("author"), author},
        {QStringLiteral("text"), text},
        {QStringLiteral("writtenAt"), timeValue(writtenAt)},
        {QStringLiteral("acknowledgedAt"), timeValue(acknowledgedAt)},
        {QStringLiteral("createdAt"), timeValue(createdAt)},
    };
}

Result<Comment> Comment::fromFields(const QUuid &id, const QCborMap &f)
{
    Comment c;
    c.id = id;
    c.diaryEntryId = toId(f.value(QStringLiteral("diaryEntryId")));
    c.author = f.value(QStringLiteral("author")).toString();
    c.text = f.value(QStringLiteral("text")).toString();
    c.writtenAt = toTime(f.value(QStringLiteral("writtenAt")));
    c.acknowledgedAt = toTime(f.value(QStringLiteral("acknowledgedAt")));
    c.createdAt = toTime(f.value(QStringLiteral("createdAt")));
    return c;
}

QString Comment::searchText() const
{
    return joined({author, text});
}

// ---------------------------------------------------------------- TrainingRecord

FieldErrors TrainingRecord::validate() const
{
    FieldErrors e;
    require(e, !course.trimmed().isEmpty(), "Name the course or training.", "course");
    checkLength(e, course, limits::ShortText, "course");
    checkLength(e, certificate, limits::ShortText, "certificate");
    require(e, completedOn.isValid(), "Record when the training was completed.", "completedOn");
    require(e, !expiresOn.isValid() || !completedOn.isValid() || expiresOn > completedOn,
            "The expiry date must be after the completion date.", "expiresOn");
    return e;
}

QCborMap TrainingRecord::toFields() const
{
    return {
        {QStringLiteral("course"), course},
        {QStringLiteral("completedOn"), dateValue(completedOn)},
        {QStringLiteral("certificate"), certificate},
        {QStringLiteral("expiresOn"), dateValue(expiresOn)},
        {QStringLiteral("createdAt"), timeValue(createdAt)},
    };
}

Result<TrainingRecord> TrainingRecord::fromFields(const QUuid &id, const QCborMap &f)
{
    TrainingRecord t;
    t.id = id;
    t.course = f.value(QStringLiteral("course")).toString();
    t.completedOn = toDate(f.value(QStringLiteral("completedOn")));
    t.certificate = f.value(QStringLiteral("certificate")).toString();
    t.expiresOn = toDate(f.value(QStringLiteral("expiresOn")));
    t.createdAt = toTime(f.value(QStringLiteral("createdAt")));
    return t;
}

QString TrainingRecord::searchText() const
{
    return joined({course, certificate});
}

} // namespace wp
