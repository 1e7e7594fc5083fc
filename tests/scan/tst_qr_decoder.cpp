// SPDX-License-Identifier: GPL-3.0-or-later
// Reading the enrolment QR code: the PNG the server's generator writes (wp::server::writeQrPng,
// what `waypoint-server issue-code --qr` calls) is read back to the same text, also the way a
// phone sees it (turned, small, large, dim, in a bigger frame, as NV12 or BGRA camera frames);
// pictures without a whole QR code give nothing; the scanner reads frames at a bounded rate,
// reports a code once, and passes over other apps' QR codes.

#include "EnrolmentCode.h"
#include "QrDecoder.h"
#include "QrScanner.h"
#include "StillFrame.h"

#include <QElapsedTimer>
#include <QMediaDevices>
#include <QPainter>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>
#include <QVideoSink>

using namespace wp::client;

namespace {

// The text `issue-code --qr --server-url` puts in the code.
QString enrolmentLink(const QString &code, const QString &server)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("code"), code);
    query.addQueryItem(QStringLiteral("server"), server);
    return QStringLiteral("waypoint:enrol?") + query.toString(QUrl::FullyEncoded);
}

QImage serverPng(const QString &text, const QTemporaryDir &dir)
{
    const QString path = dir.filePath(QStringLiteral("code.png"));
    if (!wp::server::writeQrPng(text, path))
        return {};
    return QImage(path);
}

QImage transformed(const QImage &source, QSize canvas, qreal angle, qreal scale, QPointF centre)
{
    QImage out(canvas, QImage::Format_RGB32);
    out.fill(Qt::white);
    QPainter painter(&out);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    painter.translate(centre);
    painter.rotate(angle);
    painter.scale(scale, scale);
    painter.drawImage(QPointF(-source.width() / 2.0, -source.height() / 2.0), source);
    return out;
}

// Black becomes `dark`, white becomes `light`, plus a little sensor noise.
QImage dimmed(const QImage &source, int dark, int light, int noise)
{
    QImage grey = source.convertToFormat(QImage::Format_Grayscale8);
    QRandomGenerator random(7);
    for (int y = 0; y < grey.height(); ++y) {
        uchar *line = grey.scanLine(y);
        for (int x = 0; x < grey.width(); ++x) {
            const int v = dark + (light - dark) * line[x] / 255 +
                          (noise ? random.bounded(2 * noise + 1) - noise : 0);
            line[x] = uchar(qBound(0, v, 255));
        }
    }
    return grey;
}

} // namespace

class TestQrDecoder : public QObject
{
    Q_OBJECT

    QTemporaryDir dir;
    QString code;
    QString link;
    QImage png;

private slots:
    void initTestCase()
    {
        code = wp::server::EnrolmentCode::generate();
        link = enrolmentLink(code, QStringLiteral("https://sync.harbour-peers.example.org:8443"));
        png = serverPng(link, dir);
        QVERIFY(!png.isNull());
    }

    void theServersPngReadsBackToItsText()
    {
        QCOMPARE(QrDecoder::decode(png), link);
        // The printed code is in it, dashes and all.
        QVERIFY(link.contains(QStringLiteral("code=") + code));
    }

    void aPhonesViewStillReads_data()
    {
        QTest::addColumn<QImage>("image");
        const QSize side = png.size();
        const QPointF middle(side.width() / 2.0, side.height() / 2.0);
        QTest::newRow("sideways") << transformed(png, side, 90, 1, middle);
        QTest::newRow("upside down") << transformed(png, side, 180, 1, middle);
        QTest::newRow("tilted 17 degrees") << transformed(png, side * 1.3, 17, 1, middle * 1.3);
        QTest::newRow("small (3 px per module)")
            << png.scaled(side * 0.4, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
        QTest::newRow("large") << png.scaled(side * 3);
        QTest::newRow("low contrast") << dimmed(png, 105, 160, 0);
        QTest::newRow("low contrast and noisy") << dimmed(png, 90, 170, 12);
        QTest::newRow("off centre in a 720p frame, tilted, dim")
            << dimmed(transformed(png, QSize(1280, 720), -8, 0.7, QPointF(880, 300)), 70, 200, 8);
    }
    void aPhonesViewStillReads()
    {
        QFETCH(QImage, image);
        QCOMPARE(QrDecoder::decode(image), link);
    }

    void noWholeCodeGivesNothing_data()
    {
        QTest::addColumn<QImage>("image");
        QImage blank(640, 480, QImage::Format_RGB32);
        blank.fill(Qt::white);
        QTest::newRow("blank") << blank;
        QImage noise(640, 480, QImage::Format_Grayscale8);
        QRandomGenerator random(11);
        for (int y = 0; y < noise.height(); ++y)
            for (int x = 0; x < noise.width(); ++x)
                noise.scanLine(y)[x] = uchar(random.bounded(256));
        QTest::newRow("sensor noise") << noise;
        QImage text(640, 480, QImage::Format_RGB32);
        text.fill(Qt::white);
        {
            QPainter painter(&text);
            painter.setFont(QFont(QStringLiteral("Noto Sans"), 28));
            painter.drawText(text.rect(), Qt::AlignCenter | Qt::TextWordWrap,
                             QStringLiteral("Enrolment code ABCD-EFGH-JKMN-PQRS valid 60 minutes"));
        }
        QTest::newRow("printed text, no code") << text;
        QTest::newRow("half a code") << png.copy(0, 0, png.width() / 2, png.height());
        QTest::newRow("null image") << QImage();
    }
    void noWholeCodeGivesNothing()
    {
        QFETCH(QImage, image);
        QCOMPARE(QrDecoder::decode(image), QString());
    }

    void cameraFramesReadInEveryLayout()
    {
        const QImage view = transformed(png, QSize(960, 720), 10, 0.9, QPointF(480, 360));
        const QImage fromNv12 = QrDecoder::luminance(stillFrameNv12(view));
        QCOMPARE(fromNv12.size(), view.size());
        QCOMPARE(fromNv12.format(), QImage::Format_Grayscale8);
        QCOMPARE(QrDecoder::decode(fromNv12), link);
        QCOMPARE(QrDecoder::decode(QrDecoder::luminance(stillFrame(view))), link);
        QVERIFY(QrDecoder::luminance(QVideoFrame()).isNull());
    }

    void theDecoderWorksOffTheCallingThreadOneFrameAtATime()
    {
        QrDecoder decoder;
        QSignalSpy finished(&decoder, &QrDecoder::finished);
        QVERIFY(decoder.submit(png));
        QVERIFY(decoder.busy());
        QVERIFY(!decoder.submit(png)); // dropped, not queued
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.count(), 1);
        QCOMPARE(finished.first().first().toString(), link);
        QVERIFY(!decoder.busy());
    }

