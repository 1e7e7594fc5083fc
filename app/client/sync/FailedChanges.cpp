// SPDX-License-Identifier: GPL-3.0-or-later
#include "FailedChanges.h"

#include "RecordText.h"
#include "Store.h"
#include "SyncEngine.h"
#include "Vocabulary.h"

namespace wp::client {

FailedChangeListModel::FailedChangeListModel(QObject *parent) : QAbstractListModel(parent) {}

int FailedChangeListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant FailedChangeListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows.at(index.row());
    switch (role) {
    case SeqRole:
        return r.seq;
    case Qt::DisplayRole:
    case KindLabelRole:
        return r.kindLabel;
    case RecordLabelRole:
        return r.recordLabel;
    case ReasonTextRole:
        return r.reasonText;
    case WhenTextRole:
        return r.whenText;
    case DeletionRole:
        return r.deletion;
    case CanDismissRole:
        return r.canDismiss;
    default:
        return {};
    }
}

QHash<int, QByteArray> FailedChangeListModel::roleNames() const
{
    return {{SeqRole, "seq"},
            {KindLabelRole, "kindLabel"},
            {RecordLabelRole, "recordLabel"},
            {ReasonTextRole, "reasonText"},
            {WhenTextRole, "whenText"},
            {DeletionRole, "deletion"},
            {CanDismissRole, "canDismiss"}};
}

bool FailedChangeListModel::dismissable(const QString &reason)
{
    // The record is someone else's, its id is taken by another kind of record, or it is too
    // big to ever be accepted: sending it again cannot work. Other reasons may pass after an
    // update of the app or the server ("Try again").
    return reason == u"not_author" || reason == u"type_mismatch" || reason == u"too_large";
}

FailedChangeListModel::Row FailedChangeListModel::rowOf(wp::Store &store,
                                                        const FailedChange &failed)
{
    const RecordChange &change = failed.entry.change;
    Row r;
    r.seq = failed.entry.seq;
    r.kindLabel = labelOf(change.type);
    r.reasonText = sync::SyncEngine::describeRejection(failed.reason);
    r.whenText = RecordText::when(failed.failedAt);
    r.deletion = change.deleted;
    r.canDismiss = dismissable(failed.reason);
    // The label the lists show for that record, read from the record as it is now.
    const QUuid &id = change.recordId;
    switch (change.type) {
    case RecordType::Participant:
        if (auto p = store.participants().get(id))
            r.recordLabel = p->pseudonym;
        break;
    case RecordType::Encounter:
        if (auto e = store.encounters().get(id)) {
            QString who = RecordText::briefContact();
            if (!e->participantId.isNull())
                if (auto p = store.participants().get(e->participantId))
                    who = p->pseudonym;
            r.recordLabel = QCoreApplication::translate("RecordText", "%1, %2")
                                .arg(who, RecordText::when(e->occurredAt));
        }
        break;
    case RecordType::DiaryEntry:
        if (auto d = store.diary().get(id))
            r.recordLabel = RecordText::when(d->writtenAt);
        break;
    case RecordType::SupervisionNote:
        if (auto s = store.supervision().get(id))
            r.recordLabel = RecordText::day(s->heldOn);
        break;
    case RecordType::Comment:
        if (auto c = store.comments().get(id))
            r.recordLabel = RecordText::when(c->writtenAt);
        break;
    case RecordType::TrainingRecord:
        if (auto t = store.training().get(id))
            r.recordLabel = RecordText::day(t->completedOn);
        break;
    }
    if (r.recordLabel.isEmpty())
        r.recordLabel = tr("Saved: %1").arg(RecordText::when(failed.entry.createdAt));
    return r;
}

void FailedChangeListModel::reload(wp::Store *store)
{
    QList<Row> rows;
    if (store) {
        if (auto failed = store->outbox().failed(Limit)) {
            for (const FailedChange &f : std::as_const(*failed))
                rows.append(rowOf(*store, f));
        }
    }
    const bool sizeChanged = rows.size() != m_rows.size();
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
    if (sizeChanged)
        Q_EMIT countChanged();
}

bool FailedChangeListModel::dismiss(wp::Store *store, int row)
{
    if (!store || row < 0 || row >= m_rows.size() || !m_rows.at(row).canDismiss)
        return false;
    if (!store->outbox().dismissFailed(m_rows.at(row).seq))
        return false;
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    endRemoveRows();
    Q_EMIT countChanged();
    return true;
}

} // namespace wp::client
