// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Whether the app may show records (`App.lease`): a device that has not reached its server
// for longer than its organisation's offline lease (docs/security.md, "Offline lease") shows
// the "Check in" screen instead, once unlocked. Only the screens are gated: the store, the
// outbox and the drafts stay as they are, and a successful sync opens the app again.
//
// Read when the store opens, after every sync run, when enrolment changes, and every few
// minutes while unlocked (the lease can run out while the app is open).

#include <QObject>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

namespace wp::client {

class Session;
class SyncConnection;
class SyncStatus;

class OfflineLeaseGate : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by App")
    // Out of lease: show the "Check in" screen, not the records.
    Q_PROPERTY(bool locked READ locked NOTIFY lockedChanged)
    // The organisation's lease in days, as last told by the server (0: none).
    Q_PROPERTY(int days READ days NOTIFY daysChanged)
    // A check-in is running.
    Q_PROPERTY(bool checking READ checking NOTIFY checkingChanged)
    // Why the last check-in did not open the app ("" when it has not failed).
    Q_PROPERTY(QString problem READ problem NOTIFY problemChanged)

public:
    OfflineLeaseGate(Session *session, SyncConnection *connection, SyncStatus *sync,
                     QObject *parent = nullptr);

    bool locked() const { return m_locked; }
    int days() const { return m_days; }
    bool checking() const { return m_checking; }
    QString problem() const { return m_problem; }

    // Runs a sync now; on success the app opens as usual.
    Q_INVOKABLE void checkIn();
    // Reads the lease again against the clock.
    void evaluate();

Q_SIGNALS:
    void lockedChanged();
    void daysChanged();
    void checkingChanged();
    void problemChanged();

private:
    void runFinished();
    void setProblem(const QString &problem);

    Session *m_session;
    SyncConnection *m_connection;
    SyncStatus *m_sync;
    QTimer m_recheck;
    bool m_locked = false;
    int m_days = 0;
    bool m_checking = false;
    QString m_problem;
};

} // namespace wp::client
