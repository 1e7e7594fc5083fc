// SPDX-License-Identifier: GPL-3.0-or-later
#include "Records.h"

#include "FieldShape.h"

#include <QCborArray>
#include <QCoreApplication>

namespace wp {

const FieldInfo *findField(std::span<const FieldInfo> table, QStringView name)
{
    for (const FieldInfo &f : table)
        if (name == QLatin1StringView(f.spec.name))
            return &f;
    return nullptr;
}

QString fieldLabel(const FieldSpec &spec)
{
    return QCoreApplication::translate("Field", spec.label);
}

namespace {

// --- validation ---

void tooLong(FieldErrors &errors, const FieldSpec &top, const FieldSpec &spec, qsizetype size)
{
    errors.append(
        {ErrorCode::InvalidInput,
         QCoreApplication::translate("Validation", "%1 is too long (%2 characters, at most %3).")
             .arg(fieldLabel(spec))
             .arg(size)
             .arg(spec.max),
         QString::fromLatin1(top.name)});
}

void checkCount(FieldErrors &errors, const FieldSpec &top, const FieldSpec &spec, qsizetype count)
{
    if (count > spec.maxItems)
        errors.append(
            {ErrorCode::InvalidInput,
             QCoreApplication::translate("Validation", "%1 has too many items (%2, at most %3).")
                 .arg(fieldLabel(spec))
                 .arg(count)
                 .arg(spec.maxItems),
             QString::fromLatin1(top.name)});
}

void require(FieldErrors &errors, bool ok, const char *message, const char *field)
{
    if (!ok)
        errors.append({ErrorCode::InvalidInput, QCoreApplication::translate("Validation", message),
                       QString::fromLatin1(field)});
}

// Lengths, list sizes and ranges, as the declaration says; problems in a sub-record are
// reported on the record's field that holds it (`top`).
template <Declared R> void checkFields(const R &record, FieldErrors &errors, const FieldSpec *top);

template <typename T>
void check(const T &value, const FieldSpec &top, const FieldSpec &spec, FieldErrors &errors)
{
    using detail::IsList;
    if constexpr (std::is_same_v<T, QString>) {
        if (spec.max > 0 && value.size() > spec.max)
            tooLong(errors, top, spec, value.size());
    } else if constexpr (std::is_same_v<T, QStringList>) {
        checkCount(errors, top, spec, value.size());
        for (const QString &item : value)
            if (spec.max > 0 && item.size() > spec.max)
                tooLong(errors, top, spec, item.size());
    } else if constexpr (std::is_same_v<T, std::optional<int>>) {
        if (value && (*value < 1 || *value > 5))
            errors.append({ErrorCode::InvalidInput,
                           QCoreApplication::translate("Validation", "%1 must be between 1 and 5.")
                               .arg(fieldLabel(spec)),
                           QString::fromLatin1(top.name)});
    } else if constexpr (std::is_same_v<T, int>) {
        if (spec.rangeMessage && (value < spec.min || value > spec.max))
            errors.append({ErrorCode::InvalidInput,
                           QCoreApplication::translate("Validation", spec.rangeMessage),
                           QString::fromLatin1(top.name)});
    } else if constexpr (Declared<T>) {
        checkFields(value, errors, &top);
    } else if constexpr (IsList<T>::value) {
        checkCount(errors, top, spec, value.size());
        if constexpr (Declared<typename IsList<T>::Item>)
            for (const auto &item : value)
                checkFields(item, errors, &top);
    }
}

template <Declared R> void checkFields(const R &record, FieldErrors &errors, const FieldSpec *top)
{
    R::forEachField(record, [&](const auto &value, const FieldSpec &spec) {
        check(value, top ? *top : spec, spec, errors);
    });
}

// --- the field map: dates as ISO text, times as Unix ms, enums by key ---

QCborValue encode(const QString &s)
{
    return s;
}
QCborValue encode(const QDate &d)
{
    return d.isValid() ? QCborValue(d.toString(Qt::ISODate)) : QCborValue();
}
QCborValue encode(const QDateTime &t)
{
    return t.isValid() ? QCborValue(t.toMSecsSinceEpoch()) : QCborValue();
}
QCborValue encode(const QUuid &id)
{
    return id.isNull() ? QCborValue() : QCborValue(id.toString(QUuid::WithoutBraces));
}
QCborValue encode(const std::optional<int> &rating)
{
    return rating ? QCborValue(*rating) : QCborValue();
}
QCborValue encode(bool b)
{
    return b;
}
QCborValue encode(int n)
{
    return n;
}
template <VocabularyValue E> QCborValue encode(E value)
{
    return keyOf(value);
}
template <VocabularyValue E> QCborValue encode(const std::optional<E> &value)
{
    return value ? QCborValue(keyOf(*value)) : QCborValue();
}
template <Declared R> QCborMap encodeRecord(const R &record);
template <Declared R> QCborValue encode(const R &record)
{
    return encodeRecord(record);
}
template <typename T> QCborValue encode(const QList<T> &list)
{
    QCborArray a;
    for (const T &item : list)
        a.append(encode(item));
    return a;
}

template <Declared R> QCborMap encodeRecord(const R &record)
{
    QCborMap map;
    R::forEachField(record, [&map](const auto &value, const FieldSpec &spec) {
        map.insert(QLatin1StringView(spec.name), encode(value));
    });
    return map;
}

// Each decode returns false for a value this version does not understand (an unknown key from
// a newer version), which is reported rather than silently dropped.
bool decode(const QCborValue &v, QString &out, const FieldSpec &)
{
    out = v.toString();
    return true;
}
bool decode(const QCborValue &v, QDate &out, const FieldSpec &)
{
    out = v.isString() ? QDate::fromString(v.toString(), Qt::ISODate) : QDate();
    return true;
}
bool decode(const QCborValue &v, QDateTime &out, const FieldSpec &)
{
    out = v.isInteger() ? QDateTime::fromMSecsSinceEpoch(v.toInteger(), Qt::UTC) : QDateTime();
    return true;
}
bool decode(const QCborValue &v, QUuid &out, const FieldSpec &)
{
    out = v.isString() ? QUuid::fromString(v.toString()) : QUuid();
    return true;
}
bool decode(const QCborValue &v, std::optional<int> &out, const FieldSpec &)
{
    out = v.isInteger() ? std::optional<int>(int(v.toInteger())) : std::nullopt;
    return true;
}
bool decode(const QCborValue &v, bool &out, const FieldSpec &)
{
    out = v.toBool();
    return true;
}
bool decode(const QCborValue &v, int &out, const FieldSpec &)
{
    out = int(v.toInteger());
    return true;
}
template <VocabularyValue E> bool decode(const QCborValue &v, E &out, const FieldSpec &spec)
{
    if (v.isUndefined() || v.isNull()) {
        if (spec.absentKey)
            out = *fromKey<E>(QString::fromLatin1(spec.absentKey));
        return true; // otherwise the record's default
    }
    const std::optional<E> e = fromKey<E>(v.toString());
    if (e)
        out = *e;
    return e.has_value();
}
template <VocabularyValue E>
bool decode(const QCborValue &v, std::optional<E> &out, const FieldSpec &)
{
    out.reset();
    if (!v.isString())
        return true;
    out = fromKey<E>(v.toString());
    return out.has_value();
}
template <VocabularyValue E> bool decode(const QCborValue &v, QList<E> &out, const FieldSpec &)
{
    out.clear();
    for (const QCborValue &item : v.toArray()) {
        const std::optional<E> e = fromKey<E>(item.toString());
        if (!e)
            return false;
        out.append(*e);
    }
    return true;
}
bool decode(const QCborValue &v, QStringList &out, const FieldSpec &spec)
{
    out.clear();
    for (const QCborValue &item : v.toArray())
        if (item.isString())
            out.append(spec.choices ? spec.choices->normalise(item.toString()) : item.toString());
    return true;
}
bool decode(const QCborValue &v, QList<QUuid> &out, const FieldSpec &)
{
    out.clear();
    for (const QCborValue &item : v.toArray())
        if (QUuid id = item.isString() ? QUuid::fromString(item.toString()) : QUuid(); !id.isNull())
            out.append(id);
    return true;
}
template <Declared R>
bool decodeRecord(const QCborMap &map, R &record, std::optional<FieldSpec> *bad);
template <Declared R> bool decode(const QCborValue &v, R &out, const FieldSpec &)
{
    return decodeRecord(v.toMap(), out, nullptr);
}
template <Declared R> bool decode(const QCborValue &v, QList<R> &out, const FieldSpec &)
{
    out.clear();
    for (const QCborValue &item : v.toArray()) {
        R r;
        if (!decodeRecord(item.toMap(), r, nullptr))
            return false;
        out.append(std::move(r));
    }
    return true;
}

// Fills `record` from `map`; on a value it cannot read, stops and says which field in `bad`.
template <Declared R>
bool decodeRecord(const QCborMap &map, R &record, std::optional<FieldSpec> *bad)
{
    bool ok = true;
    R::forEachField(record, [&](auto &value, const FieldSpec &spec) {
        if (ok && !decode(map.value(QLatin1StringView(spec.name)), value, spec)) {
            ok = false;
            if (bad)
                *bad = spec;
        }
    });
    return ok;
}

template <Declared R> Result<R> fromFieldMap(const QUuid &id, const QCborMap &fields)
{
    R record;
    record.id = id;
    std::optional<FieldSpec> bad;
    if (!decodeRecord(fields, record, &bad))
        return Error{ErrorCode::Protocol,
                     QCoreApplication::translate(
                         "Validation", "The field %1 has a value this version does not understand.")
                         .arg(fieldLabel(*bad)),
                     QString::fromLatin1(bad->name)};
    return record;
}

// --- search: the free texts first, so a snippet prefers them, then the other searchable text

void addLine(QString &text, const QString &line)
{
    if (line.isEmpty())
        return;
    if (!text.isEmpty())
        text += QLatin1Char('\n');
    text += line;
}

template <Declared R> void collectSearch(const R &record, QString &text, bool freeText);

template <typename T>
void collect(const T &value, const FieldSpec &spec, QString &text, bool freeText)
{
    using detail::IsList;
    if constexpr (std::is_same_v<T, QString>) {
        if (freeText ? spec.has(FreeText) : spec.has(Searchable) && !spec.has(FreeText))
            addLine(text, value);
    } else if constexpr (std::is_same_v<T, QStringList>) {
        if (!freeText && spec.has(Searchable))
            for (const QString &item : value)
                addLine(text, spec.choices ? spec.choices->searchText(item) : item);
    } else if constexpr (Declared<T>) {
        collectSearch(value, text, freeText);
    } else if constexpr (IsList<T>::value) {
        if constexpr (Declared<typename IsList<T>::Item>)
            for (const auto &item : value)
                collectSearch(item, text, freeText);
    }
}

template <Declared R> void collectSearch(const R &record, QString &text, bool freeText)
{
    R::forEachField(record, [&](const auto &value, const FieldSpec &spec) {
        collect(value, spec, text, freeText);
    });
}

template <Declared R> QString searchTextOf(const R &record)
{
    QString text;
    collectSearch(record, text, true);
    collectSearch(record, text, false);
    return text;
}

template <Declared R> FieldErrors checked(const R &record)
{
    FieldErrors errors;
    checkFields(record, errors, nullptr);
    return errors;
}

// Text lists with item choices: each item to the key it names.
template <Declared R> bool normaliseItemsOf(QCborMap &fields)
{
    bool changed = false;
    for (const FieldInfo &f : fieldTable<R>()) {
        if (!f.spec.choices)
            continue;
        const QLatin1StringView name(f.spec.name);
        QCborArray items = fields.value(name).toArray();
        bool itemsChanged = false;
        for (qsizetype i = 0; i < items.size(); ++i) {
            if (!items.at(i).isString())
                continue;
            const QString item = items.at(i).toString();
            if (const QString key = f.spec.choices->normalise(item); key != item) {
                items[i] = key;
                itemsChanged = true;
            }
        }
        if (itemsChanged) {
            fields[name] = items;
            changed = true;
        }
    }
    return changed;
}

template <Declared R> Status checkFieldMapOf(const QCborMap &fields)
{
    const auto bad = [](const QString &field, const QString &message) {
        return Error{ErrorCode::InvalidInput, message, field};
    };
    for (auto it = fields.constBegin(); it != fields.constEnd(); ++it) {
        if (!it.key().isString())
            return bad({}, QCoreApplication::translate("Validation", "A field has no name."));
        if (!fieldshape::nestsWithin(it.value(), MaxFieldDepth))
            return bad(it.key().toString(),
                       QCoreApplication::translate("Validation", "A field nests too deep."));
    }
    Status status;
    R record{};
    R::forEachField(record, [&](auto &member, const FieldSpec &spec) {
        using T = std::remove_cvref_t<decltype(member)>;
        const QCborValue v = fields.value(QLatin1StringView(spec.name));
        if (!status || v.isUndefined())
            return;
        if (!fieldshape::shapedAs<T>(v)) {
            status = bad(QString::fromLatin1(spec.name),
                         QCoreApplication::translate(
                             "Validation", "%1 does not hold the kind of value it should.")
                             .arg(fieldLabel(spec)));
            return;
        }
        // The same limits as local input, on the value as the record would read it.
        T value{};
        (void)decode(v, value, spec); // an unknown vocabulary key: the store keeps it raw
        FieldErrors errors;
        check(value, spec, spec, errors);
        if (!errors.isEmpty())
            status = errors.first();
    });
    return status;
}

} // namespace

Status checkFieldMap(RecordType type, const QCborMap &fields)
{
    switch (type) {
    case RecordType::Participant:
        return checkFieldMapOf<Participant>(fields);
    case RecordType::Encounter:
        return checkFieldMapOf<Encounter>(fields);
    case RecordType::DiaryEntry:
        return checkFieldMapOf<DiaryEntry>(fields);
    case RecordType::SupervisionNote:
        return checkFieldMapOf<SupervisionNote>(fields);
    case RecordType::Comment:
        return checkFieldMapOf<Comment>(fields);
    case RecordType::TrainingRecord:
        return checkFieldMapOf<TrainingRecord>(fields);
    }
    return Error{ErrorCode::InvalidInput, QStringLiteral("unknown record type")};
}

std::span<const FieldInfo> fieldTable(RecordType type)
{
    switch (type) {
    case RecordType::Participant:
        return fieldTable<Participant>();
    case RecordType::Encounter:
        return fieldTable<Encounter>();
    case RecordType::DiaryEntry:
        return fieldTable<DiaryEntry>();
    case RecordType::SupervisionNote:
        return fieldTable<SupervisionNote>();
    case RecordType::Comment:
        return fieldTable<Comment>();
    case RecordType::TrainingRecord:
        return fieldTable<TrainingRecord>();
    }
    return {};
}

bool normaliseItems(RecordType type, QCborMap &fields)
{
    switch (type) {
    case RecordType::Participant:
        return normaliseItemsOf<Participant>(fields);
    case RecordType::Encounter:
        return normaliseItemsOf<Encounter>(fields);
    case RecordType::DiaryEntry:
        return normaliseItemsOf<DiaryEntry>(fields);
    case RecordType::SupervisionNote:
        return normaliseItemsOf<SupervisionNote>(fields);
    case RecordType::Comment:
        return normaliseItemsOf<Comment>(fields);
    case RecordType::TrainingRecord:
        return normaliseItemsOf<TrainingRecord>(fields);
    }
    return false;
}

// ---------------------------------------------------------------- Participant

void Participant::moveToStage(Stage to, QDate on, const QString &note)
{
    if (!stageHistory.isEmpty() && stage == to)
        return;
    stage = to;
    stageHistory.append({to, on, note});
}

void Participant::recordConsent(const Consent &to)
{
    if (to == consent)
        return;
    if (consentHistory.isEmpty() && consent.state != ConsentState::NotAsked)
        consentHistory.append(consent);
    consent = to;
    consentHistory.append(to);
}

FieldErrors Participant::validate() const
{
    FieldErrors e = checked(*this);
    require(e, !pseudonym.trimmed().isEmpty(),
            QT_TRANSLATE_NOOP("Validation", "Give the participant a pseudonym or initials."),
            "pseudonym");
    require(e, consent.state == ConsentState::NotAsked || consent.on.isValid(),
            QT_TRANSLATE_NOOP("Validation", "Record the date consent was given or withdrawn."),
            "consent");
    require(e, stageHistory.isEmpty() || stageHistory.last().stage == stage,
            QT_TRANSLATE_NOOP("Validation",
                              "The current stage must be the last one in the stage history."),
            "stage");
    for (const Goal &g : goals) {
        require(e, !g.text.trimmed().isEmpty(),
                QT_TRANSLATE_NOOP("Validation", "A goal needs a description."), "goals");
        require(e, !g.targetOn.isValid() || !g.setOn.isValid() || g.targetOn >= g.setOn,
                QT_TRANSLATE_NOOP("Validation",
                                  "A goal's target date cannot be before the date it was set."),
                "goals");
    }
    return e;
}

QCborMap Participant::toFields() const
{
    return encodeRecord(*this);
}

Result<Participant> Participant::fromFields(const QUuid &id, const QCborMap &fields)
{
    return fromFieldMap<Participant>(id, fields);
}

QString Participant::searchText() const
{
    return searchTextOf(*this);
}

// ---------------------------------------------------------------- Encounter

FieldErrors Encounter::validate() const
{
    FieldErrors e = checked(*this);
    require(e, occurredAt.isValid(),
            QT_TRANSLATE_NOOP("Validation", "Record when the encounter happened."), "occurredAt");
    require(e,
            !followUpOn.isValid() || !occurredAt.isValid() ||
                followUpOn >= occurredAt.date().addDays(-1),
            QT_TRANSLATE_NOOP("Validation", "The follow-up date cannot be before the encounter."),
            "followUpOn");
    require(
        e, !stageAfter || !isBriefContact(),
        QT_TRANSLATE_NOOP("Validation", "A stage can only be recorded for a named participant."),
        "stageAfter");
    return e;
}

QCborMap Encounter::toFields() const
{
    return encodeRecord(*this);
}

Result<Encounter> Encounter::fromFields(const QUuid &id, const QCborMap &fields)
{
    return fromFieldMap<Encounter>(id, fields);
}

QString Encounter::searchText() const
{
    // The place is found by its name: in English, and as the app showed it when saved.
    QString text = searchTextOf(*this);
    for (const auto &e : Vocabulary<Place>::entries) {
        if (e.value != place)
            continue;
        const QString english = QString::fromLatin1(e.label);
        addLine(text, english);
        if (const QString shown = labelOf(place); shown != english)
            addLine(text, shown);
    }
    return text;
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
    FieldErrors e = checked(*this);
    require(e, !text.trimmed().isEmpty() || !prompts.isEmpty(),
            QT_TRANSLATE_NOOP("Validation", "Write something, or answer at least one prompt."),
            "text");
    require(e, writtenAt.isValid(),
            QT_TRANSLATE_NOOP("Validation", "Record when the entry was written."), "writtenAt");
    return e;
}

QCborMap DiaryEntry::toFields() const
{
    return encodeRecord(*this);
}

Result<DiaryEntry> DiaryEntry::fromFields(const QUuid &id, const QCborMap &fields)
{
    return fromFieldMap<DiaryEntry>(id, fields);
}

QString DiaryEntry::searchText() const
{
    return searchTextOf(*this);
}

// ---------------------------------------------------------------- SupervisionNote

FieldErrors SupervisionNote::validate() const
{
    FieldErrors e = checked(*this);
    require(e, heldOn.isValid(),
            QT_TRANSLATE_NOOP("Validation", "Record the date of the supervision session."),
            "heldOn");
    for (const ActionItem &a : actionItems)
        require(e, !a.text.trimmed().isEmpty(),
                QT_TRANSLATE_NOOP("Validation", "An action item needs a description."),
                "actionItems");
    return e;
}

QCborMap SupervisionNote::toFields() const
{
    return encodeRecord(*this);
}

Result<SupervisionNote> SupervisionNote::fromFields(const QUuid &id, const QCborMap &fields)
{
    return fromFieldMap<SupervisionNote>(id, fields);
}

QString SupervisionNote::searchText() const
{
    return searchTextOf(*this);
}

// ---------------------------------------------------------------- Comment

FieldErrors Comment::validate() const
{
    FieldErrors e = checked(*this);
    // No rule on the text: a review mark has none (isReviewMark).
    require(e, !diaryEntryId.isNull(),
            QT_TRANSLATE_NOOP("Validation", "A comment belongs to a diary entry."), "diaryEntryId");
    return e;
}

QCborMap Comment::toFields() const
{
    return encodeRecord(*this);
}

Result<Comment> Comment::fromFields(const QUuid &id, const QCborMap &fields)
{
    return fromFieldMap<Comment>(id, fields);
}

QString Comment::searchText() const
{
    return searchTextOf(*this);
}

// ---------------------------------------------------------------- TrainingRecord

FieldErrors TrainingRecord::validate() const
{
    FieldErrors e = checked(*this);
    require(e, !course.trimmed().isEmpty(),
            QT_TRANSLATE_NOOP("Validation", "Name the course or training."), "course");
    require(e, completedOn.isValid(),
            QT_TRANSLATE_NOOP("Validation", "Record when the training was completed."),
            "completedOn");
    require(e, !expiresOn.isValid() || !completedOn.isValid() || expiresOn > completedOn,
            QT_TRANSLATE_NOOP("Validation", "The expiry date must be after the completion date."),
            "expiresOn");
    return e;
}

QCborMap TrainingRecord::toFields() const
{
    return encodeRecord(*this);
}

Result<TrainingRecord> TrainingRecord::fromFields(const QUuid &id, const QCborMap &fields)
{
    return fromFieldMap<TrainingRecord>(id, fields);
}

QString TrainingRecord::searchText() const
{
    return searchTextOf(*this);
}

} // namespace wp
