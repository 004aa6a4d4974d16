#pragma once
// The Compare tab: two runs side by side (typically the baseline and CAA with the same prompts
// and seed): synchronised 3D viewers, the eight views in two rows, and heat maps of where
// neighbouring views disagree at their overlaps.
#include <QList>
#include <QMap>
#include <QString>
#include <QWidget>

class QCheckBox;
class QLabel;

namespace panocast {

class CompareSide;
class JobQueue;
struct ProjectRun;
enum class JobState;

class CompareTab : public QWidget {
  Q_OBJECT
 public:
  explicit CompareTab(JobQueue* jobs, QWidget* parent = nullptr);

  // Offers the project's runs on both sides and picks a pair: the latest two runs that share a
  // seed and differ in method (baseline on the left), else the latest two.
  void setProjectRuns(const QString& folder, const QList<ProjectRun>& runs);
  CompareSide* left() const { return left_; }
  CompareSide* right() const { return right_; }
  QCheckBox* syncBox() const { return sync_; }
  bool isBusy() const { return !running_.isEmpty(); }

 private:
  void computeHeatMaps(CompareSide* side, const QString& folder);
  void onJobEnded(int id, JobState state, const QString& message);
  void link(CompareSide* from, CompareSide* to);

  JobQueue* jobs_;
  CompareSide* left_;
  CompareSide* right_;
  QCheckBox* sync_;
  QLabel* legend_;
  QMap<int, CompareSide*> running_;
  bool syncing_ = false;
};

}  // namespace panocast
