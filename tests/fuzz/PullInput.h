// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What fuzz_pull reads, the device it merges into, and the valid inputs it starts from.
//
// An input is one of two shapes, told apart by its first byte:
// - PageFlag set: the rest is an encoded PullResponse whose changes' `envelope` bytes are
//   plaintexts (a fuzzer cannot make envelopes that open, so the target seals them first).
// - PageFlag clear: one change. Bits 0-2 of the first byte are its record type (6 and 7 wrap
//   round), bit 3 makes it a tombstone, bits 4-6 pick its record: 0 a record new here, 1-6 the
//   stored record of type 0-5, 7 the stored deleted record. The second byte is its stamp, in
//   seconds (signed) from BaseMs. The rest is its plaintext.
// A plaintext is what ChangeSealer seals: CBOR {1: fields, 2: field -> [ms, counter, device]}.

#include "ChangeSealer.h"
#include "Records.h"
#include "crypto/BatchSignature.h"
#include "crypto/Envelope.h"
#include "wire/Codec.h"

#include <QCborArray>
#include <QCborMap>
#include <QCborValue>
#include <QList>

#include <array>
#include <cstdint>

namespace fuzz::pull {

using namespace wp;

inline constexpr std::uint8_t PageFlag = 0x80;
inline constexpr std::uint8_t TombstoneFlag = 0x08;
inline constexpr int SlotShift = 4;
inline constexpr int DeletedSlot = 7;
// The device's clock reads this, so stored stamps and the inputs' stamps meet.
inline constexpr std::int64_t BaseMs = 1'767'225'600'000; // 2026-01-01

inline QUuid localDevice()
{
    return QUuid(QStringLiteral("01900000-0000-7000-8000-00000000d001"));
}
inline QUuid remoteDevice()
{
    return QUuid(QStringLiteral("01900000-0000-7000-8000-00000000d002"));
}
inline QUuid audience()
{
    return QUuid(QStringLiteral("01900000-0000-7000-8000-00000000a001"));
}
// The record of a change whose slot is 0.
inline QUuid newRecord()
{
    return QUuid(QStringLiteral("01900000-0000-7000-8000-000000000100"));
}
// The stored record of each type (slots 1-6) and the stored deleted record (slot 7).
inline QUuid storedRecord(RecordType type)
{
    return QUuid(QStringLiteral("01900000-0000-7000-8000-00000000010%1").arg(int(type) + 1));
}
inline QUuid deletedRecord()
{
    return QUuid(QStringLiteral("01900000-0000-7000-8000-000000000107"));
}
inline QUuid recordInSlot(int slot)
{
    if (slot == 0)
        return newRecord();
    return slot == DeletedSlot ? deletedRecord() : storedRecord(RecordType(slot - 1));
}

inline QDateTime at(int minutes)
{
    return QDateTime::fromMSecsSinceEpoch(BaseMs + minutes * 60'000LL, Qt::UTC);
}

// One valid record of each type, as a worker would save them; `id` null for a new record.
inline Participant participant(const QUuid &id)
{
    Participant p;
    p.id = id;
    p.pseudonym = QStringLiteral("JD-17");
    p.consent = {ConsentState::Given, at(0).date(), QStringLiteral("notes and referrals")};
    p.moveToStage(Stage::SafePlace, at(0).date());
    p.moveToStage(Stage::Partnership, at(0).date().addDays(3), QStringLiteral("asked for help"));
    p.goals.append({QUuid(QStringLiteral("01900000-0000-7000-8000-00000000e001")),
                    QStringLiteral("Find stable housing"),
                    GoalStatus::InProgress,
                    at(0).date(),
                    at(0).date().addDays(60),
                    {}});
    p.lastContact = at(90);
    p.followUpDue = at(0).date().addDays(7);
    p.createdAt = at(0);
    return p;
}
inline Encounter encounter(const QUuid &id)
{
    Encounter e;
    e.id = id;
    e.participantId = storedRecord(RecordType::Participant);
    e.occurredAt = at(60);
    e.durationMinutes = 15;
    e.place = Place::Shelter;
    e.needs = {Need::Housing, Need::HarmReduction};
    e.supplies = {QStringLiteral("naloxone")};
    e.referrals = {{Service::Housing, QStringLiteral("Riverside housing team")}};
    e.advocacy = {Service::Benefits};
    e.obstacles = {Service::Health};
    e.stageAfter = Stage::Partnership;
    e.note = QStringLiteral("Talked about the housing list");
    e.nextStep = QStringLiteral("Call the housing team");
    e.followUpOn = at(0).date().addDays(7);
    e.safetyConcern = false;
    e.createdAt = at(61);
    return e;
}
inline DiaryEntry diaryEntry(const QUuid &id)
{
    DiaryEntry d;
    d.id = id;
    d.writtenAt = at(120);
    d.text = QStringLiteral("Court went well");
    d.prompts.howIFelt = QStringLiteral("Tired but proud");
    d.wellbeing = 4;
    d.stress = 2;
    d.selfCare = {QStringLiteral("walk")};
    d.themes = {DiaryTheme::Wins, DiaryTheme::Boundaries};
    d.createdAt = at(121);
    return d;
}
inline SupervisionNote supervisionNote(const QUuid &id)
{
    SupervisionNote n;
    n.id = id;
    n.heldOn = at(0).date().addDays(2);
    n.supervisor = QStringLiteral("Sam");
    n.topics = {QStringLiteral("caseload")};
    n.wellbeing = 3;
    n.wellbeingNote = QStringLiteral("A heavy week");
    n.linkedDiaryEntries = {storedRecord(RecordType::DiaryEntry)};
    n.actionItems.append({QUuid(QStringLiteral("01900000-0000-7000-8000-00000000e002")),
                          QStringLiteral("Book training"), ActionOwner::Both,
                          at(0).date().addDays(14), false});
    n.developmentGoals = {QStringLiteral("motivational interviewing")};
    n.notes = QStringLiteral("Went through the week");
    n.createdAt = at(3000);
    return n;
}
inline Comment comment(const QUuid &id)
{
    Comment c;
    c.id = id;
    c.diaryEntryId = storedRecord(RecordType::DiaryEntry);
    c.author = QStringLiteral("Sam");
    c.text = QStringLiteral("Well done");
    c.writtenAt = at(200);
    c.createdAt = at(200);
    return c;
}
inline TrainingRecord trainingRecord(const QUuid &id)
{
    TrainingRecord t;
    t.id = id;
    t.course = QStringLiteral("Naloxone training");
    t.completedOn = at(0).date().addDays(-30);
    t.certificate = QStringLiteral("NX-1234");
    t.expiresOn = at(0).date().addDays(335);
    t.createdAt = at(0);
    return t;
}

inline QCborMap fieldsOf(RecordType type, const QUuid &id)
{
    switch (type) {
    case RecordType::Participant:
        return participant(id).toFields();
    case RecordType::Encounter:
        return encounter(id).toFields();
    case RecordType::DiaryEntry:
        return diaryEntry(id).toFields();
    case RecordType::SupervisionNote:
        return supervisionNote(id).toFields();
    case RecordType::Comment:
        return comment(id).toFields();
    case RecordType::TrainingRecord:
        return trainingRecord(id).toFields();
    }
    return {};
}

inline HlcStamp stampAt(int seconds)
{
    return {BaseMs + seconds * 1000LL, 0, remoteDevice()};
}

// The plaintext ChangeSealer seals for these fields and stamps: sealed by it and opened again,
// so the seeds follow its format wherever it goes.
inline QByteArray plaintext(RecordType type, const QUuid &id, const HlcStamp &stamp,
                            const QCborMap &fields, const QMap<QString, HlcStamp> &stamps = {})
{
    OutboxEntry entry;
    entry.seq = 1;
    entry.change.recordId = id;
    entry.change.type = type;
    entry.change.fields = fields;
    entry.change.stamp = stamp;
    for (auto it = fields.constBegin(); it != fields.constEnd(); ++it)
        entry.change.stamps.insert(it.key().toString(), stamps.value(it.key().toString(), stamp));
    const SecretBytes key = crypto::newAudienceKey();
    const wire::Change sealed = sync::ChangeSealer::seal(entry, audience(), key);
    Result<QByteArray> plain = crypto::openRecord(key, id, type, stamp, sealed.envelope);
    return plain ? *plain : QByteArray();
}

inline QByteArray single(RecordType type, int slot, int seconds, const QCborMap &fields,
                         const QMap<QString, HlcStamp> &stamps = {}, bool tombstone = false)
{
    QByteArray input(2, 0);
    input[0] = char(int(type) | (tombstone ? TombstoneFlag : 0) | (slot << SlotShift));
    input[1] = char(std::int8_t(seconds));
    if (!tombstone)
        input += plaintext(type, recordInSlot(slot), stampAt(seconds), fields, stamps);
    return input;
}

inline wire::Change pageChange(std::uint64_t seq, RecordType type, const QUuid &id, int seconds,
                               const QCborMap &fields, bool tombstone = false)
{
    wire::Change c;
    c.changeId = seq;
    c.recordId = id;
    c.type = type;
    c.stamp = stampAt(seconds);
    c.deleted = tombstone;
    c.audienceId = audience();
    if (!tombstone)
        c.envelope = plaintext(type, id, c.stamp, fields);
    c.seq = seq;
    c.authorId = QUuid(QStringLiteral("01900000-0000-7000-8000-0000000000bb"));
    c.manifestIndex = 0;
    return c;
}

inline QList<QByteArray> seeds()
{
    constexpr std::array types{RecordType::Participant, RecordType::Encounter,
                               RecordType::DiaryEntry,  RecordType::SupervisionNote,
                               RecordType::Comment,     RecordType::TrainingRecord};
    const auto slotOf = [](RecordType t) { return int(t) + 1; };
    QList<QByteArray> out;
    // A new record of each type, and an edit of every field of each stored record, newer than
    // the device's own (pending) version and older than it.
    for (RecordType t : types) {
        out.append(single(t, 0, 1, fieldsOf(t, newRecord())));
        out.append(single(t, slotOf(t), 30, fieldsOf(t, storedRecord(t))));
        out.append(single(t, slotOf(t), -30, fieldsOf(t, storedRecord(t))));
    }
    const QString text = QStringLiteral("text");
    const QString note = QStringLiteral("note");
    // Concurrent edits of free text: the losing text is kept as a conflict copy either way.
    out.append(single(RecordType::DiaryEntry, slotOf(RecordType::DiaryEntry), 40,
                      {{text, QStringLiteral("Court went better than I thought")}}));
    out.append(single(RecordType::DiaryEntry, slotOf(RecordType::DiaryEntry), -40,
                      {{text, QStringLiteral("Court was hard")}}));
    // Per-field stamps other than the change's own.
    out.append(single(
        RecordType::Encounter, slotOf(RecordType::Encounter), 50,
        {{note, QStringLiteral("Housing list again")}, {QStringLiteral("durationMinutes"), 25}},
        {{note, stampAt(45)}}));
    // Stages, goals, action items and consent nested in fields.
    Participant moved = participant(storedRecord(RecordType::Participant));
    moved.moveToStage(Stage::SteppingOut, at(0).date().addDays(30));
    out.append(single(RecordType::Participant, slotOf(RecordType::Participant), 60,
                      {{QStringLiteral("stage"), keyOf(moved.stage)},
                       {QStringLiteral("stageHistory"),
                        moved.toFields().value(QStringLiteral("stageHistory"))}}));
    // A value this version does not know (kept raw), a type that does not match the stored
    // record, and edits of a deleted record.
    out.append(single(RecordType::DiaryEntry, 0, 5,
                      {{QStringLiteral("themes"), QCborArray{QStringLiteral("not-a-theme")}}}));
    out.append(single(RecordType::DiaryEntry, slotOf(RecordType::Participant), 5,
                      {{text, QStringLiteral("mixed up")}}));
    out.append(single(RecordType::DiaryEntry, DeletedSlot, 90, {{text, QStringLiteral("late")}}));
    // Tombstones: of a stored record, of a new one, of the deleted one.
    out.append(single(RecordType::Comment, slotOf(RecordType::Comment), 10, {}, {}, true));
    out.append(single(RecordType::TrainingRecord, 0, 10, {}, {}, true));
    out.append(single(RecordType::DiaryEntry, DeletedSlot, 10, {}, {}, true));

    // A whole page: new records, edits, a tombstone, with its manifest and audience key.
    wire::PullResponse page;
    page.changes = {
        pageChange(11, RecordType::DiaryEntry,
                   QUuid(QStringLiteral("01900000-0000-7000-8000-000000000111")), 3,
                   fieldsOf(RecordType::DiaryEntry, {})),
        pageChange(12, RecordType::Encounter, storedRecord(RecordType::Encounter), 20,
                   {{note, QStringLiteral("Remote note")}}),
        pageChange(13, RecordType::Comment, storedRecord(RecordType::Comment), 21, {}, true),
        pageChange(14, RecordType::TrainingRecord, newRecord(), 22,
                   fieldsOf(RecordType::TrainingRecord, newRecord())),
    };
    QList<QByteArray> digests;
    for (const wire::Change &c : page.changes)
        digests.append(crypto::changeDigest(c));
    page.manifests.append(
        {page.changes[0].authorId, remoteDevice(), 5, digests, QByteArray(64, 's')});
    page.audienceKeys.append({audience(), QByteArray(80, 'k')});
    page.cursor = 14;
    page.more = true;
    page.horizon = 2;
    out.append(QByteArray(1, char(PageFlag)) + wire::encode(page));
    page.changes.resize(1);
    page.more = false;
    page.horizon = 0;
    out.append(QByteArray(1, char(PageFlag)) + wire::encode(page));
    return out;
}

} // namespace fuzz::pull
