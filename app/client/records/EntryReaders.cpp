// SPDX-License-Identifier: GPL-3.0-or-later
#include "EntryReaders.h"

#include <QLocale>

namespace wp::client {

EntryReaders::EntryReaders(QObject *parent) : QObject(parent) {}

void EntryReaders::update(bool syncing, bool learnt, const QStringList &supervisors)
{
    const Reach reach = !syncing              ? NotSyncing
                        : !learnt             ? NotLearnt
                        : supervisors.empty() ? NoSupervisor
                                              : Supervisors;
    const QStringList names = reach == Supervisors ? supervisors : QStringList();
    if (reach == m_reach && names == m_supervisors)
        return;
    m_reach = reach;
    m_supervisors = names;
    Q_EMIT changed();
}

QString EntryReaders::readers(bool shared) const
{
    if (!shared || m_reach == NotSyncing || m_reach == NoSupervisor)
        return tr("Only you");
    if (m_reach == NotLearnt)
        return tr("You and your supervisor");
    const QString names = m_supervisors.join(tr(", ", "between supervisors' names"));
    return m_supervisors.size() == 1 ? tr("You and %1 (supervisor)").arg(names)
                                     : tr("You and %1 (supervisors)").arg(names);
}

QString EntryReaders::hint(bool shared) const
{
    switch (m_reach) {
    case NotSyncing:
        return tr("This device does not sync, so a shared entry stays on it until it is set "
                  "up to sync.");
    case NoSupervisor:
        return tr("No supervisor is assigned to you yet, so sharing reaches no one.");
    case NotLearnt:
        return shared ? tr("Your supervisor can read it once this device has synced. Switching "
                           "off removes their copy, but what they have read cannot be unread.")
                      : tr("Switch on to share this one entry with your supervisor.");
    case Supervisors:
        break;
    }
    return shared ? tr("They can read it after the next sync. Switching off removes their copy, "
                       "but what they have read cannot be unread.")
                  : tr("Switch on to share this one entry with %1.")
                        .arg(QLocale().createSeparatedList(m_supervisors));
}

} // namespace wp::client
