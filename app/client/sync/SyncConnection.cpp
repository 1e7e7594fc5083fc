// SPDX-License-Identifier: GPL-3.0-or-later
#include "SyncConnection.h"

#include "DeviceProfile.h"
#include "ServerAddress.h"
#include "Session.h"
#include "Store.h"
#include "SyncMessages.h"
#include "SyncThread.h"

#include <QLocale>
#include <QSysInfo>
#include <QUrl>
#include <QUrlQuery>

#include <qrencode.h>
#include <sodium.h>

namespace wp::client {

using sync::Enrolment;
using Outcome = sync::Enrolment::Outcome;

namespace {
const QString DeviceNameSecret = QStringLiteral("device_name");
} // namespace

SyncConnection::SyncConnection(Session *session, SyncThread *thread, QObject *parent)
    : QObject(parent), m_session(session), m_thread(thread), m_approvalPoll(new QTimer(this))
{
    m_approvalPoll->setInterval(m_thread->options().approvalPollMs);
    connect(m_approvalPoll, &QTimer::timeout, this, &SyncConnection::pollApproval);
    connect(m_session, &Session::opened, this, &SyncConnection::storeOpened);
    connect(m_session, &Session::closing, this, &SyncConnection::storeClosing);
    if (m_session->store())
        storeOpened();
}

void SyncConnection::storeOpened()
{
    auto identity = sync::SyncIdentity::load(*m_session->store());
    const Enrolment::Step step =
        identity ? Enrolment::stepOf(*identity) : Enrolment::Step::RedeemCode;
    setServerUrl(identity ? identity->credentials.serverUrl : QString());
    setKeyFingerprint(identity && identity->hasKeys() ? identity->keys.fingerprint() : QString());
    setEnrolled(step == Enrolment::Step::Done);
    QString name;
    if (auto saved = m_session->store()->deviceSecret(DeviceNameSecret))
        name = QString::fromUtf8(saved->view().data(), qsizetype(saved->view().size()));
    setDeviceNameShown(name.isEmpty() ? QSysInfo::machineHostName() : name);
    refreshIdentity();
    // Enrolment stopped between its two steps (locked, or the app closed): the code is spent
    // and the credentials saved, so it resumes at the key step.
    if (step == Enrolment::Step::MakeKeys || step == Enrolment::Step::RestoreKeys) {
        m_firstDevice = step == Enrolment::Step::MakeKeys;
        if (m_firstDevice)
            setStep(keyStep());
        else // waiting for an approval goes on from where it was
            startRestore(identity->approvalRequest.publicKey.isEmpty()
                             ? QString()
                             : crypto::requestFingerprint(identity->approvalRequest.publicKey));
    }
}

void SyncConnection::storeClosing()
{
    stopApprovalPoll();
    setApprovalFingerprint({});
    setDeviceNameShown({});
    setKeyFingerprint({});
    if (!(m_profile == Profile{})) {
        m_profile = {};
        Q_EMIT profileChanged();
    }
    // The sync thread forgets an enrolment in memory (SyncThread); it resumes from the store.
    if (m_step != EnterCode || !m_message.isEmpty() || !m_errors.isEmpty())
        setStep(EnterCode);
}

void SyncConnection::refreshIdentity()
{
    QStringList names;
    bool learnt = false;
    Profile profile;
    if (m_session->store()) {
        if (auto identity = sync::SyncIdentity::load(*m_session->store()); identity) {
            learnt = identity->supervisorsLearnt;
            for (const wire::Supervisor &v : std::as_const(identity->supervisors))
                names.append(v.displayName);
            profile = {identity->userName, identity->organisationName, identity->credentials.role,
                       !identity->pendingDeviceName.isEmpty()};
        }
    }
    if (!(profile == m_profile)) {
        m_profile = profile;
        Q_EMIT profileChanged();
    }
    if (names == m_supervisors && learnt == m_supervisorsLearnt)
        return;
    m_supervisors = names;
    m_supervisorsLearnt = learnt;
    Q_EMIT supervisorsChanged();
}

QString SyncConnection::enrolledFor() const
{
    QString who = userName();
    if (!who.isEmpty() && userRole() == QLatin1String("supervisor"))
        who = tr("%1 (supervisor)", "the user's name and role on the sync page").arg(who);
    if (organisationName().isEmpty())
        return who;
    if (who.isEmpty())
        return organisationName();
    return tr("%1 \u00b7 %2", "the user's name, then their organisation's")
        .arg(who, organisationName());
}

void SyncConnection::setEnrolled(bool enrolled)
{
    if (m_enrolled == enrolled)
        return;
    m_enrolled = enrolled;
    Q_EMIT enrolledChanged();
    Q_EMIT profileChanged(); // shown only while enrolled
}

void SyncConnection::setServerUrl(const QString &url)
{
    if (m_serverUrl == url)
        return;
    m_serverUrl = url;
    Q_EMIT serverUrlChanged();
}

void SyncConnection::setKeyFingerprint(const QString &fingerprint)
{
    if (m_keyFingerprint == fingerprint)
        return;
    m_keyFingerprint = fingerprint;
    Q_EMIT keyFingerprintChanged();
}

void SyncConnection::setDeviceNameShown(const QString &name)
{
    if (m_deviceName == name)
        return;
    m_deviceName = name;
    Q_EMIT deviceNameChanged();
}

bool SyncConnection::setDeviceName(const QString &typed)
{
    Store *store = m_session->store();
    const QString name = typed.simplified();
    const auto refuse = [this](Text why) {
        Texts errors = m_errorTexts;
        errors[QStringLiteral("deviceName")] = std::move(why);
        setStep(m_step, m_messageText, std::move(errors));
        return false;
    };
    if (!store)
        return false;
    using Problem = sync::DeviceProfile::NameProblem;
    switch (sync::DeviceProfile::problemWith(name)) {
    case Problem::Empty:
        return refuse([] { return tr("Give this device a name, like \u201cWork phone\u201d."); });
    case Problem::TooLong:
        return refuse(
            [] { return tr("Use at most %n characters.", "", int(wire::limits::MaxDeviceName)); });
    case Problem::ControlCharacter: // simplified() leaves none but the rarest
        return refuse([] { return tr("Use letters, digits and spaces."); });
    case Problem::None:
        break;
    }
    QByteArray bytes = name.toUtf8();
    if (!store->putDeviceSecret(DeviceNameSecret, SecretBytes::takeFrom(bytes)))
        return refuse([] { return tr("The name could not be saved on this phone."); });
    clearEnrolError(QStringLiteral("deviceName"));
    setDeviceNameShown(name);
    if (m_enrolled) {
        // Waiting until the server has it; the sync thread keeps it for the next sync when
        // the server cannot be reached now.
        if (!m_profile.nameWaiting) {
            m_profile.nameWaiting = true;
            Q_EMIT profileChanged();
        }
        m_thread->run<bool>(
            this, [name](SyncWorker &w) { return w.renameDevice(name); },
            [this](bool) { refreshIdentity(); });
    }
    return true;
}

void SyncConnection::clearEnrolError(const QString &field)
{
    Texts errors = m_errorTexts;
    if (errors.erase(field) == 0)
        return;
    setStep(m_step, m_messageText, std::move(errors));
}

void SyncConnection::setStep(EnrolStep step, Text message, Texts errors)
{
    if (step != ShowRecoveryKey && step != CheckRecoveryKey)
        m_recoveryKey.reset(); // shown once: gone when the screen is left (or the app locks)
    const bool stepChanged = m_step != step;
    m_step = step;
    m_messageText = std::move(message);
    m_errorTexts = std::move(errors);
    if (stepChanged)
        Q_EMIT enrolStepChanged();
    showTexts();
}

void SyncConnection::showTexts()
{
    const QString message = m_messageText ? m_messageText() : QString();
    QVariantMap errors;
    for (const auto &[field, text] : m_errorTexts)
        errors.insert(field, text());
    const bool errorsChanged = m_errors != errors;
    const bool messageChanged = m_message != message;
    m_message = message;
    m_errors = errors;
    if (errorsChanged)
        Q_EMIT enrolErrorsChanged();
    if (messageChanged)
        Q_EMIT enrolMessageChanged();
}

void SyncConnection::retranslate()
{
    showTexts();
    Q_EMIT profileChanged(); // enrolledFor's words
}

void SyncConnection::deviceRevoked()
{
    stopApprovalPoll();
    setApprovalFingerprint({});
    setEnrolled(false);
    setServerUrl({});
    setStep(EnterCode);
    // After the run that learnt it has finished with the store.
    QMetaObject::invokeMethod(m_session, &Session::wipe, Qt::QueuedConnection);
}

QVariantMap SyncConnection::parseEnrolText(const QString &text) const
{
    const QString t = text.trimmed();
    QString code = t;
    QString server;
    if (t.startsWith(QLatin1String("waypoint:"), Qt::CaseInsensitive)) {
        const QUrl url(t);
        const QUrlQuery query(url);
        code = query.queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded);
        server = query.queryItemValue(QStringLiteral("server"), QUrl::FullyDecoded);
    }
    return {{QStringLiteral("code"), code.trimmed()}, {QStringLiteral("server"), server}};
}

