// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// This device's connection to the sync server, as QML sees it (`App.connection`): whether it
// is enrolled and with which server, and enrolling it (the server address and a one-time
// code, then the user's keys). On the user's first device the keys are made with a new
// recovery key when the user is ready to write it down; it is shown once and checked (one group
// typed back) before the enrolment ends; a later device asks for that key. The flow itself is
// sync::Enrolment, run on the sync thread; this keeps the form's state, its validation and the
// messages the user reads (SyncMessages.h). The credentials are saved as soon as the code is
// redeemed, so a lock or a restart before the keys are set up resumes at the key step.
//
// How syncing goes once enrolled is SyncStatus (`App.sync`).

#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include <functional>
#include <map>
#include <memory>

namespace wp::crypto {
class RecoveryKey;
}

namespace wp::client {

class Session;
class SyncThread;
class SyncWorker;
struct EnrolmentReply;

class SyncConnection : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by App")
    Q_PROPERTY(bool enrolled READ enrolled NOTIFY enrolledChanged)
    Q_PROPERTY(QString serverUrl READ serverUrl NOTIFY serverUrlChanged)
    Q_PROPERTY(EnrolStep enrolStep READ enrolStep NOTIFY enrolStepChanged)
    // Talking to the server (Redeeming, SettingUpKeys, RequestingApproval).
    Q_PROPERTY(bool busy READ busy NOTIFY enrolStepChanged)
    // At a key step: this is the user's first device (Waypoint makes the keys and the
    // recovery key) rather than a later one (type the recovery key shown on the first).
    Q_PROPERTY(bool firstDevice READ firstDevice NOTIFY enrolStepChanged)
    // At ShowRecoveryKey and CheckRecoveryKey: the new recovery key's groups, to write down.
    Q_PROPERTY(QStringList recoveryKeyGroups READ recoveryKeyGroups NOTIFY enrolStepChanged)
    // The same key as a QR code: rows of '1' (dark) and '0' modules; empty when none.
    Q_PROPERTY(QStringList recoveryKeyQr READ recoveryKeyQr NOTIFY enrolStepChanged)
    // At AwaitApproval: this device's request fingerprint, six groups of five digits, to be
    // compared on the device that approves it; empty when no request was made.
    Q_PROPERTY(
        QString approvalFingerprint READ approvalFingerprint NOTIFY approvalFingerprintChanged)
    Q_PROPERTY(QStringList approvalFingerprintGroups READ approvalFingerprintGroups NOTIFY
                   approvalFingerprintChanged)
    // At CheckRecoveryKey: the group (1-based) the user types back from what they wrote.
    Q_PROPERTY(int checkGroup READ checkGroup NOTIFY enrolStepChanged)
    // Field name ("server", "code", "recoveryKey", "check") to the problem with it.
    Q_PROPERTY(QVariantMap enrolErrors READ enrolErrors NOTIFY enrolErrorsChanged)
    // Why the last step did not go through, or what to do now; empty when all is well.
    Q_PROPERTY(QString enrolMessage READ enrolMessage NOTIFY enrolMessageChanged)
    // What this device is called: sent to the server at enrolment, so an administrator can
    // tell a worker's devices apart. The machine's host name until the worker names it; kept
    // in the encrypted store. Empty while locked.
    Q_PROPERTY(QString deviceName READ deviceName NOTIFY deviceNameChanged)
    // Once this device has the user's keys: their fingerprint, six groups of five digits, as
    // `waypointctl keys` and the people the user syncs with see it. Empty otherwise.
    Q_PROPERTY(QString keyFingerprint READ keyFingerprint NOTIFY keyFingerprintChanged)
    // Who this device is for, as the server said: "Sam Taylor", "Riverside Outreach", and the
    // role ("worker", "supervisor", "admin"). Empty before enrolment, or until the server says.
    Q_PROPERTY(QString userName READ userName NOTIFY profileChanged)
    Q_PROPERTY(QString organisationName READ organisationName NOTIFY profileChanged)
    Q_PROPERTY(QString userRole READ userRole NOTIFY profileChanged)
    // The same in one line for the sync page: "Sam Taylor · Riverside Outreach", the role
    // after the name for a supervisor. Empty when there is nothing to say.
    Q_PROPERTY(QString enrolledFor READ enrolledFor NOTIFY profileChanged)
    // The worker renamed this device and the server does not have the name yet: it goes at
    // the next sync.
    Q_PROPERTY(bool deviceNameWaiting READ deviceNameWaiting NOTIFY profileChanged)

public:
    enum EnrolStep {
        EnterCode,        // server address and one-time code
        Redeeming,        // talking to the server
        MakeKeys,         // first device of this user: ready to make the keys and the key
        EnterRecoveryKey, // later device: type the recovery key shown on the first
        SettingUpKeys,    // Argon2id and key upload or restore
        ShowRecoveryKey,  // the new recovery key, shown once: write it down
        CheckRecoveryKey, // type back one group of it before finishing
        // A later device, instead of typing the recovery key (docs/protocol.md, "Approval by
        // an existing device"):
        ChooseKeyWay,       // approval by another device (recommended) or the recovery key
        RequestingApproval, // sending the request
        AwaitApproval,      // the request fingerprint shown; asking until the keys come
    };
    Q_ENUM(EnrolStep)

