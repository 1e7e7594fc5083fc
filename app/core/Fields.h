// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// How a record declares its fields, once (Records.h): each record has
//
//     template <class Self, class Field> static void forEachField(Self &record, Field &&field)
//
// which calls field(record.member, FieldSpec(...)) for every field, in the order the field map
// lists them. Everything that handles fields one by one goes through it: the field map the
// store diffs and sync merges (toFields/fromFields), validation of lengths, list sizes and
// ranges, the search text, the editors' forms and waypointctl's JSON. The member's C++ type
// says the field's kind (FieldKind); the spec says the rest.

#include "Vocabulary.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QStringList>
#include <QUuid>

#include <optional>
#include <span>
#include <type_traits>
#include <vector>

namespace wp {

// Limits chosen so a record stays small enough to sync quickly and a typo cannot fill a disk.
namespace limits {
inline constexpr int Pseudonym = 64;
inline constexpr int ShortText = 500;   // scope, next step, goal, topic, course, owner
inline constexpr int Note = 4000;       // encounter note, prompt answers, comment
inline constexpr int DiaryText = 20000; // a long reflective entry
inline constexpr int ListItems = 50;    // goals, supplies, topics, action items...
inline constexpr int MaxDurationMinutes = 24 * 60;
} // namespace limits

enum class FieldKind {
    Text,       // QString, at most `max` characters
    Date,       // QDate: ISO text in the field map
    Time,       // QDateTime: Unix milliseconds
    Id,         // QUuid: text without braces
    Rating,     // std::optional<int>, 1..5
    Bool,       // bool
    Integer,    // int, `min`..`max`
    Key,        // a vocabulary value (or an optional one): its key
    KeyList,    // QList of vocabulary values: their keys; unknown keys are refused
    TextList,   // QStringList, items of at most `max` characters; vocabulary keys with `choices`
    IdList,     // QList<QUuid>
    Record,     // a sub-record (Consent): a map of its own fields
    RecordList, // a list of sub-records (goals, action items): a list of maps
};

enum FieldFlag : unsigned {
    // Long text: searched first, and a concurrent edit keeps the losing text as a conflict copy.
    FreeText = 1u << 0,
    Searchable = 1u << 1, // part of the search text
    Automatic = 1u << 2,  // kept by the app (creation time, stage history), never in a form
};

struct FieldSpec
{
    const char *name;  // the key in the field map: storage, sync, JSON, the editors' forms
    const char *label; // English, translated in context "Field": names it in messages
    int max = 0;       // text: characters (each item of a list); integer: largest value
    int min = 0;       // integer: smallest value
    int maxItems = limits::ListItems; // lists
    unsigned flags = 0;
    const char *absentKey = nullptr;    // a vocabulary field's value when absent or null
    const char *rangeMessage = nullptr; // integer out of range (context "Validation")
    const ItemChoices *choices = nullptr;

    constexpr FieldSpec(const char *fieldName, const char *fieldLabel)
        : name(fieldName), label(fieldLabel)
    {
    }
    constexpr FieldSpec upTo(int characters) const
    {
        FieldSpec s = *this;
        s.max = characters;
        return s;
    }
    constexpr FieldSpec items(int count) const
    {
        FieldSpec s = *this;
        s.maxItems = count;
        return s;
    }
    constexpr FieldSpec range(int smallest, int largest, const char *message) const
    {
        FieldSpec s = *this;
        s.min = smallest;
        s.max = largest;
        s.rangeMessage = message;
        return s;
    }
    constexpr FieldSpec freeText() const { return with(FreeText | Searchable); }
    constexpr FieldSpec searchable() const { return with(Searchable); }
    constexpr FieldSpec automatic() const { return with(Automatic); }
    constexpr FieldSpec whenAbsent(const char *key) const
    {
        FieldSpec s = *this;
        s.absentKey = key;
        return s;
    }
    constexpr FieldSpec from(const ItemChoices &itemChoices) const
    {
        FieldSpec s = *this;
        s.choices = &itemChoices;
        return s;
    }
    constexpr bool has(FieldFlag flag) const { return (flags & flag) != 0; }

private:
    constexpr FieldSpec with(unsigned flag) const
    {
        FieldSpec s = *this;
        s.flags |= flag;
        return s;
    }
};

// --- kinds from member types ---

template <typename E>
concept VocabularyValue = std::is_enum_v<E> && requires
{
    Vocabulary<E>::entries;
};

namespace detail {
struct AnyField
{
    template <typename T> void operator()(T &, const FieldSpec &) const {}
};
template <typename T> struct IsList : std::false_type
{
};
template <typename T> struct IsList<QList<T>> : std::true_type
{
    using Item = T;
};
template <typename T> struct IsOptional : std::false_type
{
};
template <typename T> struct IsOptional<std::optional<T>> : std::true_type
{
    using Value = T;
};
} // namespace detail

// A struct that declares its fields (a record or a sub-record).
template <typename R>
concept Declared = std::is_class_v<R> && requires(R &r)
{
    R::forEachField(r, detail::AnyField{});
};

template <typename T> consteval FieldKind kindOf()
{
    using detail::IsList, detail::IsOptional;
    if constexpr (std::is_same_v<T, QString>)
        return FieldKind::Text;
    else if constexpr (std::is_same_v<T, QDate>)
        return FieldKind::Date;
    else if constexpr (std::is_same_v<T, QDateTime>)
        return FieldKind::Time;
    else if constexpr (std::is_same_v<T, QUuid>)
        return FieldKind::Id;
    else if constexpr (std::is_same_v<T, std::optional<int>>)
        return FieldKind::Rating;
    else if constexpr (std::is_same_v<T, bool>)
        return FieldKind::Bool;
    else if constexpr (std::is_same_v<T, int>)
        return FieldKind::Integer;
    else if constexpr (VocabularyValue<T>)
        return FieldKind::Key;
    else if constexpr (IsOptional<T>::value)
        return FieldKind::Key; // std::optional<E>: the only other optional
    else if constexpr (std::is_same_v<T, QStringList>)
        return FieldKind::TextList;
    else if constexpr (std::is_same_v<T, QList<QUuid>>)
        return FieldKind::IdList;
    else if constexpr (Declared<T>)
        return FieldKind::Record;
    else if constexpr (IsList<T>::value && Declared<typename IsList<T>::Item>)
        return FieldKind::RecordList;
    else {
        static_assert(IsList<T>::value && VocabularyValue<typename IsList<T>::Item>,
                      "a field's type must be one of FieldKind's");
        return FieldKind::KeyList;
    }
}

// One field as a table row: what the spec says, plus its kind.
struct FieldInfo
{
    FieldSpec spec;
    FieldKind kind;
};

// A record's fields in declaration order, built once.
template <Declared R> std::span<const FieldInfo> fieldTable()
{
    static const std::vector<FieldInfo> table = [] {
        std::vector<FieldInfo> out;
        R record{};
        R::forEachField(record, [&out](auto &member, const FieldSpec &spec) {
            out.push_back({spec, kindOf<std::remove_cvref_t<decltype(member)>>()});
        });
        return out;
    }();
    return table;
}

// The field called `name`, or null.
const FieldInfo *findField(std::span<const FieldInfo> table, QStringView name);

// The field's name as the user reads it: its label, translated.
QString fieldLabel(const FieldSpec &spec);

} // namespace wp
