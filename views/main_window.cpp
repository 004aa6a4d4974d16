#include "main_window.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>

#if PANOCAST_VIEWS_LIVE
#include "live/live_tab.h"
#endif
#include "panorama/panorama_tab.h"
#include "placeholder_tab.h"
#include "resources_init.h"
#include "runtime/version.h"

namespace panocast {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
  panocastInitViewResources();
  setWindowTitle(tr("PanoCast Studio"));
  setWindowIcon(QIcon(":/icons/panocast.svg"));
  tabs_ = new QTabWidget(this);
  tabs_->setDocumentMode(true);
  panoramaTab_ = new PanoramaTab(this);
#if PANOCAST_VIEWS_LIVE
  liveTab_ = new LiveTab(this);
#endif

  tabs_->addTab(new PlaceholderTab(tr("Scene"),
                                   tr("<p>Type a scene and generate eight consistent 90° views with Stable Diffusion 2 "
                                      "and MVDiffusion's correspondence-aware attention, stitched into a 360° "
                                      "panorama:</p><ul><li>one prompt or eight per-view prompts, negative prompt, "
                                      "presets</li><li>method: independent baseline, CAA, MultiDiffusion, shared "
                                      "attention</li><li>scheduler, steps, guidance, seed, device, precision</li>"
                                      "<li>live previews of every view while sampling, with cancel</li></ul>"),
                                   this),
                tr("Scene"));
  tabs_->addTab(panoramaTab_, tr("Panorama"));
#if PANOCAST_VIEWS_LIVE
  tabs_->addTab(liveTab_, tr("Live"));
#else
  tabs_->addTab(new PlaceholderTab(tr("Live"), tr("<p>This build has no OpenCV, which live video needs.</p>"), this),
                tr("Live"));
#endif
  tabs_->addTab(new PlaceholderTab(tr("Metrics"),
                                   tr("<p>Score generated panoramas against a reference folder: FID, Inception "
                                      "Score, KID, CLIP score, and view consistency (overlap PSNR/SSIM between "
                                      "neighbouring views, 360° wrap seam), with charts and CSV/JSON export.</p>"),
                                   this),
                tr("Metrics"));
  tabs_->addTab(new PlaceholderTab(tr("Compare"),
                                   tr("<p>Two runs side by side (same prompts and seed, different methods): "
                                      "synchronised 3D viewers, the eight views in two rows, and a heat map of the "
                                      "overlap error at the seams.</p>"),
                                   this),
                tr("Compare"));
  tabs_->setCurrentWidget(panoramaTab_);
  setCentralWidget(tabs_);
  createMenus();
  statusBar()->showMessage(tr("Ready"));

  QSettings settings;
  if (!restoreGeometry(settings.value("window/geometry").toByteArray())) resize(1280, 800);
  connect(panoramaTab_, &PanoramaTab::panoramaOpened, this, [this](const QString& path) {
    statusBar()->showMessage(tr("Opened %1").arg(path), 5000);
#if PANOCAST_VIEWS_LIVE
    liveTab_->setPanorama(path);  // the scene the user looks at becomes the live background
#endif
  });
}

bool MainWindow::openPanorama(const QString& path) {
  tabs_->setCurrentWidget(panoramaTab_);
  return panoramaTab_->openPanorama(path);
}

void MainWindow::createMenus() {
  QMenu* file = menuBar()->addMenu(tr("&File"));
  file->addAction(panoramaTab_->openAction());
  file->addAction(panoramaTab_->exportAction());
  file->addSeparator();
  QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
  quit->setShortcut(QKeySequence::Quit);

  QMenu* view = menuBar()->addMenu(tr("&View"));
  view->addAction(panoramaTab_->resetAction());
  view->addAction(panoramaTab_->autoRotateAction());
  view->addAction(panoramaTab_->fullscreenAction());
  QMenu* projection = view->addMenu(tr("&Projection"));
  auto* group = new QActionGroup(this);
  const std::pair<Projection, QString> projections[] = {{Projection::Rectilinear, tr("&Rectilinear")},
                                                        {Projection::Stereographic, tr("&Little planet")},
                                                        {Projection::Panini, tr("&Panini")}};
  int key = Qt::Key_1;
  for (const auto& [value, label] : projections) {
    QAction* action = projection->addAction(label);
    action->setCheckable(true);
    action->setChecked(value == Projection::Rectilinear);
    action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(key++)));
    group->addAction(action);
    connect(action, &QAction::triggered, this, [this, value = value] {
      panoramaTab_->viewer()->setProjection(value);
    });
  }
  QMenu* go = menuBar()->addMenu(tr("&Go"));
  const QString names[] = {tr("&Scene"), tr("&Panorama"), tr("&Live"), tr("&Metrics"), tr("&Compare")};
  for (int i = 0; i < 5; ++i) {
    QAction* action = go->addAction(names[i], this, [this, i] { tabs_->setCurrentIndex(i); });
    action->setShortcut(QKeySequence(Qt::ALT | Qt::Key(Qt::Key_1 + i)));
  }

  QMenu* help = menuBar()->addMenu(tr("&Help"));
  help->addAction(tr("&About PanoCast Studio"), this, &MainWindow::showAbout);
  help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::showAbout() {
  QMessageBox::about(this, tr("About PanoCast Studio"),
                     tr("<h3>PanoCast Studio %1</h3><p>Text to 360° scenes with multi-view diffusion, and a live "
                        "camera-aware panorama background.</p><pre>%2</pre>")
                         .arg(QString::fromStdString(productVersion()),
                              QString::fromStdString(buildDescription()).toHtmlEscaped()));
}

void MainWindow::closeEvent(QCloseEvent* event) {
  QSettings settings;
  settings.setValue("window/geometry", saveGeometry());
  event->accept();
}

}  // namespace panocast
