// SPDX-License-Identifier: GPL-3.0-or-later
#include "PendingPush.h"

#include <QSet>

#include <algorithm>

namespace wp::server {

using namespace wp::wire;

PendingPush::PendingPush(Identity who, PreparedPush what)
    : id(std::move(who)), prepared(std::move(what))
{
    const PushRequest &req = prepared.request;
    QSet<QUuid> seenRecords;
    for (const Audience &a : req.audiences)
        if (!audienceIds.contains(a.id))
            audienceIds.append(a.id);
    for (const Change &ch : req.changes) {
        if (!audienceIds.contains(ch.audienceId))
            audienceIds.append(ch.audienceId);
        if (!seenRecords.contains(ch.recordId)) {
            seenRecords.insert(ch.recordId);
            recordIds.append(ch.recordId);
            recordTypes.append(qint64(ch.type));
            recordAudiences.append(ch.audienceId);
        }
    }
}

bool PendingPush::grouped() const
{
    const QList<Change> &changes = prepared.request.changes;
    return !changes.isEmpty() && std::none_of(changes.begin(), changes.end(), [](const Change &ch) {
        return ch.deleted || !ch.withdrawnFrom.isNull();
    });
}

ChangeColumns::ChangeColumns(const QList<const Change *> &changes)
{
    QList<qint64> typeList, msList, counterList, seqList;
    QList<QUuid> recordList, deviceList, audienceList;
    QList<QByteArray> envelopes;
    deleted.push_back('{');
    for (const Change *ch : changes) {
        seqList.append(qint64(ch->changeId));
        recordList.append(ch->recordId);
        typeList.append(qint64(ch->type));
        msList.append(ch->stamp.physicalMs);
        counterList.append(qint64(ch->stamp.counter));
        deviceList.append(ch->stamp.device);
        audienceList.append(ch->audienceId);
        envelopes.append(ch->envelope);
        deleted += (deleted.size() > 1 ? "," : "");
        deleted += ch->deleted ? 't' : 'f';
        if (ch->deleted) // a repeated id is harmless in ANY()
            deletedRecords.append(ch->recordId);
    }
    deleted += '}';
    records = uuidArray(recordList);
    types = bigintArray(typeList);
    deviceSeqs = bigintArray(seqList);
    ms = bigintArray(msList);
    counters = bigintArray(counterList);
    stampDevices = uuidArray(deviceList);
    audiences = uuidArray(audienceList);
    packed = packBytes(envelopes);
}

} // namespace wp::server
