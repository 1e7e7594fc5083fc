// SPDX-License-Identifier: GPL-3.0-or-later
#include "QrDecoder.h"

#include <QVideoFrame>
#include <QtConcurrent/QtConcurrentRun>

// zxing-cpp 1.4: Result::text() as UTF-8 std::string (the 2.x API; 1.4 defaults to wstring).
#define ZX_USE_UTF8 1
#include <ZXing/ReadBarcode.h>

#include <array>
#include <cstring>
#include <utility>

namespace wp::client {

QrDecoder::QrDecoder(QObject *parent) : QObject(parent)
{
    m_pool.setMaxThreadCount(1);
    connect(&m_watcher, &QFutureWatcher<QString>::finished, this, [this] {
        m_busy = false;
        Q_EMIT finished(m_watcher.result());
    });
}

QrDecoder::~QrDecoder()
{
    m_watcher.disconnect(this);
    m_pool.waitForDone();
}

namespace {

QString read(const QImage &grey)
{
    const ZXing::ImageView view(grey.constBits(), grey.width(), grey.height(),
                                ZXing::ImageFormat::Lum, int(grey.bytesPerLine()));
    ZXing::DecodeHints hints;
    hints.setFormats(ZXing::BarcodeFormat::QRCode);
    // A hand-held phone: the code is small, tilted, or sideways in the frame.
    hints.setTryHarder(true);
    hints.setTryRotate(true);
    hints.setTryDownscale(true);
    const ZXing::Result result = ZXing::ReadBarcode(view, hints);
    return result.isValid() ? QString::fromStdString(result.text()) : QString();
}

// The darkest and brightest grey levels, ignoring the 1% extremes (specular glints, dead pixels).
std::pair<int, int> greyRange(const QImage &grey)
{
    std::array<qint64, 256> histogram{};
    for (int y = 0; y < grey.height(); ++y) {
        const uchar *line = grey.constScanLine(y);
        for (int x = 0; x < grey.width(); ++x)
            ++histogram[line[x]];
    }
    const qint64 cut = qint64(grey.width()) * grey.height() / 100;
    int low = 0, high = 255;
    for (qint64 seen = 0; low < 255 && (seen += histogram[std::size_t(low)]) <= cut;)
        ++low;
    for (qint64 seen = 0; high > 0 && (seen += histogram[std::size_t(high)]) <= cut;)
        --high;
    return {low, high};
}

QImage stretched(const QImage &grey, int low, int high)
{
    QImage out(grey.size(), QImage::Format_Grayscale8);
    std::array<uchar, 256> map{};
    for (int v = 0; v < 256; ++v)
        map[std::size_t(v)] = uchar(qBound(0, (v - low) * 255 / (high - low), 255));
    for (int y = 0; y < grey.height(); ++y) {
        const uchar *src = grey.constScanLine(y);
        uchar *dst = out.scanLine(y);
        for (int x = 0; x < grey.width(); ++x)
            dst[x] = map[src[x]];
    }
    return out;
}

} // namespace

QString QrDecoder::decode(const QImage &image)
{
    if (image.isNull())
        return {};
    const QImage grey = image.format() == QImage::Format_Grayscale8
                            ? image
                            : image.convertToFormat(QImage::Format_Grayscale8);
    if (QString text = read(grey); !text.isEmpty())
        return text;
    // zxing-cpp 1.4's local-average binarizer misses low-contrast codes (a dim room, a glossy or
    // faint printout: dark modules at more than half the paper's brightness) that it reads once
    // the grey levels are stretched. Below 24 levels there is nothing to see; above 160 the
    // first pass had all the contrast there is.
    const auto [low, high] = greyRange(grey);
    if (high - low < 24 || high - low > 160)
        return {};
    return read(stretched(grey, low, high));
}

QImage QrDecoder::luminance(const QVideoFrame &input)
{
    if (!input.isValid())
        return {};
    switch (input.pixelFormat()) {
    case QVideoFrameFormat::Format_YUV420P:
    case QVideoFrameFormat::Format_YUV422P:
    case QVideoFrameFormat::Format_YV12:
    case QVideoFrameFormat::Format_NV12:
    case QVideoFrameFormat::Format_NV21:
    case QVideoFrameFormat::Format_IMC1:
    case QVideoFrameFormat::Format_IMC2:
    case QVideoFrameFormat::Format_IMC3:
    case QVideoFrameFormat::Format_IMC4:
    case QVideoFrameFormat::Format_Y8: {
        // Plane 0 is already the grey image a QR reader wants: copy it, skip the RGB round trip.
        QVideoFrame frame(input);
        if (!frame.map(QVideoFrame::ReadOnly))
            return {};
        QImage grey(frame.width(), frame.height(), QImage::Format_Grayscale8);
        const int stride = frame.bytesPerLine(0);
        const uchar *src = frame.bits(0);
        if (!grey.isNull() && src && stride >= frame.width()) {
            for (int y = 0; y < frame.height(); ++y)
                std::memcpy(grey.scanLine(y), src + qsizetype(y) * stride,
                            std::size_t(frame.width()));
        } else {
            grey = QImage();
        }
        frame.unmap();
        return grey;
    }
    default:
        return input.toImage().convertToFormat(QImage::Format_Grayscale8);
    }
}

bool QrDecoder::submit(QImage image)
{
    if (m_busy || image.isNull())
        return false;
    m_busy = true;
    m_watcher.setFuture(
        QtConcurrent::run(&m_pool, [image = std::move(image)] { return decode(image); }));
    return true;
}

} // namespace wp::client
