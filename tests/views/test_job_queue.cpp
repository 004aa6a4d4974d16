// The worker pool behind the studio: a GPU lane runs one job at a time, the CPU lane runs jobs
// side by side; progress reaches the GUI thread; cancel stops a running job and drops a queued
// one; a throwing job is reported with its message; waiting for idle returns when all are done.
#include <QApplication>
#include <QSignalSpy>
#include <QTest>
#include <QPushButton>
#include <QTableView>
#include <QThread>

#include <atomic>

#include "jobs/job_panel.h"
#include "jobs/job_queue.h"
#include "runtime/error.h"

using namespace panocast;

class JobQueueTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void gpuLaneRunsOneJobAtATime();
  void cpuLaneRunsJobsTogether();
  void progressAndEstimateReachTheModel();
  void cancelStopsRunningAndQueuedJobs();
  void failuresCarryTheirMessage();
  void panelCancelsTheSelectedJob();
};

namespace {
// A body that sleeps in small steps until released or cancelled, recording overlap.
struct Gate {
  std::atomic<int> running{0}, maxRunning{0};
  std::atomic<bool> open{false};
  JobQueue::Body body() {
    return [this](JobContext& context) {
      const int now = ++running;
      int seen = maxRunning.load();
      while (now > seen && !maxRunning.compare_exchange_weak(seen, now)) {}
      while (!open && !context.cancelRequested()) QThread::msleep(5);
      --running;
      if (context.cancelRequested()) throw Cancelled();
    };
  }
};
}  // namespace

void JobQueueTest::gpuLaneRunsOneJobAtATime() {
  JobQueue queue;
  Gate gate;
  QSignalSpy ended(&queue, &JobQueue::jobEnded);
  for (int i = 0; i < 3; ++i) queue.submit(QString("gpu %1").arg(i), "cuda:0", gate.body());
  QTRY_COMPARE(gate.running.load(), 1);
  QTest::qWait(100);
  QCOMPARE(gate.running.load(), 1);
  QCOMPARE(queue.info(queue.idAt(1)).state, JobState::Queued);
  gate.open = true;
  QTRY_COMPARE(ended.count(), 3);
  QCOMPARE(gate.maxRunning.load(), 1);
  for (int row = 0; row < 3; ++row) QCOMPARE(queue.info(queue.idAt(row)).state, JobState::Finished);
}

void JobQueueTest::cpuLaneRunsJobsTogether() {
  if (QThread::idealThreadCount() < 2) QSKIP("one core: the CPU lane runs one job at a time");
  JobQueue queue;
  Gate gate;
  QSignalSpy ended(&queue, &JobQueue::jobEnded);
  queue.submit("a", "cpu", gate.body());
  queue.submit("b", "cpu", gate.body());
  QTRY_COMPARE(gate.running.load(), 2);
  gate.open = true;
  QTRY_COMPARE(ended.count(), 2);
  QVERIFY(queue.waitForIdle(5000));
}

void JobQueueTest::progressAndEstimateReachTheModel() {
  JobQueue queue;
  std::atomic<bool> release{false};
  QSignalSpy progress(&queue, &JobQueue::jobProgress);
  const int id = queue.submit("steps", "cpu", [&](JobContext& context) {
    context.setProgress(0.5, "half way");
    while (!release && !context.cancelRequested()) QThread::msleep(5);
  });
  QTRY_VERIFY(progress.count() >= 1);
  QCOMPARE(progress.last().at(1).toDouble(), 0.5);
  QCOMPARE(queue.info(id).status, QString("half way"));
  QTest::qWait(600);  // the ticker refreshes elapsed time and the estimate
  const auto info = queue.info(id);
  QVERIFY(info.elapsedMs >= 500);
  QVERIFY(info.etaMs > 0);
  const QModelIndex progressCell = queue.index(0, JobQueue::ProgressColumn);
  QCOMPARE(queue.data(progressCell, Qt::DisplayRole).toString(), QString("half way"));
  release = true;
  QTRY_COMPARE(queue.info(id).state, JobState::Finished);
  QCOMPARE(queue.activeCount(), 0);
}

void JobQueueTest::cancelStopsRunningAndQueuedJobs() {
  JobQueue queue;
  Gate gate;
  QSignalSpy ended(&queue, &JobQueue::jobEnded);
  const int running = queue.submit("running", "cuda:0", gate.body());
  const int queued = queue.submit("queued", "cuda:0", gate.body());
  QTRY_COMPARE(gate.running.load(), 1);
  queue.cancel(queued);
  QCOMPARE(queue.info(queued).state, JobState::Cancelled);
  queue.cancel(running);
  QTRY_COMPARE(queue.info(running).state, JobState::Cancelled);
  QCOMPARE(gate.maxRunning.load(), 1);
  QCOMPARE(ended.count(), 2);
  queue.removeFinished();
  QCOMPARE(queue.count(), 0);
}

void JobQueueTest::failuresCarryTheirMessage() {
  JobQueue queue;
  QSignalSpy ended(&queue, &JobQueue::jobEnded);
  const int id = queue.submit("broken", "cpu", [](JobContext&) { throw Error("the model folder has no unet/"); });
  QTRY_COMPARE(ended.count(), 1);
  QCOMPARE(ended.first().at(1).value<JobState>(), JobState::Failed);
  QCOMPARE(ended.first().at(2).toString(), QString("the model folder has no unet/"));
  QCOMPARE(queue.info(id).status, QString("the model folder has no unet/"));
}

void JobQueueTest::panelCancelsTheSelectedJob() {
  JobQueue queue;
  JobPanel panel(&queue);
  panel.show();
  Gate gate;
  const int id = queue.submit("long", "cuda:0", gate.body());
  QTRY_COMPARE(gate.running.load(), 1);
  panel.table()->selectRow(0);
  auto* cancel = panel.findChild<QPushButton*>("cancelJob");
  QVERIFY(cancel && cancel->isEnabled());
  QTest::mouseClick(cancel, Qt::LeftButton);
  QTRY_COMPARE(queue.info(id).state, JobState::Cancelled);
}

QTEST_MAIN(JobQueueTest)
#include "test_job_queue.moc"
