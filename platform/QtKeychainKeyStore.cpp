// SPDX-License-Identifier: GPL-3.0-or-later
#include "QtKeychainKeyStore.h"

#include <QCoreApplication>
#include <QEventLoop>

#include <qt6keychain/keychain.h>

#include <memory>

namespace wp {
namespace {

// qtkeychain jobs are asynchronous; the vault needs an answer before it can go on, so each
// job runs in a local event loop. Needs a QCoreApplication (the app and waypointctl have one).
bool runJob(QKeychain::Job &job)
{
    if (!QCoreApplication::instance())
        return false;
    job.setAutoDelete(false);
    job.setInsecureFallback(false);
    QEventLoop loop;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    job.start();
    loop.exec(QEventLoop::ExcludeUserInputEvents);
    return true;
}

Error keychainError(const QKeychain::Job &job, const QString &what)
{
    switch (job.error()) {
    case QKeychain::EntryNotFound:
        return {ErrorCode::NotFound, QStringLiteral("No %1 in the system keychain.").arg(what)};
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return {ErrorCode::Unavailable,
                QStringLiteral("No system keychain is available to hold the %1.").arg(what)};
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        return {ErrorCode::Unavailable,
                QStringLiteral("The system keychain refused access to the %1.").arg(what)};
    default:
        // Backends without a running service (no D-Bus session, no Secret Service) land here
        // with a vague errorString(); say what it means for the user first. It names no secret.
        return {ErrorCode::Unavailable,
                QStringLiteral("No usable system keychain for the %1 (%2).")
                    .arg(what, job.errorString())};
    }
}

const QString NoApp = QStringLiteral("The system keychain needs a running Qt application.");

} // namespace

QtKeychainKeyStore::QtKeychainKeyStore(QString service) : m_service(std::move(service)) {}

Status QtKeychainKeyStore::store(const QString &name, const SecretBytes &secret)
{
    QKeychain::WritePasswordJob job(m_service);
    job.setKey(name);
    QByteArray copy(secret.view().data(), secret.view().size());
    job.setBinaryData(copy);
    const bool ran = runJob(job);
    wipe(copy);
    if (!ran)
        return Error{ErrorCode::Unavailable, NoApp};
    if (job.error() != QKeychain::NoError)
        return keychainError(job, QStringLiteral("device key"));
    return {};
}

Result<SecretBytes> QtKeychainKeyStore::load(const QString &name)
{
    QKeychain::ReadPasswordJob job(m_service);
    job.setKey(name);
    if (!runJob(job))
        return Error{ErrorCode::Unavailable, NoApp};
    if (job.error() != QKeychain::NoError)
        return keychainError(job, QStringLiteral("device key"));
    QByteArray data = job.binaryData();
    return SecretBytes::takeFrom(data);
}

Status QtKeychainKeyStore::remove(const QString &name)
{
    QKeychain::DeletePasswordJob job(m_service);
    job.setKey(name);
    if (!runJob(job))
        return Error{ErrorCode::Unavailable, NoApp};
    if (job.error() != QKeychain::NoError && job.error() != QKeychain::EntryNotFound)
        return keychainError(job, QStringLiteral("device key"));
    return {};
}

} // namespace wp
