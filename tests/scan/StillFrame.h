// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Camera frames made from still images, as a camera backend hands them to a video sink:
// 32-bit BGRA (desktop webcams through GStreamer) or NV12 (most phone cameras).

#include <QImage>
#include <QVideoFrame>
#include <QVideoFrameFormat>

#include <cstring>

inline QVideoFrame stillFrame(const QImage &image)
{
    const QImage bgra = image.convertToFormat(QImage::Format_ARGB32); // B, G, R, A in memory
    QVideoFrame frame(QVideoFrameFormat(bgra.size(), QVideoFrameFormat::Format_BGRA8888));
    if (!frame.map(QVideoFrame::WriteOnly))
        return {};
    for (int y = 0; y < bgra.height(); ++y)
        std::memcpy(frame.bits(0) + qsizetype(y) * frame.bytesPerLine(0), bgra.constScanLine(y),
                    std::size_t(bgra.width()) * 4);
    frame.unmap();
    return frame;
}

// Grey NV12: the brightness in the Y plane, neutral chroma.
inline QVideoFrame stillFrameNv12(const QImage &image)
{
    const QImage grey = image.convertToFormat(QImage::Format_Grayscale8);
    QVideoFrame frame(QVideoFrameFormat(grey.size(), QVideoFrameFormat::Format_NV12));
    if (!frame.map(QVideoFrame::WriteOnly))
        return {};
    for (int y = 0; y < grey.height(); ++y)
        std::memcpy(frame.bits(0) + qsizetype(y) * frame.bytesPerLine(0), grey.constScanLine(y),
                    std::size_t(grey.width()));
    std::memset(frame.bits(1), 128, std::size_t(frame.mappedBytes(1)));
    frame.unmap();
    return frame;
}
