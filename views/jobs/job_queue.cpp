#include "jobs/job_queue.h"

#include <QMetaObject>
#include <QThread>
#include <QTimerEvent>

#include <exception>

#include "runtime/error.h"

namespace panocast {

QString jobStateName(JobState state) {
  switch (state) {
    case JobState::Queued: return JobQueue::tr("Queued");
    case JobState::Running: return JobQueue::tr("Running");
    case JobState::Finished: return JobQueue::tr("Finished");
    case JobState::Failed: return JobQueue::tr("Failed");
    case JobState::Cancelled: return JobQueue::tr("Cancelled");
  }
  return {};
}

struct JobQueue::Job {
  JobInfo info;
  Body body;
  QElapsedTimer timer;
  std::atomic<bool> cancel{false};
  bool active() const { return info.state == JobState::Queued || info.state == JobState::Running; }
};

// Lives on the pool thread for the duration of the body; hands progress to the GUI thread.
class JobQueue::Context : public JobContext {
 public:
  Context(JobQueue* queue, std::shared_ptr<Job> job) : queue_(queue), job_(std::move(job)) {}
  void setProgress(double fraction, const QString& status) override {
    QMetaObject::invokeMethod(queue_, [queue = queue_, id = job_->info.id, fraction, status] {
      queue->onProgress(id, fraction, status);
    }, Qt::QueuedConnection);
  }
  bool cancelRequested() const override { return job_->cancel.load(); }

