#pragma once
// The controls of a generation: method, scheduler, steps, guidance, seed (randomise, or lock it
// to repeat a result), device and precision. Defaults are MVDiffusion's (DDIM, 50 steps,
// guidance 9), so methods compare like for like.
#include <QJsonObject>
#include <QString>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QSpinBox;

namespace panocast {

struct GenerationSettings {
  QString method = "caa";
  QString scheduler = "ddim";
  int steps = 50;
  double guidance = 9.0;
  qint64 seed = 0;
  bool seedLocked = false;
  QString device = "auto";
  QString precision = "auto";

  QJsonObject toJson() const;
  static GenerationSettings fromJson(const QJsonObject& json);  // missing fields keep defaults
};

class GenerationForm : public QWidget {
  Q_OBJECT
 public:
  explicit GenerationForm(QWidget* parent = nullptr);

  GenerationSettings settings() const;
  void setSettings(const GenerationSettings& settings);
  // The seed for this run (the one shown); unless locked, a new one is then drawn for the next.
  qint64 nextSeed();
  void resetToPreset();

  QComboBox* methodBox() const { return method_; }
  QComboBox* deviceBox() const { return device_; }
  QSpinBox* stepsBox() const { return steps_; }
  QSpinBox* seedBox() const { return seed_; }
  QCheckBox* seedLock() const { return lock_; }

 Q_SIGNALS:
  void changed();

 private:
  QComboBox* method_;
  QComboBox* scheduler_;
  QSpinBox* steps_;
  QDoubleSpinBox* guidance_;
  QSpinBox* seed_;
  QCheckBox* lock_;
  QComboBox* device_;
  QComboBox* precision_;
};

// "caa" → "CAA (MVDiffusion)", for labels.
QString methodLabel(const QString& method);

}  // namespace panocast
