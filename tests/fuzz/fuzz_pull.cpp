// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: what a device does with what it pulls (app/sync SyncEngine::checkPage and
// pull). A page is decoded and checked, each change's envelope is opened into fields and
// stamps (ChangeSealer::open), the fields are read as every record type, and the page merges
// into a store (Store::applyRemote). Properties: no crash and no sanitizer report; a record
// read from fields writes fields that read back as the same record; a change sealed again
// opens to the same fields and stamps. Inputs: PullInput.h.
//
// A fuzzer cannot forge signatures or envelopes: the target checks signatures, digests and
// audience keys as the device does, but goes on whatever they say, and seals each plaintext
// with the audience key the device holds before opening it.

#include "ChangeSealer.h"
#include "FuzzSeeds.h"
#include "PullInput.h"
#include "RecordTable.h"
#include "Store.h"
#include "crypto/BatchSignature.h"
#include "crypto/UserKeys.h"

#include <QCborValue>
#include <QTemporaryDir>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>

using namespace wp;
namespace pull = fuzz::pull;

namespace {

void require(bool ok, const char *property)
{
    if (ok)
        return;
    std::fprintf(stderr, "fuzz_pull: violated: %s\n", property);
    std::abort();
}

// One device per process: a store in a temporary folder holding one record of each type that
// this device wrote and has not sent yet (so a remote edit of free text can conflict), and one
// deleted record. Every input merges inside a transaction that is rolled back, and the clock
// is put back, so inputs do not see each other.
struct Device
{
    QTemporaryDir dir;
    std::unique_ptr<Store> store;
    HybridClock clock{pull::localDevice(), [] { return pull::BaseMs; }};
    SecretBytes audienceKey = SecretBytes::random(crypto::AudienceKeySize);
    crypto::UserKeys keys = crypto::UserKeys::generate();
    QUuid organisation{QStringLiteral("01900000-0000-7000-8000-0000000000aa")};
};

template <class R> void save(Repository<R> &repository, const R &record)
{
    require(repository.save(record).ok(), "the device's own records save");
}

std::unique_ptr<Device> openDevice()
{
    auto d = std::make_unique<Device>();
    require(d->dir.isValid(), "a temporary folder");
    auto store = Store::open(d->dir.filePath(QStringLiteral("fuzz.db")),
                             SecretBytes::random(Store::KeyBytes), Store::Mode::CreateNew);
    require(store.ok(), "the store opens");
    d->store = std::move(*store);
    Store &s = *d->store;
    s.clock() = d->clock;
    save(s.participants(), pull::participant(pull::storedRecord(RecordType::Participant)));
    save(s.encounters(), pull::encounter(pull::storedRecord(RecordType::Encounter)));
    save(s.diary(), pull::diaryEntry(pull::storedRecord(RecordType::DiaryEntry)));
    save(s.supervision(), pull::supervisionNote(pull::storedRecord(RecordType::SupervisionNote)));
    save(s.comments(), pull::comment(pull::storedRecord(RecordType::Comment)));
    save(s.training(), pull::trainingRecord(pull::storedRecord(RecordType::TrainingRecord)));
    save(s.diary(), pull::diaryEntry(pull::deletedRecord()));
    require(s.diary().remove(pull::deletedRecord()).ok(), "the device deletes a record");
    d->clock = s.clock();
    return d;
}

Device &device()
{
    static const std::unique_ptr<Device> d = openDevice();
    return *d;
}

// Reads the fields as a record of type R; whatever reads must write fields that read back as
// the same record.
template <class R> void readAs(const QUuid &id, const QCborMap &fields)
{
    const Result<R> first = R::fromFields(id, fields);
    if (!first)
        return;
    (void)first->validate();
    (void)first->searchText();
    (void)derive(*first);
    const QCborMap written = first->toFields();
    const Result<R> second = R::fromFields(id, written);
    require(second.ok(), "a record's own fields read back");
    require(*second == *first, "a record's own fields read back as the same record");
    require(second->toFields() == written, "a record writes the same fields twice");
}

void readAsEveryType(const RecordChange &change)
{
    readAs<Participant>(change.recordId, change.fields);
    readAs<Encounter>(change.recordId, change.fields);
    readAs<DiaryEntry>(change.recordId, change.fields);
    readAs<SupervisionNote>(change.recordId, change.fields);
    readAs<Comment>(change.recordId, change.fields);
    readAs<TrainingRecord>(change.recordId, change.fields);
    (void)derive(change.type, change.recordId, change.fields);
}

void sealAgain(const RecordChange &change, const SecretBytes &key)
{
    OutboxEntry entry;
    entry.seq = 1;
    entry.change = change;
    const wire::Change sealed = sync::ChangeSealer::seal(entry, pull::audience(), key);
    const Result<RecordChange> opened = sync::ChangeSealer::open(sealed, key);
    require(opened.ok(), "a change sealed again opens");
    // Compared as CBOR: a NaN (a float in a field of a newer version) is never equal to
    // itself, yet seals and opens unchanged.
    require(QCborValue(opened->fields).toCbor() == QCborValue(change.fields).toCbor(),
            "a change sealed again has the same fields");
    for (auto it = change.fields.constBegin(); it != change.fields.constEnd(); ++it) {
        const QString name = it.key().toString();
        require(opened->stamps.value(name) == change.stamps.value(name),
                "a change sealed again has the same stamps");
    }
}

// What SyncEngine::checkPage does before opening the changes, for crashes only.
void checkPage(Device &d, const wire::PullResponse &page)
{
    for (const wire::AudienceGrant &g : page.audienceKeys)
        (void)crypto::openSealed(g.sealedKey, d.keys);
    QList<bool> verified(page.manifests.size(), false);
    for (const wire::Change &c : page.changes) {
        if (c.manifestIndex < 0)
            continue;
        const wire::Manifest &m = page.manifests.at(c.manifestIndex);
        if (!verified[c.manifestIndex]) {
            (void)crypto::verifyManifest(
                d.keys.signingPublic,
                wire::manifestBytes(d.organisation, m.authorId, m.deviceId, m.sequence, m.digests),
                m.signature);
            verified[c.manifestIndex] = true;
        }
        (void)m.digests.contains(crypto::changeDigest(c));
    }
}

wire::Change oneChange(QByteArrayView input)
{
    const auto flags = std::uint8_t(input[0]);
    wire::Change c;
    c.changeId = 1;
    c.type = RecordType((flags & 7) % 6);
    c.deleted = (flags & pull::TombstoneFlag) != 0;
    c.recordId = pull::recordInSlot((flags >> pull::SlotShift) & 7);
    c.stamp = pull::stampAt(input.size() > 1 ? int(std::int8_t(input[1])) : 0);
    c.audienceId = pull::audience();
    c.envelope = input.size() > 2 ? input.sliced(2).toByteArray() : QByteArray();
    c.seq = 1;
    return c;
}

void merge(Device &d, const QList<RecordChange> &changes, const QByteArray &cursor)
{
    Store &store = *d.store;
    {
        Result<sql::Transaction> rollback = store.batch();
        require(rollback.ok(), "a transaction begins");
        (void)store.applyRemote(changes, cursor);
    }
    store.clock() = d.clock;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0)
        return 0;
    Device &d = device();
    const QByteArrayView input(reinterpret_cast<const char *>(data), qsizetype(size));
    QList<wire::Change> changes;
    QByteArray cursor("1");
    if (std::uint8_t(input[0]) & pull::PageFlag) {
        Result<wire::PullResponse> page = wire::decodePullResponse(input.sliced(1));
        if (!page)
            return 0;
        checkPage(d, *page);
        changes = page->changes;
        cursor = QByteArray::number(qulonglong(page->cursor));
    } else {
        changes.append(oneChange(input));
    }
    QList<RecordChange> opened;
    opened.reserve(changes.size());
    for (wire::Change &c : changes) {
        if (!c.deleted)
            c.envelope = crypto::sealRecord(d.audienceKey, c.recordId, c.type, c.stamp, c.envelope);
        Result<RecordChange> change = sync::ChangeSealer::open(c, d.audienceKey);
        if (!change)
            return 0; // the device stops this sync: nothing of the page merges
        readAsEveryType(*change);
        sealAgain(*change, d.audienceKey);
        opened.append(std::move(*change));
    }
    merge(d, opened, cursor);
    return 0;
}

QList<QByteArray> fuzz::targetSeeds()
{
    return pull::seeds();
}
