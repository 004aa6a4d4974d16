#pragma once
// The Scene tab: where a scene is designed. Prompts (one or eight) and the generation settings
// on the left, the eight views on the right filling in with live previews while the job runs on
// the worker pool; progress, cancel, and readable errors in the tab. A finished run lands in the
// project's runs/ folder and its panorama opens in the Panorama tab.
#include <QMap>
#include <QString>
#include <QWidget>

#include <memory>

class QLabel;
class QProgressBar;
class QPushButton;

namespace panocast {

class GenerationForm;
class JobQueue;
class PanoramaModelCache;
class PromptEditor;
class ViewGrid;
struct Project;
struct ProjectRun;
enum class JobState;

class SceneTab : public QWidget {
  Q_OBJECT
 public:
  SceneTab(JobQueue* jobs, QWidget* parent = nullptr);
  ~SceneTab() override;

  // Where runs are written (runs/<time>-<method>/ inside it).
  void setProjectFolder(const QString& folder) { projectFolder_ = folder; }
  // Re-reads the model location from Settings (the token counter uses its tokenizer).
  void reloadModelSettings();
  void storeInto(Project& project) const;
  void restoreFrom(const Project& project);
  // Shows a run's views in the grid (after opening a project, say).
  void showRun(const QString& runFolder);

  // Starts one job per method with the same prompts and seed; returns false (with the reason
  // shown in the tab) when something is missing.
  bool generate(const QStringList& methods);
  void cancel();
  bool isBusy() const { return !running_.isEmpty(); }

  PromptEditor* promptEditor() const { return prompts_; }
  GenerationForm* form() const { return form_; }
  ViewGrid* grid() const { return grid_; }
  QPushButton* generateButton() const { return generate_; }
  QPushButton* compareButton() const { return compare_; }
  QPushButton* cancelButton() const { return cancel_; }
  QString message() const;  // the status or error line, without markup

 Q_SIGNALS:
  // A run finished: its folder (relative to the project) and the panorama's absolute path.
  void runFinished(const panocast::ProjectRun& run, const QString& panoramaPath);
  void changed();

 private:
  struct RunningJob;
  void onJobEnded(int id, JobState state, const QString& message);
  void onJobProgress(int id, double fraction, const QString& status);
  void showError(const QString& message);
  void showStatus(const QString& message);
  void updateButtons();

  JobQueue* jobs_;
  std::shared_ptr<PanoramaModelCache> models_;
  QString projectFolder_;
  PromptEditor* prompts_;
  GenerationForm* form_;
  ViewGrid* grid_;
  QPushButton* generate_;
  QPushButton* compare_;
  QPushButton* cancel_;
  QProgressBar* progress_;
  QLabel* message_;
  QString messagePlain_;
  QMap<int, std::shared_ptr<RunningJob>> running_;
};

}  // namespace panocast
