#pragma once
// The job panel: every queued, running and finished job with its progress, elapsed time and an
// estimate of the time left; Cancel stops the selected job, Clear removes finished ones.
#include <QWidget>

class QPushButton;
class QTableView;

namespace panocast {

class JobQueue;

class JobPanel : public QWidget {
  Q_OBJECT
 public:
  explicit JobPanel(JobQueue* queue, QWidget* parent = nullptr);
  QTableView* table() const { return table_; }

 private:
  void updateButtons();
  int selectedJob() const;

  JobQueue* queue_;
  QTableView* table_;
  QPushButton* cancel_;
  QPushButton* clear_;
};

}  // namespace panocast
