// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Runs the real waypointctl binary (WAYPOINTCTL_PATH, defined by each test target) as a user
// would: the PIN and the recovery key only in its environment, in a session of its own with no
// controlling terminal, so a missing secret fails instead of waiting at a prompt.

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStringList>

#include <memory>

#include <unistd.h>

namespace wp::test {

struct CtlRun
{
    int exitCode = -1; // -1: it crashed
    QString out;
    QString err;
    QStringList errLines() const { return err.split(u'\n', Qt::SkipEmptyParts); }
    // Every stdout line as JSON (JSON Lines), and the last one.
    QList<QJsonObject> lines() const
    {
        QList<QJsonObject> all;
        for (const QString &line : out.split(u'\n', Qt::SkipEmptyParts))
            all << QJsonDocument::fromJson(line.toUtf8()).object();
        return all;
    }
    QJsonObject json() const
    {
        const QList<QJsonObject> all = lines();
        return all.isEmpty() ? QJsonObject() : all.last();
    }
};

// A null recoveryKey leaves WAYPOINT_RECOVERY_KEY unset; an empty one sets it empty.
inline std::unique_ptr<QProcess> startCtl(const QString &dataDir, const QStringList &args,
                                          const QString &pin, const QString &recoveryKey = {})
{
    auto process = std::make_unique<QProcess>();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("WAYPOINT_PIN"), pin);
    env.remove(QStringLiteral("WAYPOINT_RECOVERY_KEY"));
    if (!recoveryKey.isNull())
        env.insert(QStringLiteral("WAYPOINT_RECOVERY_KEY"), recoveryKey);
    process->setProcessEnvironment(env);
    process->setChildProcessModifier([] { ::setsid(); });
    process->start(QStringLiteral(WAYPOINTCTL_PATH),
                   QStringList{QStringLiteral("--data-dir"), dataDir} + args);
    return process;
}

inline CtlRun finishCtl(QProcess &process)
{
    if (!process.waitForFinished(180'000))
        qFatal("waypointctl did not finish");
    CtlRun run;
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

inline CtlRun runCtl(const QString &dataDir, const QStringList &args, const QString &pin,
                     const QString &recoveryKey = {})
{
    auto process = startCtl(dataDir, args, pin, recoveryKey);
    return finishCtl(*process);
}

// A recovery key as waypointctl prints it once, when it makes one.
inline QString printedRecoveryKey(const QString &out)
{
    static const QRegularExpression key(
        QStringLiteral("[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){8}"));
    return key.match(out).captured(0);
}

} // namespace wp::test
