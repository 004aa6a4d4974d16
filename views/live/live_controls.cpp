#include "live/live_controls.h"

#include <QCameraDevice>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMediaDevices>
#include <QPushButton>
#include <QSlider>
#include <QSpinBox>
#include <QStandardPaths>
#include <QToolButton>
#include <QVBoxLayout>

namespace panocast {
namespace {

constexpr int KindRole = Qt::UserRole;       // "camera", "file", "choose" or "none"
constexpr int ValueRole = Qt::UserRole + 1;  // camera id or file path

// A line edit with a "…" button that opens a file dialog.
QWidget* pathRow(QLineEdit* edit, QWidget* parent, const std::function<void()>& browse) {
  auto* row = new QWidget(parent);
  auto* layout = new QHBoxLayout(row);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(4);
  auto* button = new QToolButton(row);
  button->setText(QStringLiteral("…"));
  button->setToolTip(QObject::tr("Choose a file"));
  QObject::connect(button, &QToolButton::clicked, row, browse);
  layout->addWidget(edit, 1);
  layout->addWidget(button);
  return row;
}

QSlider* percentSlider(int value, QWidget* parent) {
  auto* slider = new QSlider(Qt::Horizontal, parent);
  slider->setRange(0, 100);
  slider->setValue(value);
  slider->setPageStep(10);
  return slider;
}

}  // namespace

LiveControls::LiveControls(QWidget* parent) : QWidget(parent), devices_(new QMediaDevices(this)) {
  startButton_ = new QPushButton(QIcon::fromTheme("media-playback-start"), tr("Start preview"), this);
  startButton_->setObjectName("startButton");
  startButton_->setMinimumHeight(32);
  startButton_->setDefault(true);
  connect(startButton_, &QPushButton::clicked, this, &LiveControls::startStopClicked);

  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(startButton_);
  layout->addWidget(inputGroup());
  layout->addWidget(backgroundGroup());
  layout->addWidget(personGroup());
  layout->addWidget(overlayGroup());
  layout->addWidget(recordingGroup());
  layout->addStretch(1);

  refreshCameras();
  connect(devices_, &QMediaDevices::videoInputsChanged, this, &LiveControls::refreshCameras);
  setRunning(false);
}

QWidget* LiveControls::inputGroup() {
  auto* group = new QGroupBox(tr("Input"), this);
  auto* form = new QFormLayout(group);
  source_ = new QComboBox(group);
  source_->setObjectName("sourceCombo");
  source_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
  source_->setMinimumContentsLength(16);
  connect(source_, &QComboBox::activated, this, &LiveControls::sourceActivated);
  form->addRow(tr("Source:"), source_);

  fov_ = new QDoubleSpinBox(group);
  fov_->setObjectName("fovSpin");
  fov_->setRange(20, 150);
  fov_->setDecimals(0);
  fov_->setValue(70);
  fov_->setSuffix(QStringLiteral("°"));
  fov_->setToolTip(tr("The camera's horizontal field of view (webcams: 60–78°). The background uses the same."));
  connect(fov_, &QDoubleSpinBox::valueChanged, this, &LiveControls::settingsChanged);
  form->addRow(tr("Camera FOV:"), fov_);
  return group;
}

QWidget* LiveControls::backgroundGroup() {
  auto* group = new QGroupBox(tr("Background"), this);
  auto* form = new QFormLayout(group);
  panorama_ = new QLineEdit(group);
  panorama_->setObjectName("panoramaEdit");
  panorama_->setPlaceholderText(tr("Equirectangular image"));
  connect(panorama_, &QLineEdit::editingFinished, this, &LiveControls::settingsChanged);
  form->addRow(tr("Panorama:"), pathRow(panorama_, group, [this] {
                 const QString path = QFileDialog::getOpenFileName(
                     this, tr("Background panorama"), QFileInfo(panorama_->text()).path(),
                     tr("Panoramas (*.png *.jpg *.jpeg *.exr *.hdr);;All files (*)"));
                 if (!path.isEmpty()) setPanorama(path);
               }));

  startYaw_ = new QSpinBox(group);
  startYaw_->setRange(-180, 180);
  startYaw_->setSuffix(QStringLiteral("°"));
  startYaw_->setWrapping(true);
  startYaw_->setToolTip(tr("Where in the panorama the camera looks when the preview starts or is recentred"));
  connect(startYaw_, &QSpinBox::valueChanged, this, &LiveControls::settingsChanged);
  recenter_ = new QPushButton(tr("Recenter"), group);
  recenter_->setObjectName("recenterButton");
  recenter_->setToolTip(tr("Make the camera's current direction look at the start direction again"));
  connect(recenter_, &QPushButton::clicked, this, &LiveControls::recenterClicked);
  auto* yawRow = new QHBoxLayout;
  yawRow->addWidget(startYaw_, 1);
  yawRow->addWidget(recenter_);
  form->addRow(tr("Look at:"), yawRow);
  return group;
}

QWidget* LiveControls::personGroup() {
  auto* group = new QGroupBox(tr("Person"), this);
  personForm_ = new QFormLayout(group);
  segmenter_ = new QComboBox(group);
  segmenter_->setObjectName("segmenterCombo");
  segmenter_->addItem(tr("Selfie (MediaPipe)"), "selfie");
  segmenter_->addItem(tr("Selfie landscape (Meet)"), "selfie-landscape");
  segmenter_->addItem(tr("DeepLabV3 (torchvision .pth)"), "deeplab");
  connect(segmenter_, &QComboBox::currentIndexChanged, this, &LiveControls::segmenterChanged);
  personForm_->addRow(tr("Model:"), segmenter_);

  deeplab_ = new QLineEdit(group);
  deeplab_->setObjectName("deeplabEdit");
  deeplab_->setPlaceholderText(QStringLiteral("deeplabv3_mobilenet_v3_large-fc3c493d.pth"));
  connect(deeplab_, &QLineEdit::editingFinished, this, &LiveControls::settingsChanged);
  deeplabRow_ = pathRow(deeplab_, group, [this] {
    const QString path = QFileDialog::getOpenFileName(this, tr("DeepLabV3 weights"), QFileInfo(deeplab_->text()).path(),
                                                      tr("PyTorch weights (*.pth *.pt);;All files (*)"));
    if (path.isEmpty()) return;
    deeplab_->setText(path);
    Q_EMIT settingsChanged();
  });
  personForm_->addRow(tr("Weights:"), deeplabRow_);

  device_ = new QComboBox(group);
  device_->addItem(tr("CPU"), "cpu");
  device_->addItem(tr("CUDA GPU"), "cuda");
  connect(device_, &QComboBox::currentIndexChanged, this, &LiveControls::settingsChanged);
  personForm_->addRow(tr("Device:"), device_);

  smoothing_ = percentSlider(70, group);
  smoothing_->setObjectName("smoothingSlider");
  smoothing_->setToolTip(tr("Temporal smoothing of uncertain edges: more is steadier, less follows motion faster"));
  connect(smoothing_, &QSlider::valueChanged, this, &LiveControls::settingsChanged);
  personForm_->addRow(tr("Smoothing:"), smoothing_);

  feather_ = new QSpinBox(group);
  feather_->setRange(0, 32);
  feather_->setValue(2);
  feather_->setSuffix(tr(" px"));
  feather_->setToolTip(tr("Outward feather of the matte"));
  connect(feather_, &QSpinBox::valueChanged, this, &LiveControls::settingsChanged);
  personForm_->addRow(tr("Feather:"), feather_);

  lightMatch_ = percentSlider(0, group);
  lightMatch_->setToolTip(tr("Bring the person's brightness toward the scene's"));
  connect(lightMatch_, &QSlider::valueChanged, this, &LiveControls::settingsChanged);
  personForm_->addRow(tr("Light match:"), lightMatch_);
  segmenterChanged();
  return group;
}

QWidget* LiveControls::overlayGroup() {
  auto* group = new QGroupBox(tr("Overlays"), this);
  auto* grid = new QGridLayout(group);
  const auto box = [&](QCheckBox*& out, const QString& text, const char* name, const QString& tip, int row, int column) {
    out = new QCheckBox(text, group);
    out->setObjectName(name);
    out->setToolTip(tip);
    connect(out, &QCheckBox::toggled, this, &LiveControls::overlaysChanged);
    grid->addWidget(out, row, column);
  };
  box(maskOverlay_, tr("Mask"), "overlayMask", tr("Tint the person's matte"), 0, 0);
  box(flowOverlay_, tr("Flow"), "overlayFlow", tr("Tracked background points and their motion"), 0, 1);
  box(hudOverlay_, tr("Angles"), "overlayHud", tr("Tracked yaw, pitch, roll and confidence"), 1, 0);
  box(fpsOverlay_, tr("FPS"), "overlayFps", tr("Frame rate and milliseconds per stage"), 1, 1);
  return group;
}

QWidget* LiveControls::recordingGroup() {
  auto* group = new QGroupBox(tr("Recording"), this);
  auto* form = new QFormLayout(group);
  recordPath_ = new QLineEdit(group);
  recordPath_->setObjectName("recordPathEdit");
  generatedRecordPath_ = defaultRecordingPath();
  recordPath_->setText(generatedRecordPath_);
  recordPath_->setToolTip(tr("H.264 video (.mp4 or .mkv) at the source's frame rate"));
  form->addRow(tr("File:"), pathRow(recordPath_, group, [this] {
                 const QString path = QFileDialog::getSaveFileName(this, tr("Record to"), recordPath_->text(),
                                                                   tr("Video (*.mp4 *.mkv)"));
                 if (!path.isEmpty()) recordPath_->setText(path);
               }));
  recordButton_ = new QPushButton(QIcon::fromTheme("media-record"), tr("Record"), group);
  recordButton_->setObjectName("recordButton");
  connect(recordButton_, &QPushButton::clicked, this, &LiveControls::recordClicked);
  recordElapsed_ = new QLabel(QStringLiteral("00:00.0"), group);
  recordElapsed_->setObjectName("recordElapsed");
  recordElapsed_->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
  auto* row = new QHBoxLayout;
  row->addWidget(recordButton_);
  row->addWidget(recordElapsed_, 1);
  form->addRow(row);
  return group;
}

QString LiveControls::defaultRecordingPath() {
  QString folder = QStandardPaths::writableLocation(QStandardPaths::MoviesLocation);
  if (folder.isEmpty()) folder = QDir::homePath();
  return QDir(folder).filePath(
      QStringLiteral("panocast-live-%1.mp4").arg(QDateTime::currentDateTime().toString("yyyyMMdd-HHmmss")));
}

void LiveControls::refreshCameras() {
  const QString kind = source_->currentData(KindRole).toString();
  const QVariant value = source_->currentData(ValueRole);
  const QString text = source_->currentText();
  QString file;
  for (int i = 0; i < source_->count(); ++i)
    if (source_->itemData(i, KindRole).toString() == "file") file = source_->itemData(i, ValueRole).toString();

  const QSignalBlocker block(source_);
  source_->clear();
  const auto add = [this](const QIcon& icon, const QString& label, const QString& itemKind, const QVariant& itemValue) {
    source_->addItem(icon, label);
    source_->setItemData(source_->count() - 1, itemKind, KindRole);
    source_->setItemData(source_->count() - 1, itemValue, ValueRole);
  };
  int selected = -1, preferred = -1;
  for (const QCameraDevice& camera : QMediaDevices::videoInputs()) {
    if (kind == "camera" && camera.id() == value.toByteArray()) selected = source_->count();
    if (camera.isDefault() && preferred < 0) preferred = source_->count();
    add(QIcon::fromTheme("camera-web"), camera.description(), "camera", camera.id());
  }
  if (kind == "camera" && selected < 0) {
    // The chosen camera was unplugged: keep it chosen (its source waits for it to come back).
    selected = source_->count();
    add(QIcon::fromTheme("camera-web"), text.endsWith(tr(" (disconnected)")) ? text : text + tr(" (disconnected)"),
        "camera", value);
  }
  if (source_->count() == 0) add(QIcon(), tr("No camera found"), "none", {});
  if (!file.isEmpty()) {
    if (kind == "file") selected = source_->count();
    add(QIcon::fromTheme("video-x-generic"), QFileInfo(file).fileName(), "file", file);
    source_->setItemData(source_->count() - 1, file, Qt::ToolTipRole);
  }
  source_->insertSeparator(source_->count());
  add(QIcon::fromTheme("document-open"), tr("Video file…"), "choose", {});

  const int index = selected >= 0 ? selected : preferred >= 0 ? preferred : 0;
  source_->setCurrentIndex(index);
  lastSourceIndex_ = index;
}

void LiveControls::sourceActivated(int index) {
  if (source_->itemData(index, KindRole).toString() == "choose") {
    const QString path = QFileDialog::getOpenFileName(this, tr("Video as live input"), QDir::homePath(),
                                                      tr("Videos (*.mp4 *.mkv *.mov *.avi *.webm);;All files (*)"));
    if (path.isEmpty()) {
      source_->setCurrentIndex(lastSourceIndex_);
      return;
    }
    setVideoFile(path);
    return;
  }
  if (index == lastSourceIndex_) return;
  lastSourceIndex_ = index;
  Q_EMIT sourceChanged();
}

void LiveControls::setVideoFile(const QString& path) {
  {
    const QSignalBlocker block(source_);
    int index = source_->findData("file", KindRole);
    if (index < 0) {
      index = source_->findData("choose", KindRole) - 1;  // before the separator
      source_->insertItem(index, QIcon::fromTheme("video-x-generic"), QString());
      source_->setItemData(index, "file", KindRole);
    }
    source_->setItemText(index, QFileInfo(path).fileName());
    source_->setItemData(index, path, ValueRole);
    source_->setItemData(index, path, Qt::ToolTipRole);
    source_->setCurrentIndex(index);
    lastSourceIndex_ = index;
  }
  Q_EMIT sourceChanged();
}

LiveControls::Source LiveControls::source() const {
  const QString kind = source_->currentData(KindRole).toString();
  return kind == "camera" ? Source::Camera : kind == "file" ? Source::File : Source::None;
}

QByteArray LiveControls::cameraId() const { return source() == Source::Camera ? source_->currentData(ValueRole).toByteArray() : QByteArray(); }
QString LiveControls::videoFile() const { return source() == Source::File ? source_->currentData(ValueRole).toString() : QString(); }
QString LiveControls::sourceName() const { return source_->currentText(); }

QString LiveControls::panorama() const { return panorama_->text().trimmed(); }

void LiveControls::setPanorama(const QString& path) {
  if (panorama_->text() == path) return;
  panorama_->setText(path);
  panorama_->setToolTip(path);
  Q_EMIT settingsChanged();
}

void LiveControls::segmenterChanged() {
  personForm_->setRowVisible(deeplabRow_, segmenter_->currentData().toString() == "deeplab");
  Q_EMIT settingsChanged();
}

LiveSessionOverlays LiveControls::overlays() const {
  LiveSessionOverlays o;
  o.mask = maskOverlay_->isChecked();
  o.flow = flowOverlay_->isChecked();
  o.hud = hudOverlay_->isChecked();
  o.fps = fpsOverlay_->isChecked();
  return o;
}

LiveSessionSettings LiveControls::sessionSettings() const {
  LiveSessionSettings s;
  s.panorama = panorama().toStdString();
  s.segmenter = segmenter_->currentData().toString().toStdString();
  s.deeplabWeights = deeplab_->text().trimmed().toStdString();
  s.device = device_->currentData().toString().toStdString();
  s.hfovDeg = fov_->value();
  s.startYawDeg = startYaw_->value();
  s.smoothing = smoothing_->value() / 100.0;
  s.featherPx = feather_->value();
  s.lightMatch = lightMatch_->value() / 100.0;
  s.overlays = overlays();
  return s;
}

QString LiveControls::recordingPath() const { return recordPath_->text().trimmed(); }
void LiveControls::setRecordingPath(const QString& path) { recordPath_->setText(path); }

void LiveControls::advanceRecordingPath() {
  if (recordPath_->text() != generatedRecordPath_) return;
  generatedRecordPath_ = defaultRecordingPath();
  recordPath_->setText(generatedRecordPath_);
}

void LiveControls::setRunning(bool running) {
  startButton_->setText(running ? tr("Stop preview") : tr("Start preview"));
  startButton_->setIcon(QIcon::fromTheme(running ? "media-playback-stop" : "media-playback-start"));
  recenter_->setEnabled(running);
  recordButton_->setEnabled(running);
  if (!running) setRecording(false);
}

void LiveControls::setRecording(bool recording) {
  recordButton_->setText(recording ? tr("Stop recording") : tr("Record"));
  recordButton_->setIcon(QIcon::fromTheme(recording ? "media-playback-stop" : "media-record"));
  recordPath_->setEnabled(!recording);
  recordElapsed_->setStyleSheet(recording ? QStringLiteral("QLabel { color: #c62828; font-weight: bold; }") : QString());
}

void LiveControls::setRecordingElapsed(double seconds) {
  const int tenths = int(seconds * 10);
  recordElapsed_->setText(QStringLiteral("%1:%2.%3")
                              .arg(tenths / 600, 2, 10, QChar('0'))
                              .arg(tenths / 10 % 60, 2, 10, QChar('0'))
                              .arg(tenths % 10));
}

}  // namespace panocast
