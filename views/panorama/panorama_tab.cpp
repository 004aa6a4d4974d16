#include "panorama/panorama_tab.h"

#include <QAction>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QMessageBox>
#include <QSettings>
#include <QSpinBox>
#include <QStackedLayout>
#include <QToolBar>
#include <QVBoxLayout>

#include "qt_image.h"

namespace panocast {

PanoramaTab::PanoramaTab(QWidget* parent) : QWidget(parent) {
  viewer_ = new PanoramaViewer(this);
  auto* toolbar = new QToolBar(this);
  toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);

  openAction_ = toolbar->addAction(QIcon::fromTheme("document-open"), tr("Open…"), this, &PanoramaTab::chooseAndOpen);
  openAction_->setShortcut(QKeySequence::Open);
  openAction_->setToolTip(tr("Open an equirectangular image (PNG, JPEG, EXR, HDR)"));
  exportAction_ = toolbar->addAction(QIcon::fromTheme("document-save-as"), tr("Export view…"), this,
                                     &PanoramaTab::exportView);
  exportAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
  toolbar->addSeparator();

  toolbar->addWidget(new QLabel(tr("Projection:"), this));
  projection_ = new QComboBox(this);
  projection_->addItem(tr("Rectilinear"), int(Projection::Rectilinear));
  projection_->addItem(tr("Little planet (stereographic)"), int(Projection::Stereographic));
  projection_->addItem(tr("Panini"), int(Projection::Panini));
  toolbar->addWidget(projection_);
  connect(projection_, &QComboBox::currentIndexChanged, this, [this](int index) {
    viewer_->setProjection(Projection(projection_->itemData(index).toInt()));
  });

  resetAction_ = toolbar->addAction(QIcon::fromTheme("view-refresh"), tr("Reset view"), viewer_, &PanoramaViewer::resetView);
  resetAction_->setShortcut(QKeySequence(Qt::Key_Home));
  autoRotateAction_ = toolbar->addAction(QIcon::fromTheme("media-playback-start"), tr("Auto-rotate"));
  autoRotateAction_->setCheckable(true);
  autoRotateAction_->setToolTip(tr("Turn slowly after 3 s without input"));
  connect(autoRotateAction_, &QAction::toggled, viewer_, &PanoramaViewer::setAutoRotate);
  fullscreenAction_ = toolbar->addAction(QIcon::fromTheme("view-fullscreen"), tr("Fullscreen"), this,
                                         &PanoramaTab::toggleFullscreen);
  fullscreenAction_->setShortcut(QKeySequence::FullScreen);

  placeholder_ = new QLabel(tr("<h2>No panorama open</h2><p>Open an equirectangular image (File ▸ Open, Ctrl+O) "
                               "or generate a scene in the Scene tab.</p><p>Drag to look around, scroll to zoom, "
                               "arrow keys to turn, Home to reset.</p>"),
                            this);
  placeholder_->setAlignment(Qt::AlignCenter);
  placeholder_->setWordWrap(true);

  status_ = new QLabel(this);
  status_->setTextInteractionFlags(Qt::TextSelectableByMouse);

  auto* stack = new QStackedLayout;
  stack->setStackingMode(QStackedLayout::StackAll);
  stack->addWidget(placeholder_);
  stack->addWidget(viewer_);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(toolbar);
  layout->addLayout(stack, 1);
  layout->addWidget(status_);
  placeholder_->raise();

  connect(viewer_, &PanoramaViewer::viewChanged, this, &PanoramaTab::updateStatus);
  updateStatus(viewer_->viewState());
}

bool PanoramaTab::openPanorama(const QString& path) {
  QString error;
  const QImage image = loadImageForDisplay(path, &error);
  if (image.isNull()) {
    QMessageBox::warning(this, tr("Cannot open panorama"), error);
    return false;
  }
  if (image.width() != 2 * image.height()) {
    QMessageBox::warning(this, tr("Not an equirectangular panorama"),
                         tr("%1 is %2×%3 pixels. An equirectangular panorama is exactly twice as wide as it is "
                            "high (360° × 180°).")
                             .arg(QFileInfo(path).fileName())
                             .arg(image.width())
                             .arg(image.height()));
    return false;
  }
  viewer_->setPanorama(image);
  placeholder_->hide();
  currentFile_ = path;
  updateStatus(viewer_->viewState());
  Q_EMIT panoramaOpened(path);
  return true;
}

void PanoramaTab::chooseAndOpen() {
  QSettings settings;
  const QString path = QFileDialog::getOpenFileName(
      this, tr("Open panorama"), settings.value("panorama/lastFolder").toString(),
      tr("Panoramas (*.png *.jpg *.jpeg *.exr *.hdr);;All files (*)"));
  if (path.isEmpty()) return;
  settings.setValue("panorama/lastFolder", QFileInfo(path).absolutePath());
  openPanorama(path);
}

void PanoramaTab::exportView() {
  if (!viewer_->hasPanorama()) {
    QMessageBox::information(this, tr("Export view"), tr("Open a panorama first."));
    return;
  }
  QDialog dialog(this);
  dialog.setWindowTitle(tr("Export current view"));
  auto* width = new QSpinBox(&dialog);
  auto* height = new QSpinBox(&dialog);
  for (QSpinBox* box : {width, height}) box->setRange(16, 16384);
  width->setValue(viewer_->width() * 2);
  height->setValue(viewer_->height() * 2);
  auto* form = new QFormLayout(&dialog);
  form->addRow(tr("Width (pixels):"), width);
  form->addRow(tr("Height (pixels):"), height);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
  form->addRow(buttons);
  connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
  if (dialog.exec() != QDialog::Accepted) return;
  const QString path = QFileDialog::getSaveFileName(this, tr("Save view as"), "view.png", tr("PNG image (*.png)"));
  if (path.isEmpty()) return;
  const QImage image = viewer_->renderImage(QSize(width->value(), height->value()));
  if (image.isNull() || !image.save(path))
    QMessageBox::warning(this, tr("Export failed"), tr("Could not write %1.").arg(path));
}

void PanoramaTab::toggleFullscreen() {
  QWidget* window = this->window();
  window->setWindowState(window->windowState() ^ Qt::WindowFullScreen);
}

void PanoramaTab::updateStatus(const ViewState& state) {
  const QString file = currentFile_.isEmpty() ? tr("no panorama") : QFileInfo(currentFile_).fileName();
  status_->setText(tr("%1 — yaw %2°, pitch %3°, field of view %4°")
                       .arg(file)
                       .arg(state.yawDeg, 0, 'f', 1)
                       .arg(state.pitchDeg, 0, 'f', 1)
                       .arg(state.hfovDeg, 0, 'f', 0));
  const int index = projection_->findData(int(state.projection));
  if (index != projection_->currentIndex()) {
    QSignalBlocker block(projection_);
    projection_->setCurrentIndex(index);
  }
}

}  // namespace panocast
