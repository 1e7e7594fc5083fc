#pragma once
// Settings that are not secret (auto-lock delay, quick-hide, language, theme, text size),
// kept in a small ini file beside the encrypted store so they apply before unlocking.

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

Q_SIGNALS:
    void autoLockSecondsChanged();
    void quickHideChanged();
    void languageChanged();
    void themeChanged();
    void textScaleChanged();

private:
    QSettings m_settings;
};

} // namespace wp::client
