#include "live/live_worker.h"

#include <QMutexLocker>
#include <cmath>
#include <exception>
#include <opencv2/imgproc.hpp>

#include "live/bgr_image.h"
#include "live/frame_source.h"
#include "live/video_writer.h"

namespace panocast {
namespace {

QString describe(const std::exception& e) {
  // LibTorch errors carry a C++ backtrace after the first line: the user needs the first line.
  const QString text = QString::fromUtf8(e.what()).trimmed();
  return text.section('\n', 0, 0);
}

QImage toQImage(const cv::Mat& bgr) {
  QImage image(bgr.cols, bgr.rows, QImage::Format_RGB888);
  cv::Mat rgb(bgr.rows, bgr.cols, CV_8UC3, image.bits(), size_t(image.bytesPerLine()));
  cv::cvtColor(bgr, rgb, cv::COLOR_BGR2RGB);
  return image;
}

}  // namespace

LiveWorker::LiveWorker(QObject* parent) : QObject(parent) { qRegisterMetaType<LiveStats>(); }

LiveWorker::~LiveWorker() {
  try {
    if (recording_ && recording_->writer) recording_->writer->close();
  } catch (...) {
    // The destructor of VideoWriter finishes what it can; nothing to tell anyone any more.
  }
}

void LiveWorker::submitFrame(const cv::Mat& bgr, qint64 captureNs) {
  QMutexLocker lock(&mutex_);
  if (!pending_.empty()) ++dropped_;
  pending_ = bgr;
  pendingNs_ = captureNs;
  if (scheduled_) return;
  scheduled_ = true;
  QMetaObject::invokeMethod(this, &LiveWorker::processPending, Qt::QueuedConnection);
}

void LiveWorker::open(const LiveSessionSettings& settings) {
  close();
  try {
    session_ = std::make_unique<LiveSession>(settings);
  } catch (const std::exception& e) {
    fail(describe(e));
    return;
  }
  {
    QMutexLocker lock(&mutex_);
    pending_.release();
    dropped_ = 0;  // frames that waited while the model loaded are not the pipeline's fault
  }
  processed_ = 0;
  doneNs_.clear();
  lastStatsNs_ = 0;
  Q_EMIT opened();
}

void LiveWorker::close() {
  stopRecording();
  {
    QMutexLocker lock(&mutex_);
    pending_.release();
  }
  if (!session_) return;
  session_.reset();
  Q_EMIT closed();
}

void LiveWorker::updateSettings(const LiveSessionSettings& settings) {
  if (!session_) return;
  try {
    session_->updateSettings(settings);
  } catch (const std::exception& e) {
    fail(describe(e));
  }
}

void LiveWorker::setOverlays(const LiveSessionOverlays& overlays) {
  if (session_) session_->setOverlays(overlays);
}

void LiveWorker::recenter() {
  if (!session_) return;
  try {
    session_->recenter();
  } catch (const std::exception& e) {
    fail(describe(e));
  }
}

void LiveWorker::startRecording(const QString& path, double fps) {
  if (!session_) {
    Q_EMIT recordingFailed(tr("Start the preview before recording."));
    return;
  }
  stopRecording();
  recording_ = std::make_unique<Recording>();
  recording_->path = path;
  recording_->fps = fps > 0 ? fps : 30.0;
  // The writer opens with the next frame, which gives the size.
}

void LiveWorker::stopRecording() {
  if (!recording_) return;
  auto recording = std::move(recording_);
  if (!recording->writer) {  // no frame arrived: nothing was written, no file made
    Q_EMIT recordingStopped(recording->path, 0);
    return;
  }
  try {
    recording->writer->close();
    Q_EMIT recordingStopped(recording->path, recording->writer->framesWritten());
  } catch (const std::exception& e) {
    Q_EMIT recordingStopped(recording->path, 0);
    Q_EMIT recordingFailed(tr("Recording %1 failed: %2").arg(recording->path, describe(e)));
  }
}

void LiveWorker::fail(const QString& message) {
  // A pipeline that threw once would throw again on the next frame: stop, keep the recording.
  close();
  Q_EMIT failed(message);
}

void LiveWorker::processPending() {
  cv::Mat frame;
  qint64 captureNs = 0, dropped = 0;
  {
    QMutexLocker lock(&mutex_);
    scheduled_ = false;
    frame = pending_;
    pending_.release();
    captureNs = pendingNs_;
    dropped = dropped_;
  }
  if (frame.empty() || !session_) return;

  LiveSessionFrame out;
  try {
    out = session_->process(frame);
  } catch (const std::exception& e) {
    fail(describe(e));
    return;
  }
  record(out.composite, captureNs);

  const qint64 now = captureClockNs();
  ++processed_;
  doneNs_.push_back(now);
  while (doneNs_.size() > 2 && now - doneNs_.front() > 1'000'000'000) doneNs_.pop_front();
  Q_EMIT frameReady(toQImage(out.composite));

  // Labels need a few updates a second, not one per frame.
  if (now - lastStatsNs_ < 200'000'000 && processed_ > 1) return;
  lastStatsNs_ = now;
  LiveStats stats;
  if (doneNs_.size() >= 2) stats.pipelineFps = (doneNs_.size() - 1) * 1e9 / double(doneNs_.back() - doneNs_.front());
  stats.latencyMs = (now - captureNs) / 1e6;
  stats.segmentMs = out.segmentMs;
  stats.trackMs = out.trackMs;
  stats.renderMs = out.renderMs;
  stats.compositeMs = out.compositeMs;
  stats.yawDeg = out.yawDeg;
  stats.pitchDeg = out.pitchDeg;
  stats.rollDeg = out.rollDeg;
  stats.confidence = out.confidence;
  stats.held = out.held;
  stats.processed = processed_;
  stats.dropped = dropped;
  stats.frameSize = QSize(frame.cols, frame.rows);
  Q_EMIT statsUpdated(stats);
}

void LiveWorker::record(const cv::Mat& bgr, qint64 captureNs) {
  if (!recording_) return;
  Recording& r = *recording_;
  try {
    if (!r.writer) {
      r.writer = std::make_unique<VideoWriter>(r.path.toStdString(), bgr.cols, bgr.rows, r.fps);
      r.size = bgr.size();
      r.startNs = captureNs;
      Q_EMIT recordingStarted(r.path);
    }
    cv::Mat frame = bgr;
    if (bgr.size() != r.size) cv::resize(bgr, frame, r.size, 0, 0, cv::INTER_AREA);  // the camera changed format
    // Frames go out at the source's rate, timed by capture: when the pipeline is slower than the
    // source a composite is repeated, so the recording plays in real time.
    const auto due = static_cast<int>(std::floor((captureNs - r.startNs) * r.fps / 1e9)) + 1;
    if (due <= r.written) return;
    const int copies = std::min(due - r.written, int(std::ceil(2 * r.fps)));  // after a stall, at most 2 s of stills
    const ImageU8 rgb = rgbFromBgr(frame);
    for (int i = 0; i < copies; ++i) r.writer->write(rgb);
    r.written = due;
    Q_EMIT recordingProgress(r.written / r.fps);
  } catch (const std::exception& e) {
    const QString path = r.path;
    recording_.reset();  // the writer's destructor finishes what it can
    Q_EMIT recordingStopped(path, 0);
    Q_EMIT recordingFailed(tr("Recording %1 failed: %2").arg(path, describe(e)));
  }
}

}  // namespace panocast
