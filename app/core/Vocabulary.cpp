#include "Vocabulary.h"

#include <QCoreApplication>

namespace wp {

#define TR(s) QT_TRANSLATE_NOOP("Vocabulary", s)

const std::array<VocabularyEntry<Stage>, 3> Vocabulary<Stage>::entries{{
    {Stage::SafePlace, "safe_place", TR("Creating a safe place")},
    {Stage::Partnership, "partnership", TR("Working partnership")},
    {Stage::SteppingOut, "stepping_out", TR("Stepping out")},
}};

const std::array<VocabularyEntry<Place>, 8> Vocabulary<Place>::entries{{
    {Place::Outreach, "outreach", TR("Street outreach")},
    {Place::Shelter, "shelter", TR("Shelter")},
    {Place::Hospital, "hospital", TR("Hospital")},
    {Place::Court, "court", TR("Court")},
    {Place::DropIn, "drop_in", TR("Drop-in")},
    {Place::PhoneText, "phone_text", TR("Phone / text")},
    {Place::AccompaniedAppointment, "accompanied", TR("Accompanied appointment")},
    {Place::Other, "other", TR("Other")},
}};

const std::array<VocabularyEntry<Need>, 8> Vocabulary<Need>::entries{{
    {Need::Housing, "housing", TR("Housing")},
    {Need::HarmReduction, "harm_reduction", TR("Substance use / harm reduction")},
    {Need::MentalHealth, "mental_health", TR("Mental health")},
    {Need::PhysicalHealth, "physical_health", TR("Physical health")},
    {Need::IncomeBenefits, "income_benefits", TR("Income and benefits")},
    {Need::LegalJustice, "legal_justice", TR("Legal / justice")},
    {Need::FamilyRelationships, "family", TR("Family and relationships")},
    {Need::PracticalNeeds, "practical", TR("Practical needs")},
}};

const std::array<VocabularyEntry<Service>, 7> Vocabulary<Service>::entries{{
    {Service::Housing, "housing", TR("Housing services")},
    {Service::Benefits, "benefits", TR("Benefits office")},
    {Service::Health, "health", TR("Health services")},
    {Service::MentalHealth, "mental_health", TR("Mental health services")},
    {Service::SubstanceTreatment, "substance_treatment", TR("Substance use treatment")},
    {Service::Justice, "justice", TR("Justice services")},
    {Service::Other, "other", TR("Other service")},
}};

const std::array<VocabularyEntry<DiaryTheme>, 10> Vocabulary<DiaryTheme>::entries{{
    {DiaryTheme::Boundaries, "boundaries", TR("Boundaries")},
    {DiaryTheme::LivedExperience, "lived_experience",
     TR("Using lived experience / self-disclosure")},
    {DiaryTheme::Stigma, "stigma", TR("Stigma")},
    {DiaryTheme::OrganisationalCulture, "organisational_culture", TR("Organisational culture")},
    {DiaryTheme::PersonalBias, "personal_bias", TR("Personal bias")},
    {DiaryTheme::SystemicObstacles, "systemic_obstacles", TR("Systemic obstacles")},
    {DiaryTheme::SelfCare, "self_care", TR("Self-care")},
    {DiaryTheme::TrainingDevelopment, "training", TR("Training and development")},
    {DiaryTheme::ProfessionalRelationships, "professionals",
     TR("Relationships with professionals")},
    {DiaryTheme::Wins, "wins", TR("Wins")},
}};

const std::array<VocabularyEntry<GoalStatus>, 4> Vocabulary<GoalStatus>::entries{{
    {GoalStatus::Open, "open", TR("Open")},
    {GoalStatus::InProgress, "in_progress", TR("In progress")},
    {GoalStatus::Achieved, "achieved", TR("Achieved")},
    {GoalStatus::Dropped, "dropped", TR("Set aside")},
}};

const std::array<VocabularyEntry<ConsentState>, 3> Vocabulary<ConsentState>::entries{{
    {ConsentState::NotAsked, "not_asked", TR("Not yet asked")},
    {ConsentState::Given, "given", TR("Given")},
    {ConsentState::Withdrawn, "withdrawn", TR("Withdrawn")},
}};

const std::array<VocabularyEntry<ActionOwner>, 3> Vocabulary<ActionOwner>::entries{{
    {ActionOwner::Worker, "worker", TR("Worker")},
    {ActionOwner::Supervisor, "supervisor", TR("Supervisor")},
    {ActionOwner::Both, "both", TR("Both")},
}};

const std::array<VocabularyEntry<RecordType>, 6> Vocabulary<RecordType>::entries{{
    {RecordType::Participant, "participant", TR("Participant")},
    {RecordType::Encounter, "encounter", TR("Encounter")},
    {RecordType::DiaryEntry, "diary", TR("Diary entry")},
    {RecordType::SupervisionNote, "supervision", TR("Supervision note")},
    {RecordType::Comment, "comment", TR("Comment")},
    {RecordType::TrainingRecord, "training", TR("Training record")},
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
