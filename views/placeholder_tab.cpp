#include "placeholder_tab.h"

#include <QLabel>
#include <QVBoxLayout>

namespace panocast {

PlaceholderTab::PlaceholderTab(const QString& title, const QString& plannedFeatures, QWidget* parent)
    : QWidget(parent) {
  auto* label = new QLabel(
      QStringLiteral("<h2>%1</h2><p><i>%2</i></p>%3").arg(title, tr("Not available in this version yet."), plannedFeatures),
      this);
  label->setWordWrap(true);
  label->setAlignment(Qt::AlignTop | Qt::AlignLeft);
  label->setTextFormat(Qt::RichText);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(32, 24, 32, 24);
  layout->addWidget(label);
  layout->addStretch();
}

}  // namespace panocast
