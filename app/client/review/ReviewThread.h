// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One shared diary entry as review shows it (qml/review, qml/diary): for a supervisor, a
// worker's entry in full, read-only, marked reviewed when opened, with their comments and a
// composer; for the worker, their own entry's review marks ("Read by Alex, 3 Dec") and the
// comments on it, each to acknowledge. Reads and writes through the store's Reviews.

#include <QHash>
#include <QObject>
#include <QUuid>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace wp {
class Store;
}

namespace wp::client {

class ReviewThread : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Made by App")
    Q_PROPERTY(QString entryId READ entryId NOTIFY changed)
    // The entry is this user's own (the worker's view) rather than shared with them.
    Q_PROPERTY(bool own READ own NOTIFY changed)
    Q_PROPERTY(QString workerName READ workerName NOTIFY changed)
    Q_PROPERTY(QString whenText READ whenText NOTIFY changed)
    Q_PROPERTY(QString title READ title NOTIFY changed)
    // The entry in full: [{label, text}], the text and each answered prompt, ratings, themes.
    Q_PROPERTY(QVariantList sections READ sections NOTIFY changed)
    // "Read by Alex, 3 Dec", one per review mark.
    Q_PROPERTY(QStringList readBy READ readBy NOTIFY changed)
    // Oldest first: [{commentId, authorName, mine, text, whenText, acknowledged,
    // acknowledgedText, canAcknowledge}].
    Q_PROPERTY(QVariantList comments READ comments NOTIFY changed)
    Q_PROPERTY(QString errorString READ errorString NOTIFY changed)
    // This user raised the shared entry shown for the worker's next supervision.
    Q_PROPERTY(bool raised READ raised NOTIFY changed)

public:
    explicit ReviewThread(QObject *parent = nullptr);

    void setStore(wp::Store *store);
    void setPeople(const QUuid &me, const QHash<QUuid, QString> &names);

    // Shows the entry; one shared with this user is marked reviewed by them (once).
    Q_INVOKABLE void open(const QString &entryId);
    Q_INVOKABLE void close();
    // A comment on the entry shown (a shared one); false with errorString when it failed.
    Q_INVOKABLE bool addComment(const QString &text);
    // Acknowledges a comment on the worker's own entry shown.
    Q_INVOKABLE bool acknowledge(const QString &commentId);
    // Raises the shared entry shown at the worker's next supervision, or takes the raise back;
    // false with errorString when it failed.
    Q_INVOKABLE bool setRaised(bool raised);
    // Reads the entry shown again (after a sync).
    void refresh();

    QString entryId() const { return m_entryId; }
    bool own() const { return m_own; }
    QString workerName() const { return m_workerName; }
    QString whenText() const { return m_whenText; }
    QString title() const { return m_title; }
    QVariantList sections() const { return m_sections; }
    QStringList readBy() const { return m_readBy; }
    QVariantList comments() const { return m_comments; }
    QString errorString() const { return m_error; }
    bool raised() const { return m_raised; }

Q_SIGNALS:
    void changed();
    // Something was written (a mark, a comment, an acknowledgement): lists and sync follow.
    void wrote();

private:
    void load(bool markReviewed);
    void fail(const QString &error);

    wp::Store *m_store = nullptr;
    QUuid m_me;
    QHash<QUuid, QString> m_names;
    QString m_entryId;
    bool m_own = false;
    bool m_raised = false;
    QString m_workerName;
    QString m_whenText;
    QString m_title;
    QVariantList m_sections;
    QStringList m_readBy;
    QVariantList m_comments;
    QString m_error;
};

} // namespace wp::client
