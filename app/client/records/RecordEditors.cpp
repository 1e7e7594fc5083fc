#include "RecordEditors.h"

#include "RecordText.h"
#include "Store.h"
#include "Uuid.h"

namespace wp::client {

namespace {

QString iso(QDate d)
{
    return d.isValid() ? d.toString(Qt::ISODate) : QString();
}

// An ISO date from a form, or an error message when text was typed that is not a date.
std::optional<QDate> parseDate(const QVariantMap &fields, const QString &name, QVariantMap &errors)
{
    const QString text = fields.value(name).toString().trimmed();
    if (text.isEmpty())
        return QDate();
    const QDate date = QDate::fromString(text, Qt::ISODate);
    if (!date.isValid()) {
        errors.insert(name, QCoreApplication::translate("Editor", "Use a date like %1.")
                                .arg(QDate::currentDate().toString(Qt::ISODate)));
        return std::nullopt;
    }
    return date;
}

template <typename E> QList<E> enumsOf(const QVariant &keys)
{
    QList<E> out;
    for (const QString &key : keys.toStringList())
        if (std::optional<E> value = fromKey<E>(key))
            out.append(*value);
    return out;
}

template <typename E> QStringList keysOf(const QList<E> &values)
{
    QStringList out;
    for (E v : values)
        out.append(keyOf(v));
    return out;
}

template <typename R> Result<QUuid> reportErrors(const R &record, QVariantMap &errors)
{
    const FieldErrors problems = record.validate();
    for (const Error &e : problems)
        Editor::addErrorTo(errors, e);
    if (!errors.isEmpty())
        return Error(ErrorCode::InvalidInput, errors.first().toString());
    return QUuid();
}

QVariant rating(const std::optional<int> &r)
{
    return r.value_or(0);
}
std::optional<int> ratingOf(const QVariant &v)
{
    const int r = v.toInt();
    return r >= 1 && r <= 5 ? std::optional<int>(r) : std::nullopt;
}

} // namespace

// --- participant ---

QVariantMap ParticipantEditor::blank(const QString &)
{
    return {{QStringLiteral("pseudonym"), QString()},
            {QStringLiteral("stage"), keyOf(Stage::SafePlace)},
            {QStringLiteral("consentState"), keyOf(ConsentState::NotAsked)},
            {QStringLiteral("consentScope"), QString()},
            {QStringLiteral("followUpDue"), QString()}};
}

Result<QVariantMap> ParticipantEditor::read(const QUuid &id)
{
    Result<Participant> p = store()->participants().get(id);
    if (!p)
        return p.error();
    return QVariantMap{{QStringLiteral("pseudonym"), p->pseudonym},
                       {QStringLiteral("stage"), keyOf(p->stage)},
                       {QStringLiteral("consentState"), keyOf(p->consent.state)},
                       {QStringLiteral("consentScope"), p->consent.scope},
                       {QStringLiteral("followUpDue"), iso(p->followUpDue)}};
}

Result<QUuid> ParticipantEditor::write(const QUuid &id, const QVariantMap &f, QVariantMap &errors)
{
    Participant p;
    if (!id.isNull()) {
        Result<Participant> existing = store()->participants().get(id);
        if (!existing)
            return existing.error();
        p = *existing;
    }
    const QDate today = QDate::currentDate();
    p.pseudonym = f.value(QStringLiteral("pseudonym")).toString().trimmed();
    p.moveToStage(
        fromKey<Stage>(f.value(QStringLiteral("stage")).toString()).value_or(Stage::SafePlace),
        today);
    const ConsentState consent =
        fromKey<ConsentState>(f.value(QStringLiteral("consentState")).toString())
            .value_or(ConsentState::NotAsked);
    if (consent != p.consent.state)
        p.consent.on = consent == ConsentState::NotAsked ? QDate() : today;
    p.consent.state = consent;
    p.consent.scope = f.value(QStringLiteral("consentScope")).toString().trimmed();
    if (std::optional<QDate> due = parseDate(f, QStringLiteral("followUpDue"), errors))
        p.followUpDue = *due;
    if (Result<QUuid> bad = reportErrors(p, errors); !bad)
        return bad.error();
    Result<Participant> saved = store()->participants().save(p);
    if (!saved)
        return saved.error();
    return saved->id;
}

// --- encounter ---

QVariantMap EncounterEditor::blank(const QString &context)
{
    return {
        {QStringLiteral("participant"), idFromText(context).isNull() ? QString() : context},
        {QStringLiteral("occurredAt"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
        {QStringLiteral("place"), keyOf(Place::Outreach)},
        {QStringLiteral("needs"), QStringList()},
        {QStringLiteral("supplies"), QStringList()},
        {QStringLiteral("referrals"), QStringList()},
        {QStringLiteral("advocacy"), QStringList()},
        {QStringLiteral("obstacles"), QStringList()},
        {QStringLiteral("durationMinutes"), 0},
        {QStringLiteral("note"), QString()},
        {QStringLiteral("stageAfter"), QString()},
        {QStringLiteral("nextStep"), QString()},
        {QStringLiteral("followUpOn"), QString()},
        {QStringLiteral("safetyConcern"), false}};
}

Result<QVariantMap> EncounterEditor::read(const QUuid &id)
{
    Result<Encounter> e = store()->encounters().get(id);
    if (!e)
        return e.error();
    QStringList referrals;
    for (const Referral &r : e->referrals)
        referrals.append(keyOf(r.service));
    return QVariantMap{
        {QStringLiteral("participant"),
         e->participantId.isNull() ? QStringLiteral("brief") : idText(e->participantId)},
        {QStringLiteral("occurredAt"), e->occurredAt.toString(Qt::ISODateWithMs)},
        {QStringLiteral("place"), keyOf(e->place)},
        {QStringLiteral("needs"), keysOf(e->needs)},
        {QStringLiteral("supplies"), e->supplies},
        {QStringLiteral("referrals"), referrals},
        {QStringLiteral("advocacy"), keysOf(e->advocacy)},
        {QStringLiteral("obstacles"), keysOf(e->obstacles)},
        {QStringLiteral("durationMinutes"), e->durationMinutes},
        {QStringLiteral("note"), e->note},
        {QStringLiteral("stageAfter"), e->stageAfter ? keyOf(*e->stageAfter) : QString()},
        {QStringLiteral("nextStep"), e->nextStep},
        {QStringLiteral("followUpOn"), iso(e->followUpOn)},
        {QStringLiteral("safetyConcern"), e->safetyConcern}};
}

Result<QUuid> EncounterEditor::write(const QUuid &id, const QVariantMap &f, QVariantMap &errors)
{
    Encounter e;
    e.id = id;
    const QString who = f.value(QStringLiteral("participant")).toString();
    if (who.isEmpty())
        errors.insert(QStringLiteral("participant"),
                      tr("Choose who you met, or \u201cUnnamed / brief contact\u201d."));
    e.participantId = who == QLatin1String("brief") ? QUuid() : idFromText(who);
    e.occurredAt =
        QDateTime::fromString(f.value(QStringLiteral("occurredAt")).toString(), Qt::ISODateWithMs);
    if (!e.occurredAt.isValid())
        e.occurredAt = QDateTime::currentDateTimeUtc();
    e.durationMinutes = f.value(QStringLiteral("durationMinutes")).toInt();
    e.place = fromKey<Place>(f.value(QStringLiteral("place")).toString()).value_or(Place::Other);
    e.needs = enumsOf<Need>(f.value(QStringLiteral("needs")));
    e.supplies = f.value(QStringLiteral("supplies")).toStringList();
    for (Service s : enumsOf<Service>(f.value(QStringLiteral("referrals"))))
        e.referrals.append({s, QString()});
    e.advocacy = enumsOf<Service>(f.value(QStringLiteral("advocacy")));
    e.obstacles = enumsOf<Service>(f.value(QStringLiteral("obstacles")));
    if (const QString stage = f.value(QStringLiteral("stageAfter")).toString();
        !stage.isEmpty() && !e.isBriefContact())
        e.stageAfter = fromKey<Stage>(stage);
    e.note = f.value(QStringLiteral("note")).toString().trimmed();
    e.nextStep = f.value(QStringLiteral("nextStep")).toString().trimmed();
    e.safetyConcern = f.value(QStringLiteral("safetyConcern")).toBool();
    if (std::optional<QDate> due = parseDate(f, QStringLiteral("followUpOn"), errors))
        e.followUpOn = *due;
    if (Result<QUuid> bad = reportErrors(e, errors); !bad)
        return bad.error();

    std::optional<Participant> participant;
    if (!e.isBriefContact()) {
        Result<Participant> p = store()->participants().get(e.participantId);
        if (!p) {
            errors.insert(QStringLiteral("participant"), tr("That participant no longer exists."));
            return p.error();
        }
        participant = *p;
    }
    Result<Encounter> saved = store()->encounters().save(e);
    if (!saved)
        return saved.error();
    if (participant) {
        if (!participant->lastContact.isValid() || participant->lastContact < saved->occurredAt)
            participant->lastContact = saved->occurredAt;
        if (saved->followUpOn.isValid())
            participant->followUpDue = saved->followUpOn;
        if (saved->stageAfter)
            participant->moveToStage(*saved->stageAfter, saved->occurredAt.toLocalTime().date());
        if (Result<Participant> updated = store()->participants().save(*participant); !updated)
            return updated.error();
    }
    return saved->id;
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
    const QString chosen = fields().value(QStringLiteral("participant")).toString();
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
    return fields.value(QStringLiteral("participant")).toString();
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
    return {
        {QStringLiteral("writtenAt"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
        {QStringLiteral("text"), QString()},
        {QStringLiteral("whatHappened"), QString()},
        {QStringLiteral("howIFelt"), QString()},
        {QStringLiteral("wentWell"), QString()},
        {QStringLiteral("learned"), QString()},
        {QStringLiteral("nextTime"), QString()},
        {QStringLiteral("wellbeing"), 0},
        {QStringLiteral("stress"), 0},
        {QStringLiteral("selfCare"), QStringList()},
        {QStringLiteral("themes"), QStringList()},
        {QStringLiteral("shared"), false}};
}

Result<QVariantMap> DiaryEditor::read(const QUuid &id)
{
    Result<DiaryEntry> d = store()->diary().get(id);
    if (!d)
        return d.error();
    return QVariantMap{{QStringLiteral("writtenAt"), d->writtenAt.toString(Qt::ISODateWithMs)},
                       {QStringLiteral("text"), d->text},
                       {QStringLiteral("whatHappened"), d->prompts.whatHappened},
                       {QStringLiteral("howIFelt"), d->prompts.howIFelt},
                       {QStringLiteral("wentWell"), d->prompts.wentWell},
                       {QStringLiteral("learned"), d->prompts.learned},
                       {QStringLiteral("nextTime"), d->prompts.nextTime},
                       {QStringLiteral("wellbeing"), rating(d->wellbeing)},
                       {QStringLiteral("stress"), rating(d->stress)},
                       {QStringLiteral("selfCare"), d->selfCare},
                       {QStringLiteral("themes"), keysOf(d->themes)},
                       {QStringLiteral("shared"), d->shared}};
}

Result<QUuid> DiaryEditor::write(const QUuid &id, const QVariantMap &f, QVariantMap &errors)
{
    DiaryEntry d;
    if (!id.isNull()) {
        Result<DiaryEntry> existing = store()->diary().get(id);
        if (!existing)
            return existing.error();
        d = *existing;
    }
    d.writtenAt =
        QDateTime::fromString(f.value(QStringLiteral("writtenAt")).toString(), Qt::ISODateWithMs);
    if (!d.writtenAt.isValid())
        d.writtenAt = QDateTime::currentDateTimeUtc();
    d.text = f.value(QStringLiteral("text")).toString();
    d.prompts.whatHappened = f.value(QStringLiteral("whatHappened")).toString();
    d.prompts.howIFelt = f.value(QStringLiteral("howIFelt")).toString();
    d.prompts.wentWell = f.value(QStringLiteral("wentWell")).toString();
    d.prompts.learned = f.value(QStringLiteral("learned")).toString();
    d.prompts.nextTime = f.value(QStringLiteral("nextTime")).toString();
    d.wellbeing = ratingOf(f.value(QStringLiteral("wellbeing")));
    d.stress = ratingOf(f.value(QStringLiteral("stress")));
    d.selfCare = f.value(QStringLiteral("selfCare")).toStringList();
    d.themes = enumsOf<DiaryTheme>(f.value(QStringLiteral("themes")));
    d.shared = f.value(QStringLiteral("shared")).toBool();
    if (Result<QUuid> bad = reportErrors(d, errors); !bad)
        return bad.error();
    Result<DiaryEntry> saved = store()->diary().save(d);
    if (!saved)
        return saved.error();
    return saved->id;
}

// --- supervision ---

QVariantMap SupervisionEditor::blank(const QString &)
{
    return {{QStringLiteral("heldOn"), iso(QDate::currentDate())},
            {QStringLiteral("supervisor"), QString()},
            {QStringLiteral("topics"), QStringList()},
            {QStringLiteral("wellbeing"), 0},
            {QStringLiteral("wellbeingNote"), QString()},
            {QStringLiteral("linkedDiaryEntries"), QStringList()},
            {QStringLiteral("actionItems"), QVariantList()},
            {QStringLiteral("notes"), QString()}};
}

Result<QVariantMap> SupervisionEditor::read(const QUuid &id)
{
    Result<SupervisionNote> n = store()->supervision().get(id);
    if (!n)
        return n.error();
    QStringList linked;
    for (const QUuid &d : n->linkedDiaryEntries)
        linked.append(idText(d));
    QVariantList items;
    for (const ActionItem &a : n->actionItems)
        items.append(QVariantMap{{QStringLiteral("id"), idText(a.id)},
                                 {QStringLiteral("text"), a.text},
                                 {QStringLiteral("owner"), keyOf(a.owner)},
                                 {QStringLiteral("ownerLabel"), labelOf(a.owner)},
                                 {QStringLiteral("due"), iso(a.due)},
                                 {QStringLiteral("done"), a.done}});
    return QVariantMap{{QStringLiteral("heldOn"), iso(n->heldOn)},
                       {QStringLiteral("supervisor"), n->supervisor},
                       {QStringLiteral("topics"), n->topics},
                       {QStringLiteral("wellbeing"), rating(n->wellbeing)},
                       {QStringLiteral("wellbeingNote"), n->wellbeingNote},
                       {QStringLiteral("linkedDiaryEntries"), linked},
                       {QStringLiteral("actionItems"), items},
                       {QStringLiteral("notes"), n->notes}};
}

Result<QUuid> SupervisionEditor::write(const QUuid &id, const QVariantMap &f, QVariantMap &errors)
{
    SupervisionNote n;
    if (!id.isNull()) {
        Result<SupervisionNote> existing = store()->supervision().get(id);
        if (!existing)
            return existing.error();
        n = *existing;
    }
    if (std::optional<QDate> held = parseDate(f, QStringLiteral("heldOn"), errors))
        n.heldOn = *held;
    n.supervisor = f.value(QStringLiteral("supervisor")).toString().trimmed();
    n.topics = f.value(QStringLiteral("topics")).toStringList();
    n.wellbeing = ratingOf(f.value(QStringLiteral("wellbeing")));
    n.wellbeingNote = f.value(QStringLiteral("wellbeingNote")).toString().trimmed();
    n.linkedDiaryEntries.clear();
    for (const QString &d : f.value(QStringLiteral("linkedDiaryEntries")).toStringList())
        if (const QUuid uuid = idFromText(d); !uuid.isNull())
            n.linkedDiaryEntries.append(uuid);
    n.actionItems.clear();
    for (const QVariant &v : f.value(QStringLiteral("actionItems")).toList()) {
        const QVariantMap m = v.toMap();
        ActionItem a;
        a.id = idFromText(m.value(QStringLiteral("id")).toString());
        if (a.id.isNull())
            a.id = createUuidV7();
        a.text = m.value(QStringLiteral("text")).toString();
        a.owner = fromKey<ActionOwner>(m.value(QStringLiteral("owner")).toString())
                      .value_or(ActionOwner::Worker);
        a.due = QDate::fromString(m.value(QStringLiteral("due")).toString(), Qt::ISODate);
        a.done = m.value(QStringLiteral("done")).toBool();
        n.actionItems.append(a);
    }
    n.notes = f.value(QStringLiteral("notes")).toString();
    if (Result<QUuid> bad = reportErrors(n, errors); !bad)
        return bad.error();
    Result<SupervisionNote> saved = store()->supervision().save(n);
    if (!saved)
        return saved.error();
    return saved->id;
}

void SupervisionEditor::addActionItem(const QString &text, const QString &ownerKey,
                                      const QString &due)
{
    if (text.trimmed().isEmpty())
        return;
    const ActionOwner owner = fromKey<ActionOwner>(ownerKey).value_or(ActionOwner::Worker);
    QVariantMap f = fields();
    QVariantList items = f.value(QStringLiteral("actionItems")).toList();
    items.append(QVariantMap{
        {QStringLiteral("id"), idText(createUuidV7())},
        {QStringLiteral("text"), text.trimmed()},
        {QStringLiteral("owner"), keyOf(owner)},
        {QStringLiteral("ownerLabel"), labelOf(owner)},
        {QStringLiteral("due"), QDate::fromString(due, Qt::ISODate).isValid() ? due : QString()},
        {QStringLiteral("done"), false}});
    f.insert(QStringLiteral("actionItems"), items);
    replaceFields(f);
}

void SupervisionEditor::setActionItem(int index, const QString &field, const QVariant &value)
{
    QVariantMap f = fields();
    QVariantList items = f.value(QStringLiteral("actionItems")).toList();
    if (index < 0 || index >= items.size())
        return;
    QVariantMap item = items.at(index).toMap();
    item.insert(field, value);
    items[index] = item;
    f.insert(QStringLiteral("actionItems"), items);
    replaceFields(f);
}

void SupervisionEditor::refreshChoices(const QString &)
{
    if (!store())
        return;
    QVariantList choices;
    const QStringList linked = fields().value(QStringLiteral("linkedDiaryEntries")).toStringList();
    if (Result<Page<DiaryEntry>> page = store()->diary().listShared(true, PageRequest{{}, 12}))
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
