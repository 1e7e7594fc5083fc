// SPDX-License-Identifier: GPL-3.0-or-later
#include "TeamCommands.h"

#include "ExitCodes.h"
#include "ServerError.h"
#include "Store.h"
#include "SyncIdentity.h"
#include "TeamFigures.h"
#include "Uuid.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace wp::ctl {

using sync::SyncIdentity;

Status TeamCommands::fail(int exitCode, const QString &line)
{
    m_exitCode = exitCode;
    m_problem = line;
    return {};
}

Status TeamCommands::list(const ParsedCommand &c)
{
    auto identity = SyncIdentity::load(m_store);
    if (!identity)
        return identity.error().code == ErrorCode::NotFound
                   ? fail(NotAuthorized, QStringLiteral("This device is not enrolled; run "
                                                        "waypointctl enroll."))
                   : Status(identity.error());
    sync::SyncClient client(identity->credentials.serverUrl);
    client.setCredentials(&identity->credentials);
    auto dir = client.directory();
    if (!dir) {
        if (sync::serverErrorOf(dir.error()) == sync::ServerError::DeviceRevoked) {
            m_revoked = true;
            if (Status forgotten = SyncIdentity::forget(m_store); !forgotten)
                return forgotten;
            return fail(NotAuthorized, QStringLiteral("This device was revoked by the server; "
                                                      "its sync keys and token were destroyed."));
        }
        return fail(SyncFailed, QStringLiteral("The server could not say who your workers "
                                               "are: %1")
                                    .arg(dir.error().message));
    }
    Result<QList<TeamMember>> team =
        TeamFigures(m_store, identity->credentials.userId).of(dir->workers);
    if (!team)
        return team.error();

    const bool json = c.has(QStringLiteral("json"));
    for (const TeamMember &m : std::as_const(*team)) {
        const QString trend = TeamFigures::keyOf(m.trend);
        if (json) {
            // openActionItems stays 0: supervision notes are private to the worker.
            QJsonObject o{{QStringLiteral("userId"), idText(m.userId)},
                          {QStringLiteral("name"), m.name},
                          {QStringLiteral("lastSyncAt"),
                           m.lastSyncAt.isValid()
                               ? QJsonValue(double(m.lastSyncAt.toMSecsSinceEpoch()))
                               : QJsonValue()},
                          {QStringLiteral("awaitingReview"), m.awaitingReview},
                          {QStringLiteral("openActionItems"), 0},
                          {QStringLiteral("wellbeingTrend"), trend},
                          {QStringLiteral("wellbeingRatings"), int(m.ratings.size())}};
            m_out << QJsonDocument(o).toJson(QJsonDocument::Compact) << '\n';
            continue;
        }
        m_out << idText(m.userId) << '\t' << m.name << '\t'
              << (m.lastSyncAt.isValid() ? m.lastSyncAt.toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                                         : QStringLiteral("never"))
              << '\t' << m.awaitingReview << " to review\twellbeing " << trend << '\n';
    }
    m_out.flush();
    return {};
}

} // namespace wp::ctl
