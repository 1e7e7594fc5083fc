// SPDX-License-Identifier: GPL-3.0-or-later
#include "ActivityFilter.h"

#include "Session.h"

#include <QEvent>

namespace wp::client {

ActivityFilter::ActivityFilter(Session *session, QObject *parent)
    : QObject(parent), m_session(session)
{
}

bool ActivityFilter::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::MouseButtonPress:
    case QEvent::TouchBegin:
    case QEvent::KeyPress:
    case QEvent::Wheel:
        m_session->noteActivity();
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace wp::client
