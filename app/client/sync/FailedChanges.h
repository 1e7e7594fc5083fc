// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The changes the server refused for good (Outbox::failed), as the "Refused changes" screen
// lists them: which record (its kind and a label the other lists show too: a participant's
// pseudonym, a diary entry's date; never its content), the server's reason in the user's
// language, and when. Owned by SyncStatus, which reloads it when the counts change.

#include <QAbstractListModel>
#include <QDateTime>
#include <QList>
#include <QtQml/qqmlregistration.h>

namespace wp {
class Store;
struct FailedChange;
} // namespace wp

namespace wp::client {

class FailedChangeListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by App.sync")
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Roles {
        SeqRole = Qt::UserRole,
        KindLabelRole,   // "Participant", "Diary entry", ...
        RecordLabelRole, // "K.M.", "Today, 14:02", ...
        ReasonTextRole,  // SyncEngine::describeRejection, translated
        WhenTextRole,    // when the server refused it
        DeletionRole,    // the change deleted the record
        CanDismissRole,  // sending it again can never work (the record is not the user's, ...)
    };
    Q_ENUM(Roles)

    // Enough for any real outbox: refusals are rare, and each one is a row to read.
    static constexpr int Limit = 500;

    explicit FailedChangeListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    int count() const { return int(m_rows.size()); }

    // Reads the failed entries again (null store: empty).
    void reload(wp::Store *store);
    // A change that can never be applied, taken off the list: the record on this phone stays
    // as it is, and the change is not sent. False when `row` cannot be dismissed.
    bool dismiss(wp::Store *store, int row);

    static bool dismissable(const QString &reason);

Q_SIGNALS:
    void countChanged();

private:
    struct Row
    {
        qint64 seq = 0;
        QString kindLabel;
        QString recordLabel;
        QString reasonText;
        QString whenText;
        bool deletion = false;
        bool canDismiss = false;
    };
    static Row rowOf(wp::Store &store, const FailedChange &failed);

    QList<Row> m_rows;
};

} // namespace wp::client
