#pragma once
// Settings: language, theme, device and precision (General), and the Models page, which shows
// for every model the studio can use whether it is installed, what it is for and how to get it.
#include <QDialog>
#include <QMap>

class QComboBox;
class QLabel;
class QLineEdit;

namespace panocast {

class SettingsDialog : public QDialog {
  Q_OBJECT
 public:
  explicit SettingsDialog(QWidget* parent = nullptr);

  QComboBox* languageBox() const { return language_; }
  QComboBox* themeBox() const { return theme_; }
  QLineEdit* modelPathEdit(const QString& key) const { return paths_.value(key); }
  QString modelStatusText(const QString& key) const;

  // Writes everything to QSettings and applies the theme. Returns true when the language changed
  // (it takes effect after a restart).
  bool apply();

 private:
  QWidget* createGeneralPage();
  QWidget* createModelsPage();
  void refreshStatus(const QString& key);

  QComboBox* language_;
  QComboBox* theme_;
  QComboBox* device_;
  QComboBox* precision_;
  QMap<QString, QLineEdit*> paths_;
  QMap<QString, QLabel*> status_;
};

// The languages the studio ships: code ("" = the system's) and native name.
QList<QPair<QString, QString>> studioLanguages();

}  // namespace panocast
