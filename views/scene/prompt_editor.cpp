#include "scene/prompt_editor.h"

#include <QComboBox>
#include <QDir>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QStackedWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include "scene/prompt_presets.h"
#include "settings/app_settings.h"
#include "text/clip_tokenizer.h"

namespace panocast {
namespace {
constexpr int kKeptTokens = ClipTokenizer::kContextLength - 2;  // start and end tokens take two
}

PromptEditor::PromptEditor(int views, QWidget* parent) : QWidget(parent), views_(views) {
  mode_ = new QComboBox(this);
  mode_->addItem(tr("One prompt for all views"));
  mode_->addItem(tr("One prompt per view"));
  presets_ = new QComboBox(this);
  presets_->addItem(tr("Presets…"));
  for (const auto& preset : promptPresets()) presets_->addItem(preset.name);
  history_ = new QComboBox(this);
  history_->setMinimumContentsLength(20);
  history_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
  reloadHistory();

  shared_ = new QPlainTextEdit(this);
  shared_->setPlaceholderText(tr("Describe the scene in English (the text encoder reads English), e.g. a well-lit living room with large windows"));
  table_ = new QTableWidget(views, 1, this);
  table_->setHorizontalHeaderLabels({tr("Prompt")});
  table_->horizontalHeader()->setStretchLastSection(true);
  QStringList yaws;
  for (int v = 0; v < views; ++v) yaws << QStringLiteral("%1°").arg(360 * v / views);
  table_->setVerticalHeaderLabels(yaws);
  for (int v = 0; v < views; ++v) table_->setItem(v, 0, new QTableWidgetItem);
  stack_ = new QStackedWidget(this);
  stack_->addWidget(shared_);
  stack_->addWidget(table_);
  negative_ = new QLineEdit(this);
  negative_->setPlaceholderText(tr("What to avoid (optional)"));
  counter_ = new QLabel(this);
  counter_->setWordWrap(true);

  auto* top = new QHBoxLayout;
  top->addWidget(mode_);
  top->addWidget(presets_);
  top->addWidget(history_, 1);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addLayout(top);
  layout->addWidget(stack_, 1);
  layout->addWidget(counter_);
  auto* negativeRow = new QFormLayout;
  negativeRow->addRow(tr("&Negative prompt:"), negative_);
  layout->addLayout(negativeRow);

  connect(mode_, &QComboBox::currentIndexChanged, this, [this](int index) {
    stack_->setCurrentIndex(index);
    updateTokenCount();
    Q_EMIT changed();
  });
  connect(presets_, &QComboBox::activated, this, [this](int index) {
    if (index > 0) applyPreset(index - 1);
    presets_->setCurrentIndex(0);
  });
  connect(history_, &QComboBox::activated, this, [this](int index) {
    if (index > 0) setPrompts({history_->itemData(index).toString()});
    history_->setCurrentIndex(0);
  });
  connect(shared_, &QPlainTextEdit::textChanged, this, [this] {
    updateTokenCount();
    Q_EMIT changed();
  });
  connect(table_, &QTableWidget::itemChanged, this, [this] {
    updateTokenCount();
    Q_EMIT changed();
  });
  connect(negative_, &QLineEdit::textChanged, this, [this] {
    updateTokenCount();
    Q_EMIT changed();
  });
  updateTokenCount();
}

PromptEditor::~PromptEditor() = default;

bool PromptEditor::perView() const { return mode_->currentIndex() == 1; }
void PromptEditor::setPerView(bool perView) { mode_->setCurrentIndex(perView ? 1 : 0); }

QStringList PromptEditor::prompts() const {
  if (!perView()) return {shared_->toPlainText().trimmed()};
  QStringList list;
  for (int v = 0; v < views_; ++v) list << table_->item(v, 0)->text().trimmed();
  return list;
}

void PromptEditor::setPrompts(const QStringList& prompts) {
  if (prompts.size() == views_) {
    for (int v = 0; v < views_; ++v) table_->item(v, 0)->setText(prompts[v]);
    setPerView(true);
  } else {
    shared_->setPlainText(prompts.value(0));
    setPerView(false);
  }
}

QString PromptEditor::negativePrompt() const { return negative_->text().trimmed(); }
void PromptEditor::setNegativePrompt(const QString& text) { negative_->setText(text); }

void PromptEditor::applyPreset(int index) {
  const auto& presets = promptPresets();
  if (index < 0 || index >= int(presets.size())) return;
  setPrompts(presets[index].prompts);
  setNegativePrompt(presets[index].negativePrompt);
}

void PromptEditor::setTokenizerFolder(const QString& folder) {
  tokenizer_.reset();
  tokenizerError_.clear();
  if (folder.isEmpty()) {
    tokenizerError_ = tr("no model set: tokens are counted once a model is chosen in Settings");
  } else {
    try {
      tokenizer_ = std::make_unique<ClipTokenizer>(folder.toStdString());
    } catch (const std::exception& e) {
      tokenizerError_ = tr("tokens cannot be counted: %1").arg(QString::fromStdString(e.what()));
    }
  }
  updateTokenCount();
}

void PromptEditor::rememberPrompts() {
  if (!perView()) settings::addPromptToHistory(prompts().value(0));
  reloadHistory();
}

void PromptEditor::reloadHistory() {
  history_->clear();
  history_->addItem(tr("Recent prompts…"));
  for (const auto& prompt : settings::promptHistory())
    history_->addItem(prompt.size() > 60 ? prompt.left(57) + "…" : prompt, prompt);
  history_->setEnabled(history_->count() > 1);
}

QString PromptEditor::describeTokens(const QString& prompt, QString* plain) const {
  const int tokens = tokenizer_->countTokens(prompt.toStdString());
  *plain = tr("%1 / %2 tokens").arg(tokens).arg(kKeptTokens);
  if (tokens <= kKeptTokens) return plain->toHtmlEscaped();
  // The longest run of whole words that fits: everything after it is cut.
  const QStringList words = prompt.split(QRegularExpression("\\s+"), Qt::SkipEmptyParts);
  int kept = 0;
  while (kept < words.size() && tokenizer_->countTokens(words.mid(0, kept + 1).join(' ').toStdString()) <= kKeptTokens) ++kept;
  const QString cut = words.mid(kept).join(' ');
  *plain += " — " + tr("cut after \"%1\"; ignored: \"%2\"").arg(words.value(kept - 1), cut);
  return QStringLiteral("<span style='color:#c0392b'>%1</span>").arg(plain->toHtmlEscaped());
}

void PromptEditor::updateTokenCount() {
  if (!tokenizer_) {
    counterPlain_ = tokenizerError_;
    counter_->setText(QStringLiteral("<small>%1</small>").arg(counterPlain_.toHtmlEscaped()));
    return;
  }
  QStringList html, plain;
  const QStringList list = prompts();
  for (int i = 0; i < list.size(); ++i) {
    if (list[i].isEmpty()) continue;
    QString text;
    const QString rich = describeTokens(list[i], &text);
    const QString label = perView() ? QStringLiteral("%1°: ").arg(360 * i / views_) : QString();
    // Per view, only rows that are cut are worth a line; the longest otherwise.
    if (perView() && !text.contains("—")) continue;
    html << label.toHtmlEscaped() + rich;
    plain << label + text;
  }
  if (perView() && plain.isEmpty()) {
    int longest = 0;
    for (const auto& p : list) longest = qMax(longest, tokenizer_->countTokens(p.toStdString()));
    plain << tr("longest: %1 / %2 tokens").arg(longest).arg(kKeptTokens);
    html << plain.last().toHtmlEscaped();
  }
  if (!negativePrompt().isEmpty()) {
    QString text;
    html << tr("negative: ").toHtmlEscaped() + describeTokens(negativePrompt(), &text);
    plain << tr("negative: ") + text;
  }
  counterPlain_ = plain.join("\n");
  counter_->setText(QStringLiteral("<small>%1</small>").arg(html.join("<br>")));
}

QString PromptEditor::tokenReport() const { return counterPlain_; }

}  // namespace panocast
