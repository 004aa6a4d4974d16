#pragma once
// The studio's worker pool. Every long piece of work (generating a panorama, scoring a run) is a
// job that runs on a pool thread, never on the GUI thread. Jobs name a lane: a GPU lane ("cuda:0")
// runs one job at a time, because two jobs on one GPU only fight over its memory; the "cpu" lane
// runs as many at once as there are cores. The queue is also the job panel's table model.
#include <QAbstractTableModel>
#include <QDateTime>
#include <QElapsedTimer>
#include <QString>
#include <QThreadPool>

#include <atomic>
#include <functional>
#include <memory>
#include <vector>

namespace panocast {

// What a job's body sees, on its pool thread.
class JobContext {
 public:
  virtual ~JobContext() = default;
  // fraction in 0..1 (negative: unknown); `status` says what it is doing. Cheap: call freely.
  virtual void setProgress(double fraction, const QString& status = {}) = 0;
  virtual bool cancelRequested() const = 0;
};

enum class JobState { Queued, Running, Finished, Failed, Cancelled };
QString jobStateName(JobState state);

struct JobInfo {
  int id = 0;
  QString title;
  QString lane;
  JobState state = JobState::Queued;
  double progress = 0;  // 0..1, negative when unknown
  QString status;       // the job's last status, or its error
  QDateTime queuedAt;
  qint64 elapsedMs = 0;  // while running: so far
  qint64 etaMs = -1;     // while running with known progress; -1 otherwise
};

class JobQueue : public QAbstractTableModel {
  Q_OBJECT
 public:
  enum Column { TitleColumn, StateColumn, ProgressColumn, ElapsedColumn, EtaColumn, ColumnCount };

  // The body runs on a pool thread. It throws to fail (the message is shown to the user);
  // panocast::Cancelled (or any throw after cancel) counts as cancelled.
  using Body = std::function<void(JobContext&)>;

  explicit JobQueue(QObject* parent = nullptr);
  ~JobQueue() override;  // cancels everything and waits

  int submit(const QString& title, const QString& lane, Body body);
  void cancel(int id);
  void cancelAll();
  // Waits for running jobs after cancelAll(); queued ones never start. Returns false on timeout.
  bool waitForIdle(int timeoutMs = -1);
  void removeFinished();

  JobInfo info(int id) const;
  int count() const { return static_cast<int>(jobs_.size()); }
  int activeCount() const;  // queued or running
  int idAt(int row) const;

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

 Q_SIGNALS:
  void jobStarted(int id);
  void jobProgress(int id, double fraction, const QString& status);
  // Finished, failed or cancelled; `message` is the error for failed jobs.
  void jobEnded(int id, panocast::JobState state, const QString& message);
  void idle();

 private:
  struct Job;
  class Context;
  Job* find(int id) const;
  int rowOf(int id) const;
  void startEligible();
  int laneCapacity(const QString& lane) const;
  void onProgress(int id, double fraction, const QString& status);
  void onEnded(int id, JobState state, const QString& message);
  void refreshRow(int id);
  void timerEvent(QTimerEvent* event) override;

  std::vector<std::shared_ptr<Job>> jobs_;
  QThreadPool pool_;
  int nextId_ = 1;
  int ticker_ = 0;
};

}  // namespace panocast

Q_DECLARE_METATYPE(panocast::JobState)
