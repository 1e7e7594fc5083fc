// SPDX-License-Identifier: GPL-3.0-or-later
#include "Boards.h"

#include "Store.h"
#include "Uuid.h"

namespace wp::client {

TodayBoard::TodayBoard(ParticipantNames *names, QObject *parent)
    : QObject(parent),
      m_followUps(new ParticipantListModel(ParticipantListModel::Kind::FollowUpsDue, this)),
      m_recent(new EncounterListModel(names, RecentEncounters, this)),
      m_actions(new ActionItemListModel(this)), m_drafts(new DraftListModel(names, this))
{
}

void TodayBoard::setStore(wp::Store *store, DraftBox *drafts)
{
    m_store = store;
    m_followUps->setStore(store);
    m_recent->setStore(store);
    m_actions->setStore(store);
    m_drafts->setSources(store, drafts);
}

void TodayBoard::refresh()
{
    m_followUps->reload();
    m_recent->reload();
    m_actions->reload();
    m_drafts->reload();
}

void TodayBoard::refreshInPlace()
{
    m_followUps->refresh();
    m_recent->refresh();
    m_actions->refresh();
    m_drafts->reload();
}

bool TodayBoard::setActionDone(const QString &noteId, const QString &itemId, bool done)
{
    if (!m_store)
        return false;
    Result<SupervisionNote> note = m_store->supervision().get(idFromText(noteId));
    if (!note)
        return false;
    bool found = false;
    for (ActionItem &a : note->actionItems) {
        if (a.id == idFromText(itemId)) {
            a.done = done;
            found = true;
        }
    }
    if (!found || !m_store->supervision().save(*note))
        return false;
    m_actions->reload();
    Q_EMIT actionItemChanged();
    return true;
}

SearchController::SearchController(ParticipantNames *names, QObject *parent)
    : QObject(parent), m_results(new SearchResultModel(names, this))
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(120);
    connect(&m_debounce, &QTimer::timeout, this, [this] { m_results->setQuery(m_query); });
}

void SearchController::setStore(wp::Store *store)
{
    if (!store) {
        m_query.clear();
        Q_EMIT queryChanged();
        m_results->setQuery({});
    }
    m_results->setStore(store);
}

void SearchController::setQuery(const QString &query)
{
    if (m_query == query)
        return;
    m_query = query;
    Q_EMIT queryChanged();
    m_debounce.start();
}

} // namespace wp::client
