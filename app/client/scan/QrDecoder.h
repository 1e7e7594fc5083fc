// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Reads QR codes with ZXing (zxing-cpp 1.4, Debian's libzxing-dev). Decoding a camera frame
// takes tens of milliseconds, so it runs on a worker thread, one frame at a time: a frame that
// arrives while one is being decoded is dropped, never queued. Frames live in memory only for
// the decode; nothing here writes or logs them (or the text they hold: an enrolment code).

#include <QFutureWatcher>
#include <QImage>
#include <QObject>
#include <QString>
#include <QThreadPool>

class QVideoFrame;

namespace wp::client {

class QrDecoder : public QObject
{
    Q_OBJECT

public:
    explicit QrDecoder(QObject *parent = nullptr);
    ~QrDecoder() override; // waits for a decode in flight (bounded: one frame)

    // The text of a QR code in `image` (any rotation, scale or contrast ZXing can read), or
    // an empty string. Thread-safe.
    static QString decode(const QImage &image);
    // The frame's brightness as an 8-bit grey image: YUV frames give their Y plane without a
    // colour conversion; other formats go through QVideoFrame::toImage. Null when unreadable.
    static QImage luminance(const QVideoFrame &frame);

    // Decodes `image` on the worker thread; false (and nothing done) while one is in flight.
    bool submit(QImage image);
    bool busy() const { return m_busy; }

Q_SIGNALS:
    // Each submitted image's outcome: the code's text, or empty when none was found.
    void finished(const QString &text);

private:
    QThreadPool m_pool;
    QFutureWatcher<QString> m_watcher;
    bool m_busy = false;
};

} // namespace wp::client
