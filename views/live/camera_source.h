#pragma once
// A camera as a live source (Qt Multimedia): frames from a QVideoSink converted to BGR. When the
// camera is unplugged or fails it says so and keeps waiting; when the device is back it starts
// again by itself.
#include <QByteArray>
#include <QCameraFormat>
#include <QMediaCaptureSession>
#include <QMediaDevices>
#include <QPointer>
#include <QTimer>
#include <QVideoSink>

#include "live/frame_source.h"

class QCamera;
class QCameraDevice;
class QVideoFrame;

namespace panocast {

class CameraSource : public FrameSource {
  Q_OBJECT
 public:
  CameraSource(const QByteArray& deviceId, const QString& description, QObject* parent = nullptr);
  ~CameraSource() override;

  bool start() override;
  void stop() override;
  double fps() const override { return fps_; }
  QString name() const override { return description_; }

  // About 640×480 at 24 fps or more when the camera offers it: enough for segmentation on a CPU.
  static QCameraFormat preferredFormat(const QCameraDevice& device);

 private:
  bool openCamera();
  void closeCamera();
  void inputsChanged();
  void cameraFailed(const QString& message);
  void frameArrived(const QVideoFrame& frame);

  QByteArray deviceId_;
  QString description_;
  QMediaDevices devices_;
  QMediaCaptureSession session_;
  QVideoSink sink_;
  QPointer<QCamera> camera_;
  QTimer retry_;  // while wanted but not running: try again (device busy, or back without a signal)
  bool wanted_ = false;
  bool noticeShown_ = false;
  double fps_ = 30;
};

}  // namespace panocast
