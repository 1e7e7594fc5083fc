// SPDX-License-Identifier: GPL-3.0-or-later
#include "ReviewDesk.h"

#include "Store.h"
#include "SyncIdentity.h"
#include "Uuid.h"

namespace wp::client {

ReviewDesk::ReviewDesk(QObject *parent)
    : QObject(parent), m_queue(new ReviewQueueModel(this)), m_thread(new ReviewThread(this)),
      m_feedback(new ReviewThread(this)), m_inbox(new CommentInboxModel(this)),
      m_team(new TeamModel(this))
{
    for (ReviewThread *thread : {m_thread, m_feedback})
        connect(thread, &ReviewThread::wrote, this, [this] {
            m_queue->refresh();
            m_inbox->reload();
            m_team->reload();
            Q_EMIT wrote();
        });
}

void ReviewDesk::readPeople()
{
    QUuid me;
    QHash<QUuid, QString> names;
    QVariantList workers;
    bool supervisor = false;
    if (m_store) {
        me = sync::SyncIdentity::localUser(*m_store);
        if (auto identity = sync::SyncIdentity::load(*m_store)) {
            names = identity->peopleNames();
            supervisor = identity->isSupervisor();
            for (const wire::Worker &w : std::as_const(identity->workers))
                workers.append(QVariantMap{{QStringLiteral("id"), idText(w.userId)},
                                           {QStringLiteral("name"), w.displayName}});
        }
    }
    m_queue->setPeople(me, names, workers);
    m_thread->setPeople(me, names);
    m_feedback->setPeople(me, names);
    m_inbox->setPeople(me, names);
    if (supervisor != m_supervisor) {
        m_supervisor = supervisor;
        Q_EMIT supervisorChanged();
    }
}

void ReviewDesk::setStore(wp::Store *store)
{
    m_store = store;
    readPeople();
    m_thread->setStore(store);
    m_feedback->setStore(store);
    m_queue->setStore(store);
    m_inbox->setStore(store);
    m_team->setStore(store);
}

void ReviewDesk::refresh()
{
    if (!m_store)
        return;
    readPeople();
    m_queue->refresh();
    m_inbox->reload();
    m_team->reload();
    m_thread->refresh();
    m_feedback->refresh();
}

} // namespace wp::client
