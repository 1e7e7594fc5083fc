// SPDX-License-Identifier: GPL-3.0-or-later
#include "SyncConnection.h"

#include "ServerAddress.h"
#include "Session.h"
#include "Store.h"
#include "SyncMessages.h"
#include "SyncThread.h"

#include <QUrl>
#include <QUrlQuery>

#include <qrencode.h>
#include <sodium.h>

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
    // and the credentials saved, so it resumes at the key step.
    if (step == Enrolment::Step::MakeKeys || step == Enrolment::Step::RestoreKeys) {
        m_firstDevice = step == Enrolment::Step::MakeKeys;
        setStep(keyStep());
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
    if (step != ShowRecoveryKey && step != CheckRecoveryKey)
        m_recoveryKey.reset(); // shown once: gone when the screen is left (or the app locks)
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
    // The first device waits for the user to have pen and paper ready (makeKeys()).
    setStep(keyStep());
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
        setStep(m_step, {},
                {{QStringLiteral("recoveryKey"),
                  tr("Type the recovery key shown when your first device was set up.")}});
        return;
    }
    // A typo is named here, on this thread, before any network or Argon2id work.
    if (auto parsed = crypto::RecoveryKey::parse(recoveryKey); !parsed) {
        setStep(
            m_step, {},
            {{QStringLiteral("recoveryKey"), sync::recoveryKeyMistypedMessage(parsed.error())}});
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
    const QString message = sync::enrolmentMessage(reply.outcome, reply.cause);
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
    setEnrolled(true);
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
        setStep(m_step, {},
                {{QStringLiteral("check"),
                  tr("That is not group %1 of your recovery key. Look at what you wrote down, or "
                     "show the key again.")
                      .arg(m_checkGroup)}});
        return;
    }
    completeEnrolment();
}

void SyncConnection::cancelEnrolment()
{
    // Once the keys are made the enrolment is complete but for the check: nothing to cancel.
    if (busy() || m_step == ShowRecoveryKey || m_step == CheckRecoveryKey)
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
