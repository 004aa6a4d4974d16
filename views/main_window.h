#pragma once
// The studio's main window: one tab per activity (Scene, Panorama, Live, Metrics, Compare).
#include <QMainWindow>

class QTabWidget;

namespace panocast {

class LiveTab;
class PanoramaTab;

class MainWindow : public QMainWindow {
  Q_OBJECT
 public:
  explicit MainWindow(QWidget* parent = nullptr);

  PanoramaTab* panoramaTab() const { return panoramaTab_; }
  LiveTab* liveTab() const { return liveTab_; }  // null in builds without OpenCV
  QTabWidget* tabs() const { return tabs_; }
  // Opens a panorama in the Panorama tab and switches to it.
  bool openPanorama(const QString& path);

 protected:
  void closeEvent(QCloseEvent* event) override;

 private:
  void createMenus();
  void showAbout();

  QTabWidget* tabs_;
  PanoramaTab* panoramaTab_;
  LiveTab* liveTab_ = nullptr;
};

}  // namespace panocast
