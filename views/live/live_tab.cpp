#include "live/live_tab.h"

#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QScrollArea>
#include <QVBoxLayout>

#include "live/camera_source.h"
#include "live/file_source.h"
#include "live/frame_view.h"
#include "live/live_controls.h"

namespace panocast {
namespace {

// `path`, or path-2.mp4, path-3.mp4, … : a recording never overwrites an earlier one.
QString unusedPath(const QString& path) {
  const QFileInfo info(path);
  QString candidate = path;
  for (int n = 2; QFileInfo::exists(candidate); ++n)
    candidate = info.dir().filePath(QStringLiteral("%1-%2.%3").arg(info.completeBaseName()).arg(n).arg(info.suffix()));
  return candidate;
}

QLabel* statusLabel(const char* name, QWidget* parent) {
  auto* label = new QLabel(parent);
  label->setObjectName(name);
  label->setTextInteractionFlags(Qt::TextSelectableByMouse);
  return label;
}

}  // namespace

template <typename F>
void LiveTab::onWorker(F&& call) {
  QMetaObject::invokeMethod(worker_, [w = worker_, call = std::forward<F>(call)]() mutable { call(*w); }, Qt::QueuedConnection);
}

LiveTab::LiveTab(QWidget* parent) : QWidget(parent), worker_(new LiveWorker) {
  view_ = new FrameView(this);
  view_->setHint(tr("Choose a camera or a video file and a panorama, then press Start preview."));
  controls_ = new LiveControls(this);

  message_ = new QLabel(this);
  message_->setObjectName("liveMessage");
  message_->setWordWrap(true);
  message_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  message_->hide();
  messageExpiry_.setSingleShot(true);
  connect(&messageExpiry_, &QTimer::timeout, this, &LiveTab::clearMessage);

  fps_ = statusLabel("fpsLabel", this);
  latency_ = statusLabel("latencyLabel", this);
  dropped_ = statusLabel("droppedLabel", this);
  pose_ = statusLabel("poseLabel", this);
  stages_ = statusLabel("stagesLabel", this);
  auto* status = new QHBoxLayout;
  status->setSpacing(18);
  for (QLabel* label : {fps_, latency_, dropped_, pose_}) status->addWidget(label);
  status->addStretch(1);
  status->addWidget(stages_);
  clearStats();

  auto* left = new QVBoxLayout;
  left->addWidget(message_);
  left->addWidget(view_, 1);
  left->addLayout(status);

  auto* scroll = new QScrollArea(this);
  scroll->setWidget(controls_);
  scroll->setWidgetResizable(true);
  scroll->setFrameShape(QFrame::NoFrame);
  scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  scroll->setFixedWidth(controls_->sizeHint().width() + 24);

  auto* layout = new QHBoxLayout(this);
  layout->addLayout(left, 1);
  layout->addWidget(scroll);

  worker_->moveToThread(&thread_);
  thread_.setObjectName("panocast-live");
  thread_.start();
  connect(worker_, &LiveWorker::opened, this, [this] { ++sessionsOpened_; });
  connect(worker_, &LiveWorker::failed, this, [this](const QString& message) {
    stop();
    showMessage(message, Tone::Error);
  });
  connect(worker_, &LiveWorker::frameReady, this, [this](const QImage& image) {
    if (running_) view_->showFrame(image);
  });
  connect(worker_, &LiveWorker::statsUpdated, this, &LiveTab::showStats);
  connect(worker_, &LiveWorker::recordingProgress, controls_, &LiveControls::setRecordingElapsed);
  connect(worker_, &LiveWorker::recordingStopped, this, [this](const QString& path, int frames) {
    recording_ = false;
    controls_->setRecording(false);
    controls_->advanceRecordingPath();
    if (frames > 0)
      showMessage(tr("Saved the recording to %1 (%2 frames).").arg(QDir::toNativeSeparators(path)).arg(frames), Tone::Info);
    Q_EMIT recordingFinished(path, frames);
  });
  connect(worker_, &LiveWorker::recordingFailed, this, [this](const QString& message) {
    recording_ = false;
    controls_->setRecording(false);
    showMessage(message, Tone::Error);
  });

  connect(controls_, &LiveControls::startStopClicked, this, [this] { running_ ? stop() : start(); });
  connect(controls_, &LiveControls::recordClicked, this, &LiveTab::toggleRecording);
  connect(controls_, &LiveControls::recenterClicked, this, [this] { onWorker([](LiveWorker& w) { w.recenter(); }); });
  connect(controls_, &LiveControls::overlaysChanged, this, [this] {
    onWorker([o = controls_->overlays()](LiveWorker& w) { w.setOverlays(o); });
  });
  // Sliders send a value per pixel dragged; the pipeline is rebuilt once they settle.
  settingsDebounce_.setSingleShot(true);
  settingsDebounce_.setInterval(300);
  connect(controls_, &LiveControls::settingsChanged, this, [this] {
    if (running_) settingsDebounce_.start();
  });
  connect(&settingsDebounce_, &QTimer::timeout, this, [this] {
    if (running_) onWorker([s = controls_->sessionSettings()](LiveWorker& w) { w.updateSettings(s); });
  });
  connect(controls_, &LiveControls::sourceChanged, this, [this] {
    if (!running_) return;
    stopSource();
    if (!startSource()) stop();
  });
}

LiveTab::~LiveTab() {
  stopSource();
  // Finish a recording and free the models on the worker's own thread before it ends.
  QMetaObject::invokeMethod(worker_, [w = worker_] { w->close(); }, Qt::BlockingQueuedConnection);
  thread_.quit();
  thread_.wait();
  delete worker_;
}

QString LiveTab::message() const { return message_->isVisible() ? message_->text() : QString(); }

void LiveTab::setPanorama(const QString& path) { controls_->setPanorama(path); }
void LiveTab::setVideoFile(const QString& path) { controls_->setVideoFile(path); }

void LiveTab::start() {
  if (running_) return;
  clearMessage();
  if (controls_->source() == LiveControls::Source::None) {
    showMessage(tr("No input: connect a camera, or choose “Video file…” under Input."), Tone::Error);
    return;
  }
  if (controls_->panorama().isEmpty()) {
    showMessage(tr("No background: open a panorama in the Panorama tab, or choose one under Background."), Tone::Error);
    return;
  }
  onWorker([s = controls_->sessionSettings()](LiveWorker& w) { w.open(s); });
  running_ = true;
  controls_->setRunning(true);
  view_->setHint(tr("Starting…"));
  if (!startSource()) {
    stop();
    return;
  }
  Q_EMIT runningChanged(true);
}

void LiveTab::stop() {
  if (!running_) return;
  running_ = false;
  recording_ = false;
  settingsDebounce_.stop();
  stopSource();
  onWorker([](LiveWorker& w) { w.close(); });
  controls_->setRunning(false);
  view_->setHint(tr("Stopped. Press Start preview to go on."));
  clearStats();
  Q_EMIT runningChanged(false);
}

bool LiveTab::startSource() {
  if (controls_->source() == LiveControls::Source::Camera)
    source_ = new CameraSource(controls_->cameraId(), controls_->sourceName(), this);
  else if (controls_->source() == LiveControls::Source::File)
    source_ = new FileSource(controls_->videoFile(), this);
  else {
    showMessage(tr("No input: connect a camera, or choose “Video file…” under Input."), Tone::Error);
    return false;
  }
  connect(source_, &FrameSource::frameCaptured, worker_, &LiveWorker::submitFrame, Qt::DirectConnection);
  connect(source_, &FrameSource::failed, this, &LiveTab::sourceFailed);
  connect(source_, &FrameSource::notice, this, &LiveTab::sourceNotice);
  return source_->start();
}

void LiveTab::stopSource() {
  if (!source_) return;
  source_->stop();
  source_->disconnect(this);
  source_->deleteLater();  // may be inside one of its own signals
  source_ = nullptr;
}

void LiveTab::sourceFailed(const QString& message) {
  stop();
  showMessage(message, Tone::Error);
}

void LiveTab::sourceNotice(const QString& message) {
  if (message.isEmpty()) clearMessage();
  else showMessage(message, Tone::Warning);
}

void LiveTab::toggleRecording() {
  if (recording_) {
    onWorker([](LiveWorker& w) { w.stopRecording(); });
    return;  // the button changes back when the file is finished (recordingStopped)
  }
  if (!running_) {
    showMessage(tr("Start the preview before recording."), Tone::Error);
    return;
  }
  QString path = controls_->recordingPath();
  if (path.isEmpty()) {
    showMessage(tr("Choose a file to record to."), Tone::Error);
    return;
  }
  if (QFileInfo(path).suffix().isEmpty()) path += QStringLiteral(".mp4");
  path = unusedPath(QFileInfo(path).absoluteFilePath());
  if (!QDir().mkpath(QFileInfo(path).path())) {
    showMessage(tr("Cannot create the folder %1").arg(QFileInfo(path).path()), Tone::Error);
    return;
  }
  controls_->setRecordingPath(path);
  controls_->setRecordingElapsed(0);
  recording_ = true;
  controls_->setRecording(true);
  onWorker([path, fps = source_ ? source_->fps() : 30.0](LiveWorker& w) { w.startRecording(path, fps); });
}

void LiveTab::showMessage(const QString& text, Tone tone) {
  static const char* styles[] = {
      "QLabel { background: #e3effb; color: #0b3d6b; border: 1px solid #9cc3ea; border-radius: 4px; padding: 6px; }",
      "QLabel { background: #fff4ce; color: #5c4400; border: 1px solid #e6cf7a; border-radius: 4px; padding: 6px; }",
      "QLabel { background: #fde7e6; color: #7a1010; border: 1px solid #eba9a6; border-radius: 4px; padding: 6px; }"};
  message_->setStyleSheet(styles[int(tone)]);
  message_->setText(text);
  message_->show();
  if (tone == Tone::Info) messageExpiry_.start(8000);
  else messageExpiry_.stop();
}

void LiveTab::clearMessage() {
  messageExpiry_.stop();
  message_->hide();
  message_->clear();
}

void LiveTab::showStats(const LiveStats& stats) {
  if (!running_) return;
  stats_ = stats;
  fps_->setText(tr("%1 fps").arg(stats.pipelineFps, 0, 'f', 1));
  latency_->setText(tr("latency %1 ms").arg(stats.latencyMs, 0, 'f', 0));
  dropped_->setText(tr("dropped %1").arg(stats.dropped));
  pose_->setText(tr("yaw %1°  pitch %2°  roll %3°  confidence %4%5")
                     .arg(stats.yawDeg, 0, 'f', 1)
                     .arg(stats.pitchDeg, 0, 'f', 1)
                     .arg(stats.rollDeg, 0, 'f', 1)
                     .arg(stats.confidence, 0, 'f', 2)
                     .arg(stats.held ? tr(" (held)") : QString()));
  stages_->setText(tr("segment %1 · track %2 · background %3 · composite %4 ms")
                       .arg(stats.segmentMs, 0, 'f', 0)
                       .arg(stats.trackMs, 0, 'f', 0)
                       .arg(stats.renderMs, 0, 'f', 0)
                       .arg(stats.compositeMs, 0, 'f', 0));
}

void LiveTab::clearStats() {
  fps_->setText(tr("– fps"));
  latency_->setText(tr("latency – ms"));
  dropped_->setText(tr("dropped –"));
  pose_->clear();
  stages_->clear();
}

}  // namespace panocast
