#include "main_window.h"

#include <QDateTime>
#include <QDir>
#include <QJsonDocument>
#include <QSaveFile>

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenuBar>
#include <QMessageBox>
#include <QProcess>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>

#include "jobs/job_panel.h"
#include "jobs/job_queue.h"
#if PANOCAST_VIEWS_LIVE
#include "live/live_tab.h"
#endif
#if PANOCAST_VIEWS_SCENE
#include "scene/scene_tab.h"
#endif
#include "compare/compare_tab.h"
#include "metrics/metrics_tab.h"
#include "panorama/panorama_tab.h"
#include "placeholder_tab.h"
#include "project/project_session.h"
#include "resources_init.h"
#include "runtime/version.h"
#include "settings/app_settings.h"
#include "settings/settings_dialog.h"

namespace panocast {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
  panocastInitViewResources();
  setWindowIcon(QIcon(":/icons/panocast.svg"));
  jobs_ = new JobQueue(this);
  project_ = new ProjectSession(this);
  tabs_ = new QTabWidget(this);
  tabs_->setDocumentMode(true);
  panoramaTab_ = new PanoramaTab(this);

#if PANOCAST_VIEWS_SCENE
  sceneTab_ = new SceneTab(jobs_, this);
  sceneTab_->setProjectFolder(project_->folder());
  tabs_->addTab(sceneTab_, tr("Scene"));
  connect(sceneTab_, &SceneTab::runFinished, this, &MainWindow::onRunFinished);
  connect(sceneTab_, &SceneTab::changed, this, [this] { project_->setModified(); });
#else
  tabs_->addTab(new PlaceholderTab(tr("Scene"), tr("<p>This build has no text engine (ICU), which generation needs.</p>"), this),
                tr("Scene"));
#endif
  tabs_->addTab(panoramaTab_, tr("Panorama"));
#if PANOCAST_VIEWS_LIVE
  liveTab_ = new LiveTab(this);
  tabs_->addTab(liveTab_, tr("Live"));
  connect(liveTab_, &LiveTab::recordingFinished, this, [this](const QString& path, int) { project_->addRecording(path); });
#else
  tabs_->addTab(new PlaceholderTab(tr("Live"), tr("<p>This build has no OpenCV, which live video needs.</p>"), this),
                tr("Live"));
#endif
  metricsTab_ = new MetricsTab(jobs_, this);
  tabs_->addTab(metricsTab_, tr("Metrics"));
  connect(metricsTab_, &MetricsTab::resultsReady, this, &MainWindow::onMetricsReady);
  compareTab_ = new CompareTab(jobs_, this);
  tabs_->addTab(compareTab_, tr("Compare"));
  tabs_->setCurrentIndex(0);
  setCentralWidget(tabs_);

  jobPanel_ = new JobPanel(jobs_, this);
  jobDock_ = new QDockWidget(tr("Jobs"), this);
  jobDock_->setObjectName("jobs");
  jobDock_->setWidget(jobPanel_);
  addDockWidget(Qt::BottomDockWidgetArea, jobDock_);

  createMenus();
  statusBar()->showMessage(tr("Ready"));
  QSettings settings;
  if (!restoreGeometry(settings.value("window/geometry").toByteArray())) resize(1280, 860);
  if (!restoreState(settings.value("window/state").toByteArray()))
    resizeDocks({jobDock_}, {150}, Qt::Vertical);  // the views and viewers get the room
  connect(panoramaTab_, &PanoramaTab::panoramaOpened, this, [this](const QString& path) {
    statusBar()->showMessage(tr("Opened %1").arg(path), 5000);
#if PANOCAST_VIEWS_LIVE
    liveTab_->setPanorama(path);  // the scene the user looks at becomes the live background
#endif
  });
  connect(project_, &ProjectSession::changed, this, &MainWindow::updateTitle);
  connect(project_, &ProjectSession::runsChanged, this,
          [this] {
            metricsTab_->setProjectRuns(project_->folder(), project_->project().runs);
            compareTab_->setProjectRuns(project_->folder(), project_->project().runs);
          });
  connect(jobs_, &JobQueue::jobEnded, this, [this](int, JobState state, const QString& message) {
    if (state == JobState::Failed) statusBar()->showMessage(tr("A job failed: %1").arg(message), 10000);
  });
  updateTitle();
}

MainWindow::~MainWindow() {
  // Jobs call back into the tabs: stop them before any tab goes away.
  jobs_->cancelAll();
  jobs_->waitForIdle();
}