void SyncConnection::enrol(const QString &serverUrl, const QString &codeText)
{
    if (busy() || m_enrolled || !m_session->store())
        return;
    const QVariantMap parsed = parseEnrolText(codeText);
    QString code = parsed.value(QStringLiteral("code")).toString();
    QString server = serverUrl.trimmed();
    if (server.isEmpty())
        server = parsed.value(QStringLiteral("server")).toString();

    Texts errors;
    const QUrl url(server, QUrl::StrictMode);
    const QString serverField = QStringLiteral("server");
    if (server.isEmpty())
        errors[serverField] = [] { return tr("Enter the server address."); };
    else if (const auto problem = sync::serverAddressProblem(url);
             problem == sync::ServerAddressProblem::NotAnAddress)
        errors[serverField] = [] { return tr("Enter an address like https://sync.example.org"); };
    else if (problem == sync::ServerAddressProblem::PlainHttpRemote)
        errors[serverField] = [] { return sync::plainHttpMessage(); };
    QString compact = code;
    compact.remove(u'-').remove(u' ');
    bool plausible = compact.size() == 16;
    for (QChar c : compact)
        plausible = plausible && c.isLetterOrNumber() && c.unicode() < 128;
    if (code.isEmpty())
        errors[QStringLiteral("code")] = [] { return tr("Enter the enrolment code."); };
    else if (!plausible)
        errors[QStringLiteral("code")] = [] {
            return tr("An enrolment code has 16 letters and digits, like ABCD-EFGH-JKMN-PQRS.");
        };
    if (!errors.empty()) {
        setStep(EnterCode, {}, std::move(errors));
        return;
    }
    while (server.endsWith(u'/'))
        server.chop(1);
    setServerUrl(server);
    setStep(Redeeming);
    m_thread->run<EnrolmentReply>(
        this,
        [server, compact, name = m_deviceName](SyncWorker &w) {
            return w.redeem(server, compact, name);
        },
        [this](EnrolmentReply reply) { finishRedeem(reply); });
}