    void theCameraExistsOnlyWhileTheScannerRuns()
    {
        QrScanner scanner;
        QVERIFY(!scanner.camera());
        scanner.setRunning(true);
        // No capture pipeline at all on a machine without a camera (this one).
        QCOMPARE(scanner.camera() != nullptr, !QMediaDevices::videoInputs().isEmpty());
        scanner.setRunning(false); // the page left the top of the stack
        QVERIFY(!scanner.camera());
    }

    void theScannerReportsOneCodeOnceAtABoundedRate()
    {
        QVideoSink sink;
        QrScanner scanner;
        scanner.setVideoSink(&sink);
        scanner.setAcceptPrefix(QStringLiteral("waypoint:"));
        scanner.setIntervalMs(150);
        QSignalSpy decoded(&scanner, &QrScanner::decoded);
        QSignalSpy rejected(&scanner, &QrScanner::rejected);

        // Not running (the page is not on screen): frames are ignored.
        sink.setVideoFrame(stillFrame(png));
        QTest::qWait(300);
        QCOMPARE(scanner.framesDecoded(), 0);
        QCOMPARE(scanner.status(), QMediaDevices::videoInputs().isEmpty() ? QrScanner::NoCamera
                                                                          : QrScanner::Starting);

        scanner.setRunning(true);
        // Thirty frames a second of a blank wall for about a second: a few are read (how many
        // depends on this machine's speed), never more than one per interval.
        QImage wall(640, 480, QImage::Format_RGB32);
        wall.fill(QColor(200, 200, 190));
        QElapsedTimer elapsed;
        elapsed.start();
        for (int i = 0; i < 30; ++i) {
            // A new frame each time, as from a camera (a sink ignores the frame it already has).
            sink.setVideoFrame(stillFrame(wall));
            QTest::qWait(33);
        }
        QCOMPARE(scanner.status(), QrScanner::Scanning);
        const int bound = int(elapsed.elapsed() / scanner.intervalMs()) + 1;
        QVERIFY2(scanner.framesDecoded() >= 1 && scanner.framesDecoded() <= bound,
                 qPrintable(QStringLiteral("%1 of 30 frames read, at most %2 allowed")
                                .arg(scanner.framesDecoded())
                                .arg(bound)));
        QCOMPARE(decoded.count(), 0);

        // Another app's QR code (a web address) is passed over; scanning goes on.
        QTemporaryDir other;
        const QImage web = serverPng(QStringLiteral("https://example.org/menu"), other);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                sink.setVideoFrame(stillFrame(web));
                return rejected.count() > 0;
            }(),
            5000);
        QCOMPARE(decoded.count(), 0);
        QCOMPARE(scanner.status(), QrScanner::Scanning);

        // The enrolment code: reported once, however many frames of it follow.
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                sink.setVideoFrame(stillFrame(png));
                return decoded.count() > 0;
            }(),
            5000);
        const int readSoFar = scanner.framesDecoded();
        for (int i = 0; i < 10; ++i) {
            sink.setVideoFrame(stillFrame(png));
            QTest::qWait(40);
        }
        QCOMPARE(decoded.count(), 1);
        QCOMPARE(decoded.first().first().toString(), link);
        QCOMPARE(scanner.status(), QrScanner::Found);
        QCOMPARE(scanner.framesDecoded(), readSoFar);

        // "Scan again" starts over.
        scanner.restart();
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                sink.setVideoFrame(stillFrame(png));
                return decoded.count() == 2;
            }(),
            5000);
    }
};

QTEST_MAIN(TestQrDecoder)
#include "tst_qr_decoder.moc"
