// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A form over one record: QML reads `fields` and `errors` (maps keyed by field name) and
// writes with setField/toggle. Unsaved changes are kept as an encrypted draft (DraftBox) a
// second after the last change, and while changes keep coming at most 1.5 s after the first
// one not yet kept (a kill during continuous typing loses under 2 s of it); and at once when
// the form is left or the app locks or leaves the foreground, so a form is never lost; saving
// validates through the core, shows each message next to its field, and removes the draft. There is
// one draft per record: "<form>~<id>" for an existing record, and for a new one "<form>~new" or,
// when the form is about someone, "<form>~new-<target id>" (a new encounter with A and another with
// B are two drafts).

#include "Result.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <QUuid>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

namespace wp {
class Store;
}

namespace wp::client {

class DraftBox;

class Editor : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Editors are owned by App")
    Q_PROPERTY(QVariant fields READ fieldsValue NOTIFY fieldsChanged)
    Q_PROPERTY(QVariant errors READ errorsValue NOTIFY errorsChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorsChanged)
    Q_PROPERTY(bool restoredDraft READ restoredDraft NOTIFY restoredDraftChanged)
    Q_PROPERTY(bool dirty READ dirty NOTIFY dirtyChanged)
    Q_PROPERTY(bool isNew READ isNew NOTIFY fieldsChanged)
    Q_PROPERTY(QString savedId READ savedId NOTIFY saved)
    Q_PROPERTY(QVariant choices READ choicesValue NOTIFY choicesChanged)
    // False for a record someone else wrote (Authorship.h): it is shown, never changed here.
    Q_PROPERTY(bool canChange READ canChange NOTIFY fieldsChanged)
    // This form's records can be deleted here (Editor::remove).
    Q_PROPERTY(bool canRemove READ canRemove CONSTANT)

public:
    explicit Editor(QString form, QObject *parent = nullptr);

    QString form() const { return m_form; }
    // The draft names this form writes, and what they say about the record.
    static QString formOfDraft(const QString &draftName);
    static bool draftIsNew(const QString &draftName);
    static QString draftRecord(const QString &draftName); // the id, or the target of a new one

    void attach(wp::Store *store, DraftBox *drafts);

    QVariantMap fields() const { return m_fields; }
    QVariantMap errors() const { return m_errors; }
    QString errorString() const { return m_errorString; }
    bool restoredDraft() const { return m_restoredDraft; }
    bool dirty() const { return m_dirty; }
    bool isNew() const { return m_id.isNull(); }
    bool canChange() const { return m_canChange; }
    bool canRemove() const { return removable(); }
    QString savedId() const { return m_savedId; }
    // Editing the record with this id (not a new one).
    Q_INVOKABLE bool isOpenOn(const QString &id) const;
    QVariantList choices() const { return m_choices; }
    // As plain values for QML (JavaScript objects and arrays).
    QVariant fieldsValue() const { return m_fields; }
    QVariant errorsValue() const { return m_errors; }
    QVariant choicesValue() const { return m_choices; }

    // A new record; `context` is an editor-specific hint (encounter: the participant id).
    // Restores the draft of an unsaved new record if there is one.
    Q_INVOKABLE void startNew(const QString &context);
    // An existing record, or its unsaved draft if one was kept.
    Q_INVOKABLE void load(const QString &id);
    Q_INVOKABLE void setField(const QString &name, const QVariant &value);
    // One field of the sub-record `name` (the participant's consent: state, scope).
    Q_INVOKABLE void setSubField(const QString &name, const QString &sub, const QVariant &value);
    // Adds `key` to the list field `name`, or removes it if present.
    Q_INVOKABLE void toggle(const QString &name, const QString &key);
    // The same for a list of sub-records chosen by one of their fields (referrals by service):
    // adds one whose `keyField` is `key`, or removes those that have it.
    Q_INVOKABLE void toggleItem(const QString &name, const QString &keyField, const QString &key);
    // One entry of the list field `name` (a topic, an action item) put right, or taken out.
    Q_INVOKABLE void replaceAt(const QString &name, int index, const QVariant &value);
    Q_INVOKABLE void removeAt(const QString &name, int index);
    Q_INVOKABLE bool save();
    Q_INVOKABLE void keepDraft();
    Q_INVOKABLE void discard();
    // Deletes the open record (its author only): a tombstone that syncs, and an audit entry;
    // its draft goes too. The screen asks first.
    Q_INVOKABLE bool remove();

Q_SIGNALS:
    void fieldsChanged();
    void errorsChanged();
    void restoredDraftChanged();
    void dirtyChanged();
    void choicesChanged();
    void saved(const QString &id);
    void removed(const QString &id);
    void draftsChanged(); // a draft was written or removed

protected:
    virtual QVariantMap blank(const QString &context) = 0;
    virtual Result<QVariantMap> read(const QUuid &id) = 0;
    // Builds the record from the fields, validates and saves it. Field problems go into
    // `errors` (field name -> message) and the result is an error.
    virtual Result<QUuid> write(const QUuid &id, const QVariantMap &fields,
                                QVariantMap &errors) = 0;
    virtual void refreshChoices(const QString &context) { Q_UNUSED(context) }
    // Whom a new record is about, from its fields (encounter: the participant), or empty.
    virtual QString draftTarget(const QVariantMap &fields) const
    {
        Q_UNUSED(fields)
        return {};
    }
    // Deletes the record; only forms whose records may be deleted here override it.
    virtual bool removable() const { return false; }
    virtual Status removeRecord(const QUuid &id)
    {
        Q_UNUSED(id)
        return Error{ErrorCode::InvalidInput, QString()};
    }
    // Brings a draft kept by an earlier version to this version's field names.
    virtual void upgradeDraft(QVariantMap &fields) const { Q_UNUSED(fields) }

    wp::Store *store() const { return m_store; }
    void setChoices(const QVariantList &choices);
    void replaceFields(const QVariantMap &fields);
    QUuid currentId() const { return m_id; }
    // Maps a core validation error to the form field it is about.
public:
    static void addErrorTo(QVariantMap &errors, const Error &error);

protected:
private:
    void setDirty(bool dirty);
    void setRestored(bool restored);
    void clearErrors();
    QString draftNameFor(const QUuid &id, const QVariantMap &fields) const;
    void removeDraft();
    // Whether this device's user may change the stored record `id` (Authorship.h).
    bool changeable(const QUuid &id) const;
    // Restarts the pause before the draft is kept, never beyond the longest wait.
    void keepDraftSoon();
    void stopDraftTimer();

    QString m_form;
    QString m_draftName; // the draft this form last wrote or restored
    wp::Store *m_store = nullptr;
    DraftBox *m_drafts = nullptr;
    QUuid m_id;
    QVariantMap m_fields;
    QVariantMap m_errors;
    QString m_errorString;
    QString m_savedId;
    QVariantList m_choices;
    bool m_dirty = false;
    bool m_restoredDraft = false;
    bool m_canChange = true;
    QTimer m_draftTimer;
    QElapsedTimer m_unkeptSince; // since the first change the draft does not hold yet
};

} // namespace wp::client
