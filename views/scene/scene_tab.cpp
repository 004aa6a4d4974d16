#include "scene/scene_tab.h"

#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMetaObject>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

#include <algorithm>

#include "engine/panorama_job.h"
#include "jobs/job_queue.h"
#include "project/project.h"
#include "qt_image.h"
#include "runtime/device_names.h"
#include "scene/generation_form.h"
#include "scene/prompt_editor.h"
#include "scene/view_grid.h"
#include "settings/app_settings.h"

namespace panocast {
namespace {
constexpr int kViews = 8;

const ModelSlot& slotNamed(const QString& key) {
  const auto& all = modelSlots();
  return *std::find_if(all.begin(), all.end(), [&](const ModelSlot& s) { return s.key == key; });
}

std::vector<std::string> toStd(const QStringList& list) {
  std::vector<std::string> out;
  for (const auto& s : list) out.push_back(s.toStdString());
  return out;
}
}  // namespace

struct SceneTab::RunningJob {
  QString method;
  QString folder;  // relative to the project
  qint64 seed = 0;
};

SceneTab::SceneTab(JobQueue* jobs, QWidget* parent)
    : QWidget(parent), jobs_(jobs), models_(std::make_shared<PanoramaModelCache>()) {
  prompts_ = new PromptEditor(kViews, this);
  form_ = new GenerationForm(this);
  grid_ = new ViewGrid(kViews, this);
  generate_ = new QPushButton(tr("&Generate"), this);
  generate_->setDefault(true);
  generate_->setToolTip(tr("Generate the eight views with the chosen method and stitch the panorama"));
  compare_ = new QPushButton(tr("Generate baseline and CAA"), this);
  compare_->setToolTip(tr("Two runs with the same prompts and seed: the independent baseline and CAA, for the Compare tab"));
  cancel_ = new QPushButton(tr("Cancel"), this);
  progress_ = new QProgressBar(this);
  progress_->setRange(0, 1000);
  progress_->setValue(0);
  message_ = new QLabel(this);
  message_->setWordWrap(true);
  message_->setTextInteractionFlags(Qt::TextSelectableByMouse);

  auto* buttons = new QHBoxLayout;
  buttons->addWidget(generate_);
  buttons->addWidget(compare_);
  buttons->addWidget(cancel_);
  auto* left = new QWidget(this);
  auto* leftLayout = new QVBoxLayout(left);
  leftLayout->addWidget(prompts_, 1);
  leftLayout->addWidget(form_);
  leftLayout->addLayout(buttons);
  leftLayout->addWidget(progress_);
  leftLayout->addWidget(message_);
  auto* splitter = new QSplitter(this);
  splitter->addWidget(left);
  splitter->addWidget(grid_);
  splitter->setStretchFactor(0, 2);
  splitter->setStretchFactor(1, 3);
  auto* layout = new QHBoxLayout(this);
  layout->addWidget(splitter);

  connect(generate_, &QPushButton::clicked, this, [this] { generate({form_->settings().method}); });
  connect(compare_, &QPushButton::clicked, this, [this] { generate({"independent", "caa"}); });
  connect(cancel_, &QPushButton::clicked, this, &SceneTab::cancel);
  connect(grid_, &ViewGrid::viewClicked, this, [this](int v) {
    showViewLarge(this, grid_->tile(v)->image(), tr("View %1 of %2 (yaw %3°)").arg(v + 1).arg(kViews).arg(360 * v / kViews));
  });
  connect(jobs_, &JobQueue::jobEnded, this, &SceneTab::onJobEnded);
  connect(jobs_, &JobQueue::jobProgress, this, &SceneTab::onJobProgress);
  connect(prompts_, &PromptEditor::changed, this, &SceneTab::changed);
  connect(form_, &GenerationForm::changed, this, &SceneTab::changed);
  reloadModelSettings();
  updateButtons();
  showStatus(tr("Type a scene and press Generate."));
}

SceneTab::~SceneTab() = default;

void SceneTab::reloadModelSettings() {
  const QString model = settings::modelPath("sd");
  QString tokenizer;
  if (QFileInfo(model).isDir()) tokenizer = QDir(model).filePath("tokenizer");
  else if (!settings::modelPath("sdConfig").isEmpty()) tokenizer = QDir(settings::modelPath("sdConfig")).filePath("tokenizer");
  prompts_->setTokenizerFolder(tokenizer);
}

bool SceneTab::generate(const QStringList& methods) {
  const QString model = settings::modelPath("sd");
  const auto check = checkModel(slotNamed("sd"), model);
  if (check.status == ModelStatus::NotSet) {
    showError(tr("No Stable Diffusion model is set. Open Settings → Models and choose a stable-diffusion-2-base "
                 "folder (diffusers layout)."));
    return false;
  }
  if (check.status != ModelStatus::Found) {
    showError(tr("The Stable Diffusion model cannot be used: %1. Fix it in Settings → Models.").arg(check.detail));
    return false;
  }
  const QStringList prompts = prompts_->prompts();
  for (int v = 0; v < prompts.size(); ++v)
    if (prompts[v].isEmpty()) {
      showError(prompts.size() == 1 ? tr("Type a prompt first.")
                                    : tr("The prompt for yaw %1° is empty: fill in every view, or use one prompt for all views.")
                                          .arg(360 * v / kViews));
      return false;
    }
  const QString caa = settings::modelPath("caa");
  const bool modelHasCaa = QFileInfo(model).suffix() == "ckpt";  // MVDiffusion's pano.ckpt carries its CAA blocks
  if (methods.contains("caa") && caa.isEmpty() && !modelHasCaa) {
    showError(tr("The CAA method needs MVDiffusion's weights: set \"CAA weights\" in Settings → Models (pano.ckpt or "
                 "caa.safetensors), or choose another method."));
    return false;
  }
  if (projectFolder_.isEmpty()) {
    showError(tr("No project folder to write the run into."));
    return false;
  }
  const GenerationSettings s = form_->settings();
  QString lane;
  try {
    lane = QString::fromStdString(resolveDeviceName(s.device.toStdString()));
  } catch (const std::exception& e) {
    showError(QString::fromStdString(e.what()));
    return false;
  }

  const qint64 seed = form_->nextSeed();  // one seed for every method: like for like
  prompts_->rememberPrompts();
  grid_->clear();
  progress_->setValue(0);
  for (const auto& method : methods) {
    PanoramaJobSpec spec;
    spec.model = model.toStdString();
    spec.config = settings::modelPath("sdConfig").toStdString();
    if (method == "caa") spec.caa = caa.toStdString();
    spec.prompts = toStd(prompts);
    spec.negativePrompt = prompts_->negativePrompt().toStdString();
    spec.method = method.toStdString();
    spec.scheduler = s.scheduler.toStdString();
    spec.steps = s.steps;
    spec.guidance = s.guidance;
    spec.seed = static_cast<uint64_t>(seed);
    spec.device = s.device.toStdString();
    spec.precision = s.precision.toStdString();
    const auto job = std::make_shared<RunningJob>(RunningJob{method, newRunFolder(projectFolder_, method), seed});
    QDir().mkpath(QDir(projectFolder_).filePath(job->folder));  // reserves the name; removed again if the job fails
    spec.outputFolder = QDir(projectFolder_).filePath(job->folder).toStdString();

    auto body = [this, spec, models = models_](JobContext& context) {
      PanoramaJobEvents events;
      double fraction = 0;
      events.onStatus = [&](const std::string& status) {
        if (status == "stitching") fraction = 0.96;
        if (status == "writing") fraction = 0.98;
        context.setProgress(status == "loading the model" ? -1 : fraction, QString::fromStdString(status));
      };
      events.onStep = [&](int done, int total, double) {
        fraction = 0.95 * done / total;
        context.setProgress(fraction, tr("step %1 of %2").arg(done).arg(total));
      };
      events.onWarning = [this](const std::string& warning) {
        QMetaObject::invokeMethod(this, [this, text = QString::fromStdString(warning)] { showStatus(text); },
                                  Qt::QueuedConnection);
      };
      events.previewEvery = std::max(1, spec.steps / 25);
      events.onPreview = [this](int, const std::vector<ImageU8>& views) {
        std::vector<QImage> images;
        for (const auto& view : views) images.push_back(toQImage(view));
        QMetaObject::invokeMethod(this, [this, images] { grid_->setPreviews(images); }, Qt::QueuedConnection);
      };
      events.cancelRequested = [&context] { return context.cancelRequested(); };
      runPanoramaJob(spec, events, models.get());
    };
    const QString title = tr("%1: %2").arg(methodLabel(method), prompts.first().left(40));
    running_.insert(jobs_->submit(title, lane, body), job);
  }
  showStatus(tr("Queued on %1 (seed %2).").arg(lane).arg(seed));
  updateButtons();
  Q_EMIT changed();
  return true;
}

void SceneTab::cancel() {
  for (auto it = running_.begin(); it != running_.end(); ++it) jobs_->cancel(it.key());
}

void SceneTab::onJobProgress(int id, double fraction, const QString& status) {
  if (!running_.contains(id)) return;
  progress_->setRange(0, fraction < 0 ? 0 : 1000);  // unknown: a busy bar
  if (fraction >= 0) progress_->setValue(int(fraction * 1000));
  showStatus(tr("%1: %2").arg(methodLabel(running_[id]->method), status));
}

void SceneTab::onJobEnded(int id, JobState state, const QString& message) {
  const auto job = running_.take(id);
  if (!job) return;
  const QString folder = QDir(projectFolder_).filePath(job->folder);
  progress_->setRange(0, 1000);
  if (state == JobState::Finished) {
    progress_->setValue(1000);
    showRun(folder);
    ProjectRun run;
    run.folder = job->folder;
    run.method = job->method;
    run.seed = job->seed;
    run.created = QDateTime::currentDateTime();
    const auto elapsed = jobs_->info(id).elapsedMs / 1000.0;
    showStatus(tr("%1 finished in %2 s (seed %3): %4").arg(methodLabel(job->method)).arg(elapsed, 0, 'f', 1).arg(job->seed).arg(folder));
    Q_EMIT runFinished(run, QDir(folder).filePath("panorama.png"));
  } else {
    QDir(folder).removeRecursively();  // an unfinished run leaves nothing behind
    progress_->setValue(0);
    if (state == JobState::Failed) showError(tr("%1 failed: %2").arg(methodLabel(job->method), message));
    else showStatus(tr("%1 cancelled.").arg(methodLabel(job->method)));
  }
  updateButtons();
}

void SceneTab::showRun(const QString& runFolder) {
  std::vector<QImage> views;
  for (int v = 0; v < kViews; ++v) {
    QString error;
    views.push_back(loadImageForDisplay(QDir(runFolder).filePath(QStringLiteral("view_%1.png").arg(v)), &error));
  }
  grid_->setViews(views);
}

void SceneTab::storeInto(Project& project) const {
  project.prompts = prompts_->prompts();
  project.perViewPrompts = prompts_->perView();
  project.negativePrompt = prompts_->negativePrompt();
  project.generation = form_->settings().toJson();
}

void SceneTab::restoreFrom(const Project& project) {
  prompts_->setPrompts(project.prompts.isEmpty() ? QStringList{QString()} : project.prompts);
  prompts_->setPerView(project.perViewPrompts && project.prompts.size() == kViews);
  prompts_->setNegativePrompt(project.negativePrompt);
  if (!project.generation.isEmpty()) form_->setSettings(GenerationSettings::fromJson(project.generation));
  grid_->clear();
  if (!project.runs.isEmpty()) showRun(QDir(projectFolder_).filePath(project.runs.last().folder));
}

void SceneTab::showError(const QString& text) {
  messagePlain_ = text;
  message_->setText(QStringLiteral("<span style='color:#c0392b'>%1</span>").arg(text.toHtmlEscaped()));
}

void SceneTab::showStatus(const QString& text) {
  messagePlain_ = text;
  message_->setText(text.toHtmlEscaped());
}

QString SceneTab::message() const { return messagePlain_; }

void SceneTab::updateButtons() {
  const bool busy = isBusy();
  generate_->setEnabled(!busy);
  compare_->setEnabled(!busy);
  cancel_->setEnabled(busy);
}

}  // namespace panocast