bool MainWindow::openPanorama(const QString& path) {
  tabs_->setCurrentWidget(panoramaTab_);
  return panoramaTab_->openPanorama(path);
}

void MainWindow::onRunFinished(const ProjectRun& run, const QString& panoramaPath) {
#if PANOCAST_VIEWS_SCENE
  sceneTab_->storeInto(project_->project());
#endif
  project_->addRun(run, project_->relative(panoramaPath));
  try {
    project_->save();  // a finished run is worth keeping at once
  } catch (const std::exception& e) {
    showProblem(tr("Cannot save the project"), QString::fromStdString(e.what()));
  }
  panoramaTab_->openPanorama(panoramaPath);
#if PANOCAST_VIEWS_SCENE
  if (!sceneTab_->isBusy()) tabs_->setCurrentWidget(panoramaTab_);  // look around once the last run is in
#endif
}

void MainWindow::newProject() {
  project_->saveIfUseful();
  project_->newUntitled();
#if PANOCAST_VIEWS_SCENE
  sceneTab_->setProjectFolder(project_->folder());
  sceneTab_->restoreFrom(project_->project());
  project_->setModified(false);
#endif
}

bool MainWindow::openProject(const QString& folder) {
  try {
    project_->saveIfUseful();
    projectProblems_ = project_->open(folder);
  } catch (const std::exception& e) {
    showProblem(tr("Cannot open the project"), QString::fromStdString(e.what()));
    return false;
  }
#if PANOCAST_VIEWS_SCENE
  sceneTab_->setProjectFolder(project_->folder());
  sceneTab_->restoreFrom(project_->project());
#endif
  if (!project_->project().panorama.isEmpty()) panoramaTab_->openPanorama(project_->absolute(project_->project().panorama));
  project_->setModified(false);
  rebuildRecentMenu();
  if (!projectProblems_.isEmpty())
    showProblem(tr("The project opened with problems"),
                tr("Some parts of %1 could not be opened:\n• %2").arg(folder, projectProblems_.join("\n• ")));
  statusBar()->showMessage(tr("Opened project %1").arg(project_->displayName()), 5000);
  return true;
}

bool MainWindow::saveProject() {
  if (project_->isUntitled()) {
    const QString folder = QFileDialog::getSaveFileName(this, tr("Save project as"), QDir::homePath(), {}, nullptr,
                                                        QFileDialog::ShowDirsOnly);
    return !folder.isEmpty() && saveProjectAs(folder);
  }
#if PANOCAST_VIEWS_SCENE
  sceneTab_->storeInto(project_->project());
#endif
  try {
    project_->save();
  } catch (const std::exception& e) {
    showProblem(tr("Cannot save the project"), QString::fromStdString(e.what()));
    return false;
  }
  statusBar()->showMessage(tr("Saved %1").arg(project_->folder()), 5000);
  return true;
}

bool MainWindow::saveProjectAs(const QString& folder) {
#if PANOCAST_VIEWS_SCENE
  if (sceneTab_->isBusy()) {
    showProblem(tr("Cannot move the project now"), tr("A generation is writing into the project; wait for it or cancel it."));
    return false;
  }
  sceneTab_->storeInto(project_->project());
#endif
  try {
    project_->saveAs(folder);
  } catch (const std::exception& e) {
    showProblem(tr("Cannot save the project"), QString::fromStdString(e.what()));
    return false;
  }
#if PANOCAST_VIEWS_SCENE
  sceneTab_->setProjectFolder(project_->folder());
#endif
  if (!project_->project().panorama.isEmpty()) panoramaTab_->openPanorama(project_->absolute(project_->project().panorama));
  rebuildRecentMenu();
  statusBar()->showMessage(tr("Saved %1").arg(project_->folder()), 5000);
  return true;
}

void MainWindow::onMetricsReady(const QJsonObject& reports) {
  // Kept with the project: metrics/<time>.json holds every method's report.
  const QString relative = "metrics/" + QDateTime::currentDateTime().toString("yyyyMMdd-HHmmss") + ".json";
  const QString path = project_->absolute(relative);
  QDir().mkpath(QFileInfo(path).path());
  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(reports).toJson()) < 0 || !file.commit()) {
    showProblem(tr("Cannot save the metrics"), tr("%1: %2").arg(path, file.errorString()));
    return;
  }
  project_->addMetrics(relative);
  statusBar()->showMessage(tr("Metrics saved in %1").arg(path), 5000);
}

