// SPDX-License-Identifier: GPL-3.0-or-later
#include "NewDeviceNotices.h"

#include "NewDeviceApproval.h"
#include "ServerError.h"
#include "Session.h"
#include "SyncConnection.h"
#include "SyncMessages.h"
#include "SyncThread.h"
#include "Uuid.h"

#include <QLocale>

namespace wp::client {

namespace {

// Asked again after a sync run at most this often: one request per run would double the
// requests of a busy day for a list that rarely changes.
constexpr qint64 RefreshAfterRunMs = 60 * 1000;

QString failureText(const Error &e)
{
    if (e.code == ErrorCode::NotFound || sync::serverErrorOf(e) == sync::ServerError::NotFound)
        return NewDeviceNotices::tr("This device no longer waits for approval: it was approved, "
                                    "denied or revoked meanwhile.");
    if (e.code == ErrorCode::InvalidInput) // the number, checked again against the server's
        return NewDeviceNotices::tr("These are not the numbers the new device shows. Nothing "
                                    "was sent: check each group on the new device and type "
                                    "them again.");
    if (e.code == ErrorCode::Network || sync::serverErrorOf(e) == sync::ServerError::Unavailable)
        return NewDeviceNotices::tr("The server cannot be reached. Nothing was changed; try "
                                    "again when you are online.");
    return sync::syncFailureMessage(e);
}

} // namespace

NewDeviceNotices::NewDeviceNotices(Session *session, SyncThread *thread, SyncConnection *connection,
                                   QObject *parent)
    : QAbstractListModel(parent), m_session(session), m_thread(thread), m_connection(connection)
{
    connect(m_session, &Session::opened, this, &NewDeviceNotices::storeOpened);
    connect(m_session, &Session::closing, this, &NewDeviceNotices::storeClosing);
    connect(m_connection, &SyncConnection::enrolmentCompleted, this, &NewDeviceNotices::refresh);
    if (m_session->store())
        storeOpened();
}

int NewDeviceNotices::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QString NewDeviceNotices::whenText(const QDateTime &at)
{
    return QLocale().toString(at.toLocalTime(), QStringLiteral("d MMM HH:mm"));
}

QVariant NewDeviceNotices::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &r = m_rows.at(index.row());
    switch (role) {
    case DeviceIdRole:
        return idText(r.id);
    case NameRole:
        return r.name;
    case PlatformRole:
        return r.platform;
    case WhenTextRole:
        return whenText(r.enrolledAt);
    case StateRole:
        return r.state;
    case StateTextRole:
        if (r.state == QLatin1String("pending"))
            return tr("Asks to join your devices and waits for your approval.");
        if (r.state == QLatin1String("approved"))
            return tr("Approved: it has your keys.");
        return tr("Enrolled with the recovery key. If this was not you, ask your administrator "
                  "to revoke it.");
    default:
        return {};
    }
}

QHash<int, QByteArray> NewDeviceNotices::roleNames() const
{
    return {{DeviceIdRole, "deviceId"}, {NameRole, "name"},         {PlatformRole, "platform"},
            {WhenTextRole, "whenText"}, {StateRole, "deviceState"}, {StateTextRole, "stateText"}};
}

QString NewDeviceNotices::pendingNotice() const
{
    for (const Row &r : m_rows)
        if (r.state == QLatin1String("pending"))
            return tr("A new device asks to join: %1, %2").arg(r.name, whenText(r.enrolledAt));
    return {};
}

void NewDeviceNotices::storeOpened()
{
    if (m_connection->enrolled())
        refresh();
}

void NewDeviceNotices::storeClosing()
{
    m_asking = false;
    setBusy(false);
    setActionError({});
    showListed({});
}

void NewDeviceNotices::refresh()
{
    if (m_asking || !m_session->store() || !m_connection->enrolled())
        return;
    m_asking = true;
    m_lastAsked.start();
    m_thread->run<NewDeviceList>(
        this, [](SyncWorker &w) { return w.newDevices(); },
        [this](NewDeviceList list) { listed(list); });
}

void NewDeviceNotices::syncRunFinished()
{
    if (!m_lastAsked.isValid() || m_lastAsked.elapsed() >= RefreshAfterRunMs)
        refresh();
}

