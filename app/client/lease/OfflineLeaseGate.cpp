// SPDX-License-Identifier: GPL-3.0-or-later
#include "OfflineLeaseGate.h"

#include "OfflineLease.h"
#include "Session.h"
#include "Store.h"
#include "SyncConnection.h"
#include "SyncStatus.h"

#include <QDateTime>

namespace wp::client {

OfflineLeaseGate::OfflineLeaseGate(Session *session, SyncConnection *connection, SyncStatus *sync,
                                   QObject *parent)
    : QObject(parent), m_session(session), m_connection(connection), m_sync(sync)
{
    m_recheck.setInterval(5 * 60 * 1000);
    connect(&m_recheck, &QTimer::timeout, this, &OfflineLeaseGate::evaluate);
    connect(m_session, &Session::opened, this, [this] {
        evaluate();
        m_recheck.start();
    });
    connect(m_session, &Session::closing, this, [this] {
        m_recheck.stop();
        setProblem({});
        evaluate();
    });
    connect(m_connection, &SyncConnection::enrolledChanged, this, &OfflineLeaseGate::evaluate);
    connect(m_sync, &SyncStatus::runFinished, this, &OfflineLeaseGate::runFinished);
    evaluate();
}

void OfflineLeaseGate::evaluate()
{
    Store *store = m_session->store();
    bool locked = false;
    int days = m_days;
    if (store) {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        // The ratchet moves with every reading, so a clock set back later gains nothing.
        if (auto lease = OfflineLease(store->database()).observe(now)) {
            days = lease->days;
            locked = lease->isOut(m_connection->enrolled(), now);
        }
    }
    if (days != m_days) {
        m_days = days;
        Q_EMIT daysChanged();
    }
    if (locked != m_locked) {
        m_locked = locked;
        Q_EMIT lockedChanged();
    }
}

void OfflineLeaseGate::checkIn()
{
    if (!m_locked || m_checking)
        return;
    setProblem({});
    m_checking = true;
    Q_EMIT checkingChanged();
    m_sync->syncNow();
}

void OfflineLeaseGate::runFinished()
{
    evaluate();
    if (!m_checking)
        return;
    m_checking = false;
    Q_EMIT checkingChanged();
    if (!m_locked)
        return;
    setProblem(m_sync->state() == SyncStatus::Offline
                   ? tr("This phone is offline: connect to the internet and try again. "
                        "Nothing on this phone is lost.")
                   : tr("The server could not be reached: %1 Nothing on this phone is lost.")
                         .arg(m_sync->statusText()));
}

void OfflineLeaseGate::setProblem(const QString &problem)
{
    if (problem == m_problem)
        return;
    m_problem = problem;
    Q_EMIT problemChanged();
}

} // namespace wp::client
