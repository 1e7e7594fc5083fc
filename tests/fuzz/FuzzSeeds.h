// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Valid inputs to start fuzzing from. Each target names its own (targetSeeds): the libFuzzer
// binary writes them out (`fuzz_X --write-seeds=DIR`, FuzzSeedWriter.cpp) and the replay
// driver runs them (FuzzReplay.cpp).

#include "Uuid.h"
#include "wire/Codec.h"

#include <QList>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size);

namespace fuzz {

// Defined by each target.
QList<QByteArray> targetSeeds();

// The device the push target authenticates as; seeds use it so parsing goes all the way.
inline QUuid device()
{
    return QUuid(QStringLiteral("01900000-0000-7000-8000-000000000001"));
}

// Messages of every kind, for the wire and push targets.
inline QList<QByteArray> messages()
{
    using namespace wp;
    using namespace wp::wire;
    PushRequest p;
    p.deviceId = device();
    p.sequence = 7;
    p.audiences.append({createUuidV7(), {{createUuidV7(), QByteArray(80, 'k')}}});
    for (int i = 1; i <= 3; ++i) {
        Change c;
        c.changeId = std::uint64_t(i);
        c.recordId = createUuidV7();
        c.type = RecordType::Encounter;
        c.stamp = {1'700'000'000'000 + i, std::uint32_t(i), device()};
        c.deleted = i == 2;
        c.audienceId = p.audiences[0].id;
        c.envelope = QByteArray(40 + i, char(i));
        p.changes.append(c);
    }
    p.signature = QByteArray(64, 's');
    PullResponse pull;
    pull.changes = p.changes;
    pull.changes[0].seq = 3;
    pull.changes[0].manifestIndex = 0;
    pull.cursor = 3;
    pull.manifests.append(
        {createUuidV7(), device(), 7, {QByteArray(32, 'd')}, QByteArray(64, 's')});
    pull.audienceKeys.append({p.audiences[0].id, QByteArray(80, 'x')});
    pull.withdrawals.append({createUuidV7(), 9});
    return {
        encode(p),
        encode(pull),
        encode(PushResponse{7, false, {1, 2}, {{3, QStringLiteral("not_author")}}}),
        encode(EnrolRequest{QStringLiteral("ABCD-EFGH-JKMN-PQRS"), QStringLiteral("phone"),
                            QStringLiteral("android")}),
        encode(EnrolResponse{createUuidV7(), createUuidV7(), device(), QByteArray(32, 't'),
                             QStringLiteral("worker"), false, QStringLiteral("Sam Taylor"),
                             QStringLiteral("Riverside Outreach")}),
        encode(KeyDirectory{
            {{createUuidV7(), QStringLiteral("worker"), QByteArray(32, 'e'), QByteArray(32, 's')}},
            {{createUuidV7(), QStringLiteral("Alex")}},
            {},
            {},
            {}}),
        encode(DeviceStatus{QStringLiteral("active"), false, 1, 0, QStringLiteral("Sam Taylor"),
                            QStringLiteral("Riverside Outreach"), QStringLiteral("worker")}),
        encode(DeviceName{QStringLiteral("Work phone")}),
        encode(ErrorBody{QStringLiteral("malformed"), QStringLiteral("x")}),
        encode(SyncRequest{3, 1000, 2, encode(p)}),
        encode(SyncResponse{
            encode(pull), {}, 422, {QStringLiteral("bad_signature"), QStringLiteral("x")}}),
    };
}

} // namespace fuzz