    SyncConnection(Session *session, SyncThread *thread, QObject *parent = nullptr);

    bool enrolled() const { return m_enrolled; }
    QString serverUrl() const { return m_serverUrl; }
    EnrolStep enrolStep() const { return m_step; }
    bool busy() const
    {
        return m_step == Redeeming || m_step == SettingUpKeys || m_step == RequestingApproval;
    }
    QString approvalFingerprint() const { return m_approvalFingerprint; }
    QStringList approvalFingerprintGroups() const;
    bool firstDevice() const { return m_firstDevice; }
    QStringList recoveryKeyGroups() const;
    QStringList recoveryKeyQr() const;
    int checkGroup() const { return m_checkGroup; }
    QVariantMap enrolErrors() const { return m_errors; }
    QString enrolMessage() const { return m_message; }
    QString deviceName() const { return m_deviceName; }
    QString keyFingerprint() const { return m_keyFingerprint; }
    QString userName() const { return m_enrolled ? m_profile.userName : QString(); }
    QString organisationName() const { return m_enrolled ? m_profile.organisationName : QString(); }
    QString userRole() const { return m_enrolled ? m_profile.role : QString(); }
    QString enrolledFor() const;
    bool deviceNameWaiting() const { return m_enrolled && m_profile.nameWaiting; }

    // Names this device (trimmed; 1 to 64 characters, no control character). False, with
    // enrolErrors' "deviceName" saying why, when the name is refused or cannot be kept. An
    // enrolled device sends it to the server, at once or at the next sync.
    Q_INVOKABLE bool setDeviceName(const QString &name);
    // The worker is changing a field whose problem is shown: the problem goes.
    Q_INVOKABLE void clearEnrolError(const QString &field);

    // The user's supervisors' display names as the last sync learnt them (the words on who
    // can read an entry: EntryReaders), and whether a sync has said who they are at all.
    QStringList supervisors() const { return m_supervisors; }
    bool supervisorsLearnt() const { return m_supervisorsLearnt; }
    // Reads what the last sync learnt into the identity: the supervisors
    // (SyncIdentity::supervisors), who the device is for and whether its new name waits.
    void refreshIdentity();

