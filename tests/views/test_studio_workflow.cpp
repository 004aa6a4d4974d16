// The studio as a new user meets it, with the tiny test model standing in for Stable Diffusion 2:
// point Settings at the model, type a scene, generate with progress and live previews, see the
// eight views and the panorama in the Panorama tab, cancel a long run, get readable errors, run
// baseline and CAA with one seed, save the project, reopen it (also when damaged), and switch
// the language.
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QSurfaceFormat>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

#include "jobs/job_queue.h"
#include "main_window.h"
#include "panorama/panorama_tab.h"
#include "project/project.h"
#include "project/project_session.h"
#include "scene/generation_form.h"
#include "scene/prompt_editor.h"
#include "scene/scene_tab.h"
#include "scene/view_grid.h"
#include "settings/app_settings.h"
#include "settings/settings_dialog.h"
#include "support/fixtures.h"
#include "translations.h"

using namespace panocast;

namespace {
QString fixturePath(const char* relative) { return QString::fromStdString(test::fixture(relative).string()); }

QString screenshotPath(const QString& name) {
  const QByteArray folder = qgetenv("PANOCAST_SCREENSHOTS");
  const QDir dir(folder.isEmpty() ? QStringLiteral(PANOCAST_BINARY_DIR "/screenshots") : QString::fromLocal8Bit(folder));
  dir.mkpath(".");
  return dir.filePath(name);
}

// A quick, deterministic set-up: the tiny model, a few steps on the CPU.
void configure(SceneTab* scene, const QString& method, int steps) {
  settings::setModelPath("sd", fixturePath("sd/tiny-sd2"));
  settings::setModelPath("caa", fixturePath("caa/tiny_caa.safetensors"));
  scene->reloadModelSettings();
  auto s = scene->form()->settings();
  s.method = method;
  s.steps = steps;
  s.device = "cpu";
  s.precision = "fp32";
  s.seed = 1234;
  s.seedLocked = true;
  scene->form()->setSettings(s);
}

bool viewsShown(ViewGrid* grid) {
  for (int v = 0; v < grid->count(); ++v)
    if (grid->tile(v)->image().isNull() || grid->tile(v)->isPreview()) return false;
  return true;
}
}  // namespace

class StudioWorkflowTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void init();
  void generatesAPanoramaWithProgressAndPreviews();
  void cancelsALongRunAndLeavesNothingBehind();
  void explainsWhatIsMissing();
  void baselineAndCaaShareTheSeed();
  void savesAndReopensTheProject();
  void opensADamagedProject();
  void tokenCounterShowsWhereThePromptIsCut();
  void settingsShowWhichModelsAreInstalled();
  void switchesLanguage();
};

void StudioWorkflowTest::init() {
  QSettings().clear();
}

void StudioWorkflowTest::generatesAPanoramaWithProgressAndPreviews() {
  MainWindow window;
  window.show();
  SceneTab* scene = window.sceneTab();
  QVERIFY(scene);
  QCOMPARE(window.tabs()->currentWidget(), scene);
  configure(scene, "independent", 6);
  scene->promptEditor()->sharedPromptEdit()->setPlainText("a well-lit living room with large windows");

  QSignalSpy progress(window.jobs(), &JobQueue::jobProgress);
  QSignalSpy finished(scene, &SceneTab::runFinished);
  int previewsSeen = 0;
  connect(window.jobs(), &JobQueue::jobProgress, scene, [&] { previewsSeen += scene->grid()->tile(0)->isPreview(); });
  QTest::mouseClick(scene->generateButton(), Qt::LeftButton);
  QVERIFY(!scene->generateButton()->isEnabled());
  QVERIFY(scene->cancelButton()->isEnabled());
  QCOMPARE(window.jobs()->count(), 1);
  QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, 120000);
  QVERIFY2(progress.count() >= 6, qPrintable(QString::number(progress.count())));
  QVERIFY(previewsSeen > 0);  // the grid showed latent previews while sampling
  QVERIFY(viewsShown(scene->grid()));
  QVERIFY(scene->message().contains("finished"));
  QVERIFY(scene->generateButton()->isEnabled());

  // The run is in the project, its panorama open in the Panorama tab (which comes to the front).
  const auto& project = window.project()->project();
  QCOMPARE(project.runs.size(), 1);
  QCOMPARE(project.runs.first().method, QString("independent"));
  QCOMPARE(project.runs.first().seed, 1234);
  const QString runFolder = window.project()->absolute(project.runs.first().folder);
  for (int v = 0; v < 8; ++v) QVERIFY(QFile::exists(QDir(runFolder).filePath(QString("view_%1.png").arg(v))));
  QVERIFY(QFile::exists(QDir(runFolder).filePath("run.json")));
  QCOMPARE(window.panoramaTab()->currentFile(), QDir(runFolder).filePath("panorama.png"));
  QCOMPARE(window.tabs()->currentWidget(), window.panoramaTab());
  QVERIFY(isProjectFolder(window.project()->folder()));  // saved as soon as the run landed

  window.tabs()->setCurrentWidget(scene);
  QTest::qWait(300);
  QVERIFY(window.grab().save(screenshotPath("scene_tab.png")));
  window.tabs()->setCurrentWidget(window.panoramaTab());
  QTest::qWait(500);
  QVERIFY(window.grab().save(screenshotPath("scene_panorama.png")));
}

