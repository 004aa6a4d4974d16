#pragma once
// Where live frames come from (a camera, a video file): each source pushes 8-bit BGR frames with
// the moment they were captured, and never waits for the pipeline that consumes them.
#include <QObject>
#include <QString>
#include <opencv2/core/mat.hpp>

namespace panocast {

// The clock capture timestamps are taken on (steady, nanoseconds), shared by sources and worker.
qint64 captureClockNs();

class FrameSource : public QObject {
  Q_OBJECT
 public:
  using QObject::QObject;

  // Starts delivering frames; false (after emitting failed()) when the source cannot be opened.
  virtual bool start() = 0;
  virtual void stop() = 0;
  // The source's frame rate (what recordings are written at); 30 when it does not say.
  virtual double fps() const = 0;
  virtual QString name() const = 0;

 Q_SIGNALS:
  // Emitted on the thread that owns the source; receivers must not block.
  void frameCaptured(const cv::Mat& bgr, qint64 captureNs);
  // The source stopped and cannot continue on its own.
  void failed(const QString& message);
  // Something the user should know while the source keeps trying (camera unplugged, back again).
  // An empty message clears the previous one.
  void notice(const QString& message);
};

}  // namespace panocast
