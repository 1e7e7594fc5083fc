// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The object graph QML sees as the `App` singleton. main.cpp (or a test) builds one per engine
// and attaches it; QML gets that instance from create(), owned by C++. It wires the session to
// the models and editors: opening the store hands it to them, locking takes it back.

#include "Boards.h"
#include "EntryReaders.h"
#include "InsightsBoard.h"
#include "ListModels.h"
#include "NewDeviceNotices.h"
#include "OfflineLeaseGate.h"
#include "ParticipantDetail.h"
#include "Preferences.h"
#include "RecordEditors.h"
#include "ReviewDesk.h"
#include "Session.h"
#include "SyncConnection.h"
#include "SyncStatus.h"
#include "SyncThread.h"
#include "ToDiscussModel.h"

#include <QObject>
#include <QPointer>
#include <QTranslator>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include <memory>

class QQmlEngine;
class QJSEngine;

class QQmlApplicationEngine;
class QQuickWindow;

namespace wp::client {

class AppContext : public QObject
{
    Q_OBJECT
    QML_NAMED_ELEMENT(App)
    QML_SINGLETON
    Q_PROPERTY(wp::client::Session *session READ session CONSTANT)
    Q_PROPERTY(wp::client::Preferences *preferences READ preferences CONSTANT)
    // Enrolment and the server this device syncs with; how syncing goes.
    Q_PROPERTY(wp::client::SyncConnection *connection READ connection CONSTANT)
    Q_PROPERTY(wp::client::SyncStatus *sync READ sync CONSTANT)
    Q_PROPERTY(wp::client::NewDeviceNotices *newDevices READ newDevices CONSTANT)
    Q_PROPERTY(wp::client::OfflineLeaseGate *lease READ lease CONSTANT)
    // Who can read an entry or a note, in words.
    Q_PROPERTY(wp::client::EntryReaders *readers READ readers CONSTANT)
    Q_PROPERTY(QVariant vocabulary READ vocabularyValue NOTIFY vocabularyChanged)
    Q_PROPERTY(wp::client::ParticipantListModel *caseload READ caseload CONSTANT)
    Q_PROPERTY(wp::client::DiaryListModel *diary READ diary CONSTANT)
    Q_PROPERTY(wp::client::SupervisionListModel *supervision READ supervision CONSTANT)
    // The worker's entries raised for the next supervision ("To discuss").
    Q_PROPERTY(wp::client::ToDiscussModel *toDiscuss READ toDiscuss CONSTANT)
    Q_PROPERTY(wp::client::TodayBoard *today READ today CONSTANT)
    Q_PROPERTY(wp::client::InsightsBoard *insights READ insights CONSTANT)
    Q_PROPERTY(wp::client::SearchController *search READ search CONSTANT)
    Q_PROPERTY(wp::client::ParticipantDetail *participant READ participant CONSTANT)
    Q_PROPERTY(wp::client::ParticipantEditor *participantEditor READ participantEditor CONSTANT)
    Q_PROPERTY(wp::client::EncounterEditor *encounterEditor READ encounterEditor CONSTANT)
    Q_PROPERTY(wp::client::DiaryEditor *diaryEditor READ diaryEditor CONSTANT)
    Q_PROPERTY(wp::client::SupervisionEditor *supervisionEditor READ supervisionEditor CONSTANT)
    // Supervisor mode and review of shared entries, and the worker's comments to acknowledge.
    Q_PROPERTY(wp::client::ReviewDesk *review READ review CONSTANT)

public:
    explicit AppContext(Session::Options options, QObject *parent = nullptr);
    AppContext(Session::Options options, SyncOptions sync, QObject *parent = nullptr);
    ~AppContext() override;

    // Material style, light or dark (Preferences.theme); call before the first QML loads.
    static void useMaterialStyle();
    // Makes this graph the `App` of `engine` and lets it retranslate the engine's bindings.
    void attach(QQmlEngine *engine);
    // Attaches to `engine` and loads the app's shell (Main.qml): its window, or null when it
    // failed to load (the engine's warnings say why).
    QQuickWindow *loadShell(QQmlApplicationEngine &engine);
    static AppContext *create(QQmlEngine *engine, QJSEngine *);

    Session *session() const { return m_session; }
    Preferences *preferences() const { return m_preferences; }
    SyncConnection *connection() const { return m_connection; }
    SyncStatus *sync() const { return m_sync; }
    NewDeviceNotices *newDevices() const { return m_newDevices; }
    OfflineLeaseGate *lease() const { return m_lease; }
    EntryReaders *readers() const { return m_readers; }
    QVariantMap vocabulary() const;
    // What the pseudonym fields say under a text that looks like a full name, or "".
    Q_INVOKABLE QString pseudonymWarning(const QString &text) const;
    // Dates as the worker reads and types them, the locale's short format; forms keep ISO.
    // dateText gives back what is not an ISO date unchanged (a date typed wrong stays).
    Q_INVOKABLE QString dateText(const QString &isoDate) const;
    // The ISO date of a date typed (short format or ISO); what is not a date, unchanged.
    Q_INVOKABLE QString isoDate(const QString &typed) const;
    QVariant vocabularyValue() const { return vocabulary(); }
    ParticipantListModel *caseload() const { return m_caseload; }
    DiaryListModel *diary() const { return m_diary; }
    SupervisionListModel *supervision() const { return m_supervision; }
    ToDiscussModel *toDiscuss() const { return m_toDiscuss; }
    TodayBoard *today() const { return m_today; }
    InsightsBoard *insights() const { return m_insights; }
    SearchController *search() const { return m_search; }
    ParticipantDetail *participant() const { return m_participant; }
    ParticipantEditor *participantEditor() const { return m_participantEditor; }
    EncounterEditor *encounterEditor() const { return m_encounterEditor; }
    DiaryEditor *diaryEditor() const { return m_diaryEditor; }
    SupervisionEditor *supervisionEditor() const { return m_supervisionEditor; }
    ReviewDesk *review() const { return m_review; }

    // Installs the translation for the preferred language (called at start and on change).
    void applyLanguage();

Q_SIGNALS:
    void vocabularyChanged();

private:
    void storeOpened();
    void storeClosing();
    void setStoreEverywhere(wp::Store *store);
    void connectSync();

    QPointer<QQmlEngine> m_engine;
    Preferences *m_preferences;
    Session *m_session;
    // One sync thread under both; made first, so it sees the store open before them and
    // close before them, and it ends before they go (QObject deletes children in order).
    SyncThread *m_syncThread;
    SyncConnection *m_connection;
    SyncStatus *m_sync;
    NewDeviceNotices *m_newDevices;
    OfflineLeaseGate *m_lease;
    EntryReaders *m_readers;
    ParticipantNames m_names;
    ParticipantListModel *m_caseload;
    DiaryListModel *m_diary;
    SupervisionListModel *m_supervision;
    ToDiscussModel *m_toDiscuss;
    TodayBoard *m_today;
    InsightsBoard *m_insights;
    SearchController *m_search;
    ParticipantDetail *m_participant;
    ParticipantEditor *m_participantEditor;
    EncounterEditor *m_encounterEditor;
    DiaryEditor *m_diaryEditor;
    SupervisionEditor *m_supervisionEditor;
    ReviewDesk *m_review;
    std::unique_ptr<QTranslator> m_translator;
};

} // namespace wp::client
