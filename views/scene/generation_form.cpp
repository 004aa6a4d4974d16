#include "scene/generation_form.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSpinBox>

#include <limits>

#include "runtime/device_names.h"
#include "settings/app_settings.h"

namespace panocast {

QString methodLabel(const QString& method) {
  if (method == "independent") return GenerationForm::tr("Independent (baseline)");
  if (method == "caa") return GenerationForm::tr("CAA (MVDiffusion)");
  if (method == "multidiffusion") return GenerationForm::tr("MultiDiffusion");
  if (method == "shared-attention") return GenerationForm::tr("Shared attention");
  return method;
}

QJsonObject GenerationSettings::toJson() const {
  return {{"method", method},         {"scheduler", scheduler}, {"steps", steps},
          {"guidance", guidance},     {"seed", double(seed)},   {"seed_locked", seedLocked},
          {"device", device},         {"precision", precision}};
}

GenerationSettings GenerationSettings::fromJson(const QJsonObject& json) {
  GenerationSettings s;
  s.method = json.value("method").toString(s.method);
  s.scheduler = json.value("scheduler").toString(s.scheduler);
  s.steps = json.value("steps").toInt(s.steps);
  s.guidance = json.value("guidance").toDouble(s.guidance);
  s.seed = qint64(json.value("seed").toDouble(double(s.seed)));
  s.seedLocked = json.value("seed_locked").toBool(s.seedLocked);
  s.device = json.value("device").toString(s.device);
  s.precision = json.value("precision").toString(s.precision);
  return s;
}

namespace {
void selectData(QComboBox* box, const QString& value) {
  const int index = box->findData(value);
  if (index >= 0) box->setCurrentIndex(index);
}
}  // namespace

GenerationForm::GenerationForm(QWidget* parent) : QWidget(parent) {
  method_ = new QComboBox(this);
  for (const char* m : {"independent", "caa", "multidiffusion", "shared-attention"}) method_->addItem(methodLabel(m), m);
  method_->setToolTip(tr("How the eight views are kept consistent: not at all (baseline), MVDiffusion's trained "
                         "correspondence-aware attention (needs CAA weights), latent averaging where views overlap, "
                         "or attention shared with the neighbouring views"));
  scheduler_ = new QComboBox(this);
  scheduler_->addItem("DDIM", "ddim");
  scheduler_->addItem("PNDM", "pndm");
  scheduler_->addItem(tr("Euler"), "euler");
  scheduler_->addItem("DPM-Solver++ 2M", "dpmpp2m");
  steps_ = new QSpinBox(this);
  steps_->setRange(1, 500);  // beyond a few hundred steps nothing changes but the time
  guidance_ = new QDoubleSpinBox(this);
  guidance_->setRange(0, 50);
  guidance_->setSingleStep(0.5);
  guidance_->setDecimals(1);
  seed_ = new QSpinBox(this);
  seed_->setRange(0, std::numeric_limits<int>::max());
  auto* randomise = new QPushButton(tr("Randomise"), this);
  lock_ = new QCheckBox(tr("Lock"), this);
  lock_->setToolTip(tr("Keep this seed for the next runs (otherwise every run draws a new one)"));
  device_ = new QComboBox(this);
  device_->addItem(tr("Automatic"), "auto");
  for (const auto& name : availableDeviceNames()) device_->addItem(QString::fromStdString(name), QString::fromStdString(name));
  precision_ = new QComboBox(this);
  precision_->addItem(tr("Automatic"), "auto");
  for (const char* p : {"fp32", "fp16", "bf16"}) precision_->addItem(p, p);
  auto* preset = new QPushButton(tr("MVDiffusion defaults"), this);
  preset->setToolTip(tr("DDIM, 50 steps, guidance 9"));

  auto* seedRow = new QHBoxLayout;
  seedRow->addWidget(seed_, 1);
  seedRow->addWidget(randomise);
  seedRow->addWidget(lock_);
  auto* form = new QFormLayout(this);
  form->setContentsMargins(0, 0, 0, 0);
  form->addRow(tr("&Method:"), method_);
  form->addRow(tr("S&cheduler:"), scheduler_);
  form->addRow(tr("&Steps:"), steps_);
  form->addRow(tr("G&uidance:"), guidance_);
  auto* seedLabel = new QLabel(tr("S&eed:"), this);  // a row holding a layout gets no buddy by itself
  seedLabel->setBuddy(seed_);
  form->addRow(seedLabel, seedRow);
  form->addRow(tr("&Device:"), device_);
  form->addRow(tr("&Precision:"), precision_);
  form->addRow(QString(), preset);

  GenerationSettings defaults;
  defaults.device = settings::device();
  defaults.precision = settings::precision();
  defaults.seed = QRandomGenerator::global()->bounded(std::numeric_limits<int>::max());
  setSettings(defaults);

  connect(randomise, &QPushButton::clicked, this, [this] { seed_->setValue(QRandomGenerator::global()->bounded(std::numeric_limits<int>::max())); });
  connect(preset, &QPushButton::clicked, this, &GenerationForm::resetToPreset);
  for (auto* box : {method_, scheduler_, device_, precision_}) connect(box, &QComboBox::currentIndexChanged, this, &GenerationForm::changed);
  for (auto* spin : {steps_, seed_}) connect(spin, &QSpinBox::valueChanged, this, &GenerationForm::changed);
  connect(guidance_, &QDoubleSpinBox::valueChanged, this, &GenerationForm::changed);
  connect(lock_, &QCheckBox::toggled, this, &GenerationForm::changed);
}

GenerationSettings GenerationForm::settings() const {
  GenerationSettings s;
  s.method = method_->currentData().toString();
  s.scheduler = scheduler_->currentData().toString();
  s.steps = steps_->value();
  s.guidance = guidance_->value();
  s.seed = seed_->value();
  s.seedLocked = lock_->isChecked();
  s.device = device_->currentData().toString();
  s.precision = precision_->currentData().toString();
  return s;
}

void GenerationForm::setSettings(const GenerationSettings& s) {
  selectData(method_, s.method);
  selectData(scheduler_, s.scheduler);
  steps_->setValue(s.steps);
  guidance_->setValue(s.guidance);
  seed_->setValue(int(qBound(qint64(0), s.seed, qint64(std::numeric_limits<int>::max()))));
  lock_->setChecked(s.seedLocked);
  selectData(device_, s.device);
  selectData(precision_, s.precision);
}

qint64 GenerationForm::nextSeed() {
  // The seed shown is the one the next run uses (so a typed seed is honoured); unlocked, a new one
  // is drawn for the run after.
  const qint64 seed = seed_->value();
  if (!lock_->isChecked()) seed_->setValue(QRandomGenerator::global()->bounded(std::numeric_limits<int>::max()));
  return seed;
}

void GenerationForm::resetToPreset() {
  selectData(scheduler_, "ddim");
  steps_->setValue(50);
  guidance_->setValue(9.0);
}

}  // namespace panocast
