// SPDX-License-Identifier: GPL-3.0-or-later
#include "AppContext.h"

#include "DraftBox.h"
#include "FormFields.h"
#include "RecordText.h"
#include "Store.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QLocale>
#include <QQmlApplicationEngine>
#include <QQmlEngine>
#include <QQuickStyle>
#include <QQuickWindow>

namespace wp::client {

namespace {
const char EngineProperty[] = "_waypoint_app";

template <typename E> QVariantList choicesOf()
{
    QVariantList out;
    for (E value : allOf<E>())
        out.append(QVariantMap{{QStringLiteral("key"), keyOf(value)},
                               {QStringLiteral("label"), labelOf(value)}});
    return out;
}
} // namespace

AppContext::AppContext(Session::Options options, QObject *parent)
    : AppContext(std::move(options), SyncOptions{}, parent)
{
}

AppContext::AppContext(Session::Options options, SyncOptions sync, QObject *parent)
    : QObject(parent), m_preferences(new Preferences(options.dataDir, this)),
      m_session(new Session(std::move(options), this)),
      m_syncThread(new SyncThread(m_session, std::move(sync), this)),
      m_connection(new SyncConnection(m_session, m_syncThread, this)),
      m_sync(new SyncStatus(m_session, m_syncThread, m_connection, this)),
      m_newDevices(new NewDeviceNotices(m_session, m_syncThread, m_connection, this)),
      m_lease(new OfflineLeaseGate(m_session, m_connection, m_sync, this)),
      m_readers(new EntryReaders(this)),
      m_caseload(new ParticipantListModel(ParticipantListModel::Kind::Caseload, this)),
      m_diary(new DiaryListModel(this)), m_supervision(new SupervisionListModel(this)),
      m_toDiscuss(new ToDiscussModel(this)), m_today(new TodayBoard(&m_names, this)),
      m_insights(new InsightsBoard(this)), m_search(new SearchController(&m_names, this)),
      m_participant(new ParticipantDetail(&m_names, this)),
      m_participantEditor(new ParticipantEditor(this)),
      m_encounterEditor(new EncounterEditor(this)), m_diaryEditor(new DiaryEditor(this)),
      m_supervisionEditor(new SupervisionEditor(this)), m_review(new ReviewDesk(this))
{
    m_session->setAutoLockSeconds(m_preferences->autoLockSeconds());
    connect(m_preferences, &Preferences::autoLockSecondsChanged, this,
            [this] { m_session->setAutoLockSeconds(m_preferences->autoLockSeconds()); });
    connect(m_preferences, &Preferences::languageChanged, this, &AppContext::applyLanguage);
    // The unlock screen opens as the worker chose at setup: digit pad or passphrase field.
    m_session->setPassphrase(m_preferences->passphrase());
    connect(m_session, &Session::passphraseChanged, this,
            [this] { m_preferences->setPassphrase(m_session->passphrase()); });
    const auto readersChanged = [this] {
        m_readers->update(m_connection->enrolled(), m_connection->supervisorsLearnt(),
                          m_connection->supervisors());
    };
    connect(m_connection, &SyncConnection::enrolledChanged, this, readersChanged);
    connect(m_connection, &SyncConnection::supervisorsChanged, this, readersChanged);
    readersChanged();
    connect(m_session, &Session::opened, this, &AppContext::storeOpened);
    connect(m_session, &Session::closing, this, &AppContext::storeClosing);
    if (auto *gui = qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        connect(gui, &QGuiApplication::applicationStateChanged, m_session,
                [this](Qt::ApplicationState state) {
                    m_session->applicationActiveChanged(state == Qt::ApplicationActive);
                });

    // Whatever changes a participant changes the caseload, Today and the name cache.
    const auto participantsChanged = [this] {
        m_names.clear();
        m_caseload->reload();
        m_today->refresh();
    };
    connect(m_participantEditor, &Editor::saved, this, participantsChanged);
    connect(m_participant, &ParticipantDetail::saved, this, participantsChanged);
    connect(m_encounterEditor, &EncounterEditor::participantAdded, this, participantsChanged);
    connect(m_encounterEditor, &Editor::saved, this, [this, participantsChanged] {
        participantsChanged();
        m_participant->reload();
    });
    connect(m_diaryEditor, &Editor::saved, m_diary, &PagedModel::reload);
    connect(m_supervisionEditor, &Editor::saved, this, [this] {
        m_supervision->reload();
        m_today->refresh();
    });
    connect(m_today, &TodayBoard::actionItemChanged, m_supervision, &PagedModel::reload);
    // A deleted record leaves every list that showed it.
    connect(m_encounterEditor, &Editor::removed, this, [this, participantsChanged] {
        participantsChanged();
        m_participant->reload();
        m_search->results()->refresh();
    });
    connect(m_diaryEditor, &Editor::removed, this, [this] {
        m_diary->reload();
        m_search->results()->refresh();
    });
    // A note saved may be the supervision that discussed the raised entries.
    for (Editor *editor :
         {static_cast<Editor *>(m_diaryEditor), static_cast<Editor *>(m_supervisionEditor)}) {
        connect(editor, &Editor::saved, m_toDiscuss, &ToDiscussModel::refresh);
        connect(editor, &Editor::removed, m_toDiscuss, &ToDiscussModel::refresh);
    }
    connect(m_supervisionEditor, &Editor::removed, this, [this] {
        m_supervision->reload();
        m_today->refresh();
        m_search->results()->refresh();
    });
    // Every save or deletion may change a figure of Insights (read again only while shown).
    for (Editor *editor :
         {static_cast<Editor *>(m_participantEditor), static_cast<Editor *>(m_encounterEditor),
          static_cast<Editor *>(m_diaryEditor)}) {
        connect(editor, &Editor::saved, m_insights, &InsightsBoard::storeChanged);
        connect(editor, &Editor::removed, m_insights, &InsightsBoard::storeChanged);
    }
    connect(m_participant, &ParticipantDetail::saved, m_insights, &InsightsBoard::storeChanged);
    connect(m_encounterEditor, &EncounterEditor::participantAdded, m_insights,
            &InsightsBoard::storeChanged);
    connectSync();
    for (Editor *editor :
         {static_cast<Editor *>(m_participantEditor), static_cast<Editor *>(m_encounterEditor),
          static_cast<Editor *>(m_diaryEditor), static_cast<Editor *>(m_supervisionEditor)})
        connect(editor, &Editor::draftsChanged, m_today->drafts(), &DraftListModel::reload);
    applyLanguage();
}

// Saves wake the sync scheduler; records merged from the server refresh what is shown.
void AppContext::connectSync()
{
    for (Editor *editor :
         {static_cast<Editor *>(m_participantEditor), static_cast<Editor *>(m_encounterEditor),
          static_cast<Editor *>(m_diaryEditor), static_cast<Editor *>(m_supervisionEditor)})
        connect(editor, &Editor::saved, m_sync, &SyncStatus::localChange);
    for (Editor *editor :
         {static_cast<Editor *>(m_encounterEditor), static_cast<Editor *>(m_diaryEditor),
          static_cast<Editor *>(m_supervisionEditor)})
        connect(editor, &Editor::removed, m_sync, &SyncStatus::localChange);
    connect(m_participant, &ParticipantDetail::saved, m_sync, &SyncStatus::localChange);
    connect(m_encounterEditor, &EncounterEditor::participantAdded, m_sync,
            &SyncStatus::localChange);
    connect(m_today, &TodayBoard::actionItemChanged, m_sync, &SyncStatus::localChange);
    // In place, not reset: a list scrolled down stays where the worker was reading.
    connect(m_sync, &SyncStatus::runFinished, m_newDevices, &NewDeviceNotices::syncRunFinished);
    connect(m_sync, &SyncStatus::remoteChangesApplied, this, [this] {
        if (!m_session->store())
            return;
        m_names.clear();
        m_caseload->refresh();
        m_diary->refresh();
        m_supervision->refresh();
        m_toDiscuss->refresh();
        m_today->refreshInPlace();
        m_search->results()->refresh();
        m_participant->reload();
        m_insights->storeChanged();
        m_review->refresh();
    });
    // A sync may learn the user's role and workers; what review writes is sent.
    connect(m_connection, &SyncConnection::profileChanged, m_review, &ReviewDesk::refresh);
    connect(m_review, &ReviewDesk::wrote, m_sync, &SyncStatus::localChange);
    // A resolved conflict changed the record here: what shows it reads it again, and an
    // editor open on it without unsaved changes shows the chosen text.
    connect(m_sync->conflicts(), &ConflictListModel::resolved, this, [this](const QString &id) {
        m_diary->refresh();
        m_supervision->refresh();
        m_today->refreshInPlace();
        m_search->results()->refresh();
        for (Editor *editor :
             {static_cast<Editor *>(m_encounterEditor), static_cast<Editor *>(m_diaryEditor),
              static_cast<Editor *>(m_supervisionEditor)}) {
            if (editor->isOpenOn(id) && !editor->dirty())
                editor->load(id);
        }
    });
}

AppContext::~AppContext()
{
    if (m_engine)
        m_engine->setProperty(EngineProperty, QVariant());
    // Editors keep their drafts while the store and draft box still exist.
    m_session->lock();
}

QString AppContext::pseudonymWarning(const QString &text) const
{
    return RecordText::pseudonymWarning(text);
}

QString AppContext::dateText(const QString &isoDate) const
{
    const QDate date = QDate::fromString(isoDate, Qt::ISODate);
    return date.isValid() ? form::dateText(date) : isoDate;
}

QString AppContext::isoDate(const QString &typed) const
{
    const QDate date = form::dateFromText(typed);
    return date.isValid() ? date.toString(Qt::ISODate) : typed.trimmed();
}

void AppContext::useMaterialStyle()
{
    QQuickStyle::setStyle(QStringLiteral("Material"));
}

void AppContext::attach(QQmlEngine *engine)
{
    m_engine = engine;
    engine->setProperty(EngineProperty, QVariant::fromValue(static_cast<QObject *>(this)));
}

QQuickWindow *AppContext::loadShell(QQmlApplicationEngine &engine)
{
    attach(&engine);
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/Waypoint/Ui/app/Main.qml")));
    const QList<QObject *> roots = engine.rootObjects();
    return roots.isEmpty() ? nullptr : qobject_cast<QQuickWindow *>(roots.first());
}

AppContext *AppContext::create(QQmlEngine *engine, QJSEngine *)
{
    auto *app = qobject_cast<AppContext *>(engine->property(EngineProperty).value<QObject *>());
    if (!app)
        qFatal("Waypoint: no App attached to this QML engine (AppContext::attach)");
    QJSEngine::setObjectOwnership(app, QJSEngine::CppOwnership);
    return app;
}

QVariantMap AppContext::vocabulary() const
{
    return {{QStringLiteral("stage"), choicesOf<Stage>()},
            {QStringLiteral("place"), choicesOf<Place>()},
            {QStringLiteral("need"), choicesOf<Need>()},
            {QStringLiteral("service"), choicesOf<Service>()},
            {QStringLiteral("theme"), choicesOf<DiaryTheme>()},
            {QStringLiteral("goalStatus"), choicesOf<GoalStatus>()},
            {QStringLiteral("consent"), choicesOf<ConsentState>()},
            {QStringLiteral("owner"), choicesOf<ActionOwner>()},
            {QStringLiteral("selfCare"), choicesOf<SelfCare>()},
            {QStringLiteral("supplies"), choicesOf<Supply>()}};
}

void AppContext::applyLanguage()
{
    const QString language = m_preferences->language();
    if (m_translator) {
        QCoreApplication::removeTranslator(m_translator.get());
        m_translator.reset();
    }
    QLocale::setDefault(
        QLocale(language == QLatin1String("fr") ? QLocale::French : QLocale::English,
                language == QLatin1String("fr") ? QLocale::France : QLocale::UnitedKingdom));
    auto translator = std::make_unique<QTranslator>();
    if (translator->load(QStringLiteral(":/i18n/waypoint_%1.qm").arg(language))) {
        QCoreApplication::installTranslator(translator.get());
        m_translator = std::move(translator);
    }
    if (m_engine)
        m_engine->retranslate();
    m_connection->retranslate();
    m_sync->retranslate();
    m_newDevices->retranslate();
    Q_EMIT vocabularyChanged();
    // Lists hold translated labels computed when rows were read.
    if (m_session->store())
        setStoreEverywhere(m_session->store());
}

void AppContext::storeOpened()
{
    m_names.clear();
    setStoreEverywhere(m_session->store());
}

void AppContext::storeClosing()
{
    setStoreEverywhere(nullptr);
    m_names.clear();
}

void AppContext::setStoreEverywhere(wp::Store *store)
{
    DraftBox *drafts = store ? m_session->drafts() : nullptr;
    for (Editor *editor :
         {static_cast<Editor *>(m_participantEditor), static_cast<Editor *>(m_encounterEditor),
          static_cast<Editor *>(m_diaryEditor), static_cast<Editor *>(m_supervisionEditor)})
        editor->attach(store, drafts);
    m_caseload->setStore(store);
    m_diary->setStore(store);
    m_supervision->setStore(store);
    m_toDiscuss->setStore(store);
    m_today->setStore(store, drafts);
    m_insights->setStore(store);
    m_search->setStore(store);
    m_participant->setStore(store, drafts);
    m_review->setStore(store);
}

} // namespace wp::client
