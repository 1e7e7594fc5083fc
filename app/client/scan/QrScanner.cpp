// SPDX-License-Identifier: GPL-3.0-or-later
#include "QrScanner.h"

#include <QGuiApplication>
#include <QVideoFrame>

namespace wp::client {

QrScanner::QrScanner(QObject *parent)
    : QObject(parent), m_cameraAvailable(!QMediaDevices::videoInputs().isEmpty())
{
    connect(&m_decoder, &QrDecoder::finished, this, &QrScanner::decodeFinished);
    connect(&m_devices, &QMediaDevices::videoInputsChanged, this, [this] {
        m_cameraAvailable = !QMediaDevices::videoInputs().isEmpty();
        updateCamera();
        Q_EMIT statusChanged();
    });
    if (auto *gui = qobject_cast<QGuiApplication *>(QCoreApplication::instance())) {
        m_foreground = QGuiApplication::applicationState() == Qt::ApplicationActive;
        // In the background nobody sees the preview: the camera must not run.
        connect(gui, &QGuiApplication::applicationStateChanged, this,
                [this](Qt::ApplicationState state) {
                    m_foreground = state == Qt::ApplicationActive;
                    updateCamera();
                });
    }
}

QrScanner::~QrScanner()
{
    if (m_camera)
        m_camera->stop();
}

void QrScanner::setVideoOutput(QObject *output)
{
    if (m_output == output)
        return;
    m_output = output;
    if (m_capture)
        m_capture->setVideoOutput(output);
    // QML's VideoOutput (a private Qt class) hands out its sink as a property.
    setVideoSink(output ? output->property("videoSink").value<QVideoSink *>() : nullptr);
    Q_EMIT videoOutputChanged();
}

void QrScanner::setVideoSink(QVideoSink *sink)
{
    if (m_sink == sink)
        return;
    if (m_sink)
        m_sink->disconnect(this);
    m_sink = sink;
    if (m_sink)
        connect(m_sink, &QVideoSink::videoFrameChanged, this, &QrScanner::frameArrived);
}

void QrScanner::setRunning(bool running)
{
    if (m_running == running)
        return;
    m_running = running;
    updateCamera();
    Q_EMIT runningChanged();
}

void QrScanner::setIntervalMs(int ms)
{
    ms = qMax(0, ms);
    if (m_intervalMs == ms)
        return;
    m_intervalMs = ms;
    Q_EMIT intervalMsChanged();
}

void QrScanner::setAcceptPrefix(const QString &prefix)
{
    if (m_acceptPrefix == prefix)
        return;
    m_acceptPrefix = prefix;
    Q_EMIT acceptPrefixChanged();
}

QrScanner::Status QrScanner::status() const
{
    if (m_found)
        return Found;
    if (m_cameraFailed)
        return CameraFailed;
    if (m_seenFrames)
        return Scanning;
    return m_cameraAvailable ? Starting : NoCamera;
}

void QrScanner::restart()
{
    m_found = false;
    m_cameraFailed = false;
    m_seenFrames = false;
    updateCamera();
    Q_EMIT statusChanged();
}

void QrScanner::frameArrived(const QVideoFrame &frame)
{
    if (!m_running || m_found || !frame.isValid())
        return;
    setSeenFrames(true);
    // The bound: one decode in flight and a pause between decodes, whatever the frame rate,
    // so a phone's CPU (and battery) is not spent reading the same picture thirty times a second.
    if (m_decoder.busy() || (m_sinceSubmit.isValid() && m_sinceSubmit.elapsed() < m_intervalMs))
        return;
    if (!m_decoder.submit(QrDecoder::luminance(frame)))
        return;
    m_sinceSubmit.start();
    ++m_framesDecoded;
    Q_EMIT framesDecodedChanged();
}

void QrScanner::decodeFinished(const QString &text)
{
    if (!m_running || m_found || text.isEmpty())
        return;
    if (!m_acceptPrefix.isEmpty() && !text.startsWith(m_acceptPrefix, Qt::CaseInsensitive)) {
        Q_EMIT rejected();
        return;
    }
    m_found = true;
    updateCamera();
    Q_EMIT statusChanged();
    Q_EMIT decoded(text);
}

void QrScanner::updateCamera()
{
    const bool wanted =
        m_running && m_foreground && !m_found && m_cameraAvailable && !m_cameraFailed;
    if (!wanted) {
        // Released, not paused: the device (and its light) is free again.
        if (m_camera) {
            m_camera->stop();
            m_capture->setCamera(nullptr);
            m_camera.reset();
        }
        return;
    }
    if (!m_camera) {
        if (!m_capture)
            m_capture = std::make_unique<QMediaCaptureSession>();
        m_camera = std::make_unique<QCamera>(QMediaDevices::defaultVideoInput());
        connect(m_camera.get(), &QCamera::errorOccurred, this, [this](QCamera::Error error) {
            if (error == QCamera::NoError)
                return;
            m_cameraFailed = true;
            // Not from inside the camera's own signal: releasing it deletes it.
            QMetaObject::invokeMethod(this, &QrScanner::updateCamera, Qt::QueuedConnection);
            Q_EMIT statusChanged();
        });
        m_capture->setCamera(m_camera.get());
        if (m_output)
            m_capture->setVideoOutput(m_output);
    }
    m_camera->start();
}

void QrScanner::setSeenFrames(bool seen)
{
    if (m_seenFrames == seen)
        return;
    m_seenFrames = seen;
    Q_EMIT statusChanged();
}

} // namespace wp::client
