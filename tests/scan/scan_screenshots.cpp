// SPDX-License-Identifier: GPL-3.0-or-later
// Renders the scan page (qml/scan) light and dark into a folder (scripts/screenshots passes
// docs/screenshots): the enrolment form's "Scan QR code" ("scan-form"), the page as every
// machine without a camera shows it ("scan-nocamera"), and
// scanning ("scan-scanning"), its video sink fed a still "photo" of a printed enrolment QR code
// (made by the server's own generator, tilted and not yet sharp, so the page keeps scanning).
// Offscreen, Qt Quick draws with its software renderer, and Qt Multimedia 6.4's VideoOutput
// draws only through the GPU (RHI) path: the photo itself does not appear, the scanning state
// (framing guide, hint) does. Not a CTest test.
#include "AppContext.h"
#include "EnrolmentCode.h"
#include "QrDecoder.h"
#include "StillFrame.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QPainter>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>
#include <QVideoSink>

using namespace wp::client;

namespace {

void settle(int ms = 400)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
}

// A phone's view of the printout on a desk: tilted, off centre, out of focus.
QImage deskPhoto(const QImage &qr)
{
    QImage photo(720, 960, QImage::Format_RGB32);
    QPainter painter(&photo);
    QLinearGradient desk(0, 0, 720, 960);
    desk.setColorAt(0, QColor(0x8d, 0x6e, 0x52));
    desk.setColorAt(1, QColor(0x5b, 0x43, 0x30));
    painter.fillRect(photo.rect(), desk);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.translate(390, 470);
    painter.rotate(-9);
    painter.fillRect(QRectF(-300, -360, 600, 760), QColor(0xf4, 0xf1, 0xea));
    painter.drawImage(QRectF(-230, -280, 460, 460), qr);
    painter.setPen(QColor(0x33, 0x33, 0x33));
    painter.setFont(QFont(QStringLiteral("Noto Sans"), 22));
    painter.drawText(QRectF(-280, 200, 560, 60), Qt::AlignCenter,
                     wp::server::EnrolmentCode::generate());
    painter.end();
    // Out of focus: down and up again.
    return photo.scaled(photo.size() / 9, Qt::IgnoreAspectRatio, Qt::SmoothTransformation)
        .scaled(photo.size(), Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
}

// Pushed pages belong to the StackView's visual tree, not to its QObject children.
QQuickItem *findItem(QQuickItem *root, const QString &name)
{
    if (!root)
        return nullptr;
    if (root->objectName() == name)
        return root;
    for (QQuickItem *child : root->childItems())
        if (QQuickItem *found = findItem(child, name))
            return found;
    return nullptr;
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    QTextStream err(stderr);
    const QStringList args = QCoreApplication::arguments();
    const QString out = args.size() > 1 ? args.at(1) : QStringLiteral("docs/screenshots");
    const QString language = args.size() > 2 ? args.at(2) : QStringLiteral("en");
    QDir().mkpath(out);

    QTemporaryDir data;
    const QString png = QDir(data.path()).filePath(QStringLiteral("code.png"));
    if (!wp::server::writeQrPng(
            QStringLiteral("waypoint:enrol?code=%1&server=https%3A%2F%2Fsync.example.org")
                .arg(wp::server::EnrolmentCode::generate()),
            png)) {
        err << "scan screenshots: could not write the QR code\n";
        return 1;
    }
    const QImage photo = deskPhoto(QImage(png));
    if (!QrDecoder::decode(photo).isEmpty()) {
        err << "scan screenshots: the still photo is sharp enough to read; blur it more\n";
        return 1;
    }

    wp::VaultPolicy policy;
    policy.kdf = wp::KdfParams::fastForTests();
    AppContext context(
        Session::Options{QDir(data.path()).filePath(QStringLiteral("app")), policy, 6});
    context.preferences()->setLanguage(language);
    context.preferences()->setTheme(QStringLiteral("light"));
    AppContext::useMaterialStyle();
    QQmlApplicationEngine engine;
    QQuickWindow *window = context.loadShell(engine);
    if (!window) {
        err << "scan screenshots: the main window did not load\n";
        return 1;
    }
    window->resize(360, 780);
    context.session()->createPin(QStringLiteral("246810"), QStringLiteral("246810"));
    context.session()->waitForIdle();
    if (context.session()->state() != Session::Unlocked) {
        err << "scan screenshots: setup failed\n";
        return 1;
    }

    QString suffix;
    int failures = 0;
    const auto shoot = [&](const QString &name) {
        settle();
        const QImage image = window->grabWindow();
        const QString file = QDir(out).filePath(QStringLiteral("%1-%2.png").arg(name, suffix));
        if (image.isNull() || !image.save(file)) {
            err << "scan screenshots: could not write " << file << '\n';
            ++failures;
        }
    };
    const auto openScan = [&] {
        QMetaObject::invokeMethod(window, "goHome", Q_ARG(int, 0));
        // The previous scan page is gone before a new one is looked for.
        for (int tries = 0;
             tries < 50 && findItem(window->contentItem(), QStringLiteral("scanPage")); ++tries)
            settle(100);
        QMetaObject::invokeMethod(window, "openScreen", Q_ARG(QString, QStringLiteral("scan")),
                                  Q_ARG(QVariant, QVariant(QVariantMap())));
        QQuickItem *page = nullptr;
        for (int tries = 0; tries < 50 && !page; ++tries) {
            settle(100);
            page = findItem(window->contentItem(), QStringLiteral("scanPage"));
        }
        settle(400); // the push transition
        return page;
    };

    for (const QString &theme : {QStringLiteral("light"), QStringLiteral("dark")}) {
        suffix = theme;
        context.preferences()->setTheme(theme);
        // Where scanning starts: "Scan QR code" in the enrolment form.
        QMetaObject::invokeMethod(window, "goHome", Q_ARG(int, 0));
        settle(300);
        QMetaObject::invokeMethod(window, "openScreen", Q_ARG(QString, QStringLiteral("sync")),
                                  Q_ARG(QVariant, QVariant(QVariantMap())));
        shoot(QStringLiteral("scan-form"));
        if (!openScan()) {
            err << "scan screenshots: no scan page\n";
            return 1;
        }
        shoot(QStringLiteral("scan-nocamera"));

        // The preview as a camera would fill it.
        QQuickItem *page = openScan();
        QQuickItem *preview = findItem(page, QStringLiteral("scanPreview"));
        auto *sink = preview ? preview->property("videoSink").value<QVideoSink *>() : nullptr;
        if (!sink) {
            err << "scan screenshots: no video sink on the preview\n";
            return 1;
        }
        const QVideoFrame frame = stillFrame(photo);
        for (int i = 0; i < 10; ++i) {
            sink->setVideoFrame(frame);
            settle(60);
        }
        shoot(QStringLiteral("scan-scanning"));
    }
    QTextStream(stdout) << "scan screenshots: written to " << out << '\n';
    return failures == 0 ? 0 : 1;
}
