// SPDX-License-Identifier: GPL-3.0-or-later
#include "DemoData.h"

#include "Records.h"
#include "Store.h"
#include "Uuid.h"

#include <QStringList>

namespace wp::client {

namespace {

const QStringList Pseudonyms{
    QStringLiteral("JD"),    QStringLiteral("Blue jacket"),     QStringLiteral("M.K."),
    QStringLiteral("Sam R"), QStringLiteral("T by the bridge"), QStringLiteral("Nana"),
    QStringLiteral("AK"),    QStringLiteral("Robin"),           QStringLiteral("Dee"),
    QStringLiteral("Lou P"), QStringLiteral("Big Mike"),        QStringLiteral("Sparrow")};

const QStringList Notes{
    QStringLiteral(
        "Checked in under the bridge. Tired, but glad to see me. Talked about the housing form."),
    QStringLiteral("Went with them to the GP. Waited 2 hours; they stayed. Prescription sorted."),
    QStringLiteral("Brief chat at the drop-in. Asked about the naloxone training next week."),
    QStringLiteral("Benefits office refused the appeal form without ID. Will bring the letter."),
    QStringLiteral("Court date moved again. Anxious. We made a plan for the morning."),
    QStringLiteral("Phoned to say the hostel bed came through. Big win."),
    QStringLiteral("Shared a bit of my own story about the first winter. It helped."),
    QStringLiteral("Hospital discharge with nowhere to go. Called the outreach team together."),
};

const QStringList NextSteps{
    QStringLiteral("Bring the ID letter to the benefits office"),
    QStringLiteral("Meet at the drop-in on Thursday"),
    QStringLiteral("Call the housing team about the form"),
    QStringLiteral("Go with them to court"),
    QStringLiteral("Check the prescription was collected"),
    QStringLiteral("Naloxone refresher together"),
};

struct DiaryDemo
{
    const char *text;
    const char *felt;
    const char *learned;
    std::initializer_list<DiaryTheme> themes;
    int wellbeing;
    int stress;
    bool shared;
};

const DiaryDemo Diary[] = {
    {"Long day at the court with Sam.\nThe duty solicitor spoke over him until I asked them to "
     "slow down.",
     "Angry at first, then proud I said something.",
     "Advocating calmly works better than I thought.",
     {DiaryTheme::ProfessionalRelationships, DiaryTheme::SystemicObstacles},
     3,
     4,
     true},
    {"Told JD a bit about my own time in the hostel.\nHe opened up after that.",
     "Exposed, a bit shaky afterwards.",
     "Self-disclosure needs a purpose: it did today.",
     {DiaryTheme::LivedExperience, DiaryTheme::Boundaries},
     4,
     3,
     false},
    {"The nurse called Blue jacket 'a frequent flyer' in front of him.",
     "That word still stings me too.",
     "Name it with the team next time, not just in here.",
     {DiaryTheme::Stigma, DiaryTheme::OrganisationalCulture},
     2,
     4,
     true},
    {"Hostel bed came through for Nana after six weeks.\nWe both cried a bit.",
     "Lighter than I have felt in a month.",
     "Keep the small wins written down.",
     {DiaryTheme::Wins},
     5,
     2,
     false},
    {"Finished the naloxone trainer course.",
     "Confident.",
     "I can run the session for the drop-in.",
     {DiaryTheme::TrainingDevelopment},
     4,
     2,
     true},
    {"Caught myself assuming T would not turn up.\nHe was there before me.",
     "Embarrassed.",
     "My old assumptions about people 'like me' still show up.",
     {DiaryTheme::PersonalBias},
     3,
     3,
     false},
    {"Took the afternoon off after the hospital discharge.\nWalked by the river.",
     "Drained, then better.",
     "Asking for the time off was the right call.",
     {DiaryTheme::SelfCare},
     3,
     3,
     false},
};

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

} // namespace

Status addDemoData(wp::Store &store, const DemoSize &size, QDate today)
{
    const QDateTime now(today, QTime(17, 30), Qt::LocalTime);
    QList<Participant> people;
    for (int i = 0; i < size.participants; ++i) {
        Participant p;
        p.id = createUuidV7(now.addDays(-60 + i).toMSecsSinceEpoch());
        p.pseudonym = i < Pseudonyms.size()
                          ? Pseudonyms.at(i)
                          : QStringLiteral("P-%1").arg(i + 1, 5, 10, QLatin1Char('0'));
        p.createdAt = now.addDays(-60 + i % 60).toUTC();
        p.moveToStage(Stage::SafePlace, today.addDays(-60 + i % 60));
        if (i % 3 != 0)
            p.moveToStage(Stage::Partnership, today.addDays(-30 + i % 20));
        if (i % 7 == 4)
            p.moveToStage(Stage::SafePlace, today.addDays(-5)); // moving back is normal
        if (i % 11 == 10)
            p.moveToStage(Stage::SteppingOut, today.addDays(-2));
        p.consent = i % 5 == 3
                        ? Consent{ConsentState::NotAsked, {}, {}}
                        : Consent{ConsentState::Given, today.addDays(-50 + i % 40),
                                  QStringLiteral("Notes about our work together; no full name")};
        if (p.stage == Stage::Partnership && i < 50) {
            Goal g;
            g.id = createUuidV7();
            g.text =
                i % 2 ? QStringLiteral("Get ID replaced") : QStringLiteral("Register with a GP");
            g.status = i % 4 == 1 ? GoalStatus::Achieved : GoalStatus::InProgress;
            g.setOn = today.addDays(-25);
            p.goals.append(g);
        }
        if (i % 4 == 0)
            p.followUpDue = today.addDays(i % 8 == 0 ? -1 : 0);
        else if (i % 4 == 1)
            p.followUpDue = today.addDays(2 + i % 5);
        people.append(p);
    }

    QList<Encounter> encounters;
    for (int i = 0; i < size.encounters; ++i) {
        Encounter e;
        const QDateTime at = now.addSecs(-qint64(i) * 5 * 3600 - 1800);
        e.id = createUuidV7(at.toMSecsSinceEpoch());
        e.occurredAt = at.toUTC();
        e.createdAt = e.occurredAt;
        if (i % 9 != 8 && !people.isEmpty())
            e.participantId = people.at((i * 5) % people.size()).id;
        e.durationMinutes = QList<int>{10, 15, 30, 45, 90, 5}.at(i % 6);
        e.place = allOf<Place>().at(i % 7);
        e.needs = {allOf<Need>().at(i % 8)};
        if (i % 3 == 0)
            e.needs.append(Need::HarmReduction);
        if (i % 4 == 0)
            e.supplies = {keyOf(Supply::Naloxone)};
        if (i % 5 == 1)
            e.referrals = {{Service::Housing, QStringLiteral("Riverside housing team")}};
        if (i % 6 == 2)
            e.advocacy = {Service::Benefits};
        if (i % 7 == 3)
            e.obstacles = {Service::Justice};
        e.note = Notes.at(i % Notes.size());
        if (!e.isBriefContact()) {
            e.nextStep = NextSteps.at(i % NextSteps.size());
            if (i % 3 == 1)
                e.followUpOn = today.addDays(3 + i % 4);
        }
        encounters.append(e);
        for (Participant &p : people)
            if (p.id == e.participantId &&
                (!p.lastContact.isValid() || p.lastContact < e.occurredAt))
                p.lastContact = e.occurredAt;
    }

    for (const Participant &p : std::as_const(people))
        if (Result<Participant> saved = store.participants().save(p); !saved)
            return saved.error();
    for (const Encounter &e : std::as_const(encounters))
        if (Result<Encounter> saved = store.encounters().save(e); !saved)
            return saved.error();

    QList<QUuid> sharedDiary;
    constexpr int DiaryDemos = int(std::size(Diary));
    for (int i = 0; i < size.diaryEntries; ++i) {
        const DiaryDemo &demo = Diary[i % DiaryDemos];
        DiaryEntry d;
        const QDateTime at = now.addSecs(-qint64(i) * 26 * 3600);
        d.id = createUuidV7(at.toMSecsSinceEpoch());
        d.writtenAt = at.toUTC();
        d.createdAt = d.writtenAt;
        d.text = s(demo.text);
        d.prompts.howIFelt = s(demo.felt);
        d.prompts.learned = s(demo.learned);
        d.themes = demo.themes;
        d.wellbeing = demo.wellbeing;
        d.stress = demo.stress;
        d.shared = demo.shared;
        if (i % DiaryDemos == 6)
            d.selfCare = {keyOf(SelfCare::TimeOutside), keyOf(SelfCare::Rest)};
        if (Result<DiaryEntry> saved = store.diary().save(d); !saved)
            return saved.error();
        if (d.shared && sharedDiary.size() < 3)
            sharedDiary.append(d.id);
    }

    for (int i = 0; i < size.supervisionNotes; ++i) {
        SupervisionNote n;
        n.heldOn = today.addDays(-3 - 14 * i);
        n.id = createUuidV7(QDateTime(n.heldOn, QTime(10, 0)).toMSecsSinceEpoch());
        n.supervisor = QStringLiteral("Alex M.");
        n.topics =
            i % 2
                ? QStringList{QStringLiteral("Boundaries with JD"), QStringLiteral("Court support")}
                : QStringList{QStringLiteral("Stigma at the hospital"),
                              QStringLiteral("Naloxone training"), QStringLiteral("Workload")};
        n.wellbeing = 3 + i % 2;
        n.wellbeingNote = QStringLiteral("Tired after the court week, sleeping better.");
        if (i == 0)
            n.linkedDiaryEntries = sharedDiary;
        ActionItem a1{createUuidV7(),
                      QStringLiteral("Raise the 'frequent flyer' comment with the ward manager"),
                      ActionOwner::Supervisor, today.addDays(4 - 14 * i), i > 0};
        ActionItem a2{createUuidV7(), QStringLiteral("Book a day off after the court hearing"),
                      ActionOwner::Worker, today.addDays(-1 - 14 * i), i > 0};
        n.actionItems = {a1, a2};
        n.notes = QStringLiteral("Talked through the court day and the hospital. Agreed to bring "
                                 "it to the team meeting.");
        if (Result<SupervisionNote> saved = store.supervision().save(n); !saved)
            return saved.error();
    }
    return {};
}

} // namespace wp::client
