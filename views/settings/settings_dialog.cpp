#include "settings/settings_dialog.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QTabWidget>
#include <QVBoxLayout>

#include "runtime/device_names.h"
#include "settings/app_settings.h"

namespace panocast {

QList<QPair<QString, QString>> studioLanguages() {
  return {{"", QObject::tr("System language")}, {"en", "English"}, {"de", "Deutsch"},
          {"fr", "Français"}, {"es", "Español"}, {"zh_CN", "简体中文"}};
}

namespace {
void selectData(QComboBox* box, const QString& value) {
  const int index = box->findData(value);
  box->setCurrentIndex(index < 0 ? 0 : index);
}
}  // namespace

SettingsDialog::SettingsDialog(QWidget* parent) : QDialog(parent) {
  setWindowTitle(tr("Settings"));
  auto* tabs = new QTabWidget(this);
  tabs->addTab(createGeneralPage(), tr("General"));
  tabs->addTab(createModelsPage(), tr("Models"));
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(tabs);
  layout->addWidget(buttons);
  resize(820, 620);
}

QWidget* SettingsDialog::createGeneralPage() {
  auto* page = new QWidget(this);
  language_ = new QComboBox(page);
  for (const auto& [code, name] : studioLanguages()) language_->addItem(name, code);
  selectData(language_, settings::language());
  theme_ = new QComboBox(page);
  theme_->addItem(tr("System"), "system");
  theme_->addItem(tr("Light"), "light");
  theme_->addItem(tr("Dark"), "dark");
  selectData(theme_, settings::theme());
  device_ = new QComboBox(page);
  device_->addItem(tr("Automatic (GPU when available)"), "auto");
  for (const auto& name : availableDeviceNames()) device_->addItem(QString::fromStdString(name), QString::fromStdString(name));
  selectData(device_, settings::device());
  precision_ = new QComboBox(page);
  precision_->addItem(tr("Automatic (fp16 on GPU, fp32 on CPU)"), "auto");
  for (const char* p : {"fp32", "fp16", "bf16"}) precision_->addItem(p, p);
  selectData(precision_, settings::precision());

  auto* form = new QFormLayout(page);
  form->addRow(tr("&Language:"), language_);
  form->addRow(new QLabel(tr("<small>A new language applies after a restart.</small>"), page));
  form->addRow(tr("&Theme:"), theme_);
  form->addRow(tr("&Device:"), device_);
  form->addRow(tr("&Precision:"), precision_);
  return page;
}

QWidget* SettingsDialog::createModelsPage() {
  auto* inner = new QWidget;
  auto* grid = new QGridLayout(inner);
  int row = 0;
  for (const auto& slot : modelSlots()) {
    auto* title = new QLabel(QStringLiteral("<b>%1</b>%2").arg(slot.label.toHtmlEscaped(), slot.required ? " *" : ""), inner);
    auto* path = new QLineEdit(settings::modelPath(slot.key), inner);
    path->setPlaceholderText(slot.folder ? tr("folder") : tr("file"));
    path->setClearButtonEnabled(true);
    auto* browse = new QPushButton(tr("Browse…"), inner);
    auto* status = new QLabel(inner);
    status->setMinimumWidth(90);
    auto* help = new QLabel(QStringLiteral("<small>%1 %2</small>").arg(slot.purpose.toHtmlEscaped(), slot.howToGet.toHtmlEscaped()), inner);
    help->setWordWrap(true);
    help->setTextInteractionFlags(Qt::TextSelectableByMouse);
    grid->addWidget(title, row, 0, 1, 3);
    grid->addWidget(status, row, 3);
    grid->addWidget(path, row + 1, 0, 1, 2);
    grid->addWidget(browse, row + 1, 2);
    grid->addWidget(help, row + 2, 0, 1, 4);
    row += 3;
    paths_[slot.key] = path;
    status_[slot.key] = status;
    connect(path, &QLineEdit::textChanged, this, [this, key = slot.key] { refreshStatus(key); });
    connect(browse, &QPushButton::clicked, this, [this, slot, path] {
      const QString chosen = slot.folder ? QFileDialog::getExistingDirectory(this, slot.label, path->text())
                                         : QFileDialog::getOpenFileName(this, slot.label, path->text());
      if (!chosen.isEmpty()) path->setText(chosen);
    });
    refreshStatus(slot.key);
  }
  grid->setRowStretch(row, 1);
  grid->setColumnStretch(0, 1);
  auto* scroll = new QScrollArea(this);
  scroll->setWidget(inner);
  scroll->setWidgetResizable(true);
  return scroll;
}

void SettingsDialog::refreshStatus(const QString& key) {
  for (const auto& slot : modelSlots()) {
    if (slot.key != key) continue;
    const auto check = checkModel(slot, paths_[key]->text().trimmed());
    const char* colour = check.status == ModelStatus::Found ? "#2e8b3a"
                         : check.status == ModelStatus::NotSet ? (slot.required ? "#c07000" : "gray")
                                                                : "#c0392b";
    status_[key]->setText(QStringLiteral("<span style='color:%1'>%2</span>").arg(colour, modelStatusName(check.status)));
    status_[key]->setToolTip(check.detail);
  }
}

QString SettingsDialog::modelStatusText(const QString& key) const {
  return status_.contains(key) ? status_[key]->text() : QString();
}

bool SettingsDialog::apply() {
  for (auto it = paths_.begin(); it != paths_.end(); ++it) settings::setModelPath(it.key(), it.value()->text().trimmed());
  settings::setDevice(device_->currentData().toString());
  settings::setPrecision(precision_->currentData().toString());
  const QString theme = theme_->currentData().toString();
  if (theme != settings::theme()) {
    settings::setTheme(theme);
    settings::applyTheme(*qApp, theme);
  }
  const QString language = language_->currentData().toString();
  const bool languageChanged = language != settings::language();
  settings::setLanguage(language);
  return languageChanged;
}

}  // namespace panocast
