#include "settings/app_settings.h"

#include <QApplication>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QPalette>
#include <QStyle>
#include <QSettings>
#include <QStyleFactory>

namespace panocast {
namespace {
// The translation context of the texts about models.
class ModelSlots {
  Q_DECLARE_TR_FUNCTIONS(ModelSlots)
};
}  // namespace

const std::vector<ModelSlot>& modelSlots() {
  static const std::vector<ModelSlot> all = [] {
    return std::vector<ModelSlot>{
        {"sd", ModelSlots::tr("Stable Diffusion 2"), true, true, ModelSlots::tr("Generates the eight views (text encoder, UNet, VAE)."),
         ModelSlots::tr("Download stabilityai/stable-diffusion-2-base in the diffusers layout (a folder with model_index.json), "
            "or choose a single-file checkpoint and set its config folder below.")},
        {"sdConfig", ModelSlots::tr("Config folder for single-file checkpoints"), true, false,
         ModelSlots::tr("Configs and tokenizer for a .safetensors/.ckpt model file."),
         ModelSlots::tr("Any diffusers folder of the same architecture, e.g. stable-diffusion-2-base.")},
        {"caa", ModelSlots::tr("CAA weights (MVDiffusion)"), false, false,
         ModelSlots::tr("Correspondence-aware attention for the CAA method."),
         ModelSlots::tr("MVDiffusion's released pano.ckpt, or caa.safetensors made from it with "
            "'panocast convert --in pano.ckpt --out DIR'.")},
        {"clip", ModelSlots::tr("CLIP (transformers folder)"), true, false, ModelSlots::tr("CLIP score in the Metrics tab."),
         ModelSlots::tr("openai/clip-vit-base-patch16 (or -base-patch32, -large-patch14) in the transformers layout, "
                        "or OpenAI's .pt converted with: panocast convert --in ViT-B-16.pt --out DIR --tokenizer "
                        "SD-MODEL/tokenizer")},
        {"inception", ModelSlots::tr("FID Inception weights"), false, false, ModelSlots::tr("FID, Inception Score and KID in the Metrics tab."),
         ModelSlots::tr("pt_inception-2015-12-05-6726825d.pth, the file pytorch-fid and torch-fidelity download.")},
        {"segmenters", ModelSlots::tr("Selfie segmentation models"), true, false, ModelSlots::tr("Cuts the person out in the Live tab."),
         ModelSlots::tr("Set-up fetches them from npm (@mediapipe/selfie_segmentation) into data/models; leave empty to use "
            "those.")},
        {"deeplab", ModelSlots::tr("DeepLabV3 weights"), false, false, ModelSlots::tr("The alternative person segmenter in the Live tab."),
         ModelSlots::tr("torchvision's deeplabv3_mobilenet_v3_large_coco .pth file.")},
    };
  }();
  return all;
}

QString modelStatusName(ModelStatus status) {
  switch (status) {
    case ModelStatus::NotSet: return ModelSlots::tr("not set");
    case ModelStatus::Found: return ModelSlots::tr("found");
    case ModelStatus::Missing: return ModelSlots::tr("missing");
    case ModelStatus::Invalid: return ModelSlots::tr("not usable");
  }
  return {};
}

ModelCheck checkModel(const ModelSlot& slot, const QString& path) {
  if (path.isEmpty()) return {ModelStatus::NotSet, {}};
  const QFileInfo info(path);
  if (!info.exists()) return {ModelStatus::Missing, ModelSlots::tr("%1 does not exist").arg(path)};
  if (slot.key == "sd") {
    if (info.isDir()) {
      if (!QFileInfo::exists(QDir(path).filePath("model_index.json")))
        return {ModelStatus::Invalid, ModelSlots::tr("no model_index.json: not a diffusers folder")};
      for (const char* part : {"unet", "vae", "text_encoder", "tokenizer"})
        if (!QFileInfo(QDir(path).filePath(part)).isDir())
          return {ModelStatus::Invalid, ModelSlots::tr("the folder has no %1/").arg(part)};
      return {ModelStatus::Found, ModelSlots::tr("diffusers folder")};
    }
    return {ModelStatus::Found, ModelSlots::tr("single-file checkpoint (%1 MB)").arg(info.size() >> 20)};
  }
  if (slot.folder != info.isDir())
    return {ModelStatus::Invalid, slot.folder ? ModelSlots::tr("expected a folder") : ModelSlots::tr("expected a file")};
  if (slot.key == "clip" && !QFileInfo::exists(QDir(path).filePath("config.json")))
    return {ModelStatus::Invalid, ModelSlots::tr("no config.json: not a transformers folder")};
  if (slot.key == "segmenters" && !QFileInfo::exists(QDir(path).filePath("selfie_segmentation/selfie_segmentation.tflite")) &&
      !QFileInfo::exists(QDir(path).filePath("selfie_segmentation.tflite")))
    return {ModelStatus::Invalid, ModelSlots::tr("no selfie_segmentation.tflite inside")};
  return {ModelStatus::Found, info.isDir() ? ModelSlots::tr("folder") : ModelSlots::tr("%1 MB").arg(info.size() >> 20)};
}

namespace settings {
namespace {
QString text(const char* key, const QString& fallback = {}) { return QSettings().value(key, fallback).toString(); }
void prependUnique(const char* key, const QString& value, int keep) {
  QStringList list = QSettings().value(key).toStringList();
  list.removeAll(value);
  list.prepend(value);
  while (list.size() > keep) list.removeLast();
  QSettings().setValue(key, list);
}
}  // namespace

QString modelPath(const QString& key) { return QSettings().value("models/" + key).toString(); }
void setModelPath(const QString& key, const QString& path) { QSettings().setValue("models/" + key, path); }
QString device() { return text("engine/device", "auto"); }
void setDevice(const QString& device) { QSettings().setValue("engine/device", device); }
QString precision() { return text("engine/precision", "auto"); }
void setPrecision(const QString& precision) { QSettings().setValue("engine/precision", precision); }
QString language() { return text("ui/language"); }
void setLanguage(const QString& language) { QSettings().setValue("ui/language", language); }
QString theme() { return text("ui/theme", "system"); }
void setTheme(const QString& theme) { QSettings().setValue("ui/theme", theme); }

void applyTheme(QApplication& app, const QString& theme) {
  static const QString systemStyle = app.style()->name();
  static const QPalette systemPalette = app.palette();
  if (theme == "system") {
    app.setStyle(QStyleFactory::create(systemStyle));
    app.setPalette(systemPalette);
    return;
  }
  app.setStyle(QStyleFactory::create("Fusion"));
  if (theme != "dark") {
    app.setPalette(app.style()->standardPalette());
    return;
  }
  QPalette dark;
  const QColor window(45, 45, 48), base(30, 30, 32), text(230, 230, 230), accent(64, 128, 220);
  dark.setColor(QPalette::Window, window);
  dark.setColor(QPalette::WindowText, text);
  dark.setColor(QPalette::Base, base);
  dark.setColor(QPalette::AlternateBase, window);
  dark.setColor(QPalette::ToolTipBase, base);
  dark.setColor(QPalette::ToolTipText, text);
  dark.setColor(QPalette::Text, text);
  dark.setColor(QPalette::Button, window);
  dark.setColor(QPalette::ButtonText, text);
  dark.setColor(QPalette::BrightText, Qt::red);
  dark.setColor(QPalette::Highlight, accent);
  dark.setColor(QPalette::HighlightedText, Qt::white);
  dark.setColor(QPalette::Link, accent.lighter(130));
  dark.setColor(QPalette::PlaceholderText, text.darker(160));
  for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
    dark.setColor(QPalette::Disabled, role, text.darker(200));
  app.setPalette(dark);
}

QStringList recentProjects() { return QSettings().value("projects/recent").toStringList(); }
void addRecentProject(const QString& folder) { prependUnique("projects/recent", QDir(folder).absolutePath(), 8); }
QStringList promptHistory() { return QSettings().value("scene/promptHistory").toStringList(); }
void addPromptToHistory(const QString& prompt) {
  if (!prompt.trimmed().isEmpty()) prependUnique("scene/promptHistory", prompt.trimmed(), 30);
}

}  // namespace settings
}  // namespace panocast
