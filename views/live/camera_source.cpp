#include "live/camera_source.h"

#include <QCamera>
#include <QCameraDevice>
#include <QImage>
#include <QVideoFrame>
#include <cmath>
#include <limits>

namespace panocast {
namespace {

QCameraDevice findDevice(const QByteArray& id) {
  for (const QCameraDevice& device : QMediaDevices::videoInputs())
    if (device.id() == id) return device;
  return {};
}

}  // namespace

CameraSource::CameraSource(const QByteArray& deviceId, const QString& description, QObject* parent)
    : FrameSource(parent), deviceId_(deviceId), description_(description) {
  session_.setVideoSink(&sink_);
  connect(&sink_, &QVideoSink::videoFrameChanged, this, &CameraSource::frameArrived);
  connect(&devices_, &QMediaDevices::videoInputsChanged, this, &CameraSource::inputsChanged);
  retry_.setInterval(2000);
  connect(&retry_, &QTimer::timeout, this, [this] {
    if (wanted_ && !camera_ && !findDevice(deviceId_).isNull()) openCamera();
  });
}

CameraSource::~CameraSource() { stop(); }

QCameraFormat CameraSource::preferredFormat(const QCameraDevice& device) {
  QCameraFormat best;
  double bestScore = std::numeric_limits<double>::max();
  for (const QCameraFormat& format : device.videoFormats()) {
    const QSize size = format.resolution();
    // Distance from 640×480 in pixels, with a heavy penalty for fewer than 24 frames a second.
    double score = std::abs(double(size.width()) * size.height() - 640.0 * 480.0);
    if (format.maxFrameRate() < 23.5f) score += 1e7;
    if (score < bestScore || (score == bestScore && format.maxFrameRate() > best.maxFrameRate())) {
      best = format;
      bestScore = score;
    }
  }
  return best;
}

bool CameraSource::start() {
  wanted_ = true;
  const bool ok = openCamera();
  if (!ok && findDevice(deviceId_).isNull()) {
    wanted_ = false;
    Q_EMIT failed(tr("Camera “%1” is not connected.").arg(description_));
    return false;
  }
  retry_.start();
  return true;
}

void CameraSource::stop() {
  wanted_ = false;
  retry_.stop();
  closeCamera();
}

bool CameraSource::openCamera() {
  const QCameraDevice device = findDevice(deviceId_);
  if (device.isNull()) return false;
  closeCamera();
  camera_ = new QCamera(device, this);
  const QCameraFormat format = preferredFormat(device);
  if (!format.isNull()) camera_->setCameraFormat(format);
  fps_ = format.isNull() || format.maxFrameRate() <= 0 ? 30.0 : double(format.maxFrameRate());
  connect(camera_, &QCamera::errorOccurred, this, [this](QCamera::Error, const QString& message) { cameraFailed(message); });
  session_.setCamera(camera_);
  camera_->start();
  return true;
}

void CameraSource::closeCamera() {
  if (!camera_) return;
  QCamera* camera = camera_;
  camera_ = nullptr;
  session_.setCamera(nullptr);
  camera->stop();
  camera->deleteLater();  // may be inside its own errorOccurred
}

void CameraSource::cameraFailed(const QString& message) {
  closeCamera();
  noticeShown_ = true;
  Q_EMIT notice(tr("Camera “%1”: %2. Retrying…").arg(description_, message.isEmpty() ? tr("error") : message));
}

void CameraSource::inputsChanged() {
  if (!wanted_) return;
  const bool present = !findDevice(deviceId_).isNull();
  if (camera_ && !present) {
    closeCamera();
    noticeShown_ = true;
    Q_EMIT notice(tr("Camera “%1” was disconnected. Waiting for it to come back…").arg(description_));
  } else if (!camera_ && present) {
    openCamera();
  }
}

void CameraSource::frameArrived(const QVideoFrame& frame) {
  if (!wanted_ || !frame.isValid()) return;
  const qint64 captured = captureClockNs();
  const QImage image = frame.toImage().convertToFormat(QImage::Format_BGR888);
  if (image.isNull()) return;
  if (noticeShown_) {
    noticeShown_ = false;
    Q_EMIT notice(QString());  // running again
  }
  const cv::Mat view(image.height(), image.width(), CV_8UC3, const_cast<uchar*>(image.constBits()),
                     size_t(image.bytesPerLine()));
  Q_EMIT frameCaptured(view.clone(), captured);
}

}  // namespace panocast
