// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConflictCommands.h"

#include "CommandOptions.h"
#include "Store.h"
#include "Uuid.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace wp::ctl {

namespace {

QDateTime timeOf(const HlcStamp &stamp)
{
    return QDateTime::fromMSecsSinceEpoch(stamp.physicalMs, Qt::UTC);
}

QJsonObject side(const QString &text, const HlcStamp &stamp)
{
    return {{QStringLiteral("text"), text},
            {QStringLiteral("device"), idText(stamp.device)},
            {QStringLiteral("at"), qint64(stamp.physicalMs)}};
}

// One line: newlines in a text would break the one-conflict-per-block layout.
QString oneLine(QString text)
{
    text.replace(u'\n', QStringLiteral(" / "));
    return text;
}

} // namespace

Status ConflictCommands::list(const ParsedCommand &c)
{
    const bool json = c.has(QStringLiteral("json"));
    auto open = m_store.conflicts().list();
    if (!open)
        return open.error();
    for (const Conflict &k : *open) {
        if (json) {
            const QJsonObject o{{QStringLiteral("id"), k.id},
                                {QStringLiteral("record"), idText(k.recordId)},
                                {QStringLiteral("type"), keyOf(k.type)},
                                {QStringLiteral("field"), k.field},
                                {QStringLiteral("mine"), side(k.mine, k.mineStamp)},
                                {QStringLiteral("theirs"), side(k.theirs, k.theirsStamp)},
                                {QStringLiteral("shown"),
                                 k.mineWon ? QStringLiteral("mine") : QStringLiteral("theirs")},
                                {QStringLiteral("keptAt"), k.keptAt.toMSecsSinceEpoch()}};
            m_out << QJsonDocument(o).toJson(QJsonDocument::Compact) << '\n';
        } else {
            m_out << k.id << ' ' << keyOf(k.type) << ' ' << idText(k.recordId) << ' ' << k.field
                  << " (showing " << (k.mineWon ? "mine" : "theirs") << ")\n"
                  << "  mine   " << timeOf(k.mineStamp).toString(Qt::ISODate)
                  << " this device: " << oneLine(k.mine) << '\n'
                  << "  theirs " << timeOf(k.theirsStamp).toString(Qt::ISODate) << " device "
                  << idText(k.theirsStamp.device) << ": " << oneLine(k.theirs) << '\n';
        }
    }
    m_out.flush();
    return {};
}

Status ConflictCommands::resolve(const ParsedCommand &c)
{
    bool ok = false;
    const qint64 id = c.positionals.value(0).toLongLong(&ok);
    if (!ok || id <= 0)
        return usage(QStringLiteral("conflicts resolve needs the conflict's id "
                                    "(the first number of `waypointctl conflicts list`)."));
    const bool keep = c.has(QStringLiteral("keep"));
    const bool text = c.has(QStringLiteral("text"));
    if (keep == text)
        return usage(QStringLiteral("conflicts resolve needs --keep mine, --keep theirs or "
                                    "--text T (a merged text)."));
    ConflictChoice choice = ConflictChoice::Merge;
    if (keep) {
        const QString which = c.value(QStringLiteral("keep"));
        if (which == QLatin1String("mine"))
            choice = ConflictChoice::KeepMine;
        else if (which == QLatin1String("theirs"))
            choice = ConflictChoice::KeepTheirs;
        else
            return usage(QStringLiteral("--keep \"%1\" is not one of: mine, theirs.").arg(which));
    }
    const Status done = m_store.conflicts().resolve(id, choice, c.value(QStringLiteral("text")));
    if (!done && done.error().code == ErrorCode::NotFound)
        return usage(QStringLiteral("There is no open conflict with id %1.").arg(id));
    if (!done)
        return done;
    m_out << "resolved conflict " << id << ": "
          << (choice == ConflictChoice::KeepMine     ? "kept mine"
              : choice == ConflictChoice::KeepTheirs ? "kept theirs"
                                                     : "saved the merged text")
          << "; the next sync sends it\n";
    m_out.flush();
    return {};
}

} // namespace wp::ctl
