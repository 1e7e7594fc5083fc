// SPDX-License-Identifier: GPL-3.0-or-later
#include "Preferences.h"

#include "PrivateFiles.h"

#include <QDir>
#include <QLocale>

namespace wp::client {

namespace {
const QString AutoLock = QStringLiteral("autoLockSeconds");
const QString QuickHide = QStringLiteral("quickHide");
const QString Language = QStringLiteral("language");
const QString Theme = QStringLiteral("theme");
const QString TextScale = QStringLiteral("textScale");
const QString Passphrase = QStringLiteral("passphrase");
} // namespace

namespace {
// Owner only from the start: QSettings replaces the file keeping its mode.
QString privateFile(const QString &dataDir, const QString &name)
{
    const QString path = QDir(dataDir).filePath(name);
    if (PrivateFiles::folder(dataDir))
        PrivateFiles::file(path);
    return path;
}
} // namespace

Preferences::Preferences(const QString &dataDir, QObject *parent)
    : QObject(parent),
      m_settings(privateFile(dataDir, QStringLiteral("preferences.ini")), QSettings::IniFormat)
{
}

int Preferences::autoLockSeconds() const
{
    return qBound(10, m_settings.value(AutoLock, 120).toInt(), 3600);
}

void Preferences::setAutoLockSeconds(int seconds)
{
    seconds = qBound(10, seconds, 3600);
    if (seconds == autoLockSeconds())
        return;
    m_settings.setValue(AutoLock, seconds);
    Q_EMIT autoLockSecondsChanged();
}

bool Preferences::quickHide() const
{
    return m_settings.value(QuickHide, true).toBool();
}

void Preferences::setQuickHide(bool on)
{
    if (on == quickHide())
        return;
    m_settings.setValue(QuickHide, on);
    Q_EMIT quickHideChanged();
}

QString Preferences::language() const
{
    const QString fallback =
        QLocale().language() == QLocale::French ? QStringLiteral("fr") : QStringLiteral("en");
    const QString value = m_settings.value(Language, fallback).toString();
    return value == QLatin1String("fr") ? value : QStringLiteral("en");
}

void Preferences::setLanguage(const QString &language)
{
    const QString value = language == QLatin1String("fr") ? language : QStringLiteral("en");
    if (value == this->language())
        return;
    m_settings.setValue(Language, value);
    Q_EMIT languageChanged();
}

QString Preferences::theme() const
{
    const QString value = m_settings.value(Theme, QStringLiteral("system")).toString();
    return value == QLatin1String("light") || value == QLatin1String("dark")
               ? value
               : QStringLiteral("system");
}

void Preferences::setTheme(const QString &theme)
{
    if (theme == this->theme())
        return;
    m_settings.setValue(Theme, theme);
    Q_EMIT themeChanged();
}

double Preferences::textScale() const
{
    return qBound(1.0, m_settings.value(TextScale, 1.0).toDouble(), 1.5);
}

void Preferences::setTextScale(double scale)
{
    scale = qBound(1.0, scale, 1.5);
    if (qFuzzyCompare(scale, textScale()))
        return;
    m_settings.setValue(TextScale, scale);
    Q_EMIT textScaleChanged();
}

bool Preferences::passphrase() const
{
    return m_settings.value(Passphrase, false).toBool();
}

void Preferences::setPassphrase(bool passphrase)
{
    if (passphrase == this->passphrase())
        return;
    m_settings.setValue(Passphrase, passphrase);
    Q_EMIT passphraseChanged();
}

} // namespace wp::client
