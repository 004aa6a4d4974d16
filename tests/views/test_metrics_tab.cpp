// The Metrics tab as a researcher uses it: two methods' runs (true ring views of a sample
// panorama as "caa", the same views shuffled as "independent"), a reference folder, the fixtures'
// deterministic Inception; score both on the worker pool, read the charts and the table (CAA's
// overlap PSNR far above the shuffled baseline's), export PNG/CSV/JSON, and see the results kept
// in the project.
#include <torch/torch.h>

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QSettings>
#include <QSignalSpy>
#include <QSurfaceFormat>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>
#include <QTreeWidget>

#include "metrics/qcustomplot_header.h"

#include "det_inception.h"
#include "compare/compare_side.h"
#include "compare/compare_tab.h"
#include "jobs/job_queue.h"
#include "panorama/panorama_viewer.h"
#include "scene/view_grid.h"
#include <QCheckBox>
#include "main_window.h"
#include "metrics/metric_values.h"
#include "metrics/metrics_tab.h"
#include "project/project.h"
#include "project/project_session.h"
#include "settings/app_settings.h"
#include "support/fixtures.h"
#include "support/metric_inputs.h"

using namespace panocast;
namespace fs = std::filesystem;

namespace {
QString screenshotPath(const QString& name) {
  const QByteArray folder = qgetenv("PANOCAST_SCREENSHOTS");
  const QDir dir(folder.isEmpty() ? QStringLiteral(PANOCAST_BINARY_DIR "/screenshots") : QString::fromLocal8Bit(folder));
  dir.mkpath(".");
  return dir.filePath(name);
}
QString q(const fs::path& path) { return QString::fromStdString(path.string()); }
}  // namespace

class MetricsTabTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void scoresTwoMethodsAndChartsThem();
  void explainsWhatIsMissing();
  void comparesTwoRunsSideBySide();
};

// Two methods' runs made from two sample panoramas: true ring views as "caa", the same views
// shuffled as "independent" (seeds 0 and 1 shared by the pairs).
fs::path makeProject(const fs::path& dir) {
  const Rig rig = Rig::ring(8, 90.0, 192);
  const auto project = dir / "project";
  QList<ProjectRun> runs;
  const char* samples[] = {"courtyard.png", "forest.png"};
  for (int i = 0; i < 2; ++i) {
    const auto views = test::ringViews(test::samplePanorama(samples[i]), rig);
    const auto shuffled = views.index_select(0, torch::tensor({0, 3, 6, 1, 4, 7, 2, 5}));
    const std::string n = std::to_string(i);
    const std::vector<std::string> prompts{i == 0 ? "a sunny courtyard" : "a forest path"};
    test::writeRun(project / "runs" / ("caa-" + n), views, rig, "caa", prompts);
    test::writeRun(project / "runs" / ("independent-" + n), shuffled, rig, "independent", prompts);
    runs << ProjectRun{QString::fromStdString("runs/caa-" + n), "caa", i, {}};
    runs << ProjectRun{QString::fromStdString("runs/independent-" + n), "independent", i, {}};
  }
  Project manifest;
  manifest.name = "metrics";
  manifest.runs = runs;
  saveProject(q(project), manifest);
  return project;
}

