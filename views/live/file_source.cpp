#include "live/file_source.h"

#include <QFileInfo>
#include <cmath>
#include <exception>

#include "live/video_reader.h"

namespace panocast {

FileSource::FileSource(const QString& path, QObject* parent) : FrameSource(parent), path_(path) {
  timer_.setTimerType(Qt::PreciseTimer);
  connect(&timer_, &QTimer::timeout, this, &FileSource::tick);
}

FileSource::~FileSource() = default;

QString FileSource::name() const { return QFileInfo(path_).fileName(); }

bool FileSource::open(QString* error) {
  try {
    reader_ = std::make_unique<VideoReader>(path_.toStdString());
    fps_ = reader_->fps() > 0 ? reader_->fps() : 30.0;
    return true;
  } catch (const std::exception& e) {
    reader_.reset();
    *error = QString::fromUtf8(e.what());
    return false;
  }
}

bool FileSource::start() {
  QString error;
  if (!open(&error)) {
    Q_EMIT failed(error);
    return false;
  }
  loops_ = 0;
  timer_.start(std::max(1, int(std::lround(1000.0 / fps_))));
  tick();  // the first frame at once
  return true;
}

void FileSource::stop() {
  timer_.stop();
  reader_.reset();
}

void FileSource::tick() {
  if (!reader_) return;
  cv::Mat bgr;
  if (!reader_->read(bgr)) {
    QString error;  // at the end: start over, as a camera would keep going
    if (!open(&error) || !reader_->read(bgr)) {
      stop();
      Q_EMIT failed(error.isEmpty() ? tr("%1: no frames could be read").arg(path_) : error);
      return;
    }
    ++loops_;
  }
  Q_EMIT frameCaptured(bgr, captureClockNs());
}

}  // namespace panocast
