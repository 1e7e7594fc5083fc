// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The user's new devices, as this device is told about them (`App.newDevices`;
// docs/protocol.md, "Approval by an existing device"): one notice per device enrolled after
// this one, until the person dismisses it. A device that waits can be approved, once the
// person has typed the six groups of digits it shows (compared in constant time by the sync
// layer; a mismatch sends nothing), or denied (the server revokes it and it erases itself).
// The list comes from the server on the sync thread: when the store opens, after sync runs
// (at most once a minute) and when the sync page asks.

#include <QAbstractListModel>
#include <QDateTime>
#include <QElapsedTimer>
#include <QList>
#include <QUuid>
#include <QtQml/qqmlregistration.h>

#include <functional>

namespace wp::wire {
struct NewDevice;
}

namespace wp::client {

class Session;
class SyncConnection;
class SyncThread;
struct NewDeviceList;

class NewDeviceNotices : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by App")
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    // For Today: "A new device asks to join: Pixel 8, 7 Dec 21:40" for the oldest device that
    // waits for approval; empty when none waits.
    Q_PROPERTY(QString pendingNotice READ pendingNotice NOTIFY countChanged)
    // An approval or denial on its way to the server.
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    // Why the last approval or denial did not go through (the typed number does not match,
    // the server cannot be reached...); empty otherwise.
    Q_PROPERTY(QString actionError READ actionError NOTIFY actionErrorChanged)

public:
    enum Roles {
        DeviceIdRole = Qt::UserRole,
        NameRole,     // as the new device named itself
        PlatformRole, // "android", "debian"...
        WhenTextRole, // when it was enrolled: "7 Dec 21:40"
        StateRole,    // "pending", "approved", "unapproved"
        StateTextRole // what that means, in a sentence
    };
    Q_ENUM(Roles)

    NewDeviceNotices(Session *session, SyncThread *thread, SyncConnection *connection,
                     QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    int count() const { return int(m_rows.size()); }
    QString pendingNotice() const;
    bool busy() const { return m_busy; }
    QString actionError() const { return m_actionErrorText ? m_actionErrorText() : QString(); }

    // Asks the server again (the sync page opening).
    Q_INVOKABLE void refresh();
    // A sync run finished: asks again when the last answer is more than a minute old.
    void syncRunFinished();
    // The notice of `deviceId` goes, on this device, for good.
    Q_INVOKABLE void dismiss(const QString &deviceId);
    // The device's name, platform, enrolment time and state, for the approve page; empty
    // when it is not listed.
    Q_INVOKABLE QVariantMap device(const QString &deviceId) const;
    // Approves a waiting device with the six groups as the person typed them. False (and
    // actionError says why) when they are not the ones it shows: nothing is sent then. True
    // when the approval is on its way: approved() or actionError follows.
    Q_INVOKABLE bool approve(const QString &deviceId, const QString &typedNumber);
    // Denies a waiting device: the server revokes it. denied() or actionError follows.
    Q_INVOKABLE void deny(const QString &deviceId);
    Q_INVOKABLE void clearActionError();

    // The list as if the server had said it (the screenshots and the screen tests, which
    // have no second device).
    void showListed(const QList<wire::NewDevice> &devices);
    void retranslate();

Q_SIGNALS:
    void countChanged();
    void busyChanged();
    void actionErrorChanged();
    void approved(const QString &deviceId);
    void denied(const QString &deviceId);

private:
    struct Row
    {
        QUuid id;
        QString name;
        QString platform;
        QDateTime enrolledAt;
        QString state;
        QByteArray requestKey;
    };
    void storeOpened();
    void storeClosing();
    void listed(const NewDeviceList &list);
    void setBusy(bool busy);
    void setActionError(std::function<QString()> text);
    int rowOf(const QUuid &id) const;
    static QString whenText(const QDateTime &at);

    Session *m_session;
    SyncThread *m_thread;
    SyncConnection *m_connection;
    QList<Row> m_rows;
    bool m_busy = false;
    bool m_asking = false;
    QElapsedTimer m_lastAsked;
    std::function<QString()> m_actionErrorText;
};

} // namespace wp::client
