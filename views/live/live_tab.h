#pragma once
// The Live tab: a camera or a video file in, the person composited over the panorama turned to
// follow the camera, on a preview with overlays; recording of what the preview shows. Capture runs
// on the GUI thread (it only converts frames), the pipeline on a worker thread (live_worker.h).
#include <QThread>
#include <QTimer>
#include <QWidget>

#include "live/live_worker.h"

class QLabel;

namespace panocast {

class FrameSource;
class FrameView;
class LiveControls;

class LiveTab : public QWidget {
  Q_OBJECT
 public:
  explicit LiveTab(QWidget* parent = nullptr);
  ~LiveTab() override;

  bool isRunning() const { return running_; }
  bool isRecording() const { return recording_; }
  FrameView* view() const { return view_; }
  LiveControls* controls() const { return controls_; }
  // The message shown above the preview (errors, camera state, saved recordings); empty if none.
  QString message() const;
  int sessionsOpened() const { return sessionsOpened_; }
  const LiveStats& lastStats() const { return stats_; }

 public Q_SLOTS:
  void setPanorama(const QString& path);
  void setVideoFile(const QString& path);
  void start();
  void stop();
  void toggleRecording();

 Q_SIGNALS:
  void runningChanged(bool running);
  void recordingFinished(const QString& path, int frames);

 private:
  enum class Tone { Info, Warning, Error };
  bool startSource();
  void stopSource();
  void sourceFailed(const QString& message);
  void sourceNotice(const QString& message);
  void showMessage(const QString& text, Tone tone);
  void clearMessage();
  void showStats(const LiveStats& stats);
  void clearStats();
  template <typename F> void onWorker(F&& call);

  FrameView* view_;
  LiveControls* controls_;
  QLabel* message_;
  QLabel *fps_, *latency_, *dropped_, *pose_, *stages_;
  QThread thread_;
  LiveWorker* worker_;
  FrameSource* source_ = nullptr;
  QTimer settingsDebounce_;
  QTimer messageExpiry_;
  bool running_ = false;
  bool recording_ = false;
  int sessionsOpened_ = 0;
  LiveStats stats_;
};

}  // namespace panocast
