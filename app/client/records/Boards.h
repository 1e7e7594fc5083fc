// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Small controllers behind screens that combine several lists: Today, Search, and the sync
// status shown in Settings.

#include "DraftList.h"
#include "ListModels.h"

#include <QObject>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

namespace wp::client {

class DraftBox;

class TodayBoard : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by App")
    Q_PROPERTY(wp::client::ParticipantListModel *followUps READ followUps CONSTANT)
    Q_PROPERTY(wp::client::EncounterListModel *recentEncounters READ recentEncounters CONSTANT)
    Q_PROPERTY(wp::client::ActionItemListModel *openActions READ openActions CONSTANT)
    Q_PROPERTY(wp::client::DraftListModel *drafts READ drafts CONSTANT)

public:
    static constexpr int RecentEncounters = 10;
    TodayBoard(ParticipantNames *names, QObject *parent = nullptr);

    void setStore(wp::Store *store, DraftBox *drafts);
    ParticipantListModel *followUps() const { return m_followUps; }
    DraftListModel *drafts() const { return m_drafts; }
    EncounterListModel *recentEncounters() const { return m_recent; }
    ActionItemListModel *openActions() const { return m_actions; }

    Q_INVOKABLE void refresh();
    // After a sync merged changes: rows updated in place, each list keeps its place.
    void refreshInPlace();
    Q_INVOKABLE bool setActionDone(const QString &noteId, const QString &itemId, bool done);

Q_SIGNALS:
    void actionItemChanged();

private:
    wp::Store *m_store = nullptr;
    ParticipantListModel *m_followUps;
    EncounterListModel *m_recent;
    ActionItemListModel *m_actions;
    DraftListModel *m_drafts;
};

class SearchController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by App")
    Q_PROPERTY(QString query READ query WRITE setQuery NOTIFY queryChanged)
    Q_PROPERTY(wp::client::SearchResultModel *results READ results CONSTANT)

public:
    SearchController(ParticipantNames *names, QObject *parent = nullptr);
    void setStore(wp::Store *store);
    QString query() const { return m_query; }
    void setQuery(const QString &query);
    SearchResultModel *results() const { return m_results; }

Q_SIGNALS:
    void queryChanged();

private:
    QString m_query;
    SearchResultModel *m_results;
    QTimer m_debounce; // one query per pause in typing, not one per key
};

} // namespace wp::client
