#include "compare/compare_side.h"

#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QVBoxLayout>

#include <cmath>

#include "panorama/panorama_viewer.h"
#include "qt_image.h"
#include "scene/view_grid.h"

namespace panocast {
namespace {
constexpr int kViews = 8;
}

CompareSide::CompareSide(QWidget* parent) : QWidget(parent) {
  run_ = new QComboBox(this);
  viewer_ = new PanoramaViewer(this);
  viewer_->setMinimumHeight(220);
  views_ = new ViewGrid(kViews, this, 1);
  heat_ = new ViewGrid(kViews, this, 1);
  for (auto* grid : {views_, heat_}) grid->setFixedHeight(110);
  summary_ = new QLabel(this);
  summary_->setWordWrap(true);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(run_);
  layout->addWidget(viewer_, 1);
  layout->addWidget(views_);
  layout->addWidget(heat_);
  layout->addWidget(summary_);
  connect(run_, &QComboBox::currentIndexChanged, this, [this](int index) {
    if (index < 0 || index >= folders_.size()) return;
    loadRun(folders_[index]);
    Q_EMIT runChosen(folders_[index]);
  });
  connect(views_, &ViewGrid::viewClicked, this,
          [this](int v) { showViewLarge(this, views_->tile(v)->image(), tr("View %1").arg(v)); });
  connect(heat_, &ViewGrid::viewClicked, this,
          [this](int v) { showViewLarge(this, heat_->tile(v)->image(), tr("Disagreement of views %1 and %2").arg(v).arg((v + 1) % kViews)); });
}

void CompareSide::setRuns(const QStringList& labels, const QStringList& folders) {
  const QSignalBlocker block(run_);
  folders_ = folders;
  run_->clear();
  run_->addItems(labels);
  run_->setCurrentIndex(-1);
}

void CompareSide::selectRun(int index) {
  if (index == run_->currentIndex() && index >= 0) {
    loadRun(folders_[index]);
    Q_EMIT runChosen(folders_[index]);
  } else {
    run_->setCurrentIndex(index);
  }
}

QString CompareSide::currentFolder() const {
  const int index = run_->currentIndex();
  return index >= 0 && index < folders_.size() ? folders_[index] : QString();
}

void CompareSide::loadRun(const QString& folder) {
  QString error;
  const QImage panorama = loadImageForDisplay(QDir(folder).filePath("panorama.png"), &error);
  if (!panorama.isNull()) viewer_->setPanorama(panorama);
  std::vector<QImage> views;
  for (int v = 0; v < kViews; ++v) views.push_back(loadImageForDisplay(QDir(folder).filePath(QString("view_%1.png").arg(v)), &error));
  views_->setViews(views);
  heat_->clear();
  summary_->setText(tr("Computing where neighbouring views disagree…"));
}

void CompareSide::showHeatMaps(const std::vector<QImage>& maps, const std::vector<double>& psnrDb, double meanPsnrDb) {
  heat_->setViews(maps);
  for (int v = 0; v < heat_->count() && v < int(psnrDb.size()); ++v)
    heat_->tile(v)->setCaption(std::isfinite(psnrDb[v]) ? tr("%1–%2: %3 dB").arg(v).arg((v + 1) % heat_->count()).arg(psnrDb[v], 0, 'f', 1)
                                                        : tr("%1–%2: identical").arg(v).arg((v + 1) % heat_->count()));
  summary_->setText(tr("Mean overlap PSNR %1 dB over %2 neighbouring pairs (higher: more consistent)")
                        .arg(meanPsnrDb, 0, 'f', 2)
                        .arg(psnrDb.size()));
}

void CompareSide::showHeatError(const QString& message) {
  summary_->setText(QStringLiteral("<span style='color:#c0392b'>%1</span>").arg(message.toHtmlEscaped()));
}

QString CompareSide::summary() const { return summary_->text(); }

}  // namespace panocast
