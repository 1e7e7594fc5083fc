// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The lists QML shows, each a PagedModel over one store query.

#include "PagedModel.h"
#include "Records.h"

#include <QDate>
#include <QHash>
#include <QUuid>

namespace wp::client {

// Participants: the caseload (search by pseudonym, filter by stage) or the follow-ups due.
class ParticipantListModel : public wp::client::PagedModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Models are made by App")
    Q_PROPERTY(QString query READ query WRITE setQuery NOTIFY queryChanged)
    Q_PROPERTY(QString stageFilter READ stageFilter WRITE setStageFilter NOTIFY stageFilterChanged)

public:
    enum Roles {
        RecordIdRole = Qt::UserRole,
        PseudonymRole,
        StageKeyRole,
        StageLabelRole,
        LastContactTextRole,
        FollowUpTextRole,
        FollowUpOverdueRole,
        ConsentLabelRole,
    };
    Q_ENUM(Roles)
    enum class Kind { Caseload, FollowUpsDue };

    explicit ParticipantListModel(Kind kind, QObject *parent = nullptr);
    QHash<int, QByteArray> roleNames() const override;

    QString query() const { return m_query; }
    void setQuery(const QString &query);
    QString stageFilter() const { return m_stageFilter; }
    void setStageFilter(const QString &stageKey);

    static Row rowOf(const Participant &p, const QDateTime &lastContact, QDate today);

Q_SIGNALS:
    void queryChanged();
    void stageFilterChanged();

protected:
    Result<Chunk> loadPage(const QByteArray &cursor) override;

private:
    Kind m_kind;
    QString m_query;
    QString m_stageFilter;
};

// Looks up pseudonyms for encounter rows; cleared whenever participants change.
class ParticipantNames
{
public:
    QString nameOf(wp::Store *store, const QUuid &id);
    void clear() { m_names.clear(); }

private:
    QHash<QUuid, QString> m_names;
};

// Encounters: the most recent (Today) or one participant's timeline.
class EncounterListModel : public wp::client::PagedModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Models are made by App")

public:
    enum Roles {
        RecordIdRole = Qt::UserRole,
        ParticipantNameRole,
        ParticipantIdRole,
        WhenTextRole,
        PlaceLabelRole,
        SummaryRole,
        NoteRole,
        FollowUpTextRole,
    };
    Q_ENUM(Roles)

    EncounterListModel(ParticipantNames *names, int recentLimit, QObject *parent = nullptr);
    QHash<int, QByteArray> roleNames() const override;

    // Null: the most recent encounters across everyone.
    void setParticipant(const QUuid &participantId);

protected:
    Result<Chunk> loadPage(const QByteArray &cursor) override;
    bool paged() const override { return !m_participant.isNull(); }

private:
    ParticipantNames *m_names;
    int m_recentLimit;
    QUuid m_participant;
};

class DiaryListModel : public wp::client::PagedModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Models are made by App")

public:
    enum Roles {
        RecordIdRole = Qt::UserRole,
        TitleRole,
        WhenTextRole,
        ExcerptRole,
        SharedRole,
        ThemesTextRole,
        WellbeingRole,
        StressRole,
    };
    Q_ENUM(Roles)

    explicit DiaryListModel(QObject *parent = nullptr);
    QHash<int, QByteArray> roleNames() const override;

protected:
    Result<Chunk> loadPage(const QByteArray &cursor) override;
};

class SupervisionListModel : public wp::client::PagedModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Models are made by App")

public:
    enum Roles {
        RecordIdRole = Qt::UserRole,
        HeldOnTextRole,
        SupervisorRole,
        TopicsTextRole,
        OpenActionsRole,
        WellbeingRole,
    };
    Q_ENUM(Roles)

    explicit SupervisionListModel(QObject *parent = nullptr);
    QHash<int, QByteArray> roleNames() const override;

protected:
    Result<Chunk> loadPage(const QByteArray &cursor) override;
};

// Action items not yet done, from every supervision note, due soonest first within a page.
class ActionItemListModel : public wp::client::PagedModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Models are made by App")

public:
    enum Roles {
        NoteIdRole = Qt::UserRole,
        ItemTextRole,
        ItemIdRole,
        OwnerLabelRole,
        DueTextRole,
        OverdueRole,
    };
    Q_ENUM(Roles)

    explicit ActionItemListModel(QObject *parent = nullptr);
    QHash<int, QByteArray> roleNames() const override;

protected:
    Result<Chunk> loadPage(const QByteArray &cursor) override;
    QString rowKey(const Row &row) const override; // note and item
};

// Search hits grouped by kind (participants, encounters, diary, supervision).
class SearchResultModel : public wp::client::PagedModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Models are made by App")

public:
    enum Roles {
        RecordIdRole = Qt::UserRole,
        TitleRole,
        KindRole,
        KindLabelRole,
        SnippetRole,
        ParticipantIdRole,
        FirstOfKindRole, // the row starts a group: the view shows the kind above it
    };
    Q_ENUM(Roles)

    SearchResultModel(ParticipantNames *names, QObject *parent = nullptr);
    QHash<int, QByteArray> roleNames() const override;
    void setQuery(const QString &query);

protected:
    Result<Chunk> loadPage(const QByteArray &cursor) override;
    bool paged() const override { return false; }

private:
    ParticipantNames *m_names;
    QString m_query;
};

} // namespace wp::client
