#pragma once
// A video file as a live source: frames paced at the file's own rate by a timer, looping at the
// end, so a recorded clip stands in for a webcam (demos, tests, machines without a camera).
#include <QTimer>

#include <memory>

#include "live/frame_source.h"

namespace panocast {

class VideoReader;

class FileSource : public FrameSource {
  Q_OBJECT
 public:
  explicit FileSource(const QString& path, QObject* parent = nullptr);
  ~FileSource() override;

  bool start() override;
  void stop() override;
  double fps() const override { return fps_; }
  QString name() const override;
  int loops() const { return loops_; }

 private:
  void tick();
  bool open(QString* error);

  QString path_;
  std::unique_ptr<VideoReader> reader_;
  QTimer timer_;
  double fps_ = 30;
  int loops_ = 0;
};

}  // namespace panocast
