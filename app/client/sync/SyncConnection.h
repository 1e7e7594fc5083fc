// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// This device's connection to the sync server, as QML sees it (`App.connection`): whether it
// is enrolled and with which server, and enrolling it in two steps (the server address and a
// one-time code, then the recovery passphrase). The flow itself is sync::Enrolment, run on
// the sync thread; this keeps the form's state, its validation and the messages the user
// reads (SyncMessages.h). The credentials are saved as soon as the code is redeemed, so a
// lock or a restart before the keys are set up resumes at the passphrase step.
//
// How syncing goes once enrolled is SyncStatus (`App.sync`).

#include <QObject>
#include <QString>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

namespace wp::client {

class Session;
class SyncThread;
struct EnrolmentReply;

class SyncConnection : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by App")
    Q_PROPERTY(bool enrolled READ enrolled NOTIFY enrolledChanged)
    Q_PROPERTY(QString serverUrl READ serverUrl NOTIFY serverUrlChanged)
    Q_PROPERTY(EnrolStep enrolStep READ enrolStep NOTIFY enrolStepChanged)
    // Talking to the server (Redeeming, SettingUpKeys).
    Q_PROPERTY(bool busy READ busy NOTIFY enrolStepChanged)
    // At the passphrase step: this is the user's first device (choose a passphrase) rather
    // than a later one (type the passphrase chosen on the first).
    Q_PROPERTY(bool firstDevice READ firstDevice NOTIFY enrolStepChanged)
    // Field name ("server", "code", "passphrase", "confirm") to the problem with it.
    Q_PROPERTY(QVariantMap enrolErrors READ enrolErrors NOTIFY enrolErrorsChanged)
    // Why the last step did not go through, or what to do now; empty when all is well.
    Q_PROPERTY(QString enrolMessage READ enrolMessage NOTIFY enrolMessageChanged)

public:
    enum EnrolStep {
        EnterCode,        // server address and one-time code
        Redeeming,        // talking to the server
        ChoosePassphrase, // first device of this user: choose the recovery passphrase
        EnterPassphrase,  // later device: type the passphrase chosen on the first
        SettingUpKeys,    // Argon2id and key upload or restore
    };
    Q_ENUM(EnrolStep)

    SyncConnection(Session *session, SyncThread *thread, QObject *parent = nullptr);

    bool enrolled() const { return m_enrolled; }
    QString serverUrl() const { return m_serverUrl; }
    EnrolStep enrolStep() const { return m_step; }
    bool busy() const { return m_step == Redeeming || m_step == SettingUpKeys; }
    bool firstDevice() const { return m_firstDevice; }
    QVariantMap enrolErrors() const { return m_errors; }
    QString enrolMessage() const { return m_message; }

    // Step 1: the server address and the code (or the QR code's text pasted whole).
    Q_INVOKABLE void enrol(const QString &serverUrl, const QString &code);
    // Step 2: the recovery passphrase (typed twice on the first device; once on a later one).
    Q_INVOKABLE void setPassphrase(const QString &passphrase, const QString &confirm);
    // Gives up an enrolment waiting at the passphrase: the saved credentials go too, so the
    // next one needs a new code.
    Q_INVOKABLE void cancelEnrolment();
    // "waypoint:enrol?code=CODE&server=URL" (the QR code's text) or a bare code:
    // {code, server} (server empty when the text has none).
    Q_INVOKABLE QVariantMap parseEnrolText(const QString &text) const;

    // The server revoked this device (SyncStatus saw it during a sync, or an enrolment step):
    // it is no longer enrolled, and the session wipes the store once the run is over.
    void deviceRevoked();

Q_SIGNALS:
    void enrolledChanged();
    void serverUrlChanged();
    void enrolStepChanged();
    void enrolErrorsChanged();
    void enrolMessageChanged();
    // An enrolment finished: this device has its keys and can sync.
    void enrolmentCompleted();

private:
    void storeOpened();
    void storeClosing();
    void finishRedeem(const EnrolmentReply &reply);
    void finishKeys(const EnrolmentReply &reply);
    void setStep(EnrolStep step, const QString &message = {}, const QVariantMap &errors = {});
    void setEnrolled(bool enrolled);
    void setServerUrl(const QString &url);

    Session *m_session;
    SyncThread *m_thread;
    bool m_enrolled = false;
    QString m_serverUrl;
    EnrolStep m_step = EnterCode;
    bool m_firstDevice = true;
    QVariantMap m_errors;
    QString m_message;
};

} // namespace wp::client