void StudioWorkflowTest::cancelsALongRunAndLeavesNothingBehind() {
  MainWindow window;
  window.show();
  SceneTab* scene = window.sceneTab();
  configure(scene, "independent", 400);
  scene->promptEditor()->sharedPromptEdit()->setPlainText("a quiet library");
  QSignalSpy ended(window.jobs(), &JobQueue::jobEnded);
  QVERIFY(scene->generate({"independent"}));
  QTRY_VERIFY2_WITH_TIMEOUT(window.jobs()->info(window.jobs()->idAt(0)).progress > 0.005,
                            qPrintable(window.jobs()->info(window.jobs()->idAt(0)).status), 60000);
  QTest::mouseClick(scene->cancelButton(), Qt::LeftButton);
  QTRY_VERIFY_WITH_TIMEOUT(ended.count() == 1, 30000);
  QCOMPARE(ended.first().at(1).value<JobState>(), JobState::Cancelled);
  QVERIFY(scene->message().contains("cancelled"));
  QVERIFY(window.project()->project().runs.isEmpty());
  QVERIFY(QDir(QDir(window.project()->folder()).filePath("runs")).isEmpty());
  QVERIFY(scene->generateButton()->isEnabled());
}

void StudioWorkflowTest::explainsWhatIsMissing() {
  MainWindow window;
  SceneTab* scene = window.sceneTab();
  scene->promptEditor()->sharedPromptEdit()->setPlainText("a kitchen");
  QVERIFY(!scene->generate({"independent"}));  // no model yet
  QVERIFY2(scene->message().contains("Settings → Models"), qPrintable(scene->message()));

  QTemporaryDir notAModel;
  settings::setModelPath("sd", notAModel.path());
  QVERIFY(!scene->generate({"independent"}));
  QVERIFY2(scene->message().contains("model_index.json"), qPrintable(scene->message()));

  settings::setModelPath("sd", fixturePath("sd/tiny-sd2"));
  QVERIFY(!scene->generate({"caa"}));  // CAA without weights
  QVERIFY2(scene->message().contains("CAA weights"), qPrintable(scene->message()));

  scene->promptEditor()->setPerView(true);
  QVERIFY(!scene->generate({"independent"}));
  QVERIFY2(scene->message().contains("yaw 0°"), qPrintable(scene->message()));
  QCOMPARE(window.jobs()->count(), 0);

  // A failure inside the job (a corrupt CAA file) is shown in the tab; the window stays usable.
  QTemporaryDir dir;
  const QString broken = dir.filePath("caa.safetensors");
  QFile file(broken);
  QVERIFY(file.open(QIODevice::WriteOnly));
  file.write("not a safetensors file");
  file.close();
  configure(scene, "caa", 2);
  settings::setModelPath("caa", broken);
  scene->promptEditor()->setPerView(false);
  QSignalSpy ended(window.jobs(), &JobQueue::jobEnded);
  QVERIFY(scene->generate({"caa"}));
  QTRY_VERIFY_WITH_TIMEOUT(ended.count() == 1, 60000);
  QCOMPARE(ended.first().at(1).value<JobState>(), JobState::Failed);
  QVERIFY2(scene->message().contains("failed") && scene->message().contains("caa.safetensors"), qPrintable(scene->message()));
  QVERIFY(scene->generateButton()->isEnabled());
}