void SyncConnection::finishRedeem(const EnrolmentReply &reply)
{
    if (m_step != Redeeming)
        return; // locked meanwhile
    if (reply.outcome != Outcome::Done) {
        if (!m_enrolled)
            setServerUrl({});
        setStep(EnterCode, [outcome = reply.outcome, cause = reply.cause] {
            return sync::enrolmentMessage(outcome, cause);
        });
        return;
    }
    m_firstDevice = reply.step == Enrolment::Step::MakeKeys;
    // The first device waits for the user to have pen and paper ready (makeKeys()); a later
    // one for the person to choose how the keys come.
    if (m_firstDevice)
        setStep(keyStep());
    else
        startRestore(reply.approvalFingerprint);
}

void SyncConnection::startKeys(std::function<EnrolmentReply(SyncWorker &)> job)
{
    setStep(SettingUpKeys);
    m_thread->run<EnrolmentReply>(this, std::move(job),
                                  [this](EnrolmentReply reply) { finishKeys(reply); });
}

void SyncConnection::makeKeys()
{
    if (m_step != MakeKeys)
        return;
    startKeys([](SyncWorker &w) { return w.makeKeys(); });
}

void SyncConnection::restoreKeys(const QString &recoveryKey)
{
    if (m_step != EnterRecoveryKey)
        return;
    if (recoveryKey.trimmed().isEmpty()) {
        setStep(m_step, {}, {{QStringLiteral("recoveryKey"), [] {
                                  return tr("Type the recovery key shown when your first "
                                            "device was set up.");
                              }}});
        return;
    }
    // A typo is named here, on this thread, before any network or Argon2id work.
    if (auto parsed = crypto::RecoveryKey::parse(recoveryKey); !parsed) {
        setStep(m_step, {}, {{QStringLiteral("recoveryKey"), [error = parsed.error()] {
                                  return sync::recoveryKeyMistypedMessage(error);
                              }}});
        return;
    }
    startKeys([recoveryKey](SyncWorker &w) { return w.restoreKeys(recoveryKey); });
}

