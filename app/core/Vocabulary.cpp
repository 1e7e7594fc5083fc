// SPDX-License-Identifier: GPL-3.0-or-later
#include "Vocabulary.h"

#include <QCoreApplication>
#include <QHash>

#include <span>

namespace wp {

const std::array<VocabularyEntry<Stage>, 3> Vocabulary<Stage>::entries{{
    {Stage::SafePlace, "safe_place", QT_TRANSLATE_NOOP("Vocabulary", "Creating a safe place")},
    {Stage::Partnership, "partnership", QT_TRANSLATE_NOOP("Vocabulary", "Working partnership")},
    {Stage::SteppingOut, "stepping_out", QT_TRANSLATE_NOOP("Vocabulary", "Stepping out")},
}};

const std::array<VocabularyEntry<Place>, 8> Vocabulary<Place>::entries{{
    {Place::Outreach, "outreach", QT_TRANSLATE_NOOP("Vocabulary", "Street outreach")},
    {Place::Shelter, "shelter", QT_TRANSLATE_NOOP("Vocabulary", "Shelter")},
    {Place::Hospital, "hospital", QT_TRANSLATE_NOOP("Vocabulary", "Hospital")},
    {Place::Court, "court", QT_TRANSLATE_NOOP("Vocabulary", "Court")},
    {Place::DropIn, "drop_in", QT_TRANSLATE_NOOP("Vocabulary", "Drop-in")},
    {Place::PhoneText, "phone_text", QT_TRANSLATE_NOOP("Vocabulary", "Phone / text")},
    {Place::AccompaniedAppointment, "accompanied",
     QT_TRANSLATE_NOOP("Vocabulary", "Accompanied appointment")},
    {Place::Other, "other", QT_TRANSLATE_NOOP("Vocabulary", "Other")},
}};

const std::array<VocabularyEntry<Need>, 8> Vocabulary<Need>::entries{{
    {Need::Housing, "housing", QT_TRANSLATE_NOOP("Vocabulary", "Housing")},
    {Need::HarmReduction, "harm_reduction",
     QT_TRANSLATE_NOOP("Vocabulary", "Substance use / harm reduction")},
    {Need::MentalHealth, "mental_health", QT_TRANSLATE_NOOP("Vocabulary", "Mental health")},
    {Need::PhysicalHealth, "physical_health", QT_TRANSLATE_NOOP("Vocabulary", "Physical health")},
    {Need::IncomeBenefits, "income_benefits",
     QT_TRANSLATE_NOOP("Vocabulary", "Income and benefits")},
    {Need::LegalJustice, "legal_justice", QT_TRANSLATE_NOOP("Vocabulary", "Legal / justice")},
    {Need::FamilyRelationships, "family",
     QT_TRANSLATE_NOOP("Vocabulary", "Family and relationships")},
    {Need::PracticalNeeds, "practical", QT_TRANSLATE_NOOP("Vocabulary", "Practical needs")},
}};

const std::array<VocabularyEntry<Service>, 7> Vocabulary<Service>::entries{{
    {Service::Housing, "housing", QT_TRANSLATE_NOOP("Vocabulary", "Housing services")},
    {Service::Benefits, "benefits", QT_TRANSLATE_NOOP("Vocabulary", "Benefits office")},
    {Service::Health, "health", QT_TRANSLATE_NOOP("Vocabulary", "Health services")},
    {Service::MentalHealth, "mental_health",
     QT_TRANSLATE_NOOP("Vocabulary", "Mental health services")},
    {Service::SubstanceTreatment, "substance_treatment",
     QT_TRANSLATE_NOOP("Vocabulary", "Substance use treatment")},
    {Service::Justice, "justice", QT_TRANSLATE_NOOP("Vocabulary", "Justice services")},
    {Service::Other, "other", QT_TRANSLATE_NOOP("Vocabulary", "Other service")},
}};

const std::array<VocabularyEntry<DiaryTheme>, 10> Vocabulary<DiaryTheme>::entries{{
    {DiaryTheme::Boundaries, "boundaries", QT_TRANSLATE_NOOP("Vocabulary", "Boundaries")},
    {DiaryTheme::LivedExperience, "lived_experience",
     QT_TRANSLATE_NOOP("Vocabulary", "Using lived experience / self-disclosure")},
    {DiaryTheme::Stigma, "stigma", QT_TRANSLATE_NOOP("Vocabulary", "Stigma")},
    {DiaryTheme::OrganisationalCulture, "organisational_culture",
     QT_TRANSLATE_NOOP("Vocabulary", "Organisational culture")},
    {DiaryTheme::PersonalBias, "personal_bias", QT_TRANSLATE_NOOP("Vocabulary", "Personal bias")},
    {DiaryTheme::SystemicObstacles, "systemic_obstacles",
     QT_TRANSLATE_NOOP("Vocabulary", "Systemic obstacles")},
    {DiaryTheme::SelfCare, "self_care", QT_TRANSLATE_NOOP("Vocabulary", "Self-care")},
    {DiaryTheme::TrainingDevelopment, "training",
     QT_TRANSLATE_NOOP("Vocabulary", "Training and development")},
    {DiaryTheme::ProfessionalRelationships, "professionals",
     QT_TRANSLATE_NOOP("Vocabulary", "Relationships with professionals")},
    {DiaryTheme::Wins, "wins", QT_TRANSLATE_NOOP("Vocabulary", "Wins")},
}};

const std::array<VocabularyEntry<SelfCare>, 6> Vocabulary<SelfCare>::entries{{
    {SelfCare::TookBreak, "took_break", QT_TRANSLATE_NOOP("Vocabulary", "Took a break")},
    {SelfCare::TalkedItThrough, "talked_it_through",
     QT_TRANSLATE_NOOP("Vocabulary", "Talked it through")},
    {SelfCare::TimeOutside, "time_outside", QT_TRANSLATE_NOOP("Vocabulary", "Time outside")},
    {SelfCare::Exercise, "exercise", QT_TRANSLATE_NOOP("Vocabulary", "Exercise")},
    {SelfCare::Rest, "rest", QT_TRANSLATE_NOOP("Vocabulary", "Rest")},
    {SelfCare::SomethingEnjoyable, "something_enjoyable",
     QT_TRANSLATE_NOOP("Vocabulary", "Something I enjoy")},
}};

const std::array<VocabularyEntry<Supply>, 7> Vocabulary<Supply>::entries{{
    {Supply::Naloxone, "naloxone", QT_TRANSLATE_NOOP("Vocabulary", "Naloxone")},
    {Supply::InjectingEquipment, "injecting_equipment",
     QT_TRANSLATE_NOOP("Vocabulary", "Sterile injecting equipment")},
    {Supply::SmokingKit, "smoking_kit", QT_TRANSLATE_NOOP("Vocabulary", "Safer smoking kit")},
    {Supply::FentanylTestStrips, "fentanyl_test_strips",
     QT_TRANSLATE_NOOP("Vocabulary", "Fentanyl test strips")},
    {Supply::SharpsBin, "sharps_bin", QT_TRANSLATE_NOOP("Vocabulary", "Sharps bin")},
    {Supply::Condoms, "condoms", QT_TRANSLATE_NOOP("Vocabulary", "Condoms")},
    {Supply::WoundCare, "wound_care", QT_TRANSLATE_NOOP("Vocabulary", "Wound care")},
}};

const std::array<VocabularyEntry<GoalStatus>, 4> Vocabulary<GoalStatus>::entries{{
    {GoalStatus::Open, "open", QT_TRANSLATE_NOOP("Vocabulary", "Open")},
    {GoalStatus::InProgress, "in_progress", QT_TRANSLATE_NOOP("Vocabulary", "In progress")},
    {GoalStatus::Achieved, "achieved", QT_TRANSLATE_NOOP("Vocabulary", "Achieved")},
    {GoalStatus::Dropped, "dropped", QT_TRANSLATE_NOOP("Vocabulary", "Set aside")},
}};

const std::array<VocabularyEntry<ConsentState>, 3> Vocabulary<ConsentState>::entries{{
    {ConsentState::NotAsked, "not_asked", QT_TRANSLATE_NOOP("Vocabulary", "Not yet asked")},
    {ConsentState::Given, "given", QT_TRANSLATE_NOOP("Vocabulary", "Given")},
    {ConsentState::Withdrawn, "withdrawn", QT_TRANSLATE_NOOP("Vocabulary", "Withdrawn")},
}};

const std::array<VocabularyEntry<ActionOwner>, 3> Vocabulary<ActionOwner>::entries{{
    {ActionOwner::Worker, "worker", QT_TRANSLATE_NOOP("Vocabulary", "Worker")},
    {ActionOwner::Supervisor, "supervisor", QT_TRANSLATE_NOOP("Vocabulary", "Supervisor")},
    {ActionOwner::Both, "both", QT_TRANSLATE_NOOP("Vocabulary", "Both")},
}};

const std::array<VocabularyEntry<RecordType>, 6> Vocabulary<RecordType>::entries{{
    {RecordType::Participant, "participant", QT_TRANSLATE_NOOP("Vocabulary", "Participant")},
    {RecordType::Encounter, "encounter", QT_TRANSLATE_NOOP("Vocabulary", "Encounter")},
    {RecordType::DiaryEntry, "diary", QT_TRANSLATE_NOOP("Vocabulary", "Diary entry")},
    {RecordType::SupervisionNote, "supervision",
     QT_TRANSLATE_NOOP("Vocabulary", "Supervision note")},
    {RecordType::Comment, "comment", QT_TRANSLATE_NOOP("Vocabulary", "Comment")},
    {RecordType::TrainingRecord, "training", QT_TRANSLATE_NOOP("Vocabulary", "Training record")},
}};

namespace {

// Earlier versions stored self-care and supplies as the label shown: in English (the entry's
// label; if one changes, its old text goes here) or in French (below). These are what was
// stored, not translations: they never change.
template <typename E> struct FormerLabel
{
    E value;
    const char *label; // UTF-8
};

const FormerLabel<SelfCare> FormerSelfCare[] = {
    {SelfCare::TookBreak, "Pris une pause"},
    {SelfCare::TalkedItThrough, "En ai parlé"},
    {SelfCare::TimeOutside, "Du temps dehors"},
    {SelfCare::Exercise, "Exercice"},
    {SelfCare::Rest, "Repos"},
    {SelfCare::SomethingEnjoyable, "Quelque chose que j’aime"},
};

const FormerLabel<Supply> FormerSupplies[] = {
    {Supply::Naloxone, "Naloxone"},
    {Supply::InjectingEquipment, "Matériel d’injection stérile"},
    {Supply::SmokingKit, "Kit d’inhalation à moindre risque"},
    {Supply::FentanylTestStrips, "Bandelettes de test fentanyl"},
    {Supply::SharpsBin, "Collecteur d’aiguilles"},
    {Supply::Condoms, "Préservatifs"},
    {Supply::WoundCare, "Soins des plaies"},
};

template <typename E> std::span<const FormerLabel<E>> formerLabels();
template <> std::span<const FormerLabel<SelfCare>> formerLabels()
{
    return FormerSelfCare;
}
template <> std::span<const FormerLabel<Supply>> formerLabels()
{
    return FormerSupplies;
}

bool sameText(const QString &text, const char *latin1)
{
    return text.compare(QLatin1StringView(latin1), Qt::CaseInsensitive) == 0;
}

bool sameText(const QString &text, const QString &other)
{
    return text.compare(other, Qt::CaseInsensitive) == 0;
}

} // namespace

template <typename E> QString labelOf(E value)
{
    for (const auto &e : Vocabulary<E>::entries)
        if (e.value == value)
            return QCoreApplication::translate("Vocabulary", e.label);
    return {};
}

template QString labelOf(Stage);
template QString labelOf(Place);
template QString labelOf(Need);
template QString labelOf(Service);
template QString labelOf(DiaryTheme);
template QString labelOf(SelfCare);
template QString labelOf(Supply);
template QString labelOf(GoalStatus);
template QString labelOf(ConsentState);
template QString labelOf(ActionOwner);
template QString labelOf(RecordType);

template <typename E> QString normaliseItem(const QString &text)
{
    for (const auto &e : Vocabulary<E>::entries)
        if (text == QLatin1StringView(e.key))
            return text; // the usual case: already a key
    for (const auto &e : Vocabulary<E>::entries)
        if (sameText(text, e.key) || sameText(text, e.label))
            return QString::fromLatin1(e.key);
    for (const FormerLabel<E> &former : formerLabels<E>())
        if (sameText(text, QString::fromUtf8(former.label)))
            return keyOf(former.value);
    return text;
}

template <typename E> QString itemLabel(const QString &item)
{
    const std::optional<E> value = fromKey<E>(item);
    return value ? labelOf(*value) : item;
}

template <typename E> QString itemSearchText(const QString &item)
{
    // Built once: the store asks for every record it saves or merges.
    static const QHash<QString, QString> texts = [] {
        QHash<QString, QString> out;
        for (const auto &e : Vocabulary<E>::entries) {
            QString text = QString::fromLatin1(e.label);
            for (const FormerLabel<E> &former : formerLabels<E>())
                if (former.value == e.value && !sameText(text, QString::fromUtf8(former.label)))
                    text += QLatin1Char('\n') + QString::fromUtf8(former.label);
            out.insert(QString::fromLatin1(e.key), text);
        }
        return out;
    }();
    return texts.value(item, item);
}

template QString normaliseItem<SelfCare>(const QString &);
template QString normaliseItem<Supply>(const QString &);
template QString itemLabel<SelfCare>(const QString &);
template QString itemLabel<Supply>(const QString &);
template QString itemSearchText<SelfCare>(const QString &);
template QString itemSearchText<Supply>(const QString &);

} // namespace wp
