// SPDX-License-Identifier: GPL-3.0-or-later
#include "DraftList.h"

#include "DraftBox.h"
#include "Editor.h"
#include "FormFields.h"
#include "ListModels.h"
#include "RecordEditors.h"
#include "RecordText.h"
#include "Uuid.h"

namespace wp::client {

namespace {
QString firstLine(const QString &text)
{
    const QString first = text.section(QLatin1Char('\n'), 0, 0).trimmed();
    return first.size() > 60 ? first.left(59) + QChar(0x2026) : first;
}
} // namespace

DraftListModel::DraftListModel(ParticipantNames *names, QObject *parent)
    : QAbstractListModel(parent), m_names(names)
{
}

void DraftListModel::setSources(wp::Store *store, DraftBox *drafts)
{
    m_store = store;
    m_drafts = store ? drafts : nullptr;
    reload();
}

bool DraftListModel::describe(const QString &name, Row &row)
{
    std::optional<QCborMap> draft = m_drafts->get(name);
    if (!draft)
        return false; // another key or damaged: nothing to show
    const QVariantMap f = draft->toVariantMap();
    const QString kind = Editor::formOfDraft(name);
    const bool isNew = Editor::draftIsNew(name);
    const QString record = Editor::draftRecord(name);
    row.name = name;
    row.whenText = RecordText::when(m_drafts->writtenAt(name).toUTC());
    QVariantMap ignored; // a draft may hold what does not validate yet
    if (kind == QLatin1String("encounter")) {
        row.kindLabel = labelOf(RecordType::Encounter);
        Encounter e;
        form::applyForm(f, e, ignored);
        const QString who = f.value(EncounterEditor::ParticipantField).toString();
        row.title = who == QLatin1String("brief") ? RecordText::briefContact()
                    : e.isBriefContact()          ? tr("No one chosen yet")
                                                  : m_names->nameOf(m_store, e.participantId);
        if (const QString note = firstLine(e.note); !note.isEmpty())
            row.title += QStringLiteral(" \u00b7 ") + note;
        row.screen = QStringLiteral("encounter"); // encounters are only ever new in the app
        row.properties = {{QStringLiteral("participantId"), isNew ? record : QString()}};
    } else if (kind == QLatin1String("diary")) {
        row.kindLabel = labelOf(RecordType::DiaryEntry);
        DiaryEntry d;
        form::applyForm(f, d, ignored);
        for (const QString &text : freeTexts(d)) {
            row.title = firstLine(text);
            if (!row.title.isEmpty())
                break;
        }
        if (row.title.isEmpty())
            row.title = tr("An entry with no text yet");
        row.screen = QStringLiteral("diary");
        row.properties = {{QStringLiteral("entryId"), isNew ? QString() : record}};
    } else if (kind == QLatin1String("supervision")) {
        row.kindLabel = labelOf(RecordType::SupervisionNote);
        SupervisionNote n;
        form::applyForm(f, n, ignored);
        row.title = n.supervisor.isEmpty()
                        ? RecordText::day(n.heldOn)
                        : tr("%1 with %2").arg(RecordText::day(n.heldOn), n.supervisor);
        row.screen = QStringLiteral("supervision");
        row.properties = {{QStringLiteral("noteId"), isNew ? QString() : record}};
    } else if (kind == QLatin1String("participant") && isNew) {
        row.kindLabel = labelOf(RecordType::Participant);
        Participant p;
        form::applyForm(f, p, ignored);
        row.title = p.pseudonym;
        if (row.title.isEmpty())
            row.title = tr("No pseudonym yet");
        row.screen = QStringLiteral("newParticipant");
    } else {
        return false; // a form this version does not resume
    }
    return true;
}

void DraftListModel::reload()
{
    beginResetModel();
    m_rows.clear();
    if (m_drafts) {
        for (const QString &name : m_drafts->names()) {
            Row row;
            if (describe(name, row))
                m_rows.append(row);
        }
    }
    endResetModel();
    Q_EMIT countChanged();
}

void DraftListModel::discard(const QString &name)
{
    if (!m_drafts)
        return;
    m_drafts->remove(name);
    reload();
}

int DraftListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant DraftListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case NameRole:
        return row.name;
    case Qt::DisplayRole:
    case TitleRole:
        return row.title;
    case KindLabelRole:
        return row.kindLabel;
    case WhenTextRole:
        return row.whenText;
    case ScreenRole:
        return row.screen;
    case PropertiesRole:
        return row.properties;
    }
    return {};
}

QHash<int, QByteArray> DraftListModel::roleNames() const
{
    return {{NameRole, "name"},         {TitleRole, "title"},   {KindLabelRole, "kindLabel"},
            {WhenTextRole, "whenText"}, {ScreenRole, "screen"}, {PropertiesRole, "properties"}};
}

} // namespace wp::client
