#pragma once
// The Live tab's settings panel: input, background, person matte, overlays, recording. It holds
// the values and says when they change; the tab decides what that means for a running preview.
#include <QByteArray>
#include <QWidget>

#include "live/live_session.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QMediaDevices;
class QPushButton;
class QSlider;
class QSpinBox;

namespace panocast {

class LiveControls : public QWidget {
  Q_OBJECT
 public:
  explicit LiveControls(QWidget* parent = nullptr);

  enum class Source { None, Camera, File };
  Source source() const;
  QByteArray cameraId() const;
  QString sourceName() const;
  QString videoFile() const;
  // Adds the file to the source list (or updates it) and selects it.
  void setVideoFile(const QString& path);

  QString panorama() const;
  void setPanorama(const QString& path);
  LiveSessionSettings sessionSettings() const;  // overlays included
  LiveSessionOverlays overlays() const;
  QString recordingPath() const;
  void setRecordingPath(const QString& path);

  void setRunning(bool running);
  void setRecording(bool recording);
  void setRecordingElapsed(double seconds);
  // After a recording: a fresh default name, unless the user typed their own.
  void advanceRecordingPath();

 Q_SIGNALS:
  void startStopClicked();
  void recordClicked();
  void recenterClicked();
  void sourceChanged();
  void settingsChanged();  // anything in LiveSessionSettings except the overlays
  void overlaysChanged();

 private:
  QWidget* inputGroup();
  QWidget* backgroundGroup();
  QWidget* personGroup();
  QWidget* overlayGroup();
  QWidget* recordingGroup();
  void refreshCameras();
  void sourceActivated(int index);
  void segmenterChanged();
  static QString defaultRecordingPath();

  QMediaDevices* devices_;
  QPushButton* startButton_;
  QComboBox* source_;
  int lastSourceIndex_ = -1;
  QDoubleSpinBox* fov_;
  QLineEdit* panorama_;
  QSpinBox* startYaw_;
  QPushButton* recenter_;
  QFormLayout* personForm_;
  QComboBox* segmenter_;
  QLineEdit* deeplab_;
  QWidget* deeplabRow_;
  QComboBox* device_;
  QSlider* smoothing_;
  QSpinBox* feather_;
  QSlider* lightMatch_;
  QCheckBox *maskOverlay_, *flowOverlay_, *hudOverlay_, *fpsOverlay_;
  QLineEdit* recordPath_;
  QString generatedRecordPath_;
  QPushButton* recordButton_;
  QLabel* recordElapsed_;
};

}  // namespace panocast
