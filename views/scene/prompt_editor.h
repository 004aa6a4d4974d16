#pragma once
// The prompt editor: one prompt for all views or one per view (a table, one row per yaw), the
// negative prompt, presets, the prompt history, and a token counter that shows where CLIP's
// 77-token window cuts a prompt (the words after the cut are ignored by the model).
#include <QStringList>
#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QStackedWidget;
class QTableWidget;

namespace panocast {

class ClipTokenizer;

class PromptEditor : public QWidget {
  Q_OBJECT
 public:
  explicit PromptEditor(int views, QWidget* parent = nullptr);
  ~PromptEditor() override;

  bool perView() const;
  void setPerView(bool perView);
  // One prompt (all views) or one per view, as the mode says; rows left empty stay empty.
  QStringList prompts() const;
  void setPrompts(const QStringList& prompts);  // 1 → one for all; `views` → per view
  QString negativePrompt() const;
  void setNegativePrompt(const QString& text);
  void applyPreset(int index);

  // The model's tokenizer folder (…/tokenizer); empty or unreadable: the counter says so.
  void setTokenizerFolder(const QString& folder);
  // Adds the current prompts to the history (after a generation starts).
  void rememberPrompts();
  QString tokenReport() const;  // the counter's text, without markup

  QPlainTextEdit* sharedPromptEdit() const { return shared_; }
  QTableWidget* perViewTable() const { return table_; }
  QComboBox* modeBox() const { return mode_; }
  QComboBox* presetBox() const { return presets_; }

 Q_SIGNALS:
  void changed();

 private:
  void updateTokenCount();
  void reloadHistory();
  // "N / 75 tokens", and where the prompt is cut when it is too long.
  QString describeTokens(const QString& prompt, QString* plain) const;

  int views_;
  QComboBox* mode_;
  QComboBox* presets_;
  QComboBox* history_;
  QStackedWidget* stack_;
  QPlainTextEdit* shared_;
  QTableWidget* table_;
  QLineEdit* negative_;
  QLabel* counter_;
  QString counterPlain_;
  std::unique_ptr<ClipTokenizer> tokenizer_;
  QString tokenizerError_;
};

}  // namespace panocast