void StudioWorkflowTest::baselineAndCaaShareTheSeed() {
  MainWindow window;
  SceneTab* scene = window.sceneTab();
  configure(scene, "caa", 3);
  auto s = scene->form()->settings();
  s.seedLocked = false;
  s.seed = 777;
  scene->form()->setSettings(s);
  scene->promptEditor()->applyPreset(5);  // eight per-view prompts
  QVERIFY(scene->promptEditor()->perView());
  QSignalSpy finished(scene, &SceneTab::runFinished);
  QTest::mouseClick(scene->compareButton(), Qt::LeftButton);
  QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 2, 180000);
  const auto& runs = window.project()->project().runs;
  QCOMPARE(runs.size(), 2);
  // On the CPU lane both jobs run side by side (sharing one loaded model), so either may land first.
  QCOMPARE(QSet<QString>({runs[0].method, runs[1].method}), QSet<QString>({"independent", "caa"}));
  QCOMPARE(runs[0].seed, 777);
  QCOMPARE(runs[1].seed, 777);
  QVERIFY(scene->form()->settings().seed != 777);  // unlocked: the next run draws a new seed
  for (const auto& run : runs) {
    QFile file(QDir(window.project()->absolute(run.folder)).filePath("run.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const auto json = QJsonDocument::fromJson(file.readAll()).object();
    QCOMPARE(json.value("prompts").toArray().size(), 8);
    QCOMPARE(json.value("seed").toInt(), 777);
  }
}

void StudioWorkflowTest::savesAndReopensTheProject() {
  QTemporaryDir dir;
  const QString target = dir.filePath("living-room");
  QString untitled;
  {
    MainWindow window;
    SceneTab* scene = window.sceneTab();
    configure(scene, "multidiffusion", 3);
    scene->promptEditor()->sharedPromptEdit()->setPlainText("a sunny kitchen");
    scene->promptEditor()->setNegativePrompt("blurry");
    QSignalSpy finished(scene, &SceneTab::runFinished);
    QVERIFY(scene->generate({"multidiffusion"}));
    QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, 120000);
    untitled = window.project()->folder();
    QVERIFY(window.project()->isUntitled());
    QVERIFY(window.saveProjectAs(target));
    QCOMPARE(window.project()->folder(), QDir(target).absolutePath());
    QVERIFY(!QDir(untitled).exists());  // the untitled copy moved
    QVERIFY(window.windowTitle().contains("living-room"));
  }
  MainWindow window;
  window.show();
  QVERIFY(window.openProject(target));
  QVERIFY(window.lastProjectProblems().isEmpty());
  SceneTab* scene = window.sceneTab();
  QCOMPARE(scene->promptEditor()->prompts(), QStringList{"a sunny kitchen"});
  QCOMPARE(scene->promptEditor()->negativePrompt(), QString("blurry"));
  QCOMPARE(scene->form()->settings().method, QString("multidiffusion"));
  QCOMPARE(scene->form()->settings().steps, 3);
  QCOMPARE(window.project()->project().runs.size(), 1);
  QVERIFY(viewsShown(scene->grid()));
  QVERIFY(window.panoramaTab()->currentFile().startsWith(QDir(target).absolutePath()));
  QVERIFY(settings::recentProjects().contains(QDir(target).absolutePath()));
}

void StudioWorkflowTest::opensADamagedProject() {
  QTemporaryDir dir;
  const QString folder = dir.filePath("damaged");
  {
    MainWindow window;
    SceneTab* scene = window.sceneTab();
    configure(scene, "independent", 2);
    scene->promptEditor()->sharedPromptEdit()->setPlainText("a lecture hall");
    QSignalSpy finished(scene, &SceneTab::runFinished);
    QVERIFY(scene->generate({"independent"}));
    QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, 120000);
    QVERIFY(window.saveProjectAs(folder));
  }
  QFile manifest(projectManifestPath(folder));
  QVERIFY(manifest.open(QIODevice::WriteOnly | QIODevice::Truncate));
  manifest.write("{\"format\": \"panocast-project\", \"runs\": [");  // cut off mid-write
  manifest.close();

  MainWindow window;
  window.show();
  QVERIFY(window.openProject(folder));
  const QStringList problems = window.lastProjectProblems();
  QVERIFY2(!problems.isEmpty() && problems.first().contains("damaged"), qPrintable(problems.join("\n")));
  QCOMPARE(window.project()->project().runs.size(), 1);  // found by scanning runs/
  QVERIFY(!window.panoramaTab()->currentFile().isEmpty());
  QTest::qWait(300);
  QVERIFY(window.grab().save(screenshotPath("damaged_project.png")));
  QVERIFY(loadProject(folder).problems.size() >= 1);
  QVERIFY(window.saveProject());  // saving repairs the manifest
  QVERIFY(loadProject(folder).problems.isEmpty());
}

