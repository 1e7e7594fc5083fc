// SPDX-License-Identifier: GPL-3.0-or-later
// Enrolling by scanning, end to end: `waypoint-server issue-code --qr` (the admin command, over
// a real PostgreSQL) writes the QR PNG an administrator prints; the app's scanner reads it from
// a camera frame; the text is parsed by the same code as a paste (SyncConnection::
// parseEnrolText) into the printed code and the server address; in the real screens, a frame
// reaching the scan page's preview fills the enrolment form; and enrolling with what was read
// against the real server makes this device a synced one.

#include "../appsync/FirstDeviceKeys.h"
#include "AppContext.h"
#include "LocalServer.h"
#include "QrDecoder.h"
#include "QrScanner.h"
#include "StillFrame.h"

#include <QPainter>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QVideoSink>

using namespace wp;
using namespace wp::client;

namespace {

// Pushed pages belong to the StackView's visual tree, not to its QObject children. Hidden
// items count only when asked for (the preview is hidden until a camera sends a frame).
QQuickItem *findItem(QQuickItem *root, const QString &name, bool hiddenToo = false)
{
    if (!root || (!hiddenToo && !root->isVisible()))
        return nullptr;
    if (root->objectName() == name)
        return root;
    for (QQuickItem *child : root->childItems())
        if (QQuickItem *found = findItem(child, name, hiddenToo))
            return found;
    return nullptr;
}

} // namespace

class TestQrEnrolment : public QObject
{
    Q_OBJECT

    LocalServer fx;
    LocalServer::Org org;
    QTemporaryDir dir;
    std::unique_ptr<AppContext> app;

    // The admin command as an administrator runs it: the printed code and the PNG's path.
    QString issueCodeWithQr(const QUuid &user, const QString &png, const QString &serverUrl)
    {
        return fx.admin({QStringLiteral("issue-code"), QStringLiteral("--org"),
                         org.id.toString(QUuid::WithoutBraces), QStringLiteral("--user"),
                         user.toString(QUuid::WithoutBraces), QStringLiteral("--qr"), png,
                         QStringLiteral("--server-url"), serverUrl});
    }

    // What the scan page does with a camera frame of `image`: the decoded text, or "".
    static QString scan(const QImage &image)
    {
        QVideoSink sink;
        QrScanner scanner;
        scanner.setVideoSink(&sink);
        scanner.setAcceptPrefix(QStringLiteral("waypoint:"));
        scanner.setRunning(true);
        QSignalSpy decoded(&scanner, &QrScanner::decoded);
        sink.setVideoFrame(stillFrame(image));
        if (!decoded.wait(10000))
            return {};
        return decoded.first().first().toString();
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY2(fx.startDatabase(), qPrintable(fx.lastError()));
        QVERIFY2(fx.startServer(), qPrintable(fx.lastError()));
        org = fx.createOrganisation(QStringLiteral("Harbour Peers"));
        VaultPolicy policy;
        policy.kdf = KdfParams::fastForTests();
        SyncOptions options;
        options.watchConnectivity = false;
        options.backupCost = crypto::KeyBackupCost::minimal();
        app = std::make_unique<AppContext>(
            Session::Options{dir.filePath(QStringLiteral("app")), policy, 6}, options);
        app->session()->createPin(QStringLiteral("246810"), QStringLiteral("246810"));
        app->session()->waitForIdle();
        QCOMPARE(app->session()->state(), Session::Unlocked);
    }

    void thePrintedQrCodeReadsAsThePrintedCodeAndServer()
    {
        const QString png = dir.filePath(QStringLiteral("sam.png"));
        const QString code = issueCodeWithQr(org.worker1, png, fx.baseUrl());
        QVERIFY2(!code.isEmpty(), qPrintable(fx.lastError()));
        const QImage printed(png);
        QVERIFY(!printed.isNull());

        // The decoder alone, on the file as written.
        const QString text = QrDecoder::decode(printed);
        QVERIFY(text.startsWith(QStringLiteral("waypoint:enrol?")));
        // The same through the camera path: a frame in a video sink, read by the scanner.
        QCOMPARE(scan(printed), text);

        const QVariantMap parsed = app->connection()->parseEnrolText(text);
        QCOMPARE(parsed.value(QStringLiteral("code")).toString(), code);
        QCOMPARE(parsed.value(QStringLiteral("server")).toString(), fx.baseUrl());
    }

