// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The participant page: stage with its history, goals, consent, encounters. Every change is
// saved at once (one tap), so moving back a stage is as easy as moving forward.

#include "ListModels.h"
#include "Records.h"

#include <QObject>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <optional>
#include <utility>

namespace wp::client {

class DraftBox;

class ParticipantDetail : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by App")
    Q_PROPERTY(QString participantId READ participantId NOTIFY changed)
    Q_PROPERTY(QString pseudonym READ pseudonym NOTIFY changed)
    Q_PROPERTY(QString stageKey READ stageKey NOTIFY changed)
    Q_PROPERTY(QString stageLabel READ stageLabel NOTIFY changed)
    Q_PROPERTY(QVariant stageHistory READ stageHistoryValue NOTIFY changed)
    Q_PROPERTY(QVariant goals READ goalsValue NOTIFY changed)
    Q_PROPERTY(QString consentKey READ consentKey NOTIFY changed)
    Q_PROPERTY(QString consentText READ consentText NOTIFY changed)
    // Newest first: {date, text} per change of consent.
    Q_PROPERTY(QVariantList consentHistory READ consentHistory NOTIFY changed)
    Q_PROPERTY(int encounterCount READ encounterCount NOTIFY changed)
    Q_PROPERTY(bool canUndoStage READ canUndoStage NOTIFY changed)
    // False for a participant someone else added (Authorship.h): shown, never changed here.
    Q_PROPERTY(bool canChange READ canChange NOTIFY changed)
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorStringChanged)
    Q_PROPERTY(wp::client::EncounterListModel *encounters READ encounters CONSTANT)

public:
    ParticipantDetail(ParticipantNames *names, QObject *parent = nullptr);

    void setStore(wp::Store *store, DraftBox *drafts = nullptr);

    QString participantId() const;
    QString pseudonym() const { return m_participant.pseudonym; }
    QString stageKey() const { return m_loaded ? keyOf(m_participant.stage) : QString(); }
    QString stageLabel() const { return m_loaded ? labelOf(m_participant.stage) : QString(); }
    QVariantList stageHistory() const;
    QVariantList goals() const;
    QVariant stageHistoryValue() const { return stageHistory(); }
    QVariant goalsValue() const { return goals(); }
    QString consentKey() const { return keyOf(m_participant.consent.state); }
    QString consentText() const;
    QVariantList consentHistory() const;
    int encounterCount() const { return m_encounterCount; }
    bool canUndoStage() const { return m_undoStage.has_value(); }
    bool canChange() const { return m_canChange; }
    QString errorString() const { return m_error; }
    EncounterListModel *encounters() const { return m_encounters; }

    Q_INVOKABLE void load(const QString &id);
    Q_INVOKABLE void reload();
    Q_INVOKABLE bool moveToStage(const QString &stageKey);
    // Takes back the last stage tap (a mistake), leaving no entry in the history. Only until
    // anything else changes the participant; the page offers it for a few seconds.
    Q_INVOKABLE bool undoStage();
    Q_INVOKABLE void forgetStageUndo();
    Q_INVOKABLE bool addGoal(const QString &text);
    Q_INVOKABLE bool setGoalStatus(const QString &goalId, const QString &statusKey);
    // A goal's words put right, or the goal taken out (the page asks first).
    Q_INVOKABLE bool editGoal(const QString &goalId, const QString &text);
    Q_INVOKABLE bool removeGoal(const QString &goalId);
    // A pseudonym put right; the full-name check is the form's (Pseudonym.h), not a refusal.
    Q_INVOKABLE bool rename(const QString &pseudonym);
    Q_INVOKABLE bool giveConsent(const QString &scope);
    Q_INVOKABLE bool withdrawConsent();
    // Erases the participant, their encounters and every unsaved draft of any of them, on
    // this device at once and on the others after sync (Store::eraseParticipant).
    Q_INVOKABLE bool erase();

Q_SIGNALS:
    void changed();
    void errorStringChanged();
    void saved();  // the participant was changed in the store
    void erased(); // the participant is gone: the page closes

private:
    bool save(const Participant &updated);
    void setError(const QString &error);

    wp::Store *m_store = nullptr;
    DraftBox *m_drafts = nullptr;
    Participant m_participant;
    int m_encounterCount = 0;
    // The stage and its history before the last stage tap, while it can be taken back.
    std::optional<std::pair<Stage, QList<StageChange>>> m_undoStage;
    bool m_loaded = false;
    bool m_canChange = false;
    QString m_error;
    EncounterListModel *m_encounters;
};

} // namespace wp::client
