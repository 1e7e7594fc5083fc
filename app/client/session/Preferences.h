// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Settings that are not secret (auto-lock delay, quick-hide, language, theme, text size,
// PIN or passphrase), kept in a small ini file beside the encrypted store so they apply before
// unlocking.

#include <QObject>
#include <QSettings>
#include <QtQml/qqmlregistration.h>

namespace wp::client {

class Preferences : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Preferences are owned by App")
    Q_PROPERTY(int autoLockSeconds READ autoLockSeconds WRITE setAutoLockSeconds NOTIFY
                   autoLockSecondsChanged)
    Q_PROPERTY(bool quickHide READ quickHide WRITE setQuickHide NOTIFY quickHideChanged)
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
    Q_PROPERTY(QString theme READ theme WRITE setTheme NOTIFY themeChanged)
    Q_PROPERTY(double textScale READ textScale WRITE setTextScale NOTIFY textScaleChanged)
    // The store's secret is a passphrase, not digits: the unlock screen opens with a text field.
    Q_PROPERTY(bool passphrase READ passphrase WRITE setPassphrase NOTIFY passphraseChanged)

public:
    explicit Preferences(const QString &dataDir, QObject *parent = nullptr);

    int autoLockSeconds() const;
    void setAutoLockSeconds(int seconds);
    bool quickHide() const;
    void setQuickHide(bool on);
    QString language() const; // "en" or "fr"
    void setLanguage(const QString &language);
    QString theme() const; // "system", "light" or "dark"
    void setTheme(const QString &theme);
    double textScale() const; // 1, 1.25 or 1.5
    void setTextScale(double scale);
    bool passphrase() const;
    void setPassphrase(bool passphrase);

Q_SIGNALS:
    void autoLockSecondsChanged();
    void quickHideChanged();
    void languageChanged();
    void themeChanged();
    void textScaleChanged();
    void passphraseChanged();

private:
    QSettings m_settings;
};

} // namespace wp::client
