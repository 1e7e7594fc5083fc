#include "Vocabulary.h"

#include <QCoreApplication>

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
template QString labelOf(GoalStatus);
template QString labelOf(ConsentState);
template QString labelOf(ActionOwner);
template QString labelOf(RecordType);

QStringList commonSupplies()
{
    return {QCoreApplication::translate("Vocabulary", "Naloxone"),
            QCoreApplication::translate("Vocabulary", "Sterile injecting equipment"),
            QCoreApplication::translate("Vocabulary", "Safer smoking kit"),
            QCoreApplication::translate("Vocabulary", "Fentanyl test strips"),
            QCoreApplication::translate("Vocabulary", "Sharps bin"),
            QCoreApplication::translate("Vocabulary", "Condoms"),
            QCoreApplication::translate("Vocabulary", "Wound care")};
}

} // namespace wp