 private:
  JobQueue* queue_;
  std::shared_ptr<Job> job_;
};

JobQueue::JobQueue(QObject* parent) : QAbstractTableModel(parent) {
  qRegisterMetaType<panocast::JobState>();
  pool_.setMaxThreadCount(qMax(2, QThread::idealThreadCount() + 1));  // + one GPU lane
}

JobQueue::~JobQueue() {
  cancelAll();
  pool_.waitForDone();
}

int JobQueue::submit(const QString& title, const QString& lane, Body body) {
  auto job = std::make_shared<Job>();
  job->info.id = nextId_++;
  job->info.title = title;
  job->info.lane = lane;
  job->info.queuedAt = QDateTime::currentDateTime();
  job->info.status = tr("waiting for %1").arg(lane);
  job->body = std::move(body);
  beginInsertRows({}, count(), count());
  jobs_.push_back(job);
  endInsertRows();
  startEligible();
  return job->info.id;
}

int JobQueue::laneCapacity(const QString& lane) const {
  return lane == "cpu" ? qMax(1, QThread::idealThreadCount()) : 1;
}

void JobQueue::startEligible() {
  for (const auto& job : jobs_) {
    if (job->info.state != JobState::Queued) continue;
    int running = 0;
    for (const auto& other : jobs_)
      if (other->info.state == JobState::Running && other->info.lane == job->info.lane) ++running;
    if (running >= laneCapacity(job->info.lane)) continue;
    job->info.state = JobState::Running;
    job->info.status = tr("starting");
    job->timer.start();
    refreshRow(job->info.id);
    Q_EMIT jobStarted(job->info.id);
    if (!ticker_) ticker_ = startTimer(500);
    pool_.start([this, job] {
      Context context(this, job);
      JobState state = JobState::Finished;
      QString message;
      try {
        job->body(context);
        if (job->cancel) state = JobState::Cancelled;
      } catch (const Cancelled&) {
        state = JobState::Cancelled;
      } catch (const std::exception& e) {
        state = job->cancel ? JobState::Cancelled : JobState::Failed;
        message = QString::fromStdString(e.what());
      } catch (...) {
        state = JobState::Failed;
        message = tr("unknown error");
      }
      QMetaObject::invokeMethod(this, [this, id = job->info.id, state, message] { onEnded(id, state, message); },
                                Qt::QueuedConnection);
    });
  }
}

void JobQueue::cancel(int id) {
  Job* job = find(id);
  if (!job || !job->active()) return;
  job->cancel = true;
  if (job->info.state == JobState::Queued) {
    job->info.state = JobState::Cancelled;
    job->info.status = tr("cancelled before it started");
    refreshRow(id);
    Q_EMIT jobEnded(id, JobState::Cancelled, {});
    if (!activeCount()) Q_EMIT idle();
  } else {
    job->info.status = tr("cancelling…");
    refreshRow(id);
  }
}

void JobQueue::cancelAll() {
  // Queued jobs first, so that none starts when a running one ends.
  for (const auto& job : jobs_)
    if (job->info.state == JobState::Queued) cancel(job->info.id);
  for (const auto& job : jobs_)
    if (job->info.state == JobState::Running) cancel(job->info.id);
}

bool JobQueue::waitForIdle(int timeoutMs) { return pool_.waitForDone(timeoutMs); }

void JobQueue::removeFinished() {
  for (int row = count() - 1; row >= 0; --row) {
    if (jobs_[row]->active()) continue;
    beginRemoveRows({}, row, row);
    jobs_.erase(jobs_.begin() + row);
    endRemoveRows();
  }
}

void JobQueue::onProgress(int id, double fraction, const QString& status) {
  Job* job = find(id);
  if (!job || job->info.state != JobState::Running) return;
  job->info.progress = fraction;
  if (!status.isEmpty() && !job->cancel) job->info.status = status;
  refreshRow(id);
  Q_EMIT jobProgress(id, fraction, job->info.status);
}

void JobQueue::onEnded(int id, JobState state, const QString& message) {
  Job* job = find(id);
  if (!job) return;
  job->info.state = state;
  job->info.elapsedMs = job->timer.elapsed();
  job->info.etaMs = -1;
  if (state == JobState::Finished) job->info.progress = 1;
  job->info.status = state == JobState::Failed ? message : jobStateName(state);
  job->body = nullptr;  // drop what the body captured (images, models' handles)
  refreshRow(id);
  Q_EMIT jobEnded(id, state, message);
  startEligible();
  if (!activeCount()) {
    if (ticker_) killTimer(ticker_);
    ticker_ = 0;
    Q_EMIT idle();
  }
}

void JobQueue::timerEvent(QTimerEvent* event) {
  if (event->timerId() != ticker_) return;
  for (const auto& job : jobs_)
    if (job->info.state == JobState::Running) refreshRow(job->info.id);
}

void JobQueue::refreshRow(int id) {
  Job* job = find(id);
  if (!job) return;
  if (job->info.state == JobState::Running) {
    const JobInfo now = info(id);
    job->info.elapsedMs = now.elapsedMs;
    job->info.etaMs = now.etaMs;
  }
  const int row = rowOf(id);
  Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

JobQueue::Job* JobQueue::find(int id) const {
  for (const auto& job : jobs_)
    if (job->info.id == id) return job.get();
  return nullptr;
}

int JobQueue::rowOf(int id) const {
  for (int row = 0; row < count(); ++row)
    if (jobs_[row]->info.id == id) return row;
  return -1;
}

JobInfo JobQueue::info(int id) const {
  const Job* job = find(id);
  if (!job) return {};
  JobInfo info = job->info;
  if (info.state == JobState::Running) {  // as of now, not as of the last refresh
    info.elapsedMs = job->timer.elapsed();
    const double p = info.progress;
    info.etaMs = p > 0.02 && p < 1 ? qint64(info.elapsedMs * (1 - p) / p) : -1;
  }
  return info;
}

int JobQueue::activeCount() const {
  int n = 0;
  for (const auto& job : jobs_) n += job->active();
  return n;
}

int JobQueue::idAt(int row) const { return row >= 0 && row < count() ? jobs_[row]->info.id : 0; }

int JobQueue::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : count(); }
int JobQueue::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

namespace {
QString duration(qint64 ms) {
  if (ms < 0) return QStringLiteral("–");
  const qint64 s = ms / 1000;
  return s >= 3600 ? QStringLiteral("%1:%2:%3").arg(s / 3600).arg(s / 60 % 60, 2, 10, QChar('0')).arg(s % 60, 2, 10, QChar('0'))
                   : QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QChar('0'));
}
}  // namespace

QVariant JobQueue::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= count()) return {};
  const JobInfo& info = jobs_[index.row()]->info;
  if (role == Qt::ToolTipRole) return info.status;
  if (role == Qt::UserRole) return info.id;
  if (index.column() == ProgressColumn && role == Qt::UserRole + 1) return info.progress;
  if (role != Qt::DisplayRole) return {};
  switch (index.column()) {
    case TitleColumn: return info.title;
    case StateColumn: return jobStateName(info.state);
    case ProgressColumn: return info.status;
    case ElapsedColumn: return info.state == JobState::Queued ? QVariant() : duration(info.elapsedMs);
    case EtaColumn: return info.state == JobState::Running ? duration(info.etaMs) : QVariant();
  }
  return {};
}

QVariant JobQueue::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
  switch (section) {
    case TitleColumn: return tr("Job");
    case StateColumn: return tr("State");
    case ProgressColumn: return tr("Progress");
    case ElapsedColumn: return tr("Elapsed");
    case EtaColumn: return tr("Remaining");
  }
  return {};
}

}  // namespace panocast
