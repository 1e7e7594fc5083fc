// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The fixed vocabularies of the domain (docs/domain.md). Each value has a stable key (stored,
// synced, used in JSON) and an English label marked for translation; UIs translate labels,
// never keys.

#include <QList>
#include <QString>
#include <QStringView>

#include <array>
#include <optional>
#include <utility>

namespace wp {

// Stepped model of peer provision practice: not always in order; moving back is normal.
enum class Stage { SafePlace, Partnership, SteppingOut };
enum class Place {
    Outreach,
    Shelter,
    Hospital,
    Court,
    DropIn,
    PhoneText,
    AccompaniedAppointment,
    Other
};
enum class Need {
    Housing,
    HarmReduction,
    MentalHealth,
    PhysicalHealth,
    IncomeBenefits,
    LegalJustice,
    FamilyRelationships,
    PracticalNeeds
};
// Services a worker refers to, advocates with, or meets obstacles at (SHARPS).
enum class Service { Housing, Benefits, Health, MentalHealth, SubstanceTreatment, Justice, Other };
enum class DiaryTheme {
    Boundaries,
    LivedExperience,
    Stigma,
    OrganisationalCulture,
    PersonalBias,
    SystemicObstacles,
    SelfCare,
    TrainingDevelopment,
    ProfessionalRelationships,
    Wins
};
// What a worker did for themselves (diary) and harm-reduction supplies given (encounter): the
// usual choices; a worker may also type others, kept as typed (see ItemChoices).
enum class SelfCare { TookBreak, TalkedItThrough, TimeOutside, Exercise, Rest, SomethingEnjoyable };
enum class Supply {
    Naloxone,
    InjectingEquipment,
    SmokingKit,
    FentanylTestStrips,
    SharpsBin,
    Condoms,
    WoundCare
};
enum class GoalStatus { Open, InProgress, Achieved, Dropped };
enum class ConsentState { NotAsked, Given, Withdrawn };
enum class ActionOwner { Worker, Supervisor, Both };
enum class RecordType {
    Participant,
    Encounter,
    DiaryEntry,
    SupervisionNote,
    Comment,
    TrainingRecord
};

template <typename E> struct VocabularyEntry
{
    E value;
    const char *key;
    const char *label; // English; translated in context "Vocabulary"
};

template <typename E> struct Vocabulary; // specialised below; entries defined in Vocabulary.cpp

template <> struct Vocabulary<Stage>
{
    static const std::array<VocabularyEntry<Stage>, 3> entries;
};
template <> struct Vocabulary<Place>
{
    static const std::array<VocabularyEntry<Place>, 8> entries;
};
template <> struct Vocabulary<Need>
{
    static const std::array<VocabularyEntry<Need>, 8> entries;
};
template <> struct Vocabulary<Service>
{
    static const std::array<VocabularyEntry<Service>, 7> entries;
};
template <> struct Vocabulary<DiaryTheme>
{
    static const std::array<VocabularyEntry<DiaryTheme>, 10> entries;
};
template <> struct Vocabulary<SelfCare>
{
    static const std::array<VocabularyEntry<SelfCare>, 6> entries;
};
template <> struct Vocabulary<Supply>
{
    static const std::array<VocabularyEntry<Supply>, 7> entries;
};
template <> struct Vocabulary<GoalStatus>
{
    static const std::array<VocabularyEntry<GoalStatus>, 4> entries;
};
template <> struct Vocabulary<ConsentState>
{
    static const std::array<VocabularyEntry<ConsentState>, 3> entries;
};
template <> struct Vocabulary<ActionOwner>
{
    static const std::array<VocabularyEntry<ActionOwner>, 3> entries;
};
template <> struct Vocabulary<RecordType>
{
    static const std::array<VocabularyEntry<RecordType>, 6> entries;
};

template <typename E> QString keyOf(E value)
{
    for (const auto &e : Vocabulary<E>::entries)
        if (e.value == value)
            return QString::fromLatin1(e.key);
    return {};
}

template <typename E> std::optional<E> fromKey(QStringView key)
{
    for (const auto &e : Vocabulary<E>::entries)
        if (key == QLatin1StringView(e.key))
            return e.value;
    return std::nullopt;
}

// The translated label ("Creating a safe place").
template <typename E> QString labelOf(E value);

template <typename E> QList<E> allOf()
{
    QList<E> out;
    for (const auto &e : Vocabulary<E>::entries)
        out.append(e.value);
    return out;
}

// A list of free text whose usual items come from a vocabulary (self-care, supplies): an item
// is the key when it names one, otherwise the text as typed.
struct ItemChoices
{
    // The key `text` names (the key itself, its English label or a label an earlier version
    // stored, in any case), otherwise `text` unchanged.
    QString (*normalise)(const QString &text);
    // For display: the translated label of a key, otherwise the item itself.
    QString (*label)(const QString &item);
    // For search: every label a key is known by (English and French), otherwise the item.
    QString (*searchText)(const QString &item);
};

template <typename E> QString normaliseItem(const QString &text);
template <typename E> QString itemLabel(const QString &item);
template <typename E> QString itemSearchText(const QString &item);

template <typename E>
inline constexpr ItemChoices itemChoices{&normaliseItem<E>, &itemLabel<E>, &itemSearchText<E>};

} // namespace wp
