// SPDX-License-Identifier: GPL-3.0-or-later
#include "ParticipantDetail.h"

#include "DraftBox.h"
#include "Editor.h"
#include "RecordText.h"
#include "Store.h"
#include "SyncIdentity.h"
#include "Uuid.h"

#include <QLocale>
#include <QSet>

namespace wp::client {

namespace {

int countEncounters(wp::Store &store, const QUuid &participant)
{
    int n = 0;
    PageRequest request{{}, 500};
    for (;;) {
        Result<Page<Encounter>> page = store.encounters().forParticipant(participant, request);
        if (!page)
            return n;
        n += int(page->items.size());
        if (page->next.isEmpty())
            return n;
        request.after = page->next;
    }
}

} // namespace

ParticipantDetail::ParticipantDetail(ParticipantNames *names, QObject *parent)
    : QObject(parent), m_encounters(new EncounterListModel(names, 0, this))
{
}

void ParticipantDetail::setStore(wp::Store *store, DraftBox *drafts)
{
    m_store = store;
    m_drafts = drafts;
    if (!store) {
        m_participant = {};
        m_loaded = false;
        m_encounterCount = 0;
        m_encounters->setStore(nullptr);
        Q_EMIT changed();
    }
}

QString ParticipantDetail::participantId() const
{
    return m_loaded ? idText(m_participant.id) : QString();
}

QVariantList ParticipantDetail::stageHistory() const
{
    QVariantList out;
    // Newest first, as a worker reads it.
    for (auto it = m_participant.stageHistory.crbegin(); it != m_participant.stageHistory.crend();
         ++it)
        out.append(
            QVariantMap{{QStringLiteral("date"), QLocale().toString(it->on, QLocale::ShortFormat)},
                        {QStringLiteral("label"), labelOf(it->stage)}});
    return out;
}

QVariantList ParticipantDetail::goals() const
{
    QVariantList out;
    for (const Goal &g : m_participant.goals)
        out.append(QVariantMap{{QStringLiteral("id"), idText(g.id)},
                               {QStringLiteral("text"), g.text},
                               {QStringLiteral("status"), keyOf(g.status)},
                               {QStringLiteral("statusLabel"), labelOf(g.status)}});
    return out;
}

QString ParticipantDetail::consentText() const
{
    const Consent &c = m_participant.consent;
    switch (c.state) {
    case ConsentState::NotAsked:
        return tr("Consent not yet asked.");
    case ConsentState::Given:
        return c.scope.isEmpty()
                   ? tr("Consent given on %1.").arg(QLocale().toString(c.on, QLocale::ShortFormat))
                   : tr("Consent given on %1: %2")
                         .arg(QLocale().toString(c.on, QLocale::ShortFormat), c.scope);
    case ConsentState::Withdrawn:
        return tr("Consent withdrawn on %1.").arg(QLocale().toString(c.on, QLocale::ShortFormat));
    }
    return {};
}

QVariantList ParticipantDetail::consentHistory() const
{
    QList<Consent> history = m_participant.consentHistory;
    // Saved before consent had a history: the current consent is all there is.
    if (history.isEmpty() && m_participant.consent.state != ConsentState::NotAsked)
        history.append(m_participant.consent);
    QVariantList out;
    for (auto it = history.crbegin(); it != history.crend(); ++it) {
        QString text = labelOf(it->state);
        if (it->state == ConsentState::Given && !it->scope.isEmpty())
            text = tr("%1: %2", "consent state: what they agreed to").arg(text, it->scope);
        out.append(
            QVariantMap{{QStringLiteral("date"), QLocale().toString(it->on, QLocale::ShortFormat)},
                        {QStringLiteral("text"), text}});
    }
    return out;
}

void ParticipantDetail::load(const QString &id)
{
    setError({});
    m_loaded = false;
    m_canChange = false;
    m_participant = {};
    m_encounterCount = 0;
    m_undoStage.reset();
    if (m_store) {
        Result<Participant> p = m_store->participants().get(idFromText(id));
        if (p) {
            m_participant = *p;
            m_loaded = true;
            m_encounterCount = countEncounters(*m_store, p->id);
            const Result<bool> may =
                m_store->changeableBy(m_participant.id, sync::SyncIdentity::localUser(*m_store));
            m_canChange = may && *may;
        } else {
            setError(tr("This participant could not be opened."));
        }
    }
    Q_EMIT changed();
    m_encounters->setParticipant(m_participant.id);
    m_encounters->setStore(m_loaded ? m_store : nullptr);
}

void ParticipantDetail::reload()
{
    if (m_loaded)
        load(idText(m_participant.id));
}

bool ParticipantDetail::save(const Participant &updated)
{
    if (!m_store || !m_loaded)
        return false;
    if (!m_canChange) {
        setError(tr("Only the person who added %1 can change them.").arg(m_participant.pseudonym));
        return false;
    }
    Result<Participant> written = m_store->participants().save(updated);
    if (!written) {
        setError(written.error().message);
        return false;
    }
    setError({});
    m_participant = *written;
    m_undoStage.reset();
    Q_EMIT changed();
    Q_EMIT saved();
    return true;
}

bool ParticipantDetail::moveToStage(const QString &stageKey)
{
    const std::optional<Stage> stage = fromKey<Stage>(stageKey);
    if (!stage || !m_loaded || *stage == m_participant.stage)
        return false;
    Participant p = m_participant;
    p.moveToStage(*stage, QDate::currentDate());
    const std::pair<Stage, QList<StageChange>> before{m_participant.stage,
                                                      m_participant.stageHistory};
    if (!save(p))
        return false;
    m_undoStage = before;
    Q_EMIT changed();
    return true;
}

bool ParticipantDetail::undoStage()
{
    if (!m_loaded || !m_undoStage)
        return false;
    Participant p = m_participant;
    p.stage = m_undoStage->first;
    p.stageHistory = m_undoStage->second;
    return save(p); // clears the undo
}

void ParticipantDetail::forgetStageUndo()
{
    if (!m_undoStage)
        return;
    m_undoStage.reset();
    Q_EMIT changed();
}

bool ParticipantDetail::addGoal(const QString &text)
{
    if (!m_loaded || text.trimmed().isEmpty())
        return false;
    Participant p = m_participant;
    Goal g;
    g.id = createUuidV7();
    g.text = text.trimmed();
    g.setOn = QDate::currentDate();
    p.goals.append(g);
    return save(p);
}

bool ParticipantDetail::setGoalStatus(const QString &goalId, const QString &statusKey)
{
    const std::optional<GoalStatus> status = fromKey<GoalStatus>(statusKey);
    if (!status || !m_loaded)
        return false;
    Participant p = m_participant;
    for (Goal &g : p.goals) {
        if (g.id != idFromText(goalId))
            continue;
        g.status = *status;
        const bool closed = *status == GoalStatus::Achieved || *status == GoalStatus::Dropped;
        g.closedOn = closed ? QDate::currentDate() : QDate();
        return save(p);
    }
    return false;
}

bool ParticipantDetail::editGoal(const QString &goalId, const QString &text)
{
    if (!m_loaded || text.trimmed().isEmpty())
        return false;
    Participant p = m_participant;
    for (Goal &g : p.goals) {
        if (g.id != idFromText(goalId))
            continue;
        if (g.text == text.trimmed())
            return true;
        g.text = text.trimmed();
        return save(p);
    }
    return false;
}

bool ParticipantDetail::removeGoal(const QString &goalId)
{
    if (!m_loaded)
        return false;
    Participant p = m_participant;
    const qsizetype removed =
        p.goals.removeIf([&](const Goal &g) { return g.id == idFromText(goalId); });
    return removed > 0 && save(p);
}

bool ParticipantDetail::rename(const QString &pseudonym)
{
    if (!m_loaded || pseudonym.trimmed().isEmpty())
        return false;
    if (pseudonym.trimmed() == m_participant.pseudonym)
        return true;
    Participant p = m_participant;
    p.pseudonym = pseudonym.trimmed();
    return save(p);
}

bool ParticipantDetail::giveConsent(const QString &scope)
{
    if (!m_loaded)
        return false;
    // Consent is to something: what they agreed to is said before it is saved.
    if (scope.trimmed().isEmpty()) {
        setError(tr("Say what they agreed to before recording consent."));
        return false;
    }
    Participant p = m_participant;
    p.recordConsent({ConsentState::Given, QDate::currentDate(), scope.trimmed()});
    return save(p);
}

bool ParticipantDetail::withdrawConsent()
{
    if (!m_loaded)
        return false;
    Participant p = m_participant;
    p.recordConsent({ConsentState::Withdrawn, QDate::currentDate(), p.consent.scope});
    return save(p);
}

bool ParticipantDetail::erase()
{
    if (!m_store || !m_loaded)
        return false;
    if (!m_canChange) {
        setError(tr("Only the person who added %1 can change them.").arg(m_participant.pseudonym));
        return false;
    }
    const QUuid id = m_participant.id;
    Result<QList<QUuid>> linked = m_store->eraseParticipant(id);
    if (!linked) {
        setError(linked.error().message);
        return false;
    }
    // Unsaved drafts of any erased record go too: an edit of one, a new encounter for them.
    if (m_drafts) {
        QSet<QString> ids{idText(id)};
        for (const QUuid &record : std::as_const(*linked))
            ids.insert(idText(record));
        for (const QString &name : m_drafts->names()) {
            if (ids.contains(Editor::draftRecord(name)))
                m_drafts->remove(name);
        }
    }
    setError({});
    m_participant = {};
    m_loaded = false;
    m_encounterCount = 0;
    m_encounters->setStore(nullptr);
    Q_EMIT changed();
    Q_EMIT saved();
    Q_EMIT erased();
    return true;
}

void ParticipantDetail::setError(const QString &error)
{
    if (m_error == error)
        return;
    m_error = error;
    Q_EMIT errorStringChanged();
}

} // namespace wp::client