void StudioWorkflowTest::tokenCounterShowsWhereThePromptIsCut() {
  PromptEditor editor(8);
  editor.setTokenizerFolder(fixturePath("sd/tiny-sd2/tokenizer"));
  editor.sharedPromptEdit()->setPlainText("a cozy cabin");
  QVERIFY2(editor.tokenReport().startsWith("3 / 75 tokens"), qPrintable(editor.tokenReport()));
  QString longPrompt;
  for (int i = 0; i < 40; ++i) longPrompt += QString("room%1 ").arg(i);
  editor.sharedPromptEdit()->setPlainText(longPrompt.trimmed());
  QVERIFY2(editor.tokenReport().contains("cut after"), qPrintable(editor.tokenReport()));
  QVERIFY(editor.tokenReport().contains("room39"));  // the last words are the ignored ones
  editor.setTokenizerFolder({});
  QVERIFY(editor.tokenReport().contains("Settings"));
}

void StudioWorkflowTest::settingsShowWhichModelsAreInstalled() {
  settings::setModelPath("sd", fixturePath("sd/tiny-sd2"));
  settings::setModelPath("caa", "/nonexistent/caa.safetensors");
  SettingsDialog dialog;
  dialog.show();
  QVERIFY(dialog.modelStatusText("sd").contains("found"));
  QVERIFY(dialog.modelStatusText("caa").contains("missing"));
  QVERIFY(dialog.modelStatusText("clip").contains("not set"));
  dialog.modelPathEdit("clip")->setText(fixturePath("sd/tiny-sd2"));  // a folder, but not CLIP
  QVERIFY(dialog.modelStatusText("clip").contains("not usable"));
  dialog.findChild<QTabWidget*>()->setCurrentIndex(1);  // the Models page
  QTest::qWait(200);
  QVERIFY(dialog.grab().save(screenshotPath("settings_models.png")));
  dialog.modelPathEdit("caa")->setText(fixturePath("caa/tiny_caa.safetensors"));
  dialog.apply();
  QCOMPARE(settings::modelPath("caa"), fixturePath("caa/tiny_caa.safetensors"));
}

void StudioWorkflowTest::switchesLanguage() {
  SettingsDialog dialog;
  dialog.languageBox()->setCurrentIndex(dialog.languageBox()->findData("de"));
  QVERIFY(dialog.apply());  // changed: applies after a restart
  QCOMPARE(settings::language(), QString("de"));
  // What the restarted studio does first:
  for (const auto& language : {"de", "fr", "es", "zh_CN"}) {
    QVERIFY2(!installStudioTranslators(*qApp, language).isEmpty(), language);
    for (auto* translator : qApp->findChildren<QTranslator*>()) {
      QCoreApplication::removeTranslator(translator);
      delete translator;
    }
  }
  QVERIFY(!installStudioTranslators(*qApp, "de").isEmpty());
  MainWindow window;
  window.show();
  QCOMPARE(window.tabs()->tabText(0), QString("Szene"));
  QVERIFY(window.sceneTab()->generateButton()->text().contains("Generieren"));
  QTest::qWait(300);
  QVERIFY(window.grab().save(screenshotPath("scene_tab_de.png")));
  for (auto* translator : qApp->findChildren<QTranslator*>()) {
    QCoreApplication::removeTranslator(translator);
    delete translator;
  }
}

int main(int argc, char** argv) {
  // Settings, projects and history go to a scratch home, never the user's.
  const QString home = QString::fromStdString(test::scratchDir("studio_home").string());
  qputenv("XDG_CONFIG_HOME", (home + "/config").toUtf8());
  qputenv("XDG_DATA_HOME", (home + "/data").toUtf8());
  QSurfaceFormat format;
  format.setVersion(3, 3);
  format.setProfile(QSurfaceFormat::CoreProfile);
  QSurfaceFormat::setDefaultFormat(format);
  QApplication app(argc, argv);
  app.setOrganizationName("PanoCastTests");
  app.setApplicationName("studio-workflow");
  StudioWorkflowTest test;
  return QTest::qExec(&test, argc, argv);
}

#include "test_studio_workflow.moc"
