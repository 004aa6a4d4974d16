#pragma once
// The studio's preferences, typed, over QSettings: where the user's models are, the device and
// precision for generation, language and theme, recent projects and prompt history.
#include <QString>
#include <QStringList>

#include <vector>

class QApplication;

namespace panocast {

// One model the studio can use: its settings key, what it is, and how to get it.
struct ModelSlot {
  QString key;         // "sd", "caa", …
  QString label;       // "Stable Diffusion 2"
  bool folder = false; // a folder (diffusers/transformers) rather than a file
  bool required = false;  // generation cannot run without it
  QString purpose;     // what it is for
  QString howToGet;    // where to download it, or how to make it
};
const std::vector<ModelSlot>& modelSlots();

enum class ModelStatus { NotSet, Found, Missing, Invalid };
struct ModelCheck {
  ModelStatus status = ModelStatus::NotSet;
  QString detail;  // what was found, or what is wrong
};
// A quick look on disk (no loading): the file or folder exists and has the expected layout.
ModelCheck checkModel(const ModelSlot& slot, const QString& path);
QString modelStatusName(ModelStatus status);

namespace settings {

QString modelPath(const QString& key);
void setModelPath(const QString& key, const QString& path);

QString device();      // "auto", "cpu", "cuda:0", …
void setDevice(const QString& device);
QString precision();   // "auto", "fp32", "fp16", "bf16"
void setPrecision(const QString& precision);

QString language();    // "" = the system's
void setLanguage(const QString& language);
QString theme();       // "system", "light" or "dark"
void setTheme(const QString& theme);
// Applies the theme to the running application (Fusion with a light or dark palette).
void applyTheme(QApplication& app, const QString& theme);

QStringList recentProjects();
void addRecentProject(const QString& folder);
QStringList promptHistory();
void addPromptToHistory(const QString& prompt);

}  // namespace settings
}  // namespace panocast
