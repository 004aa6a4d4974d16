#pragma once
// Runs the live pipeline on its own thread (moveToThread). Capture hands frames in through one
// "latest frame" slot: a newer frame replaces one still waiting, which counts as dropped, so the
// camera never waits for the pipeline and the preview never lags behind by a queue. Composited
// frames go out as QImages, with statistics; the composite can be recorded to MP4 at the
// source's frame rate. Every failure becomes failed(message); nothing here may take the GUI down.
#include <QImage>
#include <QMetaType>
#include <QMutex>
#include <QObject>
#include <QSize>
#include <QString>

#include <deque>
#include <memory>
#include <opencv2/core/mat.hpp>

#include "live/live_session.h"

namespace panocast {

class VideoWriter;

struct LiveStats {
  double pipelineFps = 0;  // frames through the pipeline per second, over the last second
  double latencyMs = 0;    // capture to composited image
  double segmentMs = 0, trackMs = 0, renderMs = 0, compositeMs = 0;
  double yawDeg = 0, pitchDeg = 0, rollDeg = 0, confidence = 0;
  bool held = false;
  qint64 processed = 0;    // frames composited since the session opened
  qint64 dropped = 0;      // frames replaced by newer ones before the pipeline took them
  QSize frameSize;
};

class LiveWorker : public QObject {
  Q_OBJECT
 public:
  explicit LiveWorker(QObject* parent = nullptr);
  ~LiveWorker() override;

  // Thread-safe, callable from the capture thread; never blocks on processing.
  void submitFrame(const cv::Mat& bgr, qint64 captureNs);

  // Call these on the worker's thread (QMetaObject::invokeMethod with a functor).
  void open(const LiveSessionSettings& settings);
  void close();
  void updateSettings(const LiveSessionSettings& settings);
  void setOverlays(const LiveSessionOverlays& overlays);
  void recenter();
  void startRecording(const QString& path, double fps);
  void stopRecording();

 Q_SIGNALS:
  void opened();
  void closed();
  // The session could not open or stopped on an error; it is closed.
  void failed(const QString& message);
  void frameReady(const QImage& composite);
  void statsUpdated(const panocast::LiveStats& stats);
  void recordingStarted(const QString& path);
  void recordingProgress(double seconds);
  void recordingStopped(const QString& path, int frames);
  // The recording stopped on an error (disk full, no encoder); the preview goes on.
  void recordingFailed(const QString& message);

 private:
  void processPending();
  void record(const cv::Mat& bgr, qint64 captureNs);
  void fail(const QString& message);

  // Shared with the capture thread.
  QMutex mutex_;
  cv::Mat pending_;
  qint64 pendingNs_ = 0;
  bool scheduled_ = false;
  qint64 dropped_ = 0;

  // Worker thread only.
  std::unique_ptr<LiveSession> session_;
  std::deque<qint64> doneNs_;  // completion times over the last second
  qint64 processed_ = 0;
  qint64 lastStatsNs_ = 0;

  struct Recording {
    QString path;
    double fps = 30;
    std::unique_ptr<VideoWriter> writer;
    cv::Size size;
    qint64 startNs = 0;
    int written = 0;
  };
  std::unique_ptr<Recording> recording_;
};

}  // namespace panocast

Q_DECLARE_METATYPE(panocast::LiveStats)