void MetricsTabTest::scoresTwoMethodsAndChartsThem() {
  const auto dir = test::scratchDir("metrics_tab");
  const auto project = makeProject(dir);
  test::writeCrops(dir / "reference", "city.png", 12, 160, 0.0);
  settings::setModelPath("inception", q(test::detInceptionFile()));
  // The fixtures' tiny CLIP with the CLIP tokenizer beside it, as a user's CLIP folder.
  const auto clip = dir / "clip";
  fs::create_directories(clip);
  for (const auto& folder : {test::fixture("metrics/tiny-clip"), test::fixture("sd/tiny-sd2/tokenizer")})
    for (const auto& entry : fs::directory_iterator(folder)) fs::copy_file(entry.path(), clip / entry.path().filename());
  settings::setModelPath("clip", q(clip));
  settings::setDevice("cpu");

  MainWindow window;
  window.show();
  QVERIFY(window.openProject(q(project)));
  MetricsTab* tab = window.metricsTab();
  window.tabs()->setCurrentWidget(tab);
  QCOMPARE(tab->runTree()->topLevelItemCount(), 2);  // grouped by method
  tab->setReferenceFolder(q(dir / "reference"));
  QSignalSpy ready(tab, &MetricsTab::resultsReady);
  QTest::mouseClick(tab->runButton(), Qt::LeftButton);
  int metricsJobs = 0;  // the Compare tab also runs jobs for the same project
  for (int row = 0; row < window.jobs()->count(); ++row)
    metricsJobs += window.jobs()->info(window.jobs()->idAt(row)).title.startsWith("Metrics");
  QCOMPARE(metricsJobs, 2);
  QTRY_VERIFY_WITH_TIMEOUT(ready.count() == 1, 600000);

  const auto reports = tab->reports();
  QCOMPARE(reports.size(), 2);
  QCOMPARE(reports[0].first, QString("independent"));  // the baseline first
  QCOMPARE(reports[1].first, QString("caa"));
  const auto psnrBaseline = metricValue(reports[0].second, "overlap_psnr");
  const auto psnrCaa = metricValue(reports[1].second, "overlap_psnr");
  QVERIFY(psnrBaseline.present && psnrCaa.present);
  QVERIFY2(psnrCaa.value >= 25 && psnrCaa.value > psnrBaseline.value + 10,
           qPrintable(QString("%1 vs %2").arg(psnrCaa.value).arg(psnrBaseline.value)));
  QVERIFY(psnrCaa.spread > 0);  // two runs: a spread across runs for the error bar
  for (const auto& [method, report] : reports) {
    QVERIFY2(metricValue(report, "fid").present, qPrintable(method));
    QVERIFY(metricValue(report, "inception_score").present);  // 16 views ≥ 10 splits
    QVERIFY(metricValue(report, "kid").present);
    const auto clipScore = metricValue(report, "clip_score");
    QVERIFY2(clipScore.present && clipScore.spread > 0, qPrintable(clipScore.skipped));
    QCOMPARE(report.value("clip_score_details").toObject().value("images").toInt(), 16);
    QVERIFY(fidCurve(report).size() >= 3);
    QCOMPARE(pairPsnrDb(report).size(), 8);
  }
  QCOMPARE(tab->findChildren<QCustomPlot*>().first()->plottableCount() > 0, true);
  auto* table = tab->findChild<QTableWidget*>();
  QCOMPARE(table->columnCount(), 2);
  auto rowOf = [&](const QString& label) {
    for (int r = 0; r < table->rowCount(); ++r)
      if (table->verticalHeaderItem(r)->text().startsWith(label)) return r;
    return -1;
  };
  QVERIFY(table->item(rowOf("Overlap PSNR"), 1)->text().contains("±"));  // with its spread over runs
  QVERIFY(table->item(rowOf("CLIP score"), 1)->text().contains("±"));     // spread over views

  // Exports.
  QVERIFY(tab->exportCsv(q(dir / "m.csv")));
  QFile csv(q(dir / "m.csv"));
  QVERIFY(csv.open(QIODevice::ReadOnly));
  const QString csvText = csv.readAll();
  QVERIFY(csvText.startsWith("metric,unit,independent value,independent spread,caa value,caa spread"));
  QVERIFY(csvText.contains("overlap_psnr,dB,"));
  QVERIFY(tab->exportJson(q(dir / "m.json")));
  QFile json(q(dir / "m.json"));
  QVERIFY(json.open(QIODevice::ReadOnly));
  QVERIFY(QJsonDocument::fromJson(json.readAll()).object().contains("caa"));
  for (int i = 0; i < tab->chartTabs()->count(); ++i) {
    tab->chartTabs()->setCurrentIndex(i);
    QTest::qWait(200);
    const QString name = QString("metrics_tab_%1.png").arg(i);
    QVERIFY(tab->exportPng(q(dir / name.toStdString())));
    QVERIFY(QFileInfo(q(dir / name.toStdString())).size() > 1000);
    QVERIFY(window.grab().save(screenshotPath(name)));
  }

  // Kept in the project.
  QTRY_COMPARE(window.project()->project().metrics.size(), 1);
  QVERIFY(QFile::exists(window.project()->absolute(window.project()->project().metrics.first())));
}

