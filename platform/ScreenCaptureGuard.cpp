// SPDX-License-Identifier: GPL-3.0-or-later
#include "ScreenCaptureGuard.h"

#include <QtGlobal>

#ifdef Q_OS_ANDROID
#include <QCoreApplication>
#include <QJniObject>
#endif

namespace wp {
namespace {

#ifdef Q_OS_ANDROID
Status setSecureFlag(bool on)
{
    // Window flags may only change on the Android UI thread.
    auto done = QNativeInterface::QAndroidApplication::runOnAndroidMainThread([on] {
        QJniObject activity(QNativeInterface::QAndroidApplication::context());
        QJniObject window = activity.callObjectMethod("getWindow", "()Landroid/view/Window;");
        if (!window.isValid())
            return false;
        constexpr jint FlagSecure = 0x2000; // WindowManager.LayoutParams.FLAG_SECURE
        window.callMethod<void>(on ? "addFlags" : "clearFlags", "(I)V", FlagSecure);
        return true;
    });
    done.waitForFinished();
    if (!done.result())
        return Error{ErrorCode::Unavailable,
                     QStringLiteral("The app window could not be protected from screenshots.")};
    return {};
}
#endif

} // namespace

bool ScreenCaptureGuard::supported()
{
#ifdef Q_OS_ANDROID
    return true;
#else
    return false;
#endif
}

Status ScreenCaptureGuard::enable()
{
#ifdef Q_OS_ANDROID
    return setSecureFlag(true);
#else
    return {};
#endif
}

Status ScreenCaptureGuard::disable()
{
#ifdef Q_OS_ANDROID
    return setSecureFlag(false);
#else
    return {};
#endif
}

} // namespace wp
