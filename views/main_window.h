#pragma once
// The studio's main window: one tab per activity (Scene, Panorama, Live, Metrics, Compare), the
// job panel as a dock, and the project (File menu) that keeps everything a design produces.
#include <QMainWindow>

class QDockWidget;
class QJsonObject;
class QMenu;
class QTabWidget;

namespace panocast {

class JobPanel;
class JobQueue;
class CompareTab;
class LiveTab;
class MetricsTab;
class PanoramaTab;
class ProjectSession;
class SceneTab;
struct ProjectRun;

class MainWindow : public QMainWindow {
  Q_OBJECT
 public:
  explicit MainWindow(QWidget* parent = nullptr);
  ~MainWindow() override;

  PanoramaTab* panoramaTab() const { return panoramaTab_; }
  LiveTab* liveTab() const { return liveTab_; }    // null in builds without OpenCV
  SceneTab* sceneTab() const { return sceneTab_; }  // null in builds without the engine
  MetricsTab* metricsTab() const { return metricsTab_; }
  CompareTab* compareTab() const { return compareTab_; }
  QTabWidget* tabs() const { return tabs_; }
  JobQueue* jobs() const { return jobs_; }
  JobPanel* jobPanel() const { return jobPanel_; }
  ProjectSession* project() const { return project_; }

  // Opens a panorama in the Panorama tab and switches to it.
  bool openPanorama(const QString& path);
  // Project actions, also used by tests. Each returns false after telling the user why.
  bool openProject(const QString& folder);
  bool saveProjectAs(const QString& folder);
  bool saveProject();
  void newProject();
  // Problems found when the project was opened (shown in a message too); empty if none.
  QStringList lastProjectProblems() const { return projectProblems_; }

 protected:
  void closeEvent(QCloseEvent* event) override;

 private:
  void createMenus();
  void createProjectMenu(QMenu* file);
  void rebuildRecentMenu();
  void updateTitle();
  void showSettings();
  void showAbout();
  void onRunFinished(const ProjectRun& run, const QString& panoramaPath);
  void onMetricsReady(const QJsonObject& reports);
  void showProblem(const QString& title, const QString& text);

  JobQueue* jobs_;
  ProjectSession* project_;
  QTabWidget* tabs_;
  PanoramaTab* panoramaTab_;
  SceneTab* sceneTab_ = nullptr;
  LiveTab* liveTab_ = nullptr;
  MetricsTab* metricsTab_;
  CompareTab* compareTab_;
  JobPanel* jobPanel_;
  QDockWidget* jobDock_;
  QMenu* recentMenu_ = nullptr;
  QStringList projectProblems_;
};

}  // namespace panocast
