#include "metrics/metrics_tab.h"

#include "metrics/qcustomplot_header.h"

#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMetaObject>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "jobs/job_queue.h"
#include "metrics/metric_values.h"
#include "metrics/metrics_charts.h"
#include "metrics/metrics_job.h"
#include "metrics/panorama_runs.h"
#include "project/project.h"
#include "runtime/device_names.h"
#include "settings/app_settings.h"

namespace panocast {
namespace {
constexpr int kFolderRole = Qt::UserRole;

// Methods in a fixed order (baseline first), then any others alphabetically.
int methodRank(const QString& method) {
  const QStringList order{"independent", "caa", "multidiffusion", "shared-attention"};
  const int index = order.indexOf(method);
  return index < 0 ? order.size() : index;
}

QString runMethod(const QString& folder) {
  const auto method = QString::fromStdString(readPanoramaRun(folder.toStdString()).method);
  return method.isEmpty() ? QStringLiteral("images") : method;
}
}  // namespace

struct MetricsTab::Running {
  QString method;
  QProgressBar* bar = nullptr;
  QLabel* label = nullptr;
};

MetricsTab::MetricsTab(JobQueue* jobs, QWidget* parent) : QWidget(parent), jobs_(jobs) {
  auto* splitter = new QSplitter(this);
  splitter->addWidget(createInputs());
  splitter->addWidget(createResults());
  splitter->setStretchFactor(0, 1);
  splitter->setStretchFactor(1, 3);
  auto* layout = new QHBoxLayout(this);
  layout->addWidget(splitter);
  connect(jobs_, &JobQueue::jobProgress, this, &MetricsTab::onJobProgress);
  connect(jobs_, &JobQueue::jobEnded, this, &MetricsTab::onJobEnded);
  showReports({});
  updateButtons();
}

QWidget* MetricsTab::createInputs() {
  auto* panel = new QWidget(this);
  runs_ = new QTreeWidget(panel);
  runs_->setHeaderLabels({tr("Generated runs"), tr("Seed")});
  runs_->header()->setSectionResizeMode(0, QHeaderView::Stretch);
  runs_->setToolTip(tr("Runs are scored per method; check the ones to include"));
  auto* addFolder = new QPushButton(tr("Add run folder…"), panel);
  reference_ = new QLineEdit(panel);
  reference_->setPlaceholderText(tr("real images for FID and KID (optional)"));
  auto* browse = new QPushButton(tr("Browse…"), panel);
  inceptionStatus_ = new QLabel(panel);
  inceptionStatus_->setWordWrap(true);
  consistency_ = new QCheckBox(tr("View consistency (overlap PSNR/SSIM, seams)"), panel);
  consistency_->setChecked(true);
  fidCurve_ = new QCheckBox(tr("FID against the number of images"), panel);
  fidCurve_->setChecked(true);
  run_ = new QPushButton(tr("&Score"), panel);
  cancel_ = new QPushButton(tr("Cancel"), panel);
  progressRows_ = new QVBoxLayout;
  message_ = new QLabel(panel);
  message_->setWordWrap(true);
  message_->setTextInteractionFlags(Qt::TextSelectableByMouse);

  auto* referenceRow = new QHBoxLayout;
  referenceRow->addWidget(reference_, 1);
  referenceRow->addWidget(browse);
  auto* buttons = new QHBoxLayout;
  buttons->addWidget(run_);
  buttons->addWidget(cancel_);
  auto* layout = new QVBoxLayout(panel);
  layout->addWidget(runs_, 1);
  layout->addWidget(addFolder);
  layout->addWidget(new QLabel(tr("Reference folder:"), panel));
  layout->addLayout(referenceRow);
  layout->addWidget(inceptionStatus_);
  layout->addWidget(consistency_);
  layout->addWidget(fidCurve_);
  layout->addLayout(buttons);
  layout->addLayout(progressRows_);
  layout->addWidget(message_);

  connect(addFolder, &QPushButton::clicked, this, [this] {
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Run folder (view_0.png … and run.json)"));
    if (!folder.isEmpty()) addRunFolder(folder);
  });
  connect(browse, &QPushButton::clicked, this, [this] {
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Reference images"), reference_->text());
    if (!folder.isEmpty()) reference_->setText(folder);
  });
  connect(run_, &QPushButton::clicked, this, &MetricsTab::runMetrics);
  connect(cancel_, &QPushButton::clicked, this, &MetricsTab::cancel);
  return panel;
}

QWidget* MetricsTab::createResults() {
  auto* panel = new QWidget(this);
  charts_ = new QTabWidget(panel);
  auto* overview = new QWidget(charts_);
  auto* grid = new QGridLayout(overview);
  for (int i = 0; i < headlineMetrics().size(); ++i) {
    auto* plot = new QCustomPlot(overview);
    plot->setMinimumSize(220, 180);
    grid->addWidget(plot, i / 4, i % 4);
    headlinePlots_ << plot;
  }
  charts_->addTab(overview, tr("Overview"));
  pairPlot_ = new QCustomPlot(charts_);
  charts_->addTab(pairPlot_, tr("View pairs"));
  fidPlot_ = new QCustomPlot(charts_);
  charts_->addTab(fidPlot_, tr("FID curve"));
  table_ = new QTableWidget(charts_);
  charts_->addTab(table_, tr("Table"));

  auto* png = new QPushButton(tr("Export PNG…"), panel);
  auto* csv = new QPushButton(tr("Export CSV…"), panel);
  auto* json = new QPushButton(tr("Export JSON…"), panel);
  connect(png, &QPushButton::clicked, this, [this] {
    const QString path = QFileDialog::getSaveFileName(this, tr("Export chart"), "metrics.png", tr("PNG image (*.png)"));
    if (!path.isEmpty() && !exportPng(path)) showMessage(tr("Cannot write %1").arg(path), true);
  });
  connect(csv, &QPushButton::clicked, this, [this] {
    const QString path = QFileDialog::getSaveFileName(this, tr("Export table"), "metrics.csv", tr("CSV (*.csv)"));
    if (!path.isEmpty() && !exportCsv(path)) showMessage(tr("Cannot write %1").arg(path), true);
  });
  connect(json, &QPushButton::clicked, this, [this] {
    const QString path = QFileDialog::getSaveFileName(this, tr("Export reports"), "metrics.json", tr("JSON (*.json)"));
    if (!path.isEmpty() && !exportJson(path)) showMessage(tr("Cannot write %1").arg(path), true);
  });
  auto* exports = new QHBoxLayout;
  exports->addStretch();
  exports->addWidget(png);
  exports->addWidget(csv);
  exports->addWidget(json);
  auto* layout = new QVBoxLayout(panel);
  layout->addWidget(charts_, 1);
  layout->addLayout(exports);
  return panel;
}

void MetricsTab::setProjectRuns(const QString& folder, const QList<ProjectRun>& runs) {
  runs_->clear();
  for (const auto& run : runs) {
    const QString path = QDir(folder).filePath(run.folder);
    QTreeWidgetItem* group = nullptr;
    const QString method = run.method.isEmpty() ? runMethod(path) : run.method;
    for (int i = 0; i < runs_->topLevelItemCount(); ++i)
      if (runs_->topLevelItem(i)->data(0, kFolderRole).toString() == method) group = runs_->topLevelItem(i);
    if (!group) {
      group = new QTreeWidgetItem(runs_, {method});
      group->setData(0, kFolderRole, method);
      group->setFlags(group->flags() | Qt::ItemIsUserCheckable | Qt::ItemIsAutoTristate);
      group->setCheckState(0, Qt::Checked);
      group->setExpanded(true);
    }
    auto* item = new QTreeWidgetItem(group, {QFileInfo(path).fileName(), run.seed >= 0 ? QString::number(run.seed) : QString()});
    item->setData(0, kFolderRole, path);
    item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
    item->setCheckState(0, Qt::Checked);
  }
  runs_->sortItems(0, Qt::AscendingOrder);
}

void MetricsTab::addRunFolder(const QString& path) {
  ProjectRun run;
  run.folder = QDir(path).absolutePath();
  run.method = runMethod(path);
  QList<ProjectRun> all;
  // Keep what is listed, then add the new one.
  for (int i = 0; i < runs_->topLevelItemCount(); ++i) {
    auto* group = runs_->topLevelItem(i);
    for (int k = 0; k < group->childCount(); ++k) {
      ProjectRun existing;
      existing.folder = group->child(k)->data(0, kFolderRole).toString();
      existing.method = group->data(0, kFolderRole).toString();
      existing.seed = group->child(k)->text(1).isEmpty() ? -1 : group->child(k)->text(1).toLongLong();
      all << existing;
    }
  }
  all << run;
  setProjectRuns({}, all);
}

void MetricsTab::setReferenceFolder(const QString& folder) { reference_->setText(folder); }
void MetricsTab::setConsistency(bool on) { consistency_->setChecked(on); }
void MetricsTab::setFidCurve(bool on) { fidCurve_->setChecked(on); }

bool MetricsTab::runMetrics() {
  QMap<QString, QStringList> groups;
  for (int i = 0; i < runs_->topLevelItemCount(); ++i) {
    auto* group = runs_->topLevelItem(i);
    for (int k = 0; k < group->childCount(); ++k)
      if (group->child(k)->checkState(0) == Qt::Checked)
        groups[group->data(0, kFolderRole).toString()] << group->child(k)->data(0, kFolderRole).toString();
  }
  if (groups.isEmpty()) {
    showMessage(tr("No runs to score: generate some in the Scene tab, or add run folders."), true);
    return false;
  }
  const QString inception = settings::modelPath("inception");
  const QString clip = settings::modelPath("clip");
  const QString reference = reference_->text().trimmed();
  if (!reference.isEmpty() && !QFileInfo(reference).isDir()) {
    showMessage(tr("The reference folder %1 does not exist.").arg(reference), true);
    return false;
  }
  QString lane;
  try {
    lane = QString::fromStdString(resolveDeviceName(settings::device().toStdString()));
  } catch (const std::exception& e) {
    showMessage(QString::fromStdString(e.what()), true);
    return false;
  }
  while (auto* item = progressRows_->takeAt(0)) {
    if (item->layout()) {
      while (auto* child = item->layout()->takeAt(0)) {
        delete child->widget();
        delete child;
      }
    }
    delete item->layout();
    delete item;
  }
  pending_.clear();
  for (auto it = groups.begin(); it != groups.end(); ++it) {
    MetricsJobSpec spec;
    for (const auto& folder : it.value()) spec.generated.push_back(folder.toStdString());
    spec.reference = reference.toStdString();
    spec.inception = inception.toStdString();
    spec.consistency = consistency_->isChecked();
    spec.fidCurve = fidCurve_->isChecked();
    spec.device = lane.toStdString();
    spec.inceptionHint = "set \"FID Inception weights\" in Settings → Models:";
    spec.clip = clip.toStdString();
    spec.clipHint = "set \"CLIP (transformers folder)\" in Settings → Models";
    spec.promptsHint = "runs generated by PanoCast record their prompts in run.json";
    const QString method = it.key();
    auto running = QSharedPointer<Running>::create();
    running->method = method;
    running->label = new QLabel(method, this);
    running->bar = new QProgressBar(this);
    running->bar->setRange(0, 1000);
    auto* row = new QHBoxLayout;
    row->addWidget(running->label);
    row->addWidget(running->bar, 1);
    progressRows_->addLayout(row);
    auto body = [this, spec, method](JobContext& context) {
      MetricsJobEvents events;
      events.onProgress = [&](const std::string& stage, int64_t done, int64_t total) {
        context.setProgress(total > 0 ? double(done) / double(total) : -1, QString::fromStdString(stage));
      };
      events.cancelRequested = [&] { return context.cancelRequested(); };
      const auto report = runMetricsJob(spec, events);
      const QJsonObject json = QJsonDocument::fromJson(QByteArray::fromStdString(report.json.dump())).object();
      // Queued before the job's end notice, so the report is in when the queue reports the end.
      QMetaObject::invokeMethod(this, [this, method, json] { pending_ << qMakePair(method, json); }, Qt::QueuedConnection);
    };
    running_.insert(jobs_->submit(tr("Metrics: %1 (%2 runs)").arg(method).arg(it.value().size()), lane, body), running);
  }
  showMessage(tr("Scoring %1 method(s)…").arg(groups.size()));
  updateButtons();
  return true;
}

void MetricsTab::cancel() {
  for (auto it = running_.begin(); it != running_.end(); ++it) jobs_->cancel(it.key());
}

void MetricsTab::onJobProgress(int id, double fraction, const QString& status) {
  const auto running = running_.value(id);
  if (!running) return;
  running->bar->setRange(0, fraction < 0 ? 0 : 1000);
  if (fraction >= 0) running->bar->setValue(int(fraction * 1000));
  running->label->setText(QStringLiteral("%1: %2").arg(running->method, status));
}

void MetricsTab::onJobEnded(int id, JobState state, const QString& message) {
  const auto running = running_.take(id);
  if (!running) return;
  running->bar->setRange(0, 1000);
  running->bar->setValue(state == JobState::Finished ? 1000 : 0);
  running->label->setText(QStringLiteral("%1: %2").arg(running->method, jobStateName(state)));
  if (state == JobState::Failed) showMessage(tr("Scoring %1 failed: %2").arg(running->method, message), true);
  if (state == JobState::Cancelled) showMessage(tr("Scoring cancelled."));
  updateButtons();
  if (!running_.isEmpty() || pending_.isEmpty()) return;
  auto reports = pending_;
  std::sort(reports.begin(), reports.end(), [](const auto& a, const auto& b) {
    return methodRank(a.first) != methodRank(b.first) ? methodRank(a.first) < methodRank(b.first) : a.first < b.first;
  });
  showReports(reports);
  if (state == JobState::Finished) showMessage(tr("Scored %1 method(s).").arg(reports.size()));
  QJsonObject all;
  for (const auto& [method, report] : reports) all.insert(method, report);
  Q_EMIT resultsReady(all);
}

void MetricsTab::showReports(const QList<QPair<QString, QJsonObject>>& reports) {
  reports_ = reports;
  const auto& metrics = headlineMetrics();
  for (int i = 0; i < metrics.size(); ++i) plotHeadlineMetric(headlinePlots_[i], metrics[i], reports);
  plotPairPsnr(pairPlot_, reports);
  plotFidCurve(fidPlot_, reports);
  table_->clear();
  table_->setRowCount(metrics.size());
  table_->setColumnCount(reports.size());
  QStringList methods, rows;
  for (const auto& [method, report] : reports) methods << method;
  for (const auto& metric : metrics) rows << metric.label + (metric.unit.isEmpty() ? QString() : " (" + metric.unit + ")");
  table_->setHorizontalHeaderLabels(methods);
  table_->setVerticalHeaderLabels(rows);
  for (int r = 0; r < metrics.size(); ++r)
    for (int c = 0; c < reports.size(); ++c) {
      const auto m = metricValue(reports[c].second, metrics[r].key);
      auto* item = new QTableWidgetItem(m.present ? (m.spread > 0 ? QStringLiteral("%1 ± %2").arg(m.value, 0, 'g', 5).arg(m.spread, 0, 'g', 3)
                                                                  : QString::number(m.value, 'g', 5))
                                                  : tr("—"));
      item->setToolTip(m.present ? QString() : m.skipped);
      item->setFlags(item->flags() & ~Qt::ItemIsEditable);
      table_->setItem(r, c, item);
    }
  table_->resizeColumnsToContents();
  const QString inception = settings::modelPath("inception");
  const QString clip = settings::modelPath("clip");
  QStringList status;
  status << (inception.isEmpty() ? tr("FID, KID and Inception Score need the FID Inception weights: set them in "
                                      "Settings → Models.")
                                 : tr("Inception weights: %1").arg(inception.toHtmlEscaped()));
  status << (clip.isEmpty() ? tr("CLIP score needs a CLIP model: set it in Settings → Models.")
                            : tr("CLIP model: %1").arg(clip.toHtmlEscaped()));
  status << tr("View consistency needs nothing.");
  inceptionStatus_->setText(QStringLiteral("<small>%1</small>").arg(status.join(QStringLiteral("<br>"))));
}

bool MetricsTab::exportCsv(const QString& path) const {
  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly)) return false;
  file.write(metricsCsv(reports_).toUtf8());
  return file.commit();
}

bool MetricsTab::exportJson(const QString& path) const {
  QJsonObject all;
  for (const auto& [method, report] : reports_) all.insert(method, report);
  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly)) return false;
  file.write(QJsonDocument(all).toJson());
  return file.commit();
}

QCustomPlot* MetricsTab::currentPlot() const {
  if (charts_->currentWidget() == pairPlot_) return pairPlot_;
  if (charts_->currentWidget() == fidPlot_) return fidPlot_;
  return nullptr;
}

bool MetricsTab::exportPng(const QString& path) const {
  if (auto* plot = currentPlot()) return plot->savePng(path, 0, 0, 2.0);
  return charts_->currentWidget()->grab().save(path, "PNG");  // the overview grid or the table
}

void MetricsTab::showMessage(const QString& text, bool error) {
  messagePlain_ = text;
  message_->setText(error ? QStringLiteral("<span style='color:#c0392b'>%1</span>").arg(text.toHtmlEscaped()) : text.toHtmlEscaped());
}

void MetricsTab::updateButtons() {
  run_->setEnabled(running_.isEmpty());
  cancel_->setEnabled(!running_.isEmpty());
}

}  // namespace panocast
