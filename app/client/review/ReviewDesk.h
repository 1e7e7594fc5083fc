// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Review as QML sees it (`App.review`): whether this device's user supervises anyone (the
// server's role, or workers it named, kept in the identity so it holds offline), the queue of
// entries shared with them, the entry open in review, and the worker's comments to
// acknowledge, and the supervisor's team.

#include "ReviewQueueModel.h"
#include "ReviewThread.h"
#include "TeamModel.h"

#include <QObject>
#include <QtQml/qqmlregistration.h>

namespace wp {
class Store;
}

namespace wp::client {

class ReviewDesk : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Made by App")
    Q_PROPERTY(bool supervisor READ supervisor NOTIFY supervisorChanged)
    Q_PROPERTY(wp::client::ReviewQueueModel *queue READ queue CONSTANT)
    Q_PROPERTY(wp::client::ReviewThread *thread READ thread CONSTANT)
    // The worker's own entry open in the diary: its review marks and comments.
    Q_PROPERTY(wp::client::ReviewThread *feedback READ feedback CONSTANT)
    Q_PROPERTY(wp::client::CommentInboxModel *inbox READ inbox CONSTANT)
    // The supervisor's workers with their figures (qml/team).
    Q_PROPERTY(wp::client::TeamModel *team READ team CONSTANT)

public:
    explicit ReviewDesk(QObject *parent = nullptr);

    void setStore(wp::Store *store);
    // Reads the people again (a sync may have learnt them) and refreshes what is shown.
    void refresh();

    bool supervisor() const { return m_supervisor; }
    ReviewQueueModel *queue() const { return m_queue; }
    ReviewThread *thread() const { return m_thread; }
    ReviewThread *feedback() const { return m_feedback; }
    CommentInboxModel *inbox() const { return m_inbox; }
    TeamModel *team() const { return m_team; }

Q_SIGNALS:
    void supervisorChanged();
    // A mark, comment or acknowledgement was written: sync sends it.
    void wrote();

private:
    void readPeople();

    wp::Store *m_store = nullptr;
    bool m_supervisor = false;
    ReviewQueueModel *m_queue;
    ReviewThread *m_thread;
    ReviewThread *m_feedback;
    CommentInboxModel *m_inbox;
    TeamModel *m_team;
};

} // namespace wp::client
