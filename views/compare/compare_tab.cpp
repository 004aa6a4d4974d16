#include "compare/compare_tab.h"

#include <QCheckBox>
#include <QDir>
#include <QHBoxLayout>
#include <QLabel>
#include <QMetaObject>
#include <QPointer>
#include <QVBoxLayout>

#include "compare/compare_side.h"
#include "compare/heat_map.h"
#include "jobs/job_queue.h"
#include "metrics/overlap_error.h"
#include "panorama/panorama_viewer.h"
#include "project/project.h"

namespace panocast {
namespace {
constexpr float kMaxError = 64;  // of 255: brighter than this is plainly a different picture
}

CompareTab::CompareTab(JobQueue* jobs, QWidget* parent) : QWidget(parent), jobs_(jobs) {
  left_ = new CompareSide(this);
  right_ = new CompareSide(this);
  sync_ = new QCheckBox(tr("Synchronise the viewers"), this);
  sync_->setChecked(true);
  legend_ = new QLabel(this);
  legend_->setPixmap(QPixmap::fromImage(heatLegend(260, 34, kMaxError, palette().color(QPalette::Text))));
  auto* top = new QHBoxLayout;
  top->addWidget(sync_);
  top->addStretch();
  top->addWidget(new QLabel(tr("Disagreement with the right-hand neighbour (0–255):"), this));
  top->addWidget(legend_);
  auto* sides = new QHBoxLayout;
  sides->addWidget(left_, 1);
  sides->addWidget(right_, 1);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(top);
  layout->addLayout(sides, 1);
  link(left_, right_);
  link(right_, left_);
  for (auto* side : {left_, right_})
    connect(side, &CompareSide::runChosen, this, [this, side](const QString& folder) { computeHeatMaps(side, folder); });
  connect(jobs_, &JobQueue::jobEnded, this, &CompareTab::onJobEnded);
}

void CompareTab::link(CompareSide* from, CompareSide* to) {
  connect(from->viewer(), &PanoramaViewer::viewChanged, this, [this, to](const ViewState& state) {
    if (!sync_->isChecked() || syncing_) return;
    syncing_ = true;  // the other viewer's own viewChanged must not echo back
    to->viewer()->setViewState(state);
    syncing_ = false;
  });
}

void CompareTab::setProjectRuns(const QString& folder, const QList<ProjectRun>& runs) {
  QStringList labels, folders;
  for (const auto& run : runs) {
    labels << tr("%1 · seed %2 · %3").arg(run.method, run.seed >= 0 ? QString::number(run.seed) : tr("none"), run.folder);
    folders << QDir(folder).filePath(run.folder);
  }
  left_->setRuns(labels, folders);
  right_->setRuns(labels, folders);
  int a = -1, b = -1;
  for (int j = runs.size() - 1; j > 0 && a < 0; --j)
    for (int i = j - 1; i >= 0; --i)
      if (runs[i].seed == runs[j].seed && runs[i].method != runs[j].method) {
        a = i, b = j;
        break;
      }
  if (a < 0 && runs.size() >= 2) a = runs.size() - 2, b = runs.size() - 1;
  if (a >= 0 && runs[b].method == "independent") std::swap(a, b);  // the baseline on the left
  if (a >= 0) {
    left_->selectRun(a);
    right_->selectRun(b);
  } else if (runs.size() == 1) {
    left_->selectRun(0);
  }
}

void CompareTab::computeHeatMaps(CompareSide* side, const QString& folder) {
  QPointer<CompareSide> target(side);
  auto body = [this, target, folder](JobContext& context) {
    context.setProgress(-1, tr("comparing neighbouring views"));
    const auto maps = overlapErrorMaps(folder.toStdString());
    std::vector<QImage> images;
    for (const auto& map : maps.maps) images.push_back(heatImage(map, kMaxError));
    QMetaObject::invokeMethod(this, [target, images, maps] {
      if (target) target->showHeatMaps(images, maps.psnrDb, maps.meanPsnrDb);
    }, Qt::QueuedConnection);
  };
  running_.insert(jobs_->submit(tr("Compare: %1").arg(QDir(folder).dirName()), "cpu", body), side);
}

void CompareTab::onJobEnded(int id, JobState state, const QString& message) {
  CompareSide* side = running_.take(id);
  if (side && state == JobState::Failed) side->showHeatError(message);
}

}  // namespace panocast
