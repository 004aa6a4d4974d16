#pragma once
// The Metrics tab: pick generated runs (grouped by method) and a reference folder, score every
// method on the worker pool (a progress bar per method), and read the answer in charts — a bar
// per method for each metric with error bars, overlap PSNR per view pair, FID against the number
// of images — and in a table; export PNG, CSV and JSON. Results are also kept in the project.
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QPair>
#include <QString>
#include <QWidget>

class QCheckBox;
class QCustomPlot;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;
class QTabWidget;
class QTreeWidget;
class QVBoxLayout;
class QProgressBar;

namespace panocast {

class JobQueue;
struct ProjectRun;
enum class JobState;

class MetricsTab : public QWidget {
  Q_OBJECT
 public:
  explicit MetricsTab(JobQueue* jobs, QWidget* parent = nullptr);

  // The project's runs, offered for scoring (all checked); `folder` resolves their paths.
  void setProjectRuns(const QString& folder, const QList<ProjectRun>& runs);
  // Adds a run folder from elsewhere (its method read from run.json).
  void addRunFolder(const QString& path);
  void setReferenceFolder(const QString& folder);
  void setConsistency(bool on);
  void setFidCurve(bool on);

  // One job per method over the checked runs; false (with the reason shown) when nothing to do.
  bool runMetrics();
  void cancel();
  bool isBusy() const { return !running_.isEmpty(); }

  QList<QPair<QString, QJsonObject>> reports() const { return reports_; }
  void showReports(const QList<QPair<QString, QJsonObject>>& reports);
  bool exportCsv(const QString& path) const;
  bool exportJson(const QString& path) const;
  bool exportPng(const QString& path) const;  // the chart on screen

  QTreeWidget* runTree() const { return runs_; }
  QTabWidget* chartTabs() const { return charts_; }
  QPushButton* runButton() const { return run_; }
  QString message() const { return messagePlain_; }

 Q_SIGNALS:
  // All methods were scored; `json` holds every method's report.
  void resultsReady(const QJsonObject& json);

 private:
  struct Running;
  QWidget* createInputs();
  QWidget* createResults();
  void onJobProgress(int id, double fraction, const QString& status);
  void onJobEnded(int id, JobState state, const QString& message);
  void showMessage(const QString& text, bool error = false);
  QCustomPlot* currentPlot() const;
  void updateButtons();

  JobQueue* jobs_;
  QTreeWidget* runs_;
  QLineEdit* reference_;
  QLabel* inceptionStatus_;
  QCheckBox* consistency_;
  QCheckBox* fidCurve_;
  QPushButton* run_;
  QPushButton* cancel_;
  QVBoxLayout* progressRows_;
  QLabel* message_;
  QString messagePlain_;
  QTabWidget* charts_;
  QList<QCustomPlot*> headlinePlots_;
  QCustomPlot* pairPlot_;
  QCustomPlot* fidPlot_;
  QTableWidget* table_;
  QMap<int, QSharedPointer<Running>> running_;
  QList<QPair<QString, QJsonObject>> pending_;
  QList<QPair<QString, QJsonObject>> reports_;
};

}  // namespace panocast
