// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Who can read a diary entry or a supervision note, in words, for the worker who wrote it
// (docs/protocol.md, "Sharing with supervisors"): "Only you", "You and Alex (supervisor)",
// "You and Alex, Sam (supervisors)". The supervisors are the worker's current ones as this
// device last learnt them from the key directory; a device that has not learnt them yet
// (offline since enrolment) says "You and your supervisor", and one assigned none says that
// sharing reaches no one. Supervision notes stay in the worker's private audience: only them.
// `App.readers`; SyncConnection feeds it what the last sync learnt.

#include <QObject>
#include <QString>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

namespace wp::client {

class EntryReaders : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by App")
    // How far a shared entry reaches from this device.
    Q_PROPERTY(Reach reach READ reach NOTIFY changed)
    // Who reads a shared diary entry, and a private one (or a supervision note).
    Q_PROPERTY(QString sharedText READ sharedText NOTIFY changed)
    Q_PROPERTY(QString privateText READ privateText NOTIFY changed)
    // The line under the share switch: what switching does, or why it reaches no one.
    Q_PROPERTY(QString sharedHint READ sharedHint NOTIFY changed)
    Q_PROPERTY(QString privateHint READ privateHint NOTIFY changed)

public:
    enum Reach {
        NotSyncing,   // the device is not enrolled: nothing leaves it
        NotLearnt,    // enrolled, but no sync has said who the supervisors are yet
        NoSupervisor, // the server said: none assigned, so sharing reaches no one
        Supervisors,  // the server named them
    };
    Q_ENUM(Reach)

    explicit EntryReaders(QObject *parent = nullptr);

    // What the device knows: whether it syncs, whether a sync has named the supervisors
    // (SyncIdentity::supervisorsLearnt) and their display names.
    void update(bool syncing, bool learnt, const QStringList &supervisors);

    Reach reach() const { return m_reach; }
    QStringList supervisors() const { return m_supervisors; }
    QString sharedText() const { return readers(true); }
    QString privateText() const { return readers(false); }
    QString sharedHint() const { return hint(true); }
    QString privateHint() const { return hint(false); }
    // The words for an entry shared or not.
    Q_INVOKABLE QString readers(bool shared) const;
    Q_INVOKABLE QString hint(bool shared) const;

Q_SIGNALS:
    void changed();

private:
    Reach m_reach = NotSyncing;
    QStringList m_supervisors;
};

} // namespace wp::client
