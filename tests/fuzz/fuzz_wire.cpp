// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: every decoder of the wire codec on arbitrary bytes. Whatever decodes must
// re-encode to bytes that decode to the same encoding (no lossy or ambiguous parse).

#include "FuzzSeeds.h"
#include "wire/ApprovalCodec.h"
#include "wire/Codec.h"

#include <cstdint>
#include <cstdlib>

using namespace wp::wire;

namespace {
template <typename Decode> void roundTrip(Decode decode, QByteArrayView bytes)
{
    auto first = decode(bytes);
    if (!first.ok())
        return;
    const QByteArray again = encode(*first);
    auto second = decode(again);
    if (!second.ok() || encode(*second) != again)
        std::abort();
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    roundTrip(decodePushRequest, bytes);
    roundTrip(decodePullResponse, bytes);
    roundTrip(decodePushResponse, bytes);
    roundTrip(decodeEnrolRequest, bytes);
    roundTrip(decodeEnrolResponse, bytes);
    roundTrip(decodePublicKeys, bytes);
    roundTrip(decodeKeyDirectory, bytes);
    roundTrip(decodeKeyBackup, bytes);
    roundTrip(decodeDeviceStatus, bytes);
    roundTrip(decodeDeviceName, bytes);
    roundTrip(decodeErrorBody, bytes);
    roundTrip(decodeSyncRequest, bytes);
    roundTrip(decodeSyncResponse, bytes);
    roundTrip(decodeApprovalRequest, bytes);
    roundTrip(decodeApprovalState, bytes);
    roundTrip(decodeNewDevices, bytes);
    roundTrip(decodeApproval, bytes);
    roundTrip(decodeDenial, bytes);
    return 0;
}

QList<QByteArray> fuzz::targetSeeds()
{
    return messages();
}
