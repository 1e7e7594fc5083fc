// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The four forms: participant, encounter, diary entry, supervision session.

#include "Editor.h"
#include "Records.h"

#include <optional>

namespace wp::client {

class ParticipantEditor : public wp::client::Editor
{
    Q_OBJECT
    QML_NAMED_ELEMENT(ParticipantRecordEditor)
    QML_UNCREATABLE("Editors are owned by App")
public:
    explicit ParticipantEditor(QObject *parent = nullptr)
        : Editor(QStringLiteral("participant"), parent)
    {
    }

protected:
    QVariantMap blank(const QString &context) override;
    Result<QVariantMap> read(const QUuid &id) override;
    Result<QUuid> write(const QUuid &id, const QVariantMap &fields, QVariantMap &errors) override;
    void upgradeDraft(QVariantMap &fields) const override;
};

// Besides saving the encounter, brings its participant up to date: last contact, follow-up
// date and, when chosen, the stage after the encounter.
class EncounterEditor : public wp::client::Editor
{
    Q_OBJECT
    QML_NAMED_ELEMENT(EncounterRecordEditor)
    QML_UNCREATABLE("Editors are owned by App")
    // When the encounter took place, as the form shows it ("Today, 14:30").
    Q_PROPERTY(QString whenText READ whenText NOTIFY fieldsChanged)
public:
    static constexpr int RecentChoices = 6;
    // Who: a participant's id, "brief" for an unnamed contact, or "" before choosing.
    static inline const QString ParticipantField = QStringLiteral("participantId");
    static inline const QString OccurredAtField = QStringLiteral("occurredAt");
    explicit EncounterEditor(QObject *parent = nullptr)
        : Editor(QStringLiteral("encounter"), parent)
    {
    }

    // Participants whose pseudonym starts with `text`, in place of the recent ones.
    Q_INVOKABLE void findChoices(const QString &text);
    // Adds a participant with the pseudonym typed in the search and chooses them, without
    // leaving the form. Returns why it could not (a pseudonym too long...), or "".
    Q_INVOKABLE QString addParticipant(const QString &pseudonym);
    // The time of the encounter: an earlier time today, or one picked. A time to come is
    // refused on save.
    Q_INVOKABLE void setTime(const QDateTime &at);
    QString whenText() const;

Q_SIGNALS:
    void participantAdded();

protected:
    QVariantMap blank(const QString &context) override;
    Result<QVariantMap> read(const QUuid &id) override;
    Result<QUuid> write(const QUuid &id, const QVariantMap &fields, QVariantMap &errors) override;
    bool removable() const override { return true; }
    Status removeRecord(const QUuid &id) override;
    void refreshChoices(const QString &context) override;
    QString draftTarget(const QVariantMap &fields) const override;
    void upgradeDraft(QVariantMap &fields) const override;
};

class DiaryEditor : public wp::client::Editor
{
    Q_OBJECT
    QML_NAMED_ELEMENT(DiaryRecordEditor)
    QML_UNCREATABLE("Editors are owned by App")
public:
    explicit DiaryEditor(QObject *parent = nullptr) : Editor(QStringLiteral("diary"), parent) {}

protected:
    QVariantMap blank(const QString &context) override;
    Result<QVariantMap> read(const QUuid &id) override;
    Result<QUuid> write(const QUuid &id, const QVariantMap &fields, QVariantMap &errors) override;
    bool removable() const override { return true; }
    Status removeRecord(const QUuid &id) override;
};

class SupervisionEditor : public wp::client::Editor
{
    Q_OBJECT
    QML_NAMED_ELEMENT(SupervisionRecordEditor)
    QML_UNCREATABLE("Editors are owned by App")
public:
    explicit SupervisionEditor(QObject *parent = nullptr)
        : Editor(QStringLiteral("supervision"), parent)
    {
    }

    Q_INVOKABLE void addActionItem(const QString &text, const QString &ownerKey,
                                   const QString &due);
    Q_INVOKABLE void setActionItem(int index, const QString &field, const QVariant &value);

protected:
    QVariantMap blank(const QString &context) override;
    Result<QVariantMap> read(const QUuid &id) override;
    Result<QUuid> write(const QUuid &id, const QVariantMap &fields, QVariantMap &errors) override;
    bool removable() const override { return true; }
    Status removeRecord(const QUuid &id) override;
    void refreshChoices(const QString &context) override;

private:
    static inline const QString ActionItemsField = QStringLiteral("actionItems");
};

} // namespace wp::client
