// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Scanning a QR code with the camera, for QML (`QrScanner`): the page gives it a VideoOutput;
// this object builds the Qt Multimedia pipeline behind it (QMediaCaptureSession + QCamera on
// the default camera) and reads the frames the output's QVideoSink receives. Frames reach the
// decoder at a bounded rate (one in flight, at most one per `intervalMs`); the first code whose
// text starts with `acceptPrefix` is emitted once as `decoded`, and the camera stops. Other
// codes are `rejected` and scanning goes on.
//
// The camera exists only while `running` is true (the page is on top), the app is in the
// foreground and nothing was found yet; it is released when this object is destroyed (the
// page closed, or the app locked: the shell drops every pushed page then). Without a camera
// no capture pipeline is built at all.

#include "QrDecoder.h"

#include <QCamera>
#include <QElapsedTimer>
#include <QMediaCaptureSession>
#include <QMediaDevices>
#include <QObject>
#include <QPointer>
#include <QVideoSink>
#include <QtQml/qqmlregistration.h>

#include <memory>

namespace wp::client {

class QrScanner : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QObject *videoOutput READ videoOutput WRITE setVideoOutput NOTIFY videoOutputChanged)
    Q_PROPERTY(bool running READ running WRITE setRunning NOTIFY runningChanged)
    Q_PROPERTY(int intervalMs READ intervalMs WRITE setIntervalMs NOTIFY intervalMsChanged)
    Q_PROPERTY(
        QString acceptPrefix READ acceptPrefix WRITE setAcceptPrefix NOTIFY acceptPrefixChanged)
    Q_PROPERTY(Status status READ status NOTIFY statusChanged)
    Q_PROPERTY(bool cameraAvailable READ cameraAvailable NOTIFY statusChanged)
    Q_PROPERTY(int framesDecoded READ framesDecoded NOTIFY framesDecodedChanged)

public:
    enum Status {
        NoCamera,     // this device has no camera
        Starting,     // the camera is starting (no frame yet)
        Scanning,     // frames arrive and are read
        CameraFailed, // the camera exists but could not be used (often: no permission)
        Found,        // a code was read; the camera is off
    };
    Q_ENUM(Status)

    explicit QrScanner(QObject *parent = nullptr);
    ~QrScanner() override;

    // A VideoOutput (QML): the camera's frames are shown there and read from its video sink.
    QObject *videoOutput() const { return m_output; }
    void setVideoOutput(QObject *output);
    // Where frames are read from; set by setVideoOutput, or directly (tests, still images).
    QVideoSink *videoSink() const { return m_sink; }
    void setVideoSink(QVideoSink *sink);
    // The camera while it runs (null otherwise).
    QCamera *camera() const { return m_camera.get(); }
    bool running() const { return m_running; }
    void setRunning(bool running);
    int intervalMs() const { return m_intervalMs; }
    void setIntervalMs(int ms);
    QString acceptPrefix() const { return m_acceptPrefix; }
    void setAcceptPrefix(const QString &prefix);
    Status status() const;
    bool cameraAvailable() const { return m_cameraAvailable; }
    // Frames handed to the decoder so far (the rest were dropped by the rate bound).
    int framesDecoded() const { return m_framesDecoded; }

    // Scans again after a code was found (the camera restarts).
    Q_INVOKABLE void restart();

Q_SIGNALS:
    void videoOutputChanged();
    void runningChanged();
    void intervalMsChanged();
    void acceptPrefixChanged();
    void statusChanged();
    void framesDecodedChanged();
    // Once per scan: the code's text (not logged anywhere; it holds a one-time secret).
    void decoded(const QString &text);
    // A QR code that is not what this scanner is for (another app's code, a web address).
    void rejected();

private:
    void frameArrived(const QVideoFrame &frame);
    void decodeFinished(const QString &text);
    void updateCamera();
    void setSeenFrames(bool seen);

    QPointer<QObject> m_output;
    QPointer<QVideoSink> m_sink;
    // Built on first use: with no camera, no capture pipeline is ever made.
    std::unique_ptr<QMediaCaptureSession> m_capture;
    std::unique_ptr<QCamera> m_camera;
    QMediaDevices m_devices;
    QrDecoder m_decoder;
    QElapsedTimer m_sinceSubmit;
    QString m_acceptPrefix;
    int m_intervalMs = 200;
    int m_framesDecoded = 0;
    bool m_running = false;
    bool m_foreground = true;
    bool m_cameraAvailable = false;
    bool m_cameraFailed = false;
    bool m_seenFrames = false;
    bool m_found = false;
};

} // namespace wp::client
