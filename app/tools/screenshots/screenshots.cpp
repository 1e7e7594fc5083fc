// SPDX-License-Identifier: GPL-3.0-or-later
// Renders every main screen at phone size, light and dark, with demo data made through the
// store, into a folder (scripts/screenshots passes docs/screenshots). Offscreen.
#include "AppContext.h"
#include "DemoData.h"
#include "ReviewDemo.h"
#include "Store.h"
#include "SupervisionAgenda.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QTextStream>

using namespace wp::client;

namespace {

void settle(int ms = 400)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
}

// Eleven weeks before the demo data's, for the Insights charts: encounters in varied places
// (two weeks off), rated diary entries, self-care on some days. Added after the other screens
// are shot, so they show the demo data alone.
wp::Status addHistory(wp::Store &store)
{
    using namespace wp;
    const QDate monday = QDate::currentDate().addDays(1 - QDate::currentDate().dayOfWeek());
    const QList<Place> places = {Place::Outreach, Place::Shelter, Place::DropIn, Place::Hospital,
                                 Place::Court};
    for (int week = 1; week <= 11; ++week) {
        const QDate start = monday.addDays(-7 * week);
        const int count = (week == 4 || week == 8) ? 0 : 3 + (week * 5) % 7;
        for (int i = 0; i < count; ++i) {
            Encounter e;
            e.occurredAt = QDateTime(start.addDays(i % 5), QTime(10 + i % 6, 15));
            e.durationMinutes = 30;
            e.place = places.at((i + week) % (i % 3 == 0 ? 2 : 5));
            e.needs = {Need::Housing};
            if (Result<Encounter> saved = store.encounters().save(e); !saved)
                return saved.error();
        }
        for (int i = 0; i < 2; ++i) {
            DiaryEntry d;
            d.writtenAt = QDateTime(start.addDays(1 + 3 * i), QTime(20, 0));
            d.text = QStringLiteral("A week at the shelter and the drop-in.");
            // A hard stretch in the middle weeks, easing since.
            static const int wellbeing[] = {4, 4, 3, 3, 2, 2, 2, 3, 3, 4, 3};
            static const int stress[] = {2, 3, 3, 4, 4, 5, 4, 3, 3, 2, 3};
            d.wellbeing = wellbeing[week - 1] + (i && week % 3 == 0 ? -1 : 0);
            d.stress = stress[week - 1] + (i && week % 4 == 1 ? 1 : 0);
            if ((week + i) % 3 == 0)
                d.selfCare = {keyOf(SelfCare::TimeOutside)};
            if (Result<DiaryEntry> saved = store.diary().save(d); !saved)
                return saved.error();
        }
    }
    return {};
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QTextStream err(stderr);
    const QStringList args = QCoreApplication::arguments();
    const QString out = args.size() > 1 ? args.at(1) : QStringLiteral("docs/screenshots");
    const QString language = args.size() > 2 ? args.at(2) : QStringLiteral("en");
    // Optional: window size ("1280x800") and text scale (1, 1.25, 1.5).
    const QStringList size =
        (args.size() > 3 ? args.at(3) : QStringLiteral("360x780")).split(QLatin1Char('x'));
    const double textScale = args.size() > 4 ? args.at(4).toDouble() : 1.0;
    QDir().mkpath(out);

    QTemporaryDir data;
    wp::VaultPolicy policy;
    policy.kdf = wp::KdfParams::fastForTests();
    AppContext context(Session::Options{data.path(), policy, 6});
    context.preferences()->setLanguage(language);
    context.preferences()->setTheme(QStringLiteral("light"));
    context.preferences()->setTextScale(textScale);
    AppContext::useMaterialStyle();
    QQmlApplicationEngine engine;
    QQuickWindow *window = context.loadShell(engine);
    if (!window) {
        err << "screenshots: the main window did not load\n";
        return 1;
    }
    window->resize(size.value(0).toInt(), size.value(1).toInt());

    QString suffix = QStringLiteral("light");
    int failures = 0;
    const auto shoot = [&](const QString &name) {
        settle();
        const QImage image = window->grabWindow();
        const QString file = QDir(out).filePath(QStringLiteral("%1-%2.png").arg(name, suffix));
        if (image.isNull() || !image.save(file)) {
            err << "screenshots: could not write " << file << '\n';
            ++failures;
        }
    };
    const auto open = [&](const QString &screen, const QVariantMap &props) {
        QMetaObject::invokeMethod(window, "openScreen", Q_ARG(QString, screen),
                                  Q_ARG(QVariant, QVariant(props)));
    };
    const auto home = [&](int tab) {
        QMetaObject::invokeMethod(window, "goHome", Q_ARG(int, tab));
    };

    Session *session = context.session();
    for (const QString &theme : {QStringLiteral("dark"), QStringLiteral("light")}) {
        suffix = theme;
        context.preferences()->setTheme(theme);
        shoot(QStringLiteral("firstrun"));
    }
    for (const QString &theme : {QStringLiteral("light"), QStringLiteral("dark")}) {
        suffix = theme;
        context.preferences()->setTheme(theme);
        if (session->state() == Session::NeedsSetup) {
            session->createPin(QStringLiteral("246810"), QStringLiteral("246810"));
            session->waitForIdle();
            if (!session->store()) {
                err << "screenshots: setup failed: " << session->message() << '\n';
                return 1;
            }
            if (wp::Status filled = addDemoData(*session->store()); !filled) {
                err << "screenshots: demo data: " << filled.error().message << '\n';
                return 1;
            }
            session->lock();
        }
        shoot(QStringLiteral("unlock"));
        session->unlock(QStringLiteral("246810"));
        session->waitForIdle();
        if (session->state() != Session::Unlocked) {
            err << "screenshots: unlock failed: " << session->message() << '\n';
            return 1;
        }
        home(0);
        shoot(QStringLiteral("today"));
        home(1);
        shoot(QStringLiteral("caseload"));
        QString someone;
        if (auto page = session->store()->participants().findByPseudonym(QStringLiteral("JD"));
            page && !page->items.isEmpty())
            someone = wp::idText(page->items.first().id);
        open(QStringLiteral("participant"), {{QStringLiteral("participantId"), someone}});
        settle();
        if (context.participant()->goals().isEmpty()) // a goal, with the button that edits it
            context.participant()->addGoal(QStringLiteral("Register with a GP"));
        shoot(QStringLiteral("participant"));
        // A goal put right or taken out: its words in a field, Remove and Save at the bottom.
        if (const QVariantList goals = context.participant()->goals(); !goals.isEmpty()) {
            // On the page shown: a page popped in the other theme may not be gone yet.
            QObject *dialog = nullptr;
            for (QQuickItem *page :
                 window->findChildren<QQuickItem *>(QStringLiteral("participantPage")))
                if (page->isVisible())
                    dialog = page->findChild<QObject *>(QStringLiteral("goalDialog"));
            if (dialog) {
                const QVariantMap goal = goals.first().toMap();
                QMetaObject::invokeMethod(
                    dialog, "editGoal", Q_ARG(QString, goal.value(QStringLiteral("id")).toString()),
                    Q_ARG(QString, goal.value(QStringLiteral("text")).toString()));
                settle(400);
                shoot(QStringLiteral("participant-goal-edit"));
                QMetaObject::invokeMethod(dialog, "close");
                settle(300);
            }
        }
        // Delete asks first, naming who and what goes with them.
        QObject *erase = nullptr;
        for (QQuickItem *page :
             window->findChildren<QQuickItem *>(QStringLiteral("participantPage")))
            if (page->isVisible())
                erase = page->findChild<QObject *>(QStringLiteral("eraseDialog"));
        if (erase) {
            erase->setProperty("withdrawing", false);
            QMetaObject::invokeMethod(erase, "open");
            settle(400);
            shoot(QStringLiteral("participant-delete"));
            QMetaObject::invokeMethod(erase, "close");
            settle(300);
        }
        open(QStringLiteral("encounter"), {{QStringLiteral("participantId"), someone}});
        context.encounterEditor()->setField(
            QStringLiteral("needs"),
            QStringList{QStringLiteral("housing"), QStringLiteral("harm_reduction")});
        context.encounterEditor()->setField(QStringLiteral("supplies"),
                                            QStringList{QStringLiteral("naloxone")});
        context.encounterEditor()->setField(QStringLiteral("durationMinutes"), 15);
        shoot(QStringLiteral("encounter"));
        context.encounterEditor()->discard();
        // Someone new, typed in "Who": offered as a new participant, with the full-name warning.
        home(0);
        open(QStringLiteral("encounter"), {{QStringLiteral("participantId"), QString()}});
        settle();
        if (QObject *who = window->findChild<QObject *>(QStringLiteral("findParticipant"))) {
            who->setProperty("text", QStringLiteral("Mo Green"));
            context.encounterEditor()->findChoices(QStringLiteral("Mo Green"));
        }
        shoot(QStringLiteral("encounter-new-person"));
        // "Other time...": the picker over the form.
        if (QObject *picker = window->findChild<QObject *>(QStringLiteral("timePicker"))) {
            QMetaObject::invokeMethod(picker, "open");
            settle(1200); // the wheels turn to the time now
            shoot(QStringLiteral("encounter-time"));
            QMetaObject::invokeMethod(picker, "close");
            settle(300);
        }
        context.encounterEditor()->discard();
        // A saved encounter tapped in a list: the same form, to put right or delete (asked).
        if (auto recent = session->store()->encounters().recent(1); recent && !recent->isEmpty()) {
            home(0);
            open(QStringLiteral("encounter"),
                 {{QStringLiteral("encounterId"), wp::idText(recent->first().id)}});
            shoot(QStringLiteral("encounter-edit"));
            if (QObject *dialog =
                    window->findChild<QObject *>(QStringLiteral("deleteEncounterDialog"))) {
                QMetaObject::invokeMethod(dialog, "open");
                settle(400);
                shoot(QStringLiteral("encounter-delete"));
                QMetaObject::invokeMethod(dialog, "close");
                settle(300);
            }
            context.encounterEditor()->discard();
        }
        home(1);
        open(QStringLiteral("newParticipant"), {});
        context.participantEditor()->setField(QStringLiteral("pseudonym"),
                                              QStringLiteral("Mary Smith"));
        shoot(QStringLiteral("participant-form"));
        context.participantEditor()->discard();
        // As once a sync has named the worker's supervisor: who can read each entry, by name.
        context.readers()->update(true, true, {QStringLiteral("Alex")});
        home(2);
        shoot(QStringLiteral("diary"));
        open(QStringLiteral("diary"), {{QStringLiteral("entryId"), QString()}});
        context.diaryEditor()->setField(
            QStringLiteral("text"),
            QStringLiteral("Sat with Robin at the drop-in while the housing officer was late.\nWe "
                           "talked about football."));
        context.diaryEditor()->setField(QStringLiteral("wellbeing"), 4);
        shoot(QStringLiteral("diary-editor"));
        // Shared: who reads it, by name.
        context.diaryEditor()->setField(QStringLiteral("shared"), true);
        shoot(QStringLiteral("diary-editor-shared"));
        context.diaryEditor()->discard();
        // No supervisor assigned: the switch says that sharing reaches no one.
        context.readers()->update(true, true, {});
        open(QStringLiteral("diary"), {{QStringLiteral("entryId"), QString()}});
        context.diaryEditor()->setField(QStringLiteral("text"), QStringLiteral("A long day."));
        context.diaryEditor()->setField(QStringLiteral("shared"), true);
        shoot(QStringLiteral("diary-editor-no-supervisor"));
        context.diaryEditor()->discard();
        context.readers()->update(true, true, {QStringLiteral("Alex")});
        home(3);
        shoot(QStringLiteral("supervision"));
        if (auto notes = session->store()->supervision().list(); notes && !notes->items.isEmpty())
            open(QStringLiteral("supervision"),
                 {{QStringLiteral("noteId"), wp::idText(notes->items.first().id)}});
        shoot(QStringLiteral("supervision-editor"));
        // An entry raised for the next supervision: listed under "To discuss" on a new note.
        if (auto entries = session->store()->diary().list(); entries && !entries->items.isEmpty())
            (void)wp::SupervisionAgenda(*session->store(), {})
                .setRaised(entries->items.first().id, true);
        home(3);
        open(QStringLiteral("supervision"), {{QStringLiteral("noteId"), QString()}});
        settle(300);
        shoot(QStringLiteral("supervision-to-discuss"));
        context.supervisionEditor()->discard();
        home(0);
        context.search()->setQuery(QStringLiteral("court"));
        open(QStringLiteral("search"), {});
        settle(300);
        shoot(QStringLiteral("search"));
        home(0);
        open(QStringLiteral("settings"), {});
        shoot(QStringLiteral("settings"));
        home(0);
        open(QStringLiteral("sync"), {}); // the header's sync indicator leads here
        shoot(QStringLiteral("sync"));
        // Further down: who syncs from here (this device's name, the key fingerprint).
        if (QObject *identity =
                window->findChild<QObject *>(QStringLiteral("syncIdentitySection"))) {
            if (QObject *page = window->findChild<QObject *>(QStringLiteral("syncPage"))) {
                auto *flick = page->property("flickable").value<QObject *>();
                auto *item = qobject_cast<QQuickItem *>(identity);
                if (flick && item)
                    flick->setProperty("contentY",
                                       qMax(0.0, item->y() + item->height() + 16 -
                                                     flick->property("height").toDouble()));
            }
            shoot(QStringLiteral("sync-device"));
        }
        home(0);
        session->quickHide();
        shoot(QStringLiteral("quickhide"));
        session->reveal();
    }
    // Insights: the demo data and the weeks before it, as charts; then its lower half.
    session->unlock(QStringLiteral("246810")); // quick hide locked the store
    session->waitForIdle();
    if (!session->store()) {
        err << "screenshots: unlock failed: " << session->message() << '\n';
        return 1;
    }
    if (wp::Status added = addHistory(*session->store()); !added) {
        err << "screenshots: history: " << added.error().message << '\n';
        return 1;
    }
    for (const QString &theme : {QStringLiteral("light"), QStringLiteral("dark")}) {
        suffix = theme;
        context.preferences()->setTheme(theme);
        home(0);
        open(QStringLiteral("insights"), {});
        settle(600);
        shoot(QStringLiteral("insights"));
        for (QQuickItem *page : window->findChildren<QQuickItem *>(QStringLiteral("insightsPage")))
            if (page->isVisible())
                if (auto *flick = page->property("flickable").value<QObject *>())
                    flick->setProperty("contentY",
                                       qMax(0.0, flick->property("contentHeight").toDouble() -
                                                     flick->property("height").toDouble()));
        shoot(QStringLiteral("insights-wellbeing"));
    }
    // Review, the worker's side: Alex's comment on Today, then on the entry with its
    // Acknowledge button.
    const auto scrollTo = [&](const QString &pageName, const QString &itemName) {
        for (QQuickItem *page : window->findChildren<QQuickItem *>(pageName)) {
            if (!page->isVisible())
                continue;
            auto *flick = page->property("flickable").value<QQuickItem *>();
            auto *item = page->findChild<QQuickItem *>(itemName);
            if (flick && item) {
                const QPointF at = item->mapToItem(
                    flick->property("contentItem").value<QQuickItem *>(), QPointF(0, 0));
                flick->setProperty("contentY",
                                   qMax(0.0, at.y() + item->height() + 16 - flick->height()));
            }
        }
    };
    wp::Result<QUuid> commented = addWorkerReviewDemo(*session->store());
    if (!commented) {
        err << "screenshots: review demo: " << commented.error().message << '\n';
        return 1;
    }
    context.review()->refresh();
    for (const QString &theme : {QStringLiteral("light"), QStringLiteral("dark")}) {
        suffix = theme;
        context.preferences()->setTheme(theme);
        home(0);
        shoot(QStringLiteral("today-comments"));
        open(QStringLiteral("diary"), {{QStringLiteral("entryId"), wp::idText(*commented)}});
        settle();
        scrollTo(QStringLiteral("diaryEditor"), QStringLiteral("entryFeedback"));
        shoot(QStringLiteral("diary-feedback"));
        context.diaryEditor()->discard();
    }
    // The supervisor's side: the queue, an entry with its thread, and both side by side at
    // desktop width.
    wp::Result<QUuid> threaded = addSupervisorReviewDemo(*session->store());
    if (!threaded) {
        err << "screenshots: review demo: " << threaded.error().message << '\n';
        return 1;
    }
    context.review()->refresh();
    const QSize phone = window->size();
    for (const QString &theme : {QStringLiteral("light"), QStringLiteral("dark")}) {
        suffix = theme;
        context.preferences()->setTheme(theme);
        window->resize(phone);
        home(4);
        shoot(QStringLiteral("review-queue"));
        open(QStringLiteral("reviewEntry"), {{QStringLiteral("entryId"), wp::idText(*threaded)}});
        shoot(QStringLiteral("review-entry"));
        home(4);
        window->resize(1280, 800);
        context.review()->thread()->open(wp::idText(*threaded));
        shoot(QStringLiteral("review-desktop"));
    }
    window->resize(phone);
    QTextStream(stdout) << "screenshots: written to " << out << '\n';
    return failures == 0 ? 0 : 1;
}