void SyncConnection::finishKeys(const EnrolmentReply &reply)
{
    if (m_step != SettingUpKeys)
        return; // locked meanwhile
    if (reply.outcome == Outcome::Done) {
        if (reply.recoveryKey) {
            m_checkGroup = 1 + int(randombytes_uniform(crypto::RecoveryKey::Groups));
            setStep(ShowRecoveryKey);
            m_recoveryKey = reply.recoveryKey; // after setStep, which drops an older one
            Q_EMIT enrolStepChanged();
            return;
        }
        completeEnrolment();
        return;
    }
    const Text message = [outcome = reply.outcome, cause = reply.cause] {
        return sync::enrolmentMessage(outcome, cause);
    };
    switch (reply.step) {
    case Enrolment::Step::MakeKeys:
    case Enrolment::Step::RestoreKeys:
        // Still waiting for keys, perhaps at the other step now (KeysExistElsewhere,
        // NoBackupYet): the identity saved says which.
        m_firstDevice = reply.step == Enrolment::Step::MakeKeys;
        setStep(keyStep(), message);
        return;
    case Enrolment::Step::RedeemCode: // revoked, or the saved credentials are gone
        if (reply.outcome == Outcome::Revoked) {
            deviceRevoked();
            return;
        }
        setServerUrl({});
        setStep(EnterCode, message);
        return;
    case Enrolment::Step::Done:
        break;
    }
    setStep(keyStep(), message);
}

void SyncConnection::completeEnrolment()
{
    stopApprovalPoll();
    setApprovalFingerprint({});
    if (Store *store = m_session->store())
        if (auto identity = sync::SyncIdentity::load(*store); identity && identity->hasKeys())
            setKeyFingerprint(identity->keys.fingerprint());
    setEnrolled(true);
    refreshIdentity();
    setStep(EnterCode);
    Q_EMIT enrolmentCompleted();
}

QStringList SyncConnection::recoveryKeyGroups() const
{
    QStringList groups;
    if (!m_recoveryKey)
        return groups;
    for (int i = 0; i < crypto::RecoveryKey::Groups; ++i)
        groups << QString::fromLatin1(m_recoveryKey->group(i).view());
    return groups;
}

QStringList SyncConnection::recoveryKeyQr() const
{
    QStringList rows;
    if (!m_recoveryKey)
        return rows;
    const SecretBytes text = m_recoveryKey->text();
    QByteArray terminated(text.view().data(), text.view().size());
    terminated.append('\0');
    // Upper-case letters, digits and '-': libqrencode picks the alphanumeric mode, a small code.
    std::unique_ptr<QRcode, decltype(&QRcode_free)> qr(
        QRcode_encodeString(terminated.constData(), 0, QR_ECLEVEL_M, QR_MODE_8, 1), &QRcode_free);
    wipe(terminated);
    if (!qr)
        return rows;
    for (int y = 0; y < qr->width; ++y) {
        QString row(qr->width, u'0');
        for (int x = 0; x < qr->width; ++x)
            if (qr->data[y * qr->width + x] & 1)
                row[x] = u'1';
        rows << row;
    }
    return rows;
}

void SyncConnection::recoveryKeyWrittenDown()
{
    if (m_step == ShowRecoveryKey)
        setStep(CheckRecoveryKey);
}

void SyncConnection::showRecoveryKeyAgain()
{
    if (m_step == CheckRecoveryKey)
        setStep(ShowRecoveryKey);
}

void SyncConnection::confirmRecoveryKey(const QString &group)
{
    if (m_step != CheckRecoveryKey || !m_recoveryKey)
        return;
    // Read as a key is read: any case, no spaces or dashes, O for 0, I and L for 1.
    QString typed;
    for (QChar c : group) {
        if (c.isSpace() || c == u'-')
            continue;
        c = c.toUpper();
        typed += c == u'O' ? u'0' : (c == u'I' || c == u'L') ? u'1' : c;
    }
    const QString expected = QString::fromLatin1(m_recoveryKey->group(m_checkGroup - 1).view());
    if (typed != expected) {
        setStep(m_step, {}, {{QStringLiteral("check"), [group = m_checkGroup] {
                                  return tr("That is not group %1 of your recovery key. Look at "
                                            "what you wrote down, or show the key again.")
                                      .arg(group);
                              }}});
        return;
    }
    completeEnrolment();
}

void SyncConnection::cancelEnrolment()
{
    // Once the keys are made the enrolment is complete but for the check: nothing to cancel.
    if (busy() || m_step == ShowRecoveryKey || m_step == CheckRecoveryKey)
        return;
    stopApprovalPoll();
    setApprovalFingerprint({});
    m_thread->post([](SyncWorker &w) { w.cancelEnrolment(); });
    if (!m_enrolled) {
        if (m_session->store())
            (void)sync::SyncIdentity::forget(*m_session->store());
        setServerUrl({});
    }
    setStep(EnterCode);
}

} // namespace wp::client
