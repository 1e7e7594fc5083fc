// SPDX-License-Identifier: GPL-3.0-or-later
// The client's models and controllers over a real encrypted store in a temporary folder.
// Every model is checked by QAbstractItemModelTester while it pages.
#include "AppContext.h"
#include "DemoData.h"
#include "DeviceStore.h"
#include "DraftBox.h"
#include "InMemoryKeyStore.h"
#include "Store.h"
#include "Uuid.h"
#include "VaultFile.h"
#include "WipingAllocator.h"

#include <QAbstractItemModelTester>
#include <QCborArray>
#include <QCborValue>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sodium.h>
#include <sys/stat.h>

using namespace wp;
using namespace wp::client;

namespace {
const QString Pin = QStringLiteral("135790");
}

class TestClient : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<AppContext> m_app;

    Session *session() { return m_app->session(); }
    void unlock()
    {
        if (session()->state() == Session::Unlocked)
            return;
        QTRY_COMPARE(session()->retrySeconds(), 0);
        session()->unlock(Pin);
        session()->waitForIdle();
        QCOMPARE(session()->state(), Session::Unlocked);
    }
    QVariant role(PagedModel *model, int row, const QByteArray &name)
    {
        return model->data(model->index(row), model->roleNames().key(name));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        VaultPolicy policy;
        policy.kdf = KdfParams::fastForTests();
        policy.baseDelay = std::chrono::milliseconds(300);
        m_app = std::make_unique<AppContext>(Session::Options{m_dir.path(), policy, 6});
        QCOMPARE(session()->state(), Session::NeedsSetup);

        session()->createPin(QStringLiteral("1234"), QStringLiteral("1234"));
        QVERIFY(!session()->message().isEmpty()); // too short
        session()->createPin(Pin, QStringLiteral("135791"));
        QVERIFY(session()->message().contains(QStringLiteral("different")));
        session()->createPin(Pin, Pin);
        session()->waitForIdle();
        QCOMPARE(session()->state(), Session::Unlocked);
        QVERIFY(addDemoData(*session()->store(), DemoSize{120, 200, 130, 5}).ok());
        session()->lock();
        unlock();
    }

    void caseloadPagesFiftyAtATime()
    {
        ParticipantListModel *caseload = m_app->caseload();
        caseload->reload();
        QCOMPARE(caseload->rowCount(), 50);
        QVERIFY(caseload->canFetchMore({}));
        caseload->fetchMore({});
        QCOMPARE(caseload->rowCount(), 100);
        caseload->fetchMore({});
        QCOMPARE(caseload->rowCount(), 120);
        QVERIFY(!caseload->canFetchMore({}));
        // The tester fetches on its own as views do; reading and paging stay consistent.
        QAbstractItemModelTester tester(caseload,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        caseload->reload();
        while (caseload->canFetchMore({}))
            caseload->fetchMore({});
        QCOMPARE(caseload->rowCount(), 120);
        for (int row = 0; row < caseload->rowCount(); ++row) {
            QVERIFY(!role(caseload, row, "pseudonym").toString().isEmpty());
            QVERIFY(!role(caseload, row, "stageLabel").toString().isEmpty());
            QVERIFY(!idFromText(role(caseload, row, "recordId").toString()).isNull());
        }
    }

    void caseloadFiltersByStageAndSearches()
    {
        ParticipantListModel *caseload = m_app->caseload();
        QAbstractItemModelTester tester(caseload,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        caseload->setStageFilter(QStringLiteral("stepping_out"));
        QVERIFY(caseload->rowCount() > 0);
        while (caseload->canFetchMore({}))
            caseload->fetchMore({});
        for (int row = 0; row < caseload->rowCount(); ++row)
            QCOMPARE(role(caseload, row, "stageKey").toString(), QStringLiteral("stepping_out"));
        caseload->setStageFilter({});
        caseload->setQuery(QStringLiteral("rob"));
        QCOMPARE(caseload->rowCount(), 1);
        QCOMPARE(role(caseload, 0, "pseudonym").toString(), QStringLiteral("Robin"));
        caseload->setQuery({});
    }

    void diaryListShowsShareState()
    {
        DiaryListModel *diary = m_app->diary();
        diary->reload();
        QCOMPARE(diary->rowCount(), 50);
        QAbstractItemModelTester tester(diary,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        diary->reload();
        for (int row = 0; row < diary->rowCount(); ++row) {
            Result<DiaryEntry> entry = session()->store()->diary().get(
                idFromText(role(diary, row, "recordId").toString()));
            QVERIFY(entry.ok());
            QCOMPARE(role(diary, row, "shared").toBool(), entry->shared);
        }
    }

    // After a pull (AppContext calls refresh): rows change in place, the list is not reset,
    // so a view keeps the item it shows; the result is what a full reload would read.
    void refreshUpdatesRowsInPlace()
    {
        DiaryListModel *diary = m_app->diary();
        diary->reload();
        QAbstractItemModelTester tester(diary,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        while (diary->canFetchMore({}))
            diary->fetchMore({});
        const int rows = diary->rowCount();
        QVERIFY(rows > 100);
        const auto idAt = [&](int row) {
            return idFromText(role(diary, row, "recordId").toString());
        };
        Store &store = *session()->store();
        const QPersistentModelIndex shown = diary->index(80);
        const QString shownId = role(diary, 80, "recordId").toString();

        // What a pull can bring: a deletion, an edit, a new entry and an entry moved (its
        // date changed so it sorts first).
        QVERIFY(store.diary().remove(idAt(10)).ok());
        auto edited = store.diary().get(idAt(60));
        QVERIFY(edited.ok());
        edited->text = QStringLiteral("Edited elsewhere");
        edited->prompts = {};
        QVERIFY(store.diary().save(*edited).ok());
        auto moved = store.diary().get(idAt(100));
        QVERIFY(moved.ok());
        moved->writtenAt = QDateTime::currentDateTimeUtc().addDays(1);
        QVERIFY(store.diary().save(*moved).ok());
        DiaryEntry fresh;
        fresh.text = QStringLiteral("New from the tablet");
        fresh.writtenAt = QDateTime::currentDateTimeUtc().addDays(2);
        QVERIFY(store.diary().save(fresh).ok());

        QSignalSpy resets(diary, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(diary, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(diary, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(diary, &QAbstractItemModel::dataChanged);
        diary->refresh();
        QCOMPARE(resets.count(), 0);
        QCOMPARE(removed.count(), 2);      // the deleted row, and the moved one where it was
        QCOMPARE(inserted.count(), 1);     // the new and the moved, together at the top
        QCOMPARE(changed.count(), 1);      // the edit
        QCOMPARE(diary->rowCount(), rows); // one new, one deleted
        // The row that was on screen is the same record, one deletion above it and two rows
        // arriving above it: a view showing it keeps showing it.
        QVERIFY(shown.isValid());
        QCOMPARE(shown.data(DiaryListModel::RecordIdRole).toString(), shownId);
        QCOMPARE(shown.row(), 80 - 1 + 2);
        QCOMPARE(role(diary, 0, "title").toString(), QStringLiteral("New from the tablet"));
        QCOMPARE(idAt(1), moved->id);
        QCOMPARE(role(diary, 60 - 1 + 2, "title").toString(), QStringLiteral("Edited elsewhere"));

        // The same as reading everything again.
        QStringList inPlace;
        for (int row = 0; row < diary->rowCount(); ++row)
            inPlace.append(role(diary, row, "recordId").toString() +
                           role(diary, row, "title").toString());
        diary->reload();
        while (diary->canFetchMore({}))
            diary->fetchMore({});
        QStringList reread;
        for (int row = 0; row < diary->rowCount(); ++row)
            reread.append(role(diary, row, "recordId").toString() +
                          role(diary, row, "title").toString());
        QCOMPARE(inPlace, reread);
    }

    void searchGroupsResultsByKindWithHighlights()
    {
        SearchResultModel *results = m_app->search()->results();
        QAbstractItemModelTester tester(results,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        results->setQuery(QStringLiteral("court"));
        QVERIFY(results->rowCount() > 2);
        QStringList kinds;
        for (int row = 0; row < results->rowCount(); ++row) {
            const QString kind = role(results, row, "kind").toString();
            QCOMPARE(role(results, row, "firstOfKind").toBool(),
                     kinds.isEmpty() || kinds.last() != kind);
            if (kinds.isEmpty() || kinds.last() != kind) {
                QVERIFY2(!kinds.contains(kind), "a kind appears in two groups");
                kinds.append(kind);
            }
            QVERIFY(role(results, row, "snippet").toString().contains(QStringLiteral("<b>")));
        }
        QVERIFY(kinds.contains(QStringLiteral("encounter")));
        QVERIFY(kinds.contains(QStringLiteral("diary")));
        results->setQuery(QStringLiteral("<script>"));
        for (int row = 0; row < results->rowCount(); ++row)
            QVERIFY(!role(results, row, "snippet").toString().contains(QStringLiteral("<script>")));
    }

    void encounterNeedsSomeoneThenUpdatesTheParticipant()
    {
        EncounterEditor *editor = m_app->encounterEditor();
        editor->discard();
        editor->startNew({});
        QVERIFY(!editor->save());
        QVERIFY(editor->errors().contains(QStringLiteral("participantId")));
        QVERIFY(editor->choices().size() >= 1);

        const QString who =
            editor->choices().first().toMap().value(QStringLiteral("key")).toString();
        Result<Participant> before = session()->store()->participants().get(idFromText(who));
        QVERIFY(before.ok());
        const Stage next =
            before->stage == Stage::Partnership ? Stage::SafePlace : Stage::Partnership;
        editor->setField(QStringLiteral("participantId"), who);
        editor->toggle(QStringLiteral("needs"), QStringLiteral("housing"));
        editor->setField(QStringLiteral("stageAfter"), keyOf(next));
        editor->setField(QStringLiteral("followUpOn"), QStringLiteral("not a date"));
        QVERIFY(!editor->save());
        QVERIFY(editor->errors().contains(QStringLiteral("followUpOn")));
        const QDate due = QDate::currentDate().addDays(7);
        editor->setField(QStringLiteral("followUpOn"), due.toString(Qt::ISODate));
        QVERIFY(editor->save());

        Result<Participant> after = session()->store()->participants().get(idFromText(who));
        QVERIFY(after.ok());
        QCOMPARE(after->stage, next);
        QCOMPARE(after->stageHistory.size(), before->stageHistory.size() + 1);
        QCOMPARE(after->followUpDue, due);
        QVERIFY(after->lastContact >= before->lastContact);
    }

    // Last contact follows the encounters: an edit that moves the newest one earlier, or its
    // deletion, moves it back; with none left there is none.
    void lastContactFollowsEditsAndDeletions()
    {
        Participant p;
        p.pseudonym = QStringLiteral("Lark");
        p = session()->store()->participants().save(p).value();
        EncounterEditor *editor = m_app->encounterEditor();
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const auto add = [&](const QDateTime &at) {
            editor->startNew(idText(p.id));
            editor->setField(QStringLiteral("participantId"), idText(p.id));
            editor->setTime(at);
            return editor->save() ? editor->savedId() : QString();
        };
        const auto lastContact = [&] {
            return session()->store()->participants().get(p.id).value().lastContact;
        };
        const QString newer = add(now.addSecs(-3600));
        const QString older = add(now.addSecs(-3 * 3600));
        QVERIFY(!newer.isEmpty() && !older.isEmpty());
        QCOMPARE(lastContact().toSecsSinceEpoch(), now.addSecs(-3600).toSecsSinceEpoch());

        editor->load(newer);
        editor->setTime(now.addSecs(-5 * 3600)); // it was earlier than written
        QVERIFY(editor->save());
        QCOMPARE(lastContact().toSecsSinceEpoch(), now.addSecs(-3 * 3600).toSecsSinceEpoch());

        editor->load(older);
        QVERIFY(editor->remove());
        QCOMPARE(lastContact().toSecsSinceEpoch(), now.addSecs(-5 * 3600).toSecsSinceEpoch());
        editor->load(newer);
        QVERIFY(editor->remove());
        QVERIFY(!lastContact().isValid());
    }

    void stageMovesBackInOneCall()
    {
        ParticipantDetail *detail = m_app->participant();
        Result<Page<Participant>> page =
            session()->store()->participants().findByPseudonym(QStringLiteral("Nana"));
        QVERIFY(page.ok() && !page->items.isEmpty());
        detail->load(idText(page->items.first().id));
        QVERIFY(detail->moveToStage(QStringLiteral("partnership")) ||
                detail->stageKey() == QStringLiteral("partnership"));
        const int history = detail->stageHistory().size();
        QVERIFY(detail->moveToStage(QStringLiteral("safe_place")));
        QCOMPARE(detail->stageKey(), QStringLiteral("safe_place"));
        QCOMPARE(detail->stageHistory().size(), history + 1);
        QVERIFY(detail->withdrawConsent());
        QCOMPARE(detail->consentKey(), QStringLiteral("withdrawn"));
        QAbstractItemModelTester tester(detail->encounters(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(detail->encounters()->rowCount() > 0);
    }

    void erasingAParticipantRemovesTheirRecordsAndDrafts()
    {
        Store *store = session()->store();
        Participant p;
        p.pseudonym = QStringLiteral("Mosswrenly");
        p = store->participants().save(p).value();
        QList<QUuid> encounters;
        for (int i = 0; i < 2; ++i) {
            Encounter e;
            e.participantId = p.id;
            e.occurredAt = QDateTime::currentDateTimeUtc();
            e.note = QStringLiteral("visit %1").arg(i);
            encounters.append(store->encounters().save(e).value().id);
        }
        DraftBox *drafts = session()->drafts();
        const QCborMap typed{{QStringLiteral("note"), QStringLiteral("half typed")}};
        const QStringList theirs{QStringLiteral("participant~") + idText(p.id),
                                 QStringLiteral("encounter~") + idText(encounters.first()),
                                 QStringLiteral("encounter~new-") + idText(p.id)};
        for (const QString &name : theirs)
            QVERIFY(drafts->put(name, typed).ok());
        const QString unrelated = QStringLiteral("encounter~new");
        QVERIFY(drafts->put(unrelated, typed).ok());

        ParticipantDetail *detail = m_app->participant();
        detail->load(idText(p.id));
        QCOMPARE(detail->encounterCount(), 2);
        QSignalSpy erased(detail, &ParticipantDetail::erased);
        QVERIFY(detail->erase());
        QCOMPARE(erased.size(), 1);
        QVERIFY(detail->participantId().isEmpty());
        QCOMPARE(store->participants().get(p.id).error().code, ErrorCode::NotFound);
        for (const QUuid &id : encounters)
            QCOMPARE(store->encounters().get(id).error().code, ErrorCode::NotFound);
        const QStringList left = drafts->names();
        for (const QString &name : theirs)
            QVERIFY2(!left.contains(name), qPrintable(name));
        QVERIFY(left.contains(unrelated));
        drafts->remove(unrelated);
        QVERIFY(!detail->erase()); // nothing loaded
    }

    void draftIsSealedAndSurvivesLocking()
    {
        const QString marker =
            QStringLiteral("PLAINTEXT-MARKER-%1").arg(QCoreApplication::applicationPid());
        DiaryEditor *editor = m_app->diaryEditor();
        editor->startNew({});
        editor->setField(QStringLiteral("text"), marker);
        editor->keepDraft();
        QDirIterator it(m_dir.path(), QDir::Files, QDirIterator::Subdirectories);
        int drafts = 0;
        while (it.hasNext()) {
            QFile file(it.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY2(!file.readAll().contains(marker.toUtf8()), qPrintable(file.fileName()));
            drafts += file.fileName().endsWith(QStringLiteral(".draft"));
        }
        QCOMPARE(drafts, 1);

        session()->lock(); // as good as the app being killed: nothing but the sealed draft remains
        QVERIFY(editor->fields().isEmpty());
        unlock();
        editor->startNew({});
        QVERIFY(editor->restoredDraft());
        QCOMPARE(editor->fields().value(QStringLiteral("text")).toString(), marker);
        QVERIFY(editor->save());
        QVERIFY(!editor->restoredDraft());
        editor->startNew({});
        QVERIFY(!editor->restoredDraft());
    }

    void supervisionActionItemsReachToday()
    {
        SupervisionEditor *editor = m_app->supervisionEditor();
        editor->startNew({});
        editor->toggle(QStringLiteral("topics"), QStringLiteral("Caseload size"));
        editor->addActionItem(QStringLiteral("Ask for a smaller caseload"),
                              QStringLiteral("supervisor"),
                              QDate::currentDate().toString(Qt::ISODate));
        QVERIFY(editor->save());
        ActionItemListModel *open = m_app->today()->openActions();
        QAbstractItemModelTester tester(open,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        open->reload();
        int row = -1;
        for (int r = 0; r < open->rowCount(); ++r)
            if (role(open, r, "itemText").toString() == QLatin1String("Ask for a smaller caseload"))
                row = r;
        QVERIFY(row >= 0);
        const int before = open->rowCount();
        QVERIFY(m_app->today()->setActionDone(role(open, row, "noteId").toString(),
                                              role(open, row, "itemId").toString(), true));
        QCOMPARE(open->rowCount(), before - 1);
    }

    // The forms' maps use the record's own field names (those a person fills in).
    void formsAreKeyedByTheRecordsFieldNames()
    {
        ParticipantEditor *participants = m_app->participantEditor();
        participants->startNew({});
        QStringList declared;
        for (const FieldInfo &f : fieldTable(RecordType::Participant))
            if (!f.spec.has(Automatic))
                declared.append(QString::fromLatin1(f.spec.name));
        QStringList keys = participants->fields().keys();
        declared.sort();
        QCOMPARE(keys, declared);

        // Consent is one field, a sub-record; giving it dates it today.
        participants->setField(QStringLiteral("pseudonym"), QStringLiteral("  Wren  "));
        participants->setSubField(QStringLiteral("consent"), QStringLiteral("state"),
                                  QStringLiteral("given"));
        participants->setSubField(QStringLiteral("consent"), QStringLiteral("scope"),
                                  QStringLiteral("notes and referrals"));
        participants->setField(QStringLiteral("stage"), QStringLiteral("partnership"));
        QVERIFY(participants->save());
        Participant p =
            session()->store()->participants().get(idFromText(participants->savedId())).value();
        QCOMPARE(p.pseudonym, QStringLiteral("Wren"));
        QCOMPARE(p.consent, (Consent{ConsentState::Given, QDate::currentDate(),
                                     QStringLiteral("notes and referrals")}));
        QCOMPARE(p.stage, Stage::Partnership);
        QCOMPARE(p.stageHistory.size(), 1);

        // Referrals are chosen by service and keep whatever else they say.
        EncounterEditor *encounters = m_app->encounterEditor();
        encounters->startNew(idText(p.id));
        QCOMPARE(encounters->fields().value(EncounterEditor::ParticipantField).toString(),
                 idText(p.id));
        encounters->toggleItem(QStringLiteral("referrals"), QStringLiteral("service"),
                               QStringLiteral("housing"));
        encounters->toggleItem(QStringLiteral("referrals"), QStringLiteral("service"),
                               QStringLiteral("justice"));
        encounters->toggleItem(QStringLiteral("referrals"), QStringLiteral("service"),
                               QStringLiteral("justice"));
        encounters->toggle(QStringLiteral("supplies"), QStringLiteral("Sharps bin"));
        QVERIFY(encounters->save());
        Encounter e =
            session()->store()->encounters().get(idFromText(encounters->savedId())).value();
        QCOMPARE(e.referrals, (QList<Referral>{{Service::Housing, QString()}}));
        QCOMPARE(e.supplies, QStringList{keyOf(Supply::SharpsBin)});
    }

    // A draft an earlier version kept (its own names for a few fields) opens as it was typed.
    void draftsOfAnEarlierVersionStillOpen()
    {
        DraftBox *drafts = session()->drafts();
        QVERIFY(drafts
                    ->put(QStringLiteral("participant~new"),
                          QCborMap{{QStringLiteral("__id"), QString()},
                                   {QStringLiteral("pseudonym"), QStringLiteral("Old")},
                                   {QStringLiteral("consentState"), QStringLiteral("given")},
                                   {QStringLiteral("consentScope"), QStringLiteral("notes only")}})
                    .ok());
        ParticipantEditor *participants = m_app->participantEditor();
        participants->startNew({});
        QVERIFY(participants->restoredDraft());
        const QVariantMap consent = participants->fields().value(QStringLiteral("consent")).toMap();
        QCOMPARE(consent.value(QStringLiteral("state")).toString(), QStringLiteral("given"));
        QCOMPARE(consent.value(QStringLiteral("scope")).toString(), QStringLiteral("notes only"));
        participants->discard();

        QVERIFY(drafts
                    ->put(QStringLiteral("encounter~new"),
                          QCborMap{{QStringLiteral("__id"), QString()},
                                   {QStringLiteral("participant"), QStringLiteral("brief")},
                                   {QStringLiteral("referrals"),
                                    QCborArray{QStringLiteral("benefits")}}})
                    .ok());
        EncounterEditor *encounters = m_app->encounterEditor();
        encounters->startNew({});
        QVERIFY(encounters->restoredDraft());
        QCOMPARE(encounters->fields().value(EncounterEditor::ParticipantField).toString(),
                 QStringLiteral("brief"));
        const QVariantList referrals =
            encounters->fields().value(QStringLiteral("referrals")).toList();
        QCOMPARE(referrals.size(), 1);
        QCOMPARE(referrals.first().toMap().value(QStringLiteral("service")).toString(),
                 QStringLiteral("benefits"));
        encounters->discard();
    }

    void wrongPinsBackOffThenTheRightOneOpens()
    {
        session()->lock();
        QCOMPARE(session()->state(), Session::Locked);
        QVERIFY(m_app->caseload()->rowCount() == 0); // nothing read from the store stays in memory
        for (int i = 0; i < 4; ++i) {
            QTRY_COMPARE(session()->retrySeconds(), 0);
            session()->unlock(QStringLiteral("000000"));
            session()->waitForIdle();
            QCOMPARE(session()->state(), Session::Locked);
            QVERIFY(!session()->message().isEmpty() || session()->retrySeconds() > 0);
        }
        QVERIFY(session()->retrySeconds() > 0);
        QVERIFY(session()->attemptsLeft() > 0);
        session()->unlock(Pin); // ignored while waiting
        QCOMPARE(session()->busy(), false);
        unlock();
        QVERIFY(m_app->caseload()->rowCount() > 0);
    }

    // The app leaving the foreground (another app, the screen locking, the window losing
    // focus) keeps what was typed at once, without waiting for a pause in typing.
    void leavingTheForegroundKeepsTheDraftAtOnce()
    {
        unlock();
        const QDir draftsDir(m_dir.filePath(QStringLiteral("drafts")));
        const auto draftFiles = [&] {
            return draftsDir.entryList({QStringLiteral("*.draft")}, QDir::Files).size();
        };
        const qsizetype before = draftFiles();
        DiaryEditor *editor = m_app->diaryEditor();
        editor->startNew({});
        editor->setField(QStringLiteral("text"), QStringLiteral("typed just before the call"));
        QCOMPARE(draftFiles(), before); // still within the pause that precedes a draft
        Q_EMIT qGuiApp->applicationStateChanged(Qt::ApplicationInactive);
        QCOMPARE(draftFiles(), before + 1);
        QCOMPARE(session()->state(), Session::Locked);
        Q_EMIT qGuiApp->applicationStateChanged(Qt::ApplicationActive);
        unlock();
        editor->startNew({});
        QVERIFY(editor->restoredDraft());
        QCOMPARE(editor->fields().value(QStringLiteral("text")).toString(),
                 QStringLiteral("typed just before the call"));
        editor->discard();
    }

    // Draft files are named so that they say nothing: not the form, not the record.
    void draftFileNamesSayNothing()
    {
        unlock();
        DiaryEditor *editor = m_app->diaryEditor();
        m_app->diary()->reload();
        const QString id = role(m_app->diary(), 0, "recordId").toString();
        QVERIFY(!id.isEmpty());
        editor->load(id);
        editor->setField(QStringLiteral("text"), QStringLiteral("an edit not saved yet"));
        editor->keepDraft();
        const QStringList files = QDir(m_dir.filePath(QStringLiteral("drafts")))
                                      .entryList({QStringLiteral("*.draft")}, QDir::Files);
        QVERIFY(!files.isEmpty());
        for (const QString &file : files) {
            QVERIFY2(!file.contains(QStringLiteral("diary")), qPrintable(file));
            QVERIFY2(!file.contains(id), qPrintable(file));
            QVERIFY2(
                QRegularExpression(QStringLiteral("^[0-9a-f]{32}\\.draft$")).match(file).hasMatch(),
                qPrintable(file));
        }
        QVERIFY(session()->drafts()->names().contains(QStringLiteral("diary~") + id));
        bool listed = false; // Today still lists it, as an edit of that entry
        DraftListModel *today = m_app->today()->drafts();
        for (int row = 0; row < today->rowCount(); ++row)
            listed |= today->data(today->index(row), DraftListModel::PropertiesRole)
                          .toMap()
                          .value(QStringLiteral("entryId")) == id;
        QVERIFY(listed);
        editor->discard();
        QVERIFY(!session()->drafts()->names().contains(QStringLiteral("diary~") + id));
    }

    // A draft kept under its plain name by an earlier version opens, and is then named opaquely.
    void plainlyNamedDraftsAreRenamed()
    {
        QTemporaryDir dir;
        const SecretBytes databaseKey = SecretBytes::random(32);
        const QString name = QStringLiteral("diary~new");
        {
            // The earlier format: the fields alone, sealed with the name as associated data.
            SecretBytes key(crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
            crypto_kdf_derive_from_key(key.data(), key.size(), 1, "wpdrafts", databaseKey.data());
            const QByteArray plain =
                QCborValue(QCborMap{{QStringLiteral("text"), QStringLiteral("old words")}})
                    .toCbor();
            const QByteArray ad = name.toUtf8();
            QByteArray sealed(crypto_aead_xchacha20poly1305_ietf_NPUBBYTES + plain.size() +
                                  crypto_aead_xchacha20poly1305_ietf_ABYTES,
                              Qt::Uninitialized);
            auto *nonce = reinterpret_cast<unsigned char *>(sealed.data());
            randombytes_buf(nonce, crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
            crypto_aead_xchacha20poly1305_ietf_encrypt(
                nonce + crypto_aead_xchacha20poly1305_ietf_NPUBBYTES, nullptr,
                reinterpret_cast<const unsigned char *>(plain.constData()), plain.size(),
                reinterpret_cast<const unsigned char *>(ad.constData()), ad.size(), nullptr, nonce,
                key.data());
            QDir().mkpath(dir.filePath(QStringLiteral("drafts")));
            QFile file(dir.filePath(QStringLiteral("drafts/diary~new.draft")));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(sealed);
        }
        DraftBox box(dir.filePath(QStringLiteral("drafts")), databaseKey);
        QCOMPARE(box.names(), QStringList{name});
        QCOMPARE(box.get(name).value_or(QCborMap()).value(QStringLiteral("text")).toString(),
                 QStringLiteral("old words"));
        const QStringList files =
            QDir(dir.filePath(QStringLiteral("drafts"))).entryList(QDir::Files);
        QCOMPARE(files.size(), 1);
        QVERIFY2(!files.first().contains(QLatin1Char('~')), qPrintable(files.first()));
        QVERIFY(box.writtenAt(name).isValid());
    }

    // The real app typing into a diary entry without a pause, SIGKILLed after 5 s: the draft
    // the next start restores holds everything but, at most, the last 2 s of typing.
    void continuousTypingKilledLosesAtMostTwoSeconds()
    {
        QTemporaryDir dir;
        QProcess typist;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        typist.setProcessEnvironment(env);
        typist.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        typist.start(QStringLiteral(DIARY_TYPIST), {dir.path(), Pin});
        QVERIFY(typist.waitForStarted());
        QMap<int, qint64> typedAt; // key count -> when the editor had it (Unix ms)
        qint64 firstKey = 0;
        QElapsedTimer guard;
        guard.start();
        QByteArray pending;
        while (guard.elapsed() < 60000) {
            typist.waitForReadyRead(100);
            pending += typist.readAllStandardOutput();
            qsizetype nl;
            while ((nl = pending.indexOf('\n')) >= 0) {
                const QList<QByteArray> words = pending.left(nl).split(' ');
                pending.remove(0, nl + 1);
                if (words.size() == 3 && words.first() == "typed") {
                    typedAt.insert(words.at(1).toInt(), words.at(2).toLongLong());
                    if (firstKey == 0)
                        firstKey = words.at(2).toLongLong();
                }
            }
            QVERIFY2(typist.state() == QProcess::Running, "the typist stopped by itself");
            if (firstKey > 0 && QDateTime::currentMSecsSinceEpoch() - firstKey >= 5000)
                break;
        }
        QVERIFY2(firstKey > 0, "the typist never typed");
        const qint64 killedAt = QDateTime::currentMSecsSinceEpoch();
        typist.kill(); // SIGKILL: no destructor, no lock, no last draft
        QVERIFY(typist.waitForFinished());
        QCOMPARE(typist.exitStatus(), QProcess::CrashExit);
        pending += typist.readAllStandardOutput();
        const int lastReported = typedAt.isEmpty() ? 0 : typedAt.lastKey();
        QVERIFY2(lastReported >= 80, qPrintable(QString::number(lastReported))); // ~100 in 5 s

        VaultPolicy policy;
        policy.kdf = KdfParams::fastForTests();
        AppContext app(Session::Options{dir.path(), policy, 6});
        app.session()->unlock(Pin);
        app.session()->waitForIdle();
        QCOMPARE(app.session()->state(), Session::Unlocked);
        app.diaryEditor()->startNew({});
        QVERIFY2(app.diaryEditor()->restoredDraft(), "no draft after the kill");
        const QString kept = app.diaryEditor()->fields().value(QStringLiteral("text")).toString();
        const QString sentence = QStringLiteral("the quick brown fox jumps over the lazy dog ");
        QString expected;
        for (int i = 0; i < kept.size(); ++i)
            expected += sentence.at(i % sentence.size());
        QCOMPARE(kept, expected); // a prefix of what was typed, in order

        // Every key typed more than 2 s before the kill is in the draft.
        const int keptKeys = int(kept.size());
        const qint64 firstLostAt = typedAt.value(keptKeys + 1, killedAt);
        const qint64 lostMs = killedAt - firstLostAt;
        qInfo("typed %d keys in %lld ms, the draft kept %d: the last %lld ms were lost",
              lastReported, killedAt - firstKey, keptKeys, lostMs);
        QVERIFY2(lostMs <= 2000, qPrintable(QStringLiteral("lost %1 ms").arg(lostMs)));
        app.diaryEditor()->discard();
        app.session()->lock();
    }

    // docs/security.md, "What zeroed means here": locking closes the store, and everything
    // SQLite held for it (decrypted pages, statements) is zeroed as it is freed, by the store's
    // allocator rather than SQLCipher's cipher_memory_security.
    void lockingWipesWhatSqliteHeld()
    {
        unlock();
        QVERIFY(sql::memoryWipeActive());
        QCOMPARE(session()->store()->database().scalar("PRAGMA cipher_memory_security").value(), 0);
        QVERIFY(session()->store()->search(QStringLiteral("housing")).ok()); // pages into the cache
        const qint64 before = sql::wipedBytes();
        session()->lock();
        QCOMPARE(session()->state(), Session::Locked);
        QVERIFY(session()->store() == nullptr);
        QVERIFY2(sql::wipedBytes() - before > 64 * 1024,
                 qPrintable(QString::number(sql::wipedBytes() - before)));
        unlock();
    }

    void locksAfterInactivityAndOnQuickHide()
    {
        unlock();
        session()->setAutoLockMs(50);
        QTRY_COMPARE(session()->state(), Session::Locked);
        session()->setAutoLockSeconds(120);
        session()->setAutoLockMs(120000);
        unlock();
        session()->quickHide();
        QCOMPARE(session()->state(), Session::Locked);
        QVERIFY(session()->hidden());
        session()->reveal();
        QVERIFY(!session()->hidden());
        unlock();
        session()->applicationActiveChanged(false);
        QCOMPARE(session()->state(), Session::Locked);
    }

    // After the last wrong PIN the keys are destroyed: the database and the drafts are deleted
    // (unreadable anyway), the app asks for a new setup, and a new PIN starts an empty store.
    void tooManyWrongPinsWipeThenSetUpAgain()
    {
        QTemporaryDir dir;
        VaultPolicy policy;
        policy.kdf = KdfParams::fastForTests();
        policy.maxAttempts = 3;
        policy.baseDelay = std::chrono::milliseconds(100);
        AppContext app(Session::Options{dir.path(), policy, 6});
        Session *s = app.session();
        s->createPin(Pin, Pin);
        s->waitForIdle();
        QCOMPARE(s->state(), Session::Unlocked);
        app.participantEditor()->startNew({});
        app.participantEditor()->setField(QStringLiteral("pseudonym"), QStringLiteral("Kim"));
        QVERIFY(app.participantEditor()->save());
        app.diaryEditor()->startNew({});
        app.diaryEditor()->setField(QStringLiteral("text"), QStringLiteral("a draft"));
        s->lock();
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("waypoint.db"))));
        QVERIFY(!QDir(dir.filePath(QStringLiteral("drafts"))).isEmpty());

        for (int i = 0; i < 3; ++i) {
            QTRY_COMPARE(s->retrySeconds(), 0);
            QCOMPARE(s->state(), Session::Locked);
            s->unlock(QStringLiteral("000000"));
            s->waitForIdle();
        }
        QCOMPARE(s->state(), Session::NeedsSetup);
        QCOMPARE(s->attemptsLeft(), 0);
        QVERIFY(s->message().contains(QStringLiteral("destroyed")));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("waypoint.db"))));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("drafts"))));

        // A restart still knows, and a new PIN starts over with nothing in it.
        AppContext again(Session::Options{dir.path(), policy, 6});
        QCOMPARE(again.session()->state(), Session::NeedsSetup);
        QVERIFY(!again.session()->message().isEmpty());
        again.session()->createPin(QStringLiteral("864200"), QStringLiteral("864200"));
        again.session()->waitForIdle();
        QCOMPARE(again.session()->state(), Session::Unlocked);
        QCOMPARE(again.caseload()->rowCount(), 0);
        again.diaryEditor()->startNew({});
        QVERIFY(!again.diaryEditor()->restoredDraft());
    }

    void changePinRewrapsTheKey()
    {
        unlock();
        QSignalSpy changed(session(), &Session::pinChanged);
        session()->changePin(QStringLiteral("999999"), QStringLiteral("864200"),
                             QStringLiteral("864200"));
        session()->waitForIdle();
        QCOMPARE(changed.count(), 0);
        QVERIFY(!session()->message().isEmpty());
        QTRY_COMPARE(session()->retrySeconds(), 0);
        session()->changePin(Pin, QStringLiteral("864200"), QStringLiteral("864200"));
        session()->waitForIdle();
        QCOMPARE(changed.count(), 1);
        session()->lock();
        session()->unlock(QStringLiteral("864200"));
        session()->waitForIdle();
        QCOMPARE(session()->state(), Session::Unlocked);
        session()->changePin(QStringLiteral("864200"), Pin, Pin);
        session()->waitForIdle();
        QCOMPARE(changed.count(), 2);
    }

    // The app sizes the PIN's Argon2id cost to the device at first run and at every PIN
    // change, within its budget, instead of a fixed cost chosen for a desktop.
    void theUnlockCostIsSizedToTheDeviceAndResizedWithANewPin()
    {
        QTemporaryDir dir;
        Session::Options options{dir.path(), {}, 6};
        options.policy.kdf = KdfParams::fastForTests(); // what an uncalibrated store would get
        KdfBudget small;
        small.unlockTime = std::chrono::milliseconds(100);
        small.memoryCapBytes = KdfBudget::memoryFloor; // a small phone
        options.calibration = small;
        AppContext app(options);
        app.session()->createPin(Pin, Pin);
        app.session()->waitForIdle();
        QCOMPARE(app.session()->state(), Session::Unlocked);
        auto made = DeviceStore::status(dir.path());
        QVERIFY(made);
        QCOMPARE(made->kdf.memLimitBytes, KdfBudget::memoryFloor);
        QVERIFY(made->kdf.opsLimit >= KdfBudget::opsFloor);
        app.session()->lock();

        // Twice the time on the same device: more passes over the same memory.
        small.unlockTime = std::chrono::milliseconds(100) * 2 * made->kdf.opsLimit;
        AppContext later([&] {
            Session::Options o = options;
            o.calibration = small;
            return o;
        }());
        later.session()->unlock(Pin);
        later.session()->waitForIdle();
        QCOMPARE(later.session()->state(), Session::Unlocked);
        later.session()->changePin(Pin, QStringLiteral("864200"), QStringLiteral("864200"));
        later.session()->waitForIdle();
        auto resized = DeviceStore::status(dir.path());
        QVERIFY(resized);
        QCOMPARE(resized->kdf.memLimitBytes, KdfBudget::memoryFloor);
        QVERIFY2(resized->kdf.opsLimit > made->kdf.opsLimit,
                 qPrintable(QStringLiteral("%1 passes, then %2")
                                .arg(made->kdf.opsLimit)
                                .arg(resized->kdf.opsLimit)));
        later.session()->lock();
    }

    // Everything Waypoint writes in its folder is readable by this user only, whatever the
    // process umask: a backup or another account on a shared desktop finds nothing to read.
    void everyFileIsOwnerOnly()
    {
        const mode_t saved = ::umask(022);
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("app"));
        {
            VaultPolicy policy;
            policy.kdf = KdfParams::fastForTests();
            AppContext app(Session::Options{data, policy, 6});
            app.preferences()->setAutoLockSeconds(300);
            app.session()->createPin(Pin, Pin);
            app.session()->waitForIdle();
            QCOMPARE(app.session()->state(), Session::Unlocked);
            app.diaryEditor()->startNew({});
            app.diaryEditor()->setField(QStringLiteral("text"), QStringLiteral("kept as a draft"));
            app.diaryEditor()->keepDraft();
            app.participantEditor()->startNew({});
            app.participantEditor()->setField(QStringLiteral("pseudonym"), QStringLiteral("Jo"));
            QVERIFY(app.participantEditor()->save());
            // Checked while the store is open too: its -wal and -shm files exist now.
            const auto check = [&] {
                QDirIterator it(data, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden,
                                QDirIterator::Subdirectories);
                int seen = 0;
                while (it.hasNext()) {
                    const QFileInfo info(it.next());
                    const auto mode = info.permissions() &
                                      (QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup |
                                       QFile::ReadOther | QFile::WriteOther | QFile::ExeOther);
                    QVERIFY2(mode == 0, qPrintable(info.filePath()));
                    ++seen;
                }
                QVERIFY(seen >= 5); // vault, database, -wal, preferences, drafts...
                QVERIFY((QFileInfo(data).permissions() & (QFile::ReadOther | QFile::ReadGroup)) ==
                        0);
            };
            check();
            app.session()->lock();
            check();
        }
        ::umask(saved);
    }

    // The device keychain refuses: nothing is made until the worker chooses the PIN alone, and
    // the app says, on every start, that this store has the PIN only.
    void refusedKeychainNeedsAnExplicitPinOnlyChoice()
    {
        QTemporaryDir dir;
        InMemoryKeyStore keychain;
        keychain.setAvailable(false);
        VaultPolicy policy;
        policy.kdf = KdfParams::fastForTests();
        {
            AppContext app(Session::Options{dir.path(), policy, 6, &keychain});
            Session *s = app.session();
            s->createPin(Pin, Pin);
            s->waitForIdle();
            QCOMPARE(s->state(), Session::NeedsSetup);
            QVERIFY(s->keystoreUnavailable());
            QVERIFY(s->message().contains(QStringLiteral("PIN alone")));
            QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("vault.cbor"))));
            s->createPinOnly(Pin, Pin);
            s->waitForIdle();
            QCOMPARE(s->state(), Session::Unlocked);
            QVERIFY(s->pinOnly());
            QVERIFY(!s->keystoreUnavailable());
        }
        AppContext again(Session::Options{dir.path(), policy, 6, &keychain});
        QCOMPARE(again.session()->state(), Session::Locked);
        QVERIFY(again.session()->pinOnly());
    }

    void keychainWrapsTheVaultByDefault()
    {
        QTemporaryDir dir;
        InMemoryKeyStore keychain;
        VaultPolicy policy;
        policy.kdf = KdfParams::fastForTests();
        AppContext app(Session::Options{dir.path(), policy, 6, &keychain});
        app.session()->createPin(Pin, Pin);
        app.session()->waitForIdle();
        QCOMPARE(app.session()->state(), Session::Unlocked);
        QVERIFY(!app.session()->pinOnly());
        QCOMPARE(keychain.count(), std::size_t(1));
        app.session()->lock();
        app.session()->unlock(Pin);
        app.session()->waitForIdle();
        QCOMPARE(app.session()->state(), Session::Unlocked);
    }

    void trivialPinsAreRefusedAtSetUp()
    {
        QTemporaryDir dir;
        VaultPolicy policy;
        policy.kdf = KdfParams::fastForTests();
        AppContext app(Session::Options{dir.path(), policy, 6});
        for (const QString &pin :
             {QStringLiteral("123456"), QStringLiteral("111111"), QStringLiteral("654321"),
              QStringLiteral("121212"), QStringLiteral("890123")}) {
            app.session()->createPin(pin, pin);
            app.session()->waitForIdle();
            QCOMPARE(app.session()->state(), Session::NeedsSetup);
            QVERIFY2(!app.session()->message().isEmpty(), qPrintable(pin));
        }
        // A longer PIN, or a passphrase, is fine.
        app.session()->createPin(QStringLiteral("12345678901"), QStringLiteral("12345678901"));
        app.session()->waitForIdle();
        QCOMPARE(app.session()->state(), Session::NeedsSetup); // still a run of digits
        app.session()->createPin(QStringLiteral("river stone"), QStringLiteral("river stone"),
                                 true);
        app.session()->waitForIdle();
        QCOMPARE(app.session()->state(), Session::Unlocked);
    }

    // A PIN is typed on a digit pad: letters are refused unless the worker chose a passphrase,
    // and that choice is remembered, across restarts, for the unlock screen.
    void lettersNeedTheChoiceOfAPassphrase()
    {
        QTemporaryDir dir;
        VaultPolicy policy;
        policy.kdf = KdfParams::fastForTests();
        const QString passphrase = QStringLiteral("river stone");
        {
            AppContext app(Session::Options{dir.path(), policy, 6});
            Session *s = app.session();
            QCOMPARE(s->passphrase(), false);
            for (const QString &pin :
                 {passphrase, QStringLiteral("13579x"), QStringLiteral("135 790")}) {
                s->createPin(pin, pin);
                s->waitForIdle();
                QCOMPARE(s->state(), Session::NeedsSetup);
                QVERIFY2(s->message().contains(QStringLiteral("digits only")), qPrintable(pin));
            }
            s->createPin(passphrase, passphrase, true);
            s->waitForIdle();
            QCOMPARE(s->state(), Session::Unlocked);
            QCOMPARE(s->passphrase(), true);
            QCOMPARE(app.preferences()->passphrase(), true);
        }
        {
            AppContext restarted(Session::Options{dir.path(), policy, 6});
            Session *s = restarted.session();
            QCOMPARE(s->state(), Session::Locked);
            QCOMPARE(s->passphrase(), true); // the unlock screen opens on the passphrase field
            s->unlock(passphrase);
            s->waitForIdle();
            QCOMPARE(s->state(), Session::Unlocked);
            // A new secret of digits only, from Settings, makes it a PIN again.
            s->changePin(passphrase, QStringLiteral("97531864"), QStringLiteral("97531864"));
            s->waitForIdle();
            QCOMPARE(s->message(), QString());
            QCOMPARE(s->passphrase(), false);
            QCOMPARE(restarted.preferences()->passphrase(), false);
        }
        AppContext again(Session::Options{dir.path(), policy, 6});
        QCOMPARE(again.session()->passphrase(), false);
    }

    // After unlocking, the app can say how many wrong PINs (and checks cut short by a kill)
    // came since the previous unlock: the vault clears its counts on a right PIN, so they are
    // read just before.
    void unlockTellsOfWrongPinsSinceTheLastUnlock()
    {
        QTemporaryDir dir;
        VaultPolicy policy;
        policy.kdf = KdfParams::fastForTests();
        policy.baseDelay = std::chrono::milliseconds(300);
        AppContext app(Session::Options{dir.path(), policy, 6});
        Session *s = app.session();
        s->createPin(Pin, Pin);
        s->waitForIdle();
        QCOMPARE(s->wrongPinsBeforeUnlock(), 0);
        const auto tryPin = [s](const QString &pin) {
            QTRY_COMPARE(s->retrySeconds(), 0);
            s->unlock(pin);
            s->waitForIdle();
        };

        s->lock();
        tryPin(QStringLiteral("000000"));
        tryPin(QStringLiteral("111111"));
        QSignalSpy told(s, &Session::unlockNoticeChanged);
        tryPin(Pin);
        QCOMPARE(s->state(), Session::Unlocked);
        QCOMPARE(s->wrongPinsBeforeUnlock(), 2);
        QCOMPARE(s->interruptedChecksBeforeUnlock(), 0);
        QCOMPARE(told.count(), 1);
        s->dismissUnlockNotice();
        QCOMPARE(s->wrongPinsBeforeUnlock(), 0);

        // Not dismissed: the next unlock with no wrong PIN before it says nothing.
        s->lock();
        tryPin(QStringLiteral("000000"));
        tryPin(Pin);
        QCOMPARE(s->wrongPinsBeforeUnlock(), 1);
        s->lock();
        tryPin(Pin);
        QCOMPARE(s->wrongPinsBeforeUnlock(), 0);

        // A check that never answered (the app was killed during it leaves the vault marked
        // "checking") is told apart from a wrong PIN.
        s->lock();
        const QString vaultPath = KeyVault::pathIn(dir.path());
        Result<VaultRecord> record = readVaultFile(vaultPath);
        QVERIFY(record);
        record->checking = true;
        QVERIFY(writeVaultFile(vaultPath, *record));
        tryPin(Pin);
        QCOMPARE(s->state(), Session::Unlocked);
        QCOMPARE(s->wrongPinsBeforeUnlock(), 0);
        QCOMPARE(s->interruptedChecksBeforeUnlock(), 1);
    }
};

QTEST_MAIN(TestClient)
#include "tst_client.moc"
