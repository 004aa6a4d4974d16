#pragma once
// The Panorama tab: the 3D viewer with its toolbar (open, projection, zoom, reset, export,
// fullscreen, auto-rotate) and a status line showing where the camera looks.
#include <QWidget>

#include "panorama/panorama_viewer.h"

class QComboBox;
class QLabel;
class QAction;

namespace panocast {

class PanoramaTab : public QWidget {
  Q_OBJECT
 public:
  explicit PanoramaTab(QWidget* parent = nullptr);

  PanoramaViewer* viewer() const { return viewer_; }
  // Opens an equirectangular image; returns false (after telling the user why) on failure.
  bool openPanorama(const QString& path);
  QString currentFile() const { return currentFile_; }

  QAction* openAction() const { return openAction_; }
  QAction* exportAction() const { return exportAction_; }
  QAction* resetAction() const { return resetAction_; }
  QAction* fullscreenAction() const { return fullscreenAction_; }
  QAction* autoRotateAction() const { return autoRotateAction_; }

 public Q_SLOTS:
  void chooseAndOpen();
  void exportView();
  void toggleFullscreen();

 Q_SIGNALS:
  void panoramaOpened(const QString& path);

 private:
  void updateStatus(const ViewState& state);

  PanoramaViewer* viewer_;
  QComboBox* projection_;
  QLabel* status_;
  QLabel* placeholder_;
  QString currentFile_;
  QAction *openAction_, *exportAction_, *resetAction_, *fullscreenAction_, *autoRotateAction_;
};

}  // namespace panocast
