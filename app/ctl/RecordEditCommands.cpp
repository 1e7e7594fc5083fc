// SPDX-License-Identifier: GPL-3.0-or-later
// waypointctl's commands that put a record right: edit, rename, share, delete and erase.
#include "CommandDispatcher.h"

#include "CommandOptions.h"

namespace wp::ctl {

Status CommandDispatcher::renameParticipant(Store &store, const ParsedCommand &c)
{
    auto participant = changeable(store, store.participants(), c, QStringLiteral("participant"));
    if (!participant)
        return participant.error();
    participant->pseudonym = c.value(QStringLiteral("pseudonym")).trimmed();
    if (participant->pseudonym.isEmpty())
        return usage(QStringLiteral("--pseudonym cannot be empty."));
    auto saved = store.participants().save(*participant);
    if (!saved)
        return saved.error();
    m_out << idText(saved->id) << '\n';
    return {};
}

Status CommandDispatcher::eraseParticipant(Store &store, const ParsedCommand &c)
{
    auto participant = changeable(store, store.participants(), c, QStringLiteral("participant"));
    if (!participant)
        return participant.error();
    const QUuid id = participant->id;
    qint64 encounters = 0;
    PageRequest request{{}, 500};
    for (;;) {
        auto page = store.encounters().forParticipant(id, request);
        if (!page)
            return page.error();
        encounters += page->items.size();
        if (page->next.isEmpty())
            break;
        request.after = page->next;
    }
    const bool withdrawal = c.name.endsWith(QLatin1String("withdraw-consent"));
    const QString what =
        (withdrawal ? QStringLiteral("Withdrawing consent erases their records: ") : QString()) +
        QStringLiteral("%1 and %2 encounter%3 will be removed from this device "
                       "and, after sync, from your other devices and the "
                       "server. This cannot be undone.")
            .arg(participant->pseudonym)
            .arg(encounters)
            .arg(encounters == 1 ? QString() : QStringLiteral("s"));
    if (Status ok = confirmed(c, what, QStringLiteral("Nothing was erased."), m_err); !ok)
        return ok;
    auto erased = store.eraseParticipant(id);
    if (!erased)
        return erased.error();
    m_out << (withdrawal ? "consent withdrawn: " : "") << "erased the participant and "
          << erased->size() << " linked records\n";
    return {};
}

Status CommandDispatcher::shareDiary(Store &store, const ParsedCommand &c, bool shared)
{
    auto entry = changeable(store, store.diary(), c, QStringLiteral("diary entry"));
    if (!entry)
        return entry.error();
    if (entry->shared != shared) {
        entry->shared = shared;
        auto saved = store.diary().save(*entry);
        if (!saved)
            return saved.error();
    }
    m_out << idText(entry->id) << '\n';
    return {};
}

Status CommandDispatcher::editDiary(Store &store, const ParsedCommand &c)
{
    auto entry = changeable(store, store.diary(), c, QStringLiteral("diary entry"));
    if (!entry)
        return entry.error();
    if (c.has(QStringLiteral("text"))) {
        entry->text = c.value(QStringLiteral("text"));
        if (entry->text.trimmed().isEmpty())
            return usage(QStringLiteral("--text cannot be empty."));
    }
    for (const QString &name : {QStringLiteral("wellbeing"), QStringLiteral("stress")}) {
        if (!c.has(name))
            continue;
        auto rating = intOption(c, name, 1, 5);
        if (!rating)
            return rating.error();
        (name == QLatin1String("wellbeing") ? entry->wellbeing : entry->stress) = *rating;
    }
    auto saved = store.diary().save(*entry);
    if (!saved)
        return saved.error();
    m_out << idText(saved->id) << '\n';
    return {};
}

namespace {

// The encounter named by the command's id, which this device's user may change (only its
// author may, Authorship.h): otherwise an input error that says why.
// `--need` and `--note` as in `encounter add`; `--needs` and `--notes` mean the same.
QString firstOf(const ParsedCommand &c, const QString &name, const QString &alias)
{
    return c.has(name) ? c.value(name) : c.value(alias);
}

} // namespace

Status CommandDispatcher::editEncounter(Store &store, const ParsedCommand &c)
{
    auto e = changeable(store, store.encounters(), c, QStringLiteral("encounter"));
    if (!e)
        return e.error();
    if (c.has(QStringLiteral("at"))) {
        e->occurredAt = QDateTime::fromString(c.value(QStringLiteral("at")), Qt::ISODate);
        if (!e->occurredAt.isValid())
            return usage(QStringLiteral("--at must be a time like 2026-03-31T14:30:00Z."));
        if (e->occurredAt > QDateTime::currentDateTimeUtc().addSecs(60))
            return usage(QStringLiteral("--at is in the future: give when the encounter took "
                                        "place."));
    }
    if (c.has(QStringLiteral("place"))) {
        auto place = keyOption<Place>(QStringLiteral("place"), c.value(QStringLiteral("place")));
        if (!place)
            return place.error();
        e->place = *place;
    }
    if (c.has(QStringLiteral("need")) || c.has(QStringLiteral("needs"))) {
        auto needs = keyList<Need>(c, QStringLiteral("need"));
        auto more = keyList<Need>(c, QStringLiteral("needs"));
        if (!needs)
            return needs.error();
        if (!more)
            return more.error();
        for (const Need n : std::as_const(*more))
            if (!needs->contains(n))
                needs->append(n);
        e->needs = *needs;
    }
    if (c.has(QStringLiteral("note")) || c.has(QStringLiteral("notes")))
        e->note = firstOf(c, QStringLiteral("note"), QStringLiteral("notes"));
    auto saved = store.encounters().save(*e);
    if (!saved)
        return saved.error();
    m_out << idText(saved->id) << '\n';
    return {};
}

Status CommandDispatcher::deleteEncounter(Store &store, const ParsedCommand &c)
{
    auto e = changeable(store, store.encounters(), c, QStringLiteral("encounter"));
    if (!e)
        return e.error();
    const QString what =
        QStringLiteral("The encounter of %1 will be deleted from this device and, after sync, "
                       "from your other devices.")
            .arg(e->occurredAt.toUTC().toString(Qt::ISODate));
    if (Status ok = confirmed(c, what, QStringLiteral("Nothing was deleted."), m_err); !ok)
        return ok;
    if (Status removed = store.encounters().remove(e->id); !removed)
        return removed;
    m_out << "deleted " << idText(e->id) << '\n';
    return {};
}

} // namespace wp::ctl