void NewDeviceNotices::listed(const NewDeviceList &list)
{
    if (!m_asking)
        return; // locked meanwhile
    m_asking = false;
    if (!list.listed)
        return; // the list shown stays; asked again after the next run
    showListed(list.devices);
}

void NewDeviceNotices::showListed(const QList<wire::NewDevice> &devices)
{
    QList<Row> rows;
    for (const wire::NewDevice &d : devices)
        rows.append({d.deviceId, d.name, d.platform,
                     QDateTime::fromMSecsSinceEpoch(d.enrolledAtMs, Qt::UTC), d.state,
                     d.requestKey});
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
    Q_EMIT countChanged();
}

int NewDeviceNotices::rowOf(const QUuid &id) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).id == id)
            return i;
    return -1;
}

QVariantMap NewDeviceNotices::device(const QString &deviceId) const
{
    const int row = rowOf(idFromText(deviceId));
    if (row < 0)
        return {};
    const QModelIndex i = index(row);
    return {{QStringLiteral("deviceId"), deviceId},
            {QStringLiteral("name"), data(i, NameRole)},
            {QStringLiteral("platform"), data(i, PlatformRole)},
            {QStringLiteral("whenText"), data(i, WhenTextRole)},
            {QStringLiteral("state"), data(i, StateRole)}};
}

void NewDeviceNotices::dismiss(const QString &deviceId)
{
    const QUuid id = idFromText(deviceId);
    const int row = rowOf(id);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    endRemoveRows();
    Q_EMIT countChanged();
    // Kept in the sync identity, which the sync thread holds.
    m_thread->post([id](SyncWorker &w) { (void)w.dismissNewDevice(id); });
}

bool NewDeviceNotices::approve(const QString &deviceId, const QString &typedNumber)
{
    if (m_busy)
        return false;
    const QUuid id = idFromText(deviceId);
    const int row = rowOf(id);
    if (row < 0 || m_rows.at(row).state != QLatin1String("pending")) {
        setActionError([] { return tr("This device does not wait for approval."); });
        return false;
    }
    if (!sync::NewDeviceApproval::numberMatches(m_rows.at(row).requestKey, typedNumber)) {
        setActionError([] {
            return tr("These are not the numbers the new device shows. Nothing was sent: check "
                      "each group on the new device and type them again.");
        });
        return false;
    }
    setActionError({});
    setBusy(true);
    m_thread->run<Status>(
        this, [id, typedNumber](SyncWorker &w) { return w.approveDevice(id, typedNumber); },
        [this, deviceId](Status s) {
            setBusy(false);
            if (!s) {
                setActionError([e = s.error()] { return failureText(e); });
                return;
            }
            if (const int r = rowOf(idFromText(deviceId)); r >= 0) {
                m_rows[r].state = QStringLiteral("approved");
                m_rows[r].requestKey.clear();
                Q_EMIT dataChanged(index(r), index(r));
                Q_EMIT countChanged(); // the pending notice
            }
            Q_EMIT approved(deviceId);
        });
    return true;
}

void NewDeviceNotices::deny(const QString &deviceId)
{
    if (m_busy)
        return;
    const QUuid id = idFromText(deviceId);
    setActionError({});
    setBusy(true);
    m_thread->run<Status>(
        this, [id](SyncWorker &w) { return w.denyDevice(id); },
        [this, deviceId, id](Status s) {
            setBusy(false);
            if (!s) {
                setActionError([e = s.error()] { return failureText(e); });
                return;
            }
            // Revoked: the server lists it no more.
            if (const int r = rowOf(id); r >= 0) {
                beginRemoveRows({}, r, r);
                m_rows.removeAt(r);
                endRemoveRows();
                Q_EMIT countChanged();
            }
            Q_EMIT denied(deviceId);
        });
}

void NewDeviceNotices::clearActionError()
{
    setActionError({});
}

void NewDeviceNotices::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    Q_EMIT busyChanged();
}

void NewDeviceNotices::setActionError(std::function<QString()> text)
{
    const QString before = actionError();
    m_actionErrorText = std::move(text);
    if (actionError() != before)
        Q_EMIT actionErrorChanged();
}

void NewDeviceNotices::retranslate()
{
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(m_rows.size()) - 1));
    Q_EMIT countChanged();
    Q_EMIT actionErrorChanged();
}

} // namespace wp::client
