#include "scene/view_grid.h"

#include <QDialog>
#include <QGridLayout>
#include <QLabel>
#include <QMouseEvent>
#include <QPainter>
#include <QVBoxLayout>

namespace panocast {

ViewTile::ViewTile(int index, const QString& caption, QWidget* parent) : QWidget(parent), index_(index), caption_(caption) {
  setMinimumSize(96, 96);
  setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
  setCursor(Qt::PointingHandCursor);
  setToolTip(tr("Click to open the view large"));
}

void ViewTile::setImage(const QImage& image, bool preview) {
  image_ = image;
  preview_ = preview;
  update();
}

void ViewTile::setCaption(const QString& caption) {
  caption_ = caption;
  update();
}

void ViewTile::clear() {
  image_ = {};
  preview_ = false;
  update();
}

void ViewTile::paintEvent(QPaintEvent*) {
  QPainter painter(this);
  painter.setRenderHint(QPainter::SmoothPixmapTransform);
  const QRect area = rect().adjusted(2, 2, -2, -2);
  painter.fillRect(area, palette().color(QPalette::Base));
  if (!image_.isNull()) {
    const QSize fitted = image_.size().scaled(area.size(), Qt::KeepAspectRatio);
    const QRect target(area.center() - QPoint(fitted.width() / 2, fitted.height() / 2), fitted);
    painter.drawImage(target, image_);
  }
  // Caption: the view's yaw, and whether this is still the sampling preview.
  const QString text = preview_ ? tr("%1 · preview").arg(caption_) : caption_;
  QFont font = painter.font();
  font.setBold(true);
  painter.setFont(font);
  const QRect label = painter.fontMetrics().boundingRect(text).adjusted(-6, -3, 6, 3).translated(area.topLeft() + QPoint(8, 8 + painter.fontMetrics().ascent()));
  painter.fillRect(label, QColor(0, 0, 0, 150));
  painter.setPen(Qt::white);
  painter.drawText(label, Qt::AlignCenter, text);
  painter.setPen(palette().color(QPalette::Mid));
  painter.drawRect(area.adjusted(0, 0, -1, -1));
}

void ViewTile::mouseReleaseEvent(QMouseEvent* event) {
  if (event->button() == Qt::LeftButton && !image_.isNull()) Q_EMIT clicked(index_);
}

ViewGrid::ViewGrid(int views, QWidget* parent, int rows) : QWidget(parent) {
  auto* grid = new QGridLayout(this);
  grid->setContentsMargins(0, 0, 0, 0);
  grid->setSpacing(4);
  const int columns = (views + rows - 1) / rows;
  for (int v = 0; v < views; ++v) {
    auto* tile = new ViewTile(v, tr("yaw %1°").arg(360 * v / views), this);
    connect(tile, &ViewTile::clicked, this, &ViewGrid::viewClicked);
    grid->addWidget(tile, v / columns, v % columns);
    tiles_.push_back(tile);
  }
}

void ViewGrid::setPreviews(const std::vector<QImage>& images) {
  for (size_t v = 0; v < images.size() && v < tiles_.size(); ++v) tiles_[v]->setImage(images[v], true);
}

void ViewGrid::setViews(const std::vector<QImage>& images) {
  for (size_t v = 0; v < images.size() && v < tiles_.size(); ++v) tiles_[v]->setImage(images[v], false);
}

void ViewGrid::clear() {
  for (auto* tile : tiles_) tile->clear();
}

void showViewLarge(QWidget* parent, const QImage& image, const QString& title) {
  auto* dialog = new QDialog(parent);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  dialog->setWindowTitle(title);
  auto* label = new QLabel(dialog);
  label->setPixmap(QPixmap::fromImage(image.width() < 512 ? image.scaled(512, 512, Qt::KeepAspectRatio, Qt::SmoothTransformation) : image));
  label->setAlignment(Qt::AlignCenter);
  auto* layout = new QVBoxLayout(dialog);
  layout->addWidget(label);
  dialog->show();
}

}  // namespace panocast