void MetricsTabTest::explainsWhatIsMissing() {
  QSettings().clear();
  JobQueue jobs;
  MetricsTab tab(&jobs);
  QVERIFY(!tab.runMetrics());
  QVERIFY(tab.message().contains("No runs"));
  const auto dir = test::scratchDir("metrics_tab_missing");
  const Rig rig = Rig::ring(8, 90.0, 128);
  test::writeRun(dir / "run", test::ringViews(test::samplePanorama("courtyard.png"), rig), rig, "caa");
  tab.addRunFolder(q(dir / "run"));
  tab.setReferenceFolder(q(dir / "nowhere"));
  QVERIFY(!tab.runMetrics());
  QVERIFY(tab.message().contains("does not exist"));
  // Without Inception weights consistency is still scored; FID says how to get the weights.
  tab.setReferenceFolder({});
  QSignalSpy ready(&tab, &MetricsTab::resultsReady);
  QVERIFY(tab.runMetrics());
  QTRY_VERIFY_WITH_TIMEOUT(ready.count() == 1, 120000);
  const auto report = tab.reports().first().second;
  QVERIFY(metricValue(report, "overlap_psnr").present);
  const auto fid = metricValue(report, "fid");
  QVERIFY(!fid.present);
  QVERIFY2(fid.skipped.contains("Settings → Models"), qPrintable(fid.skipped));
}

void MetricsTabTest::comparesTwoRunsSideBySide() {
  const auto project = makeProject(test::scratchDir("compare_tab"));
  MainWindow window;
  window.resize(1500, 950);
  window.show();
  QVERIFY(window.openProject(q(project)));
  CompareTab* tab = window.compareTab();
  window.tabs()->setCurrentWidget(tab);
  // The latest pair with one seed, baseline on the left.
  QVERIFY(tab->left()->currentFolder().endsWith("independent-1"));
  QVERIFY(tab->right()->currentFolder().endsWith("caa-1"));
  QTRY_VERIFY_WITH_TIMEOUT(tab->left()->summary().contains("Mean overlap PSNR") &&
                               tab->right()->summary().contains("Mean overlap PSNR"),
                           120000);
  auto meanPsnr = [](const QString& summary) {
    return summary.section("Mean overlap PSNR ", 1).section(" dB", 0, 0).toDouble();
  };
  const double baseline = meanPsnr(tab->left()->summary()), caa = meanPsnr(tab->right()->summary());
  QVERIFY2(caa > baseline + 10, qPrintable(tab->left()->summary() + " | " + tab->right()->summary()));
  for (int v = 0; v < 8; ++v) {
    QVERIFY(!tab->left()->views()->tile(v)->image().isNull());
    QVERIFY(!tab->right()->heat()->tile(v)->image().isNull());
  }
  // Looking around on one side turns the other.
  ViewState state = tab->left()->viewer()->viewState();
  state.yawDeg = 40;
  state.pitchDeg = 10;
  tab->left()->viewer()->setViewState(state);
  QTRY_COMPARE(tab->right()->viewer()->viewState().yawDeg, 40.0);
  QCOMPARE(tab->right()->viewer()->viewState().pitchDeg, 10.0);
  tab->syncBox()->setChecked(false);
  state.yawDeg = -70;
  tab->left()->viewer()->setViewState(state);
  QTest::qWait(100);
  QCOMPARE(tab->right()->viewer()->viewState().yawDeg, 40.0);
  QTest::qWait(500);
  QVERIFY(window.grab().save(screenshotPath("compare_tab.png")));
}

int main(int argc, char** argv) {
  const QString home = QString::fromStdString(test::scratchDir("metrics_tab_home").string());
  qputenv("XDG_CONFIG_HOME", (home + "/config").toUtf8());
  qputenv("XDG_DATA_HOME", (home + "/data").toUtf8());
  QSurfaceFormat format;
  format.setVersion(3, 3);
  format.setProfile(QSurfaceFormat::CoreProfile);
  QSurfaceFormat::setDefaultFormat(format);
  QApplication app(argc, argv);
  app.setOrganizationName("PanoCastTests");
  app.setApplicationName("metrics-tab");
  MetricsTabTest test;
  return QTest::qExec(&test, argc, argv);
}

#include "test_metrics_tab.moc"