    void aFrameInTheScanPageFillsTheEnrolmentForm()
    {
        const QString png = dir.filePath(QStringLiteral("jo.png"));
        const QString code = issueCodeWithQr(org.worker2, png, fx.baseUrl());
        QVERIFY2(!code.isEmpty(), qPrintable(fx.lastError()));

        QQmlApplicationEngine engine;
        QQuickWindow *window = app->loadShell(engine);
        QVERIFY(window);
        QQuickItem *root = window->contentItem();
        QMetaObject::invokeMethod(window, "openScreen", Q_ARG(QString, QStringLiteral("settings")),
                                  Q_ARG(QVariant, QVariant(QVariantMap())));
        QTRY_VERIFY(findItem(root, QStringLiteral("syncScanButton")));
        QVERIFY(
            QMetaObject::invokeMethod(findItem(root, QStringLiteral("syncScanButton")), "clicked"));
        QTRY_VERIFY(findItem(root, QStringLiteral("scanPreview"), true));
        auto *sink = findItem(root, QStringLiteral("scanPreview"), true)
                         ->property("videoSink")
                         .value<QVideoSink *>();
        QVERIFY(sink);

        // The camera's frames (here: the printout, one new frame at a time) until the page goes.
        const QImage printed(png);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                if (findItem(root, QStringLiteral("scanPage")))
                    sink->setVideoFrame(stillFrame(printed));
                return !findItem(root, QStringLiteral("scanPage"));
            }(),
            10000);
        QQuickItem *codeField = nullptr;
        QTRY_VERIFY((codeField = findItem(root, QStringLiteral("syncCodeField"))));
        QCOMPARE(codeField->property("text").toString(), code);
        QCOMPARE(findItem(root, QStringLiteral("syncServerField"))->property("text").toString(),
                 fx.baseUrl());
    }

    void aScannedCodeEnrolsThisDevice()
    {
        const QString png = dir.filePath(QStringLiteral("sam-phone.png"));
        const QString code = issueCodeWithQr(org.worker1, png, fx.baseUrl());
        QVERIFY2(!code.isEmpty(), qPrintable(fx.lastError()));
        // A phone's view of the printout: smaller, tilted, in a bigger, greyer frame.
        QImage printed(png);
        QImage frame(1280, 720, QImage::Format_RGB32);
        frame.fill(QColor(150, 150, 140));
        {
            QPainter painter(&frame);
            painter.setRenderHint(QPainter::SmoothPixmapTransform);
            painter.translate(700, 330);
            painter.rotate(-12);
            painter.scale(0.8, 0.8);
            painter.drawImage(-printed.width() / 2, -printed.height() / 2, printed);
        }
        const QString text = scan(frame);
        QVERIFY(!text.isEmpty());

        // What the form does with it: the server field and the code field, then "Enrol".
        const QVariantMap parsed = app->connection()->parseEnrolText(text);
        QCOMPARE(parsed.value(QStringLiteral("code")).toString(), code);
        SyncConnection *connection = app->connection();
        connection->enrol(parsed.value(QStringLiteral("server")).toString(),
                          parsed.value(QStringLiteral("code")).toString());
        QVERIFY(!wp::test::finishFirstDevice(connection).isEmpty());
        QVERIFY(connection->enrolled());
        QCOMPARE(connection->serverUrl(), fx.baseUrl());
    }

    void cleanupTestCase()
    {
        app.reset();
        fx.stopServer();
    }
};

QTEST_MAIN(TestQrEnrolment)
#include "tst_qr_enrolment.moc"
