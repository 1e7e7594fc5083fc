// SPDX-License-Identifier: GPL-3.0-or-later
#include "ReviewThread.h"

#include "RecordText.h"
#include "ReviewText.h"
#include "Reviews.h"
#include "Store.h"
#include "SupervisionAgenda.h"
#include "Uuid.h"

#include <QCoreApplication>

#include <algorithm>

namespace wp::client {

namespace {

QString field(const char *label)
{
    return QCoreApplication::translate("Field", label);
}

QVariantList sectionsOf(const DiaryEntry &e)
{
    QVariantList out;
    auto add = [&out](const QString &label, const QString &text) {
        if (!text.trimmed().isEmpty())
            out.append(QVariantMap{{QStringLiteral("label"), label},
                                   {QStringLiteral("text"), text.trimmed()}});
    };
    add(field("Text"), e.text);
    add(field("What happened"), e.prompts.whatHappened);
    add(field("How I felt"), e.prompts.howIFelt);
    add(field("What went well, or not"), e.prompts.wentWell);
    add(field("What I learned"), e.prompts.learned);
    add(field("What I will do next"), e.prompts.nextTime);
    if (e.wellbeing)
        add(field("Wellbeing"), QStringLiteral("%1/5").arg(*e.wellbeing));
    if (e.stress)
        add(field("Stress"), QStringLiteral("%1/5").arg(*e.stress));
    QStringList items;
    for (DiaryTheme t : e.themes)
        items.append(labelOf(t));
    add(field("Themes"), items.join(QStringLiteral(" \u00b7 ")));
    items.clear();
    for (const QString &s : e.selfCare)
        items.append(itemLabel<SelfCare>(s));
    add(field("Self-care"), items.join(QStringLiteral(" \u00b7 ")));
    return out;
}

} // namespace

ReviewThread::ReviewThread(QObject *parent) : QObject(parent) {}

void ReviewThread::setStore(wp::Store *store)
{
    m_store = store;
    close();
}

void ReviewThread::setPeople(const QUuid &me, const QHash<QUuid, QString> &names)
{
    m_me = me;
    m_names = names;
}

void ReviewThread::open(const QString &entryId)
{
    m_entryId = entryId;
    load(true);
}

void ReviewThread::close()
{
    m_entryId.clear();
    m_own = false;
    m_raised = false;
    m_workerName.clear();
    m_whenText.clear();
    m_title.clear();
    m_sections.clear();
    m_readBy.clear();
    m_comments.clear();
    m_error.clear();
    Q_EMIT changed();
}

void ReviewThread::refresh()
{
    if (!m_entryId.isEmpty())
        load(false);
}

void ReviewThread::fail(const QString &error)
{
    m_error = error;
    Q_EMIT changed();
}

void ReviewThread::load(bool markReviewed)
{
    m_error.clear();
    const QUuid id = QUuid::fromString(m_entryId);
    if (!m_store || id.isNull())
        return fail(tr("This entry is not here any more."));
    Result<DiaryEntry> entry = m_store->diary().get(id);
    Result<QUuid> author = m_store->authorOf(id, m_me);
    if (!entry || !author)
        return fail(tr("This entry is not here any more."));
    Reviews reviews(*m_store, m_me);
    m_own = *author == m_me;
    if (!m_own && markReviewed) {
        if (Result<Comment> mark = reviews.markReviewed(id); !mark)
            return fail(mark.error().message);
        Q_EMIT wrote();
    }
    Result<QList<ReviewNote>> notes = reviews.notesOn(id);
    if (!notes)
        return fail(notes.error().message);
    m_raised = false;
    if (!m_own) {
        Result<SharedEntry> shared = reviews.shared(id);
        if (!shared)
            return fail(shared.error().message);
        m_raised = shared->raised;
    }
    m_workerName = m_own ? QString() : ReviewText::personName(m_names, *author);
    m_whenText = RecordText::when(entry->writtenAt);
    m_title = RecordText::diaryTitle(*entry);
    m_sections = sectionsOf(*entry);
    m_readBy.clear();
    m_comments.clear();
    std::reverse(notes->begin(), notes->end()); // oldest first, as a conversation reads
    for (const ReviewNote &n : std::as_const(*notes)) {
        const bool mine = n.author == m_me;
        const QString name = mine ? tr("You") : ReviewText::personName(m_names, n.author);
        if (n.comment.isRaise())
            continue; // the supervision note lists raised entries ("To discuss")
        if (n.comment.isReviewMark()) {
            if (!mine)
                m_readBy.append(ReviewText::readBy(name, n.comment.writtenAt));
            continue;
        }
        const bool acknowledged = n.acknowledgedAt.isValid();
        m_comments.append(
            QVariantMap{{QStringLiteral("commentId"), idText(n.comment.id)},
                        {QStringLiteral("authorName"), name},
                        {QStringLiteral("mine"), mine},
                        {QStringLiteral("text"), n.comment.text},
                        {QStringLiteral("whenText"), ReviewText::dayMonth(n.comment.writtenAt)},
                        {QStringLiteral("acknowledged"), acknowledged},
                        {QStringLiteral("acknowledgedText"),
                         !acknowledged ? QString()
                         : m_own       ? tr("You acknowledged this")
                                       : ReviewText::acknowledgedOn(n.acknowledgedAt)},
                        {QStringLiteral("canAcknowledge"), m_own && !mine && !acknowledged}});
    }
    Q_EMIT changed();
}

bool ReviewThread::addComment(const QString &text)
{
    if (!m_store || m_entryId.isEmpty() || m_own)
        return false;
    if (text.trimmed().isEmpty()) {
        fail(tr("Write a comment first."));
        return false;
    }
    Result<Comment> saved = Reviews(*m_store, m_me).addComment(QUuid::fromString(m_entryId), text);
    if (!saved) {
        fail(saved.error().message);
        return false;
    }
    load(false);
    Q_EMIT wrote();
    return true;
}

bool ReviewThread::setRaised(bool raised)
{
    if (!m_store || m_entryId.isEmpty() || m_own)
        return false;
    Result<Comment> raise =
        SupervisionAgenda(*m_store, m_me).setRaised(QUuid::fromString(m_entryId), raised);
    if (!raise) {
        fail(raise.error().message);
        return false;
    }
    load(false);
    Q_EMIT wrote();
    return true;
}

bool ReviewThread::acknowledge(const QString &commentId)
{
    if (!m_store)
        return false;
    Result<Comment> ack = Reviews(*m_store, m_me).acknowledge(QUuid::fromString(commentId));
    if (!ack) {
        fail(ack.error().message);
        return false;
    }
    load(false);
    Q_EMIT wrote();
    return true;
}

} // namespace wp::client
