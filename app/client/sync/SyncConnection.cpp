// SPDX-License-Identifier: GPL-3.0-or-later
#include "SyncConnection.h"

#include "RecoveryPassphrase.h"
#include "ServerAddress.h"
#include "Session.h"
#include "Store.h"
#include "SyncMessages.h"
#include "SyncThread.h"

#include <QUrl>
#include <QUrlQuery>

namespace wp::client {

using sync::Enrolment;
using Outcome = sync::Enrolment::Outcome;

SyncConnection::SyncConnection(Session *session, SyncThread *thread, QObject *parent)
    : QObject(parent), m_session(session), m_thread(thread)
{
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
    setEnrolled(step == Enrolment::Step::Done);
    // Enrolment stopped between its two steps (locked, or the app closed): the code is spent
    // and the credentials saved, so it resumes at the passphrase.
    if (step == Enrolment::Step::MakeKeys || step == Enrolment::Step::RestoreKeys) {
        m_firstDevice = step == Enrolment::Step::MakeKeys;
        setStep(m_firstDevice ? ChoosePassphrase : EnterPassphrase);
    }
}

void SyncConnection::storeClosing()
{
    // The sync thread forgets an enrolment in memory (SyncThread); it resumes from the store.
    if (m_step != EnterCode || !m_message.isEmpty() || !m_errors.isEmpty())
        setStep(EnterCode);
}

void SyncConnection::setEnrolled(bool enrolled)
{
    if (m_enrolled == enrolled)
        return;
    m_enrolled = enrolled;
    Q_EMIT enrolledChanged();
}

void SyncConnection::setServerUrl(const QString &url)
{
    if (m_serverUrl == url)
        return;
    m_serverUrl = url;
    Q_EMIT serverUrlChanged();
}

void SyncConnection::setStep(EnrolStep step, const QString &message, const QVariantMap &errors)
{
    const bool stepChanged = m_step != step;
    const bool messageChanged = m_message != message;
    const bool errorsChanged = m_errors != errors;
    m_step = step;
    m_message = message;
    m_errors = errors;
    if (stepChanged)
        Q_EMIT enrolStepChanged();
    if (errorsChanged)
        Q_EMIT enrolErrorsChanged();
    if (messageChanged)
        Q_EMIT enrolMessageChanged();
}

void SyncConnection::deviceRevoked()
{
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

    QVariantMap errors;
    const QUrl url(server, QUrl::StrictMode);
    if (server.isEmpty())
        errors.insert(QStringLiteral("server"), tr("Enter the server address."));
    else if (const auto problem = sync::serverAddressProblem(url);
             problem == sync::ServerAddressProblem::NotAnAddress)
        errors.insert(QStringLiteral("server"),
                      tr("Enter an address like https://sync.example.org"));
    else if (problem == sync::ServerAddressProblem::PlainHttpRemote)
        errors.insert(QStringLiteral("server"), sync::plainHttpMessage());
    QString compact = code;
    compact.remove(u'-').remove(u' ');
    bool plausible = compact.size() == 16;
    for (QChar c : compact)
        plausible = plausible && c.isLetterOrNumber() && c.unicode() < 128;
    if (code.isEmpty())
        errors.insert(QStringLiteral("code"), tr("Enter the enrolment code."));
    else if (!plausible)
        errors.insert(QStringLiteral("code"),
                      tr("An enrolment code has 16 letters and digits, like ABCD-EFGH-JKMN-PQRS."));
    if (!errors.isEmpty()) {
        setStep(EnterCode, {}, errors);
        return;
    }
    while (server.endsWith(u'/'))
        server.chop(1);
    setServerUrl(server);
    setStep(Redeeming);
    m_thread->run<EnrolmentReply>(
        this, [server, compact](SyncWorker &w) { return w.redeem(server, compact); },
        [this](EnrolmentReply reply) { finishRedeem(reply); });
}

void SyncConnection::finishRedeem(const EnrolmentReply &reply)
{
    if (m_step != Redeeming)
        return; // locked meanwhile
    if (reply.outcome != Outcome::Done) {
        if (!m_enrolled)
            setServerUrl({});
        setStep(EnterCode, sync::enrolmentMessage(reply.outcome, reply.cause));
        return;
    }
    m_firstDevice = reply.step == Enrolment::Step::MakeKeys;
    setStep(m_firstDevice ? ChoosePassphrase : EnterPassphrase);
}

void SyncConnection::setPassphrase(const QString &passphrase, const QString &confirm)
{
    if (m_step != ChoosePassphrase && m_step != EnterPassphrase)
        return;
    QVariantMap errors;
    if (passphrase.isEmpty())
        errors.insert(QStringLiteral("passphrase"), tr("Enter the recovery passphrase."));
    else if (m_step == ChoosePassphrase && !sync::RecoveryPassphrase::longEnough(passphrase))
        errors.insert(QStringLiteral("passphrase"), sync::passphraseTooShortMessage());
    else if (m_step == ChoosePassphrase && passphrase != confirm)
        errors.insert(QStringLiteral("confirm"),
                      tr("The two entries are different. Type the same passphrase twice."));
    if (!errors.isEmpty()) {
        setStep(m_step, {}, errors);
        return;
    }
    setStep(SettingUpKeys);
    m_thread->run<EnrolmentReply>(
        this, [passphrase](SyncWorker &w) { return w.setUpKeys(passphrase); },
        [this](EnrolmentReply reply) { finishKeys(reply); });
}

void SyncConnection::finishKeys(const EnrolmentReply &reply)
{
    if (m_step != SettingUpKeys)
        return; // locked meanwhile
    if (reply.outcome == Outcome::Done) {
        setEnrolled(true);
        setStep(EnterCode);
        Q_EMIT enrolmentCompleted();
        return;
    }
    const QString message = sync::enrolmentMessage(reply.outcome, reply.cause);
    switch (reply.step) {
    case Enrolment::Step::MakeKeys:
    case Enrolment::Step::RestoreKeys:
        // Still waiting for keys, perhaps at the other step now (KeysExistElsewhere,
        // NoBackupYet): the identity saved says which.
        m_firstDevice = reply.step == Enrolment::Step::MakeKeys;
        setStep(m_firstDevice ? ChoosePassphrase : EnterPassphrase, message);
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
    setStep(m_firstDevice ? ChoosePassphrase : EnterPassphrase, message);
}

void SyncConnection::cancelEnrolment()
{
    if (busy())
        return;
    m_thread->post([](SyncWorker &w) { w.cancelEnrolment(); });
    if (!m_enrolled) {
        if (m_session->store())
            (void)sync::SyncIdentity::forget(*m_session->store());
        setServerUrl({});
    }
    setStep(EnterCode);
}

} // namespace wp::client