    // Step 1: the server address and the code (or the QR code's text pasted whole).
    Q_INVOKABLE void enrol(const QString &serverUrl, const QString &code);
    // MakeKeys: makes the keys and the recovery key, then shows the key (ShowRecoveryKey).
    Q_INVOKABLE void makeKeys();
    // EnterRecoveryKey: the recovery key as typed (any case, spaces or dashes).
    Q_INVOKABLE void restoreKeys(const QString &recoveryKey);
    // ChooseKeyWay: asks the user's other devices to approve this one, then shows the request
    // fingerprint (AwaitApproval) and asks the server in the background until the keys come
    // (the enrolment completes), the device is denied (it wipes itself, as when revoked), or
    // the person turns to the recovery key. Lock and restart resume the waiting.
    Q_INVOKABLE void askApproval();
    // ChooseKeyWay or AwaitApproval -> EnterRecoveryKey; a request made stays until the keys
    // are restored, then it is withdrawn.
    Q_INVOKABLE void useRecoveryKey();
    // EnterRecoveryKey -> back to the choice, or to the waiting when a request was made.
    Q_INVOKABLE void askAnotherDevice();
    // ShowRecoveryKey -> CheckRecoveryKey, and back.
    Q_INVOKABLE void recoveryKeyWrittenDown();
    Q_INVOKABLE void showRecoveryKeyAgain();
    // CheckRecoveryKey: the group checkGroup as the user typed it from what they wrote; when
    // it matches, the key is forgotten and the enrolment is complete.
    Q_INVOKABLE void confirmRecoveryKey(const QString &group);
    // Gives up an enrolment waiting at a key step: the saved credentials go too, so the
    // next one needs a new code.
    Q_INVOKABLE void cancelEnrolment();
    // "waypoint:enrol?code=CODE&server=URL" (the QR code's text) or a bare code:
    // {code, server} (server empty when the text has none).
    Q_INVOKABLE QVariantMap parseEnrolText(const QString &text) const;

    // The messages and field problems shown again in the language now installed.
    void retranslate();

    // The server revoked this device (SyncStatus saw it during a sync, or an enrolment step):
    // it is no longer enrolled, and the session wipes the store once the run is over.
    void deviceRevoked();

Q_SIGNALS:
    void enrolledChanged();
    void serverUrlChanged();
    void supervisorsChanged();
    void enrolStepChanged();
    void enrolErrorsChanged();
    void enrolMessageChanged();
    void deviceNameChanged();
    void keyFingerprintChanged();
    void approvalFingerprintChanged();
    void profileChanged();
    // An enrolment finished: this device has its keys and can sync.
    void enrolmentCompleted();

private:
    void storeOpened();
    void storeClosing();
    void finishRedeem(const EnrolmentReply &reply);
    void finishKeys(const EnrolmentReply &reply);
    void startKeys(std::function<EnrolmentReply(SyncWorker &)> job);
    void completeEnrolment();
    EnrolStep keyStep() const { return m_firstDevice ? MakeKeys : EnterRecoveryKey; }
    // What the form says is kept as how to write it, so a language change rewrites it.
    using Text = std::function<QString()>;
    using Texts = std::map<QString, Text>; // field name to its problem
    void setStep(EnrolStep step, Text message = {}, Texts errors = {});
    void showTexts();
    void setEnrolled(bool enrolled);
    void setServerUrl(const QString &url);
    void setKeyFingerprint(const QString &fingerprint);
    void setDeviceNameShown(const QString &name);
    // A later device's first key step: waiting when a request was made, else the choice.
    void startRestore(const QString &savedFingerprint, Text message = {});
    void awaitApproval(Text message = {});
    void pollApproval();
    void finishApprovalRequest(const EnrolmentReply &reply);
    void finishApprovalCheck(const EnrolmentReply &reply);
    void stopApprovalPoll();
    void setApprovalFingerprint(const QString &fingerprint);

    Session *m_session;
    SyncThread *m_thread;
    bool m_enrolled = false;
    QString m_serverUrl;
    QStringList m_supervisors; // display names
    bool m_supervisorsLearnt = false;
    EnrolStep m_step = EnterCode;
    bool m_firstDevice = true;
    QVariantMap m_errors;
    QString m_message;
    Text m_messageText;
    Texts m_errorTexts;
    QString m_deviceName;
    QString m_keyFingerprint;
    struct Profile
    {
        QString userName;
        QString organisationName;
        QString role;
        bool nameWaiting = false;
        bool operator==(const Profile &) const = default;
    };
    Profile m_profile;
    // Held from the moment the keys are made until the user has typed one group back.
    std::shared_ptr<const crypto::RecoveryKey> m_recoveryKey;
    int m_checkGroup = 0;
    QString m_approvalFingerprint;
    QTimer *m_approvalPoll;
    bool m_checkingApproval = false; // a check is on the sync thread
};

} // namespace wp::client
