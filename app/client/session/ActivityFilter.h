// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Every touch, click or key press anywhere in the app restarts the auto-lock countdown.

#include <QObject>

namespace wp::client {

class Session;

class ActivityFilter : public QObject
{
    Q_OBJECT
public:
    explicit ActivityFilter(Session *session, QObject *parent = nullptr);
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    Session *m_session;
};

} // namespace wp::client
