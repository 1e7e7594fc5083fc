// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The Insights screen's figures (qml/insights): the worker's last 12 weeks of encounters by
// place, the caseload by stage, and wellbeing and stress from the diary, as plain lists for
// the charts and as sentences for screen readers. Computed by the store's aggregates
// (InsightQueries) while the screen is open; a change made meanwhile reads them again.

#include <QDate>
#include <QObject>
#include <QStringList>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace wp {
class Store;
}

namespace wp::client {

class InsightsBoard : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by App")
    // Set by the screen while it is shown: figures are computed then, not on every save.
    Q_PROPERTY(bool active READ active WRITE setActive NOTIFY activeChanged)
    // Encounters: one label per week ("17 Aug", its Monday), oldest first, and one series
    // per place with any encounter: {label, counts: [per week]}.
    Q_PROPERTY(QStringList weekLabels READ weekLabels NOTIFY changed)
    Q_PROPERTY(QVariantList placeSeries READ placeSeries NOTIFY changed)
    Q_PROPERTY(int encounterTotal READ encounterTotal NOTIFY changed)
    Q_PROPERTY(int busiestWeek READ busiestWeek NOTIFY changed)
    // Caseload: every stage in order, {key, label, count}.
    Q_PROPERTY(QVariantList stages READ stages NOTIFY changed)
    Q_PROPERTY(int caseloadTotal READ caseloadTotal NOTIFY changed)
    // Diary: {day, wellbeing, stress} per rated entry, `day` in days since the first week's
    // Monday (fractional: the time of day), a missing rating as undefined; self-care days
    // as day numbers; `days` the width of the range.
    Q_PROPERTY(QVariantList wellbeing READ wellbeing NOTIFY changed)
    Q_PROPERTY(QVariantList selfCareDays READ selfCareDays NOTIFY changed)
    Q_PROPERTY(int days READ days NOTIFY changed)
    // Each chart's figures in words, for screen readers.
    Q_PROPERTY(QString encountersText READ encountersText NOTIFY changed)
    Q_PROPERTY(QString caseloadText READ caseloadText NOTIFY changed)
    Q_PROPERTY(QString wellbeingText READ wellbeingText NOTIFY changed)
    // Why the figures could not be read, or "".
    Q_PROPERTY(QString error READ error NOTIFY changed)

public:
    explicit InsightsBoard(QObject *parent = nullptr);

    void setStore(wp::Store *store);
    // Something the figures count changed: read again now if shown, else when next shown.
    void storeChanged();
    // The day the 12 weeks end with (tests and screenshots); invalid: today.
    void setToday(const QDate &today);

    bool active() const { return m_active; }
    void setActive(bool active);
    Q_INVOKABLE void refresh();

    QStringList weekLabels() const { return m_weekLabels; }
    QVariantList placeSeries() const { return m_placeSeries; }
    int encounterTotal() const { return m_encounterTotal; }
    int busiestWeek() const { return m_busiestWeek; }
    QVariantList stages() const { return m_stages; }
    int caseloadTotal() const { return m_caseloadTotal; }
    QVariantList wellbeing() const { return m_wellbeing; }
    QVariantList selfCareDays() const { return m_selfCareDays; }
    int days() const { return m_days; }
    QString encountersText() const { return m_encountersText; }
    QString caseloadText() const { return m_caseloadText; }
    QString wellbeingText() const { return m_wellbeingText; }
    QString error() const { return m_error; }

Q_SIGNALS:
    void activeChanged();
    void changed();

private:
    void clear();

    wp::Store *m_store = nullptr;
    bool m_active = false;
    bool m_stale = true;
    QDate m_today;
    QStringList m_weekLabels;
    QVariantList m_placeSeries;
    int m_encounterTotal = 0;
    int m_busiestWeek = 0;
    QVariantList m_stages;
    int m_caseloadTotal = 0;
    QVariantList m_wellbeing;
    QVariantList m_selfCareDays;
    int m_days = 0;
    QString m_encountersText;
    QString m_caseloadText;
    QString m_wellbeingText;
    QString m_error;
};

} // namespace wp::client