void MainWindow::updateTitle() {
  setWindowTitle(tr("%1[*] — PanoCast Studio").arg(project_->displayName()));
  setWindowModified(project_->isModified());
}

void MainWindow::showProblem(const QString& title, const QString& text) {
  // Not modal: a message never blocks the jobs or the window (nor a test driving it).
  auto* box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, this);
  box->setAttribute(Qt::WA_DeleteOnClose);
  box->setObjectName("problem");
  box->show();
}

void MainWindow::createMenus() {
  QMenu* file = menuBar()->addMenu(tr("&File"));
  createProjectMenu(file);
  file->addSeparator();
  file->addAction(panoramaTab_->openAction());
  file->addAction(panoramaTab_->exportAction());
  file->addSeparator();
  QAction* settingsAction = file->addAction(tr("Se&ttings…"), this, &MainWindow::showSettings);
  settingsAction->setShortcut(QKeySequence::Preferences);
  settingsAction->setMenuRole(QAction::PreferencesRole);
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
    connect(action, &QAction::triggered, this, [this, value = value] { panoramaTab_->viewer()->setProjection(value); });
  }
  view->addSeparator();
  QAction* jobsAction = jobDock_->toggleViewAction();
  jobsAction->setText(tr("&Jobs"));
  jobsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_J));
  view->addAction(jobsAction);

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

void MainWindow::createProjectMenu(QMenu* file) {
  file->addAction(tr("&New Project"), QKeySequence::New, this, &MainWindow::newProject);
  // Ctrl+O stays with opening a panorama (the Panorama tab says so); projects take Ctrl+Shift+O.
  file->addAction(tr("&Open Project…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O), this, [this] {
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Open project folder"), QDir::homePath());
    if (!folder.isEmpty()) openProject(folder);
  });
  recentMenu_ = file->addMenu(tr("Open &Recent"));
  rebuildRecentMenu();
  file->addAction(tr("&Save Project"), QKeySequence::Save, this, [this] { saveProject(); });
  file->addAction(tr("Save Project &As…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S), this, [this] {
    const QString folder = QFileDialog::getSaveFileName(this, tr("Save project as"), QDir::homePath(), {}, nullptr,
                                                        QFileDialog::ShowDirsOnly);
    if (!folder.isEmpty()) saveProjectAs(folder);
  });
}

void MainWindow::rebuildRecentMenu() {
  if (!recentMenu_) return;
  recentMenu_->clear();
  for (const auto& folder : settings::recentProjects())
    recentMenu_->addAction(folder, this, [this, folder] { openProject(folder); });
  recentMenu_->setEnabled(!recentMenu_->isEmpty());
}

void MainWindow::showSettings() {
  SettingsDialog dialog(this);
  if (dialog.exec() != QDialog::Accepted) return;
  const bool languageChanged = dialog.apply();
#if PANOCAST_VIEWS_SCENE
  sceneTab_->reloadModelSettings();
#endif
  if (!languageChanged) return;
  const auto answer = QMessageBox::question(this, tr("Language"),
                                            tr("The new language applies after a restart. Restart PanoCast Studio now?"));
  if (answer != QMessageBox::Yes) return;
  if (!close()) return;  // saves the project, cancels jobs
  QProcess::startDetached(QApplication::applicationFilePath(), QApplication::arguments().mid(1));
}

void MainWindow::showAbout() {
  QMessageBox::about(this, tr("About PanoCast Studio"),
                     tr("<h3>PanoCast Studio %1</h3><p>Text to 360° scenes with multi-view diffusion, and a live "
                        "camera-aware panorama background.</p><pre>%2</pre>")
                         .arg(QString::fromStdString(productVersion()),
                              QString::fromStdString(buildDescription()).toHtmlEscaped()));
}

void MainWindow::closeEvent(QCloseEvent* event) {
  if (jobs_->activeCount()) {
    statusBar()->showMessage(tr("Cancelling running jobs…"));
    jobs_->cancelAll();
    jobs_->waitForIdle();
  }
#if PANOCAST_VIEWS_SCENE
  sceneTab_->storeInto(project_->project());
#endif
  try {
    project_->saveIfUseful();
  } catch (const std::exception&) {
    // Closing must not fail; the runs themselves are already on disk.
  }
  QSettings settings;
  settings.setValue("window/geometry", saveGeometry());
  settings.setValue("window/state", saveState());
  event->accept();
}

}  // namespace panocast
