// SPDX-License-Identifier: GPL-3.0-or-later
#include "RecordEditors.h"

#include "FormFields.h"
#include "RecordText.h"
#include "Store.h"
#include "SyncIdentity.h"
#include "Uuid.h"

namespace wp::client {

namespace {

template <class R> Repository<R> &repositoryOf(Store &store)
{
    if constexpr (std::is_same_v<R, Participant>)
        return store.participants();
    else if constexpr (std::is_same_v<R, Encounter>)
        return store.encounters();
    else if constexpr (std::is_same_v<R, DiaryEntry>)
        return store.diary();
    else
        return store.supervision();
}

template <class R> Result<QVariantMap> readForm(Store &store, const QUuid &id)
{
    Result<R> record = repositoryOf<R>(store).get(id);
    if (!record)
        return record.error();
    return form::toForm(*record);
}

// The record the form describes: the stored one (or a new one) with the form's fields, then
// `adjust(record, before)` for what the form implies beyond its fields. Validated: problems go
// into `errors` by field, and the result is then an error.
template <class R, class Adjust>
Result<R> fromForm(Store &store, const QUuid &id, const QVariantMap &fields, QVariantMap &errors,
                   Adjust &&adjust)
{
    R record;
    if (!id.isNull()) {
        Result<R> existing = repositoryOf<R>(store).get(id);
        if (!existing)
            return existing.error();
        record = *existing;
    }
    const R before = record;
    form::applyForm(fields, record, errors);
    adjust(record, before);
    for (const Error &e : record.validate())
        Editor::addErrorTo(errors, e);
    if (!errors.isEmpty())
        return Error(ErrorCode::InvalidInput, errors.first().toString());
    return record;
}

template <class R> Result<QUuid> saveRecord(Store &store, const Result<R> &record)
{
    if (!record)
        return record.error();
    Result<R> written = repositoryOf<R>(store).save(*record);
    if (!written)
        return written.error();
    return written->id;
}

const auto NoAdjustment = [](auto &, const auto &) {};

} // namespace

// --- participant ---

QVariantMap ParticipantEditor::blank(const QString &)
{
    return form::toForm(Participant{});
}

Result<QVariantMap> ParticipantEditor::read(const QUuid &id)
{
    return readForm<Participant>(*store(), id);
}

Result<QUuid> ParticipantEditor::write(const QUuid &id, const QVariantMap &f, QVariantMap &errors)
{
    // A new stage goes into the history, dated today; so does a change of consent.
    const auto dated = [today = QDate::currentDate()](Participant &p, const Participant &was) {
        const Stage chosen = p.stage;
        p.stage = was.stage;
        p.moveToStage(chosen, today);
        Consent consent = p.consent;
        if (consent.state != was.consent.state)
            consent.on = consent.state == ConsentState::NotAsked ? QDate() : today;
        p.consent = was.consent;
        p.consentHistory = was.consentHistory;
        p.recordConsent(consent);
    };
    return saveRecord(*store(), fromForm<Participant>(*store(), id, f, errors, dated));
}

void ParticipantEditor::upgradeDraft(QVariantMap &fields) const
{
    // Drafts kept by earlier versions name consent's parts on their own.
    const QString state = QStringLiteral("consentState"), scope = QStringLiteral("consentScope");
    if (!fields.contains(state))
        return;
    Consent consent;
    consent.state = fromKey<ConsentState>(fields.take(state).toString()).value_or(consent.state);
    consent.scope = fields.take(scope).toString();
    fields.insert(QStringLiteral("consent"), form::toForm(consent));
}

// --- encounter ---

namespace {
const QString Brief = QStringLiteral("brief"); // the form's choice of an unnamed contact

// A participant's last contact is their newest encounter, after an edit moved one or a
// deletion took one away as much as after a new one.
QDateTime lastMet(Store &store, const QUuid &participantId)
{
    Result<QHash<QUuid, QDateTime>> met = store.encounters().lastMet({participantId});
    return met ? met->value(participantId) : QDateTime();
}

Status settleLastContact(Store &store, const QUuid &participantId)
{
    Result<Participant> p = store.participants().get(participantId);
    if (!p)
        return p.error().code == ErrorCode::NotFound ? Status() : Status(p.error());
    const QDateTime met = lastMet(store, participantId);
    if (p->lastContact == met)
        return {};
    p->lastContact = met;
    Result<Participant> saved = store.participants().save(*p);
    return saved ? Status() : Status(saved.error());
}
} // namespace

QVariantMap EncounterEditor::blank(const QString &context)
{
    Encounter e;
    e.participantId = idFromText(context);
    e.occurredAt = QDateTime::currentDateTimeUtc();
    return form::toForm(e);
}

Result<QVariantMap> EncounterEditor::read(const QUuid &id)
{
    Result<Encounter> e = store()->encounters().get(id);
    if (!e)
        return e.error();
    QVariantMap fields = form::toForm(*e);
    if (e->isBriefContact())
        fields.insert(ParticipantField, Brief);
    return fields;
}

Result<QUuid> EncounterEditor::write(const QUuid &id, const QVariantMap &f, QVariantMap &errors)
{
    if (f.value(ParticipantField).toString().isEmpty())
        errors.insert(ParticipantField,
                      tr("Choose who you met, or \u201cUnnamed / brief contact\u201d."));
    // The stage chips are hidden for a brief contact: a stage picked before is dropped.
    const auto briefHasNoStage = [](Encounter &encounter, const Encounter &) {
        if (encounter.isBriefContact())
            encounter.stageAfter.reset();
    };
    // A minute of slack: the clock of the form and of the save may differ by a tap.
    const QDateTime at =
        QDateTime::fromString(f.value(OccurredAtField).toString(), Qt::ISODateWithMs);
    if (at.isValid() && at > QDateTime::currentDateTimeUtc().addSecs(60))
        errors.insert(OccurredAtField,
                      tr("That time is in the future: choose when the encounter took place."));
    Result<Encounter> e = fromForm<Encounter>(*store(), id, f, errors, briefHasNoStage);
    if (!e)
        return e.error();

    // An edit moves the participant on only where it changed what the encounter says.
    std::optional<Encounter> before;
    if (!id.isNull()) {
        if (Result<Encounter> stored = store()->encounters().get(id))
            before = *stored;
    }
    std::optional<Participant> participant;
    if (!e->isBriefContact()) {
        Result<Participant> p = store()->participants().get(e->participantId);
        if (!p) {
            errors.insert(ParticipantField, tr("That participant no longer exists."));
            return p.error();
        }
        participant = *p;
    }
    Result<Encounter> saved = store()->encounters().save(*e);
    if (!saved)
        return saved.error();
    if (participant) {
        participant->lastContact = lastMet(*store(), participant->id);
        const bool sameParticipant = before && before->participantId == saved->participantId;
        if (saved->followUpOn.isValid() &&
            !(sameParticipant && before->followUpOn == saved->followUpOn))
            participant->followUpDue = saved->followUpOn;
        if (saved->stageAfter && !(sameParticipant && before->stageAfter == saved->stageAfter))
            participant->moveToStage(*saved->stageAfter, saved->occurredAt.toLocalTime().date());
        if (Result<Participant> updated = store()->participants().save(*participant); !updated)
            return updated.error();
    }
    // Moved to someone else: the one it was with was last met earlier, or never.
    if (before && !before->isBriefContact() && before->participantId != saved->participantId)
        if (Status s = settleLastContact(*store(), before->participantId); !s)
            return s.error();
    return saved->id;
}

Status EncounterEditor::removeRecord(const QUuid &id)
{
    Result<Encounter> e = store()->encounters().get(id);
    if (!e)
        return e.error();
    if (Status s = store()->encounters().remove(id); !s)
        return s;
    return e->isBriefContact() ? Status() : settleLastContact(*store(), e->participantId);
}

QString EncounterEditor::addParticipant(const QString &pseudonym)
{
    if (!store())
        return {};
    Participant p;
    p.pseudonym = pseudonym.trimmed();
    p.moveToStage(p.stage, QDate::currentDate());
    QVariantMap errors;
    for (const Error &e : p.validate())
        addErrorTo(errors, e);
    if (!errors.isEmpty())
        return errors.first().toString();
    Result<Participant> saved = store()->participants().save(p);
    if (!saved)
        return saved.error().message;
    setField(ParticipantField, idText(saved->id));
    findChoices(saved->pseudonym);
    Q_EMIT participantAdded();
    return {};
}

void EncounterEditor::setTime(const QDateTime &at)
{
    if (at.isValid())
        setField(OccurredAtField, form::detail::toValue(at.toUTC()));
}

QString EncounterEditor::whenText() const
{
    return RecordText::when(
        QDateTime::fromString(fields().value(OccurredAtField).toString(), Qt::ISODateWithMs));
}

void EncounterEditor::upgradeDraft(QVariantMap &fields) const
{
    // Drafts kept by earlier versions call the participant "participant" and keep referrals
    // as a list of service keys.
    if (const QString old = QStringLiteral("participant"); fields.contains(old))
        fields.insert(ParticipantField, fields.take(old));
    const QString referrals = QStringLiteral("referrals");
    QVariantList upgraded;
    for (const QVariant &item : fields.value(referrals).toList()) {
        if (item.typeId() != QMetaType::QString)
            return; // already sub-records
        Referral r;
        r.service = fromKey<Service>(item.toString()).value_or(r.service);
        upgraded.append(form::toForm(r));
    }
    if (fields.contains(referrals))
        fields.insert(referrals, upgraded);
}

void EncounterEditor::refreshChoices(const QString &context)
{
    if (!store())
        return;
    QVariantList choices;
    QList<QUuid> seen;
    const auto add = [&](const QUuid &id, const QString &name) {
        if (id.isNull() || seen.contains(id) || seen.size() >= RecentChoices)
            return;
        seen.append(id);
        choices.append(
            QVariantMap{{QStringLiteral("key"), idText(id)}, {QStringLiteral("label"), name}});
    };
    if (const QUuid preset = idFromText(context); !preset.isNull())
        if (Result<Participant> p = store()->participants().get(preset))
            add(p->id, p->pseudonym);
    const QString chosen = fields().value(ParticipantField).toString();
    if (const QUuid current = idFromText(chosen); !current.isNull())
        if (Result<Participant> p = store()->participants().get(current))
            add(p->id, p->pseudonym);
    // Recent first: whoever was met most recently.
    if (Result<QList<Encounter>> recent = store()->encounters().recent(40)) {
        for (const Encounter &e : std::as_const(*recent)) {
            if (e.participantId.isNull() || seen.contains(e.participantId))
                continue;
            if (Result<Participant> p = store()->participants().get(e.participantId))
                add(p->id, p->pseudonym);
        }
    }
    if (seen.size() < RecentChoices)
        if (Result<Page<Participant>> page =
                store()->participants().list(PageRequest{{}, RecentChoices * 2}))
            for (const Participant &p : std::as_const(page->items))
                add(p.id, p.pseudonym);
    setChoices(choices);
}

QString EncounterEditor::draftTarget(const QVariantMap &fields) const
{
    return fields.value(ParticipantField).toString();
}

void EncounterEditor::findChoices(const QString &text)
{
    if (!store())
        return;
    if (text.trimmed().isEmpty()) {
        refreshChoices({});
        return;
    }
    QVariantList choices;
    if (Result<Page<Participant>> page =
            store()->participants().findByPseudonym(text.trimmed(), PageRequest{{}, RecentChoices}))
        for (const Participant &p : std::as_const(page->items))
            choices.append(QVariantMap{{QStringLiteral("key"), idText(p.id)},
                                       {QStringLiteral("label"), p.pseudonym}});
    setChoices(choices);
}

// --- diary ---

QVariantMap DiaryEditor::blank(const QString &)
{
    DiaryEntry d;
    d.writtenAt = QDateTime::currentDateTimeUtc();
    return form::toForm(d);
}

Result<QVariantMap> DiaryEditor::read(const QUuid &id)
{
    return readForm<DiaryEntry>(*store(), id);
}

Status DiaryEditor::removeRecord(const QUuid &id)
{
    return store()->diary().remove(id);
}

Result<QUuid> DiaryEditor::write(const QUuid &id, const QVariantMap &f, QVariantMap &errors)
{
    return saveRecord(*store(), fromForm<DiaryEntry>(*store(), id, f, errors, NoAdjustment));
}

// --- supervision ---

QVariantMap SupervisionEditor::blank(const QString &)
{
    SupervisionNote n;
    n.heldOn = QDate::currentDate();
    return form::toForm(n);
}

Result<QVariantMap> SupervisionEditor::read(const QUuid &id)
{
    return readForm<SupervisionNote>(*store(), id);
}

Result<QUuid> SupervisionEditor::write(const QUuid &id, const QVariantMap &f, QVariantMap &errors)
{
    const auto newItemsGetIds = [](SupervisionNote &n, const SupervisionNote &) {
        for (ActionItem &a : n.actionItems)
            if (a.id.isNull())
                a.id = createUuidV7();
    };
    return saveRecord(*store(), fromForm<SupervisionNote>(*store(), id, f, errors, newItemsGetIds));
}

Status SupervisionEditor::removeRecord(const QUuid &id)
{
    return store()->supervision().remove(id);
}

void SupervisionEditor::addActionItem(const QString &text, const QString &ownerKey,
                                      const QString &due)
{
    if (text.trimmed().isEmpty())
        return;
    ActionItem item;
    item.id = createUuidV7();
    item.text = text.trimmed();
    item.owner = fromKey<ActionOwner>(ownerKey).value_or(item.owner);
    item.due = form::dateFromText(due);
    QVariantMap f = fields();
    QVariantList items = f.value(ActionItemsField).toList();
    items.append(form::toForm(item));
    f.insert(ActionItemsField, items);
    replaceFields(f);
}

void SupervisionEditor::setActionItem(int index, const QString &field, const QVariant &value)
{
    QVariantMap f = fields();
    QVariantList items = f.value(ActionItemsField).toList();
    if (index < 0 || index >= items.size())
        return;
    QVariantMap item = items.at(index).toMap();
    item.insert(field, value);
    items[index] = item;
    f.insert(ActionItemsField, items);
    replaceFields(f);
}

void SupervisionEditor::refreshChoices(const QString &)
{
    if (!store())
        return;
    QVariantList choices;
    const QStringList linked = fields().value(QStringLiteral("linkedDiaryEntries")).toStringList();
    if (Result<Page<DiaryEntry>> page = store()->diary().ownShared(
            sync::SyncIdentity::localUser(*store()), PageRequest{{}, 12}))
        for (const DiaryEntry &d : std::as_const(page->items))
            choices.append(QVariantMap{{QStringLiteral("key"), idText(d.id)},
                                       {QStringLiteral("label"), RecordText::diaryTitle(d)}});
    // Entries linked earlier stay visible even if they are no longer among the latest.
    for (const QString &id : linked) {
        const bool listed = std::any_of(choices.cbegin(), choices.cend(), [&](const QVariant &c) {
            return c.toMap().value(QStringLiteral("key")).toString() == id;
        });
        if (!listed)
            if (Result<DiaryEntry> d = store()->diary().get(idFromText(id)))
                choices.append(QVariantMap{{QStringLiteral("key"), id},
                                           {QStringLiteral("label"), RecordText::diaryTitle(*d)}});
    }
    setChoices(choices);
}

} // namespace wp::client
