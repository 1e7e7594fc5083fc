// SPDX-License-Identifier: GPL-3.0-or-later
#include "Editor.h"

#include "DraftBox.h"
#include "Store.h"
#include "SyncIdentity.h"
#include "Uuid.h"

#include <QCborValue>

#include <algorithm>

namespace wp::client {

namespace {
const QString IdKey = QStringLiteral("__id");
const QChar Separator = QLatin1Char('~');
const QString NewKey = QStringLiteral("new");
// The draft follows a pause in typing, and continuous typing at most this far behind: under
// the 2 s a worker may lose to a kill, with room for a busy UI thread.
constexpr int DraftPauseMs = 1000;
constexpr int DraftLongestWaitMs = 1500;
} // namespace

Editor::Editor(QString form, QObject *parent) : QObject(parent), m_form(std::move(form))
{
    m_draftTimer.setSingleShot(true);
    connect(&m_draftTimer, &QTimer::timeout, this, &Editor::keepDraft);
}

void Editor::attach(wp::Store *store, DraftBox *drafts)
{
    if (!store && m_store)
        keepDraft(); // locking: the draft goes to disk, sealed, before the store closes
    m_store = store;
    m_drafts = drafts;
    if (!store) {
        stopDraftTimer();
        m_id = {};
        m_fields.clear();
        m_choices.clear();
        setDirty(false);
        Q_EMIT fieldsChanged();
        Q_EMIT choicesChanged();
    }
}

QString Editor::formOfDraft(const QString &draftName)
{
    return draftName.section(Separator, 0, 0);
}

bool Editor::draftIsNew(const QString &draftName)
{
    return draftName.section(Separator, 1).startsWith(NewKey);
}

QString Editor::draftRecord(const QString &draftName)
{
    const QString key = draftName.section(Separator, 1);
    return key.startsWith(NewKey) ? key.mid(NewKey.size() + 1) : key;
}

QString Editor::draftNameFor(const QUuid &id, const QVariantMap &fields) const
{
    if (!id.isNull())
        return m_form + Separator + idText(id);
    const QUuid target = idFromText(draftTarget(fields));
    return m_form + Separator + NewKey +
           (target.isNull() ? QString() : QLatin1Char('-') + idText(target));
}

void Editor::removeDraft()
{
    if (!m_drafts)
        return;
    const QString current = draftNameFor(m_id, m_fields);
    const bool had =
        m_drafts->contains(current) || (!m_draftName.isEmpty() && m_drafts->contains(m_draftName));
    m_drafts->remove(current);
    if (!m_draftName.isEmpty())
        m_drafts->remove(m_draftName);
    m_draftName.clear();
    if (had)
        Q_EMIT draftsChanged();
}

void Editor::startNew(const QString &context)
{
    clearErrors();
    m_id = {};
    m_canChange = true;
    const QVariantMap fresh = blank(context);
    m_draftName = draftNameFor({}, fresh);
    std::optional<QCborMap> draft = m_drafts ? m_drafts->get(m_draftName) : std::nullopt;
    if (draft && draft->value(IdKey).toString().isEmpty()) {
        QVariantMap fields = draft->toVariantMap();
        fields.remove(IdKey);
        upgradeDraft(fields);
        m_fields = fields;
        setRestored(true);
        setDirty(true);
    } else {
        m_fields = fresh;
        setRestored(false);
        setDirty(false);
    }
    refreshChoices(context);
    Q_EMIT fieldsChanged();
}

bool Editor::changeable(const QUuid &id) const
{
    if (!m_store)
        return false;
    const Result<bool> may = m_store->changeableBy(id, sync::SyncIdentity::localUser(*m_store));
    return may && *may;
}

bool Editor::isOpenOn(const QString &id) const
{
    return !m_id.isNull() && idText(m_id) == id;
}

void Editor::load(const QString &id)
{
    clearErrors();
    const QUuid uuid = idFromText(id);
    m_draftName = draftNameFor(uuid, {});
    std::optional<QCborMap> draft =
        m_drafts && !uuid.isNull() ? m_drafts->get(m_draftName) : std::nullopt;
    if (draft && idFromText(draft->value(IdKey).toString()) == uuid && !uuid.isNull()) {
        QVariantMap fields = draft->toVariantMap();
        fields.remove(IdKey);
        upgradeDraft(fields);
        m_id = uuid;
        m_fields = fields;
        m_canChange = changeable(uuid);
        setRestored(true);
        setDirty(true);
    } else {
        Result<QVariantMap> fields =
            m_store ? read(uuid) : Result<QVariantMap>(Error(ErrorCode::NotFound, {}));
        if (!fields) {
            m_errorString = tr("This record could not be opened.");
            Q_EMIT errorsChanged();
            m_id = {};
            m_fields = blank({});
        } else {
            m_id = uuid;
            m_fields = *fields;
        }
        m_canChange = m_id.isNull() || changeable(m_id);
        setRestored(false);
        setDirty(false);
    }
    refreshChoices({});
    Q_EMIT fieldsChanged();
}

void Editor::setField(const QString &name, const QVariant &value)
{
    if (m_fields.value(name) == value)
        return;
    m_fields.insert(name, value);
    if (m_errors.remove(name) > 0)
        Q_EMIT errorsChanged();
    setDirty(true);
    keepDraftSoon();
    Q_EMIT fieldsChanged();
}

void Editor::keepDraftSoon()
{
    if (!m_unkeptSince.isValid())
        m_unkeptSince.start();
    const qint64 left = DraftLongestWaitMs - m_unkeptSince.elapsed();
    m_draftTimer.start(int(std::clamp<qint64>(left, 0, DraftPauseMs)));
}

void Editor::stopDraftTimer()
{
    m_draftTimer.stop();
    m_unkeptSince.invalidate();
}

void Editor::setSubField(const QString &name, const QString &sub, const QVariant &value)
{
    QVariantMap record = m_fields.value(name).toMap();
    record.insert(sub, value);
    setField(name, record);
}

void Editor::toggleItem(const QString &name, const QString &keyField, const QString &key)
{
    if (key.isEmpty())
        return;
    QVariantList items = m_fields.value(name).toList();
    const qsizetype removed = items.removeIf(
        [&](const QVariant &item) { return item.toMap().value(keyField).toString() == key; });
    if (removed == 0)
        items.append(QVariantMap{{keyField, key}});
    setField(name, items);
}

void Editor::toggle(const QString &name, const QString &key)
{
    if (key.isEmpty())
        return;
    QStringList list = m_fields.value(name).toStringList();
    if (list.contains(key))
        list.removeAll(key);
    else
        list.append(key);
    setField(name, list);
}

void Editor::replaceAt(const QString &name, int index, const QVariant &value)
{
    QVariantList items = m_fields.value(name).toList();
    if (index < 0 || index >= items.size())
        return;
    items[index] = value;
    setField(name, items);
}

void Editor::removeAt(const QString &name, int index)
{
    QVariantList items = m_fields.value(name).toList();
    if (index < 0 || index >= items.size())
        return;
    items.removeAt(index);
    setField(name, items);
}

bool Editor::remove()
{
    if (!m_store || m_id.isNull() || !removable())
        return false;
    if (!m_canChange) {
        m_errorString = tr("Only the person who wrote this record can delete it.");
        Q_EMIT errorsChanged();
        return false;
    }
    if (Status removed = removeRecord(m_id); !removed) {
        m_errorString = removed.error().message;
        Q_EMIT errorsChanged();
        return false;
    }
    stopDraftTimer();
    removeDraft();
    const QString id = idText(m_id);
    m_id = {};
    m_savedId.clear();
    setDirty(false);
    setRestored(false);
    clearErrors();
    Q_EMIT removed(id);
    return true;
}

bool Editor::save()
{
    if (!m_store)
        return false;
    if (!m_canChange) {
        m_errorString = tr("Only the person who wrote this record can change it.");
        Q_EMIT errorsChanged();
        return false;
    }
    QVariantMap errors;
    Result<QUuid> id = write(m_id, m_fields, errors);
    m_errors = errors;
    if (!id) {
        m_errorString = errors.isEmpty() ? id.error().message
                        : errors.size() == 1 && errors.contains(QStringLiteral("form"))
                            ? errors.value(QStringLiteral("form")).toString()
                            : tr("Some fields need a look: see the messages next to them.");
        Q_EMIT errorsChanged();
        return false;
    }
    m_errorString.clear();
    Q_EMIT errorsChanged();
    stopDraftTimer();
    removeDraft();
    m_id = *id;
    setDirty(false);
    setRestored(false);
    m_savedId = idText(*id);
    Q_EMIT saved(m_savedId);
    return true;
}

void Editor::keepDraft()
{
    stopDraftTimer();
    if (!m_dirty || !m_drafts)
        return;
    QCborMap draft = QCborMap::fromVariantMap(m_fields);
    draft.insert(IdKey, m_id.isNull() ? QString() : idText(m_id));
    // A new encounter now about someone else moves to that person's draft.
    const QString name = draftNameFor(m_id, m_fields);
    if (Status kept = m_drafts->put(name, draft); !kept) {
        m_errorString = tr("The draft could not be kept: %1").arg(kept.error().message);
        Q_EMIT errorsChanged();
        return;
    }
    if (!m_draftName.isEmpty() && m_draftName != name)
        m_drafts->remove(m_draftName);
    m_draftName = name;
    Q_EMIT draftsChanged();
}

void Editor::discard()
{
    stopDraftTimer();
    removeDraft();
    setDirty(false);
    setRestored(false);
}

void Editor::setChoices(const QVariantList &choices)
{
    m_choices = choices;
    Q_EMIT choicesChanged();
}

void Editor::replaceFields(const QVariantMap &fields)
{
    m_fields = fields;
    setDirty(true);
    keepDraftSoon();
    Q_EMIT fieldsChanged();
}

void Editor::addErrorTo(QVariantMap &errors, const Error &error)
{
    const QString field = error.field.isEmpty() ? QStringLiteral("form") : error.field;
    if (!errors.contains(field))
        errors.insert(field, error.message);
}

void Editor::setDirty(bool dirty)
{
    if (m_dirty == dirty)
        return;
    m_dirty = dirty;
    Q_EMIT dirtyChanged();
}

void Editor::setRestored(bool restored)
{
    if (m_restoredDraft == restored)
        return;
    m_restoredDraft = restored;
    Q_EMIT restoredDraftChanged();
}

void Editor::clearErrors()
{
    m_errors.clear();
    m_errorString.clear();
    Q_EMIT errorsChanged();
}

} // namespace wp::client
