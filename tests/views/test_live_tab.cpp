// The Live tab as a user drives it, with a video file standing in for the webcam: start, see the
// person over another panorama, watch the statistics, toggle overlays without a restart, record
// a second of MP4, stop; and errors (missing panorama, missing model) shown in the tab, not a crash.
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QSurfaceFormat>
#include <QTabWidget>
#include <QTest>

#include <cmath>
#include <filesystem>
#include <vector>

#include "live/frame_view.h"
#include "live/live_tab.h"
#include "live/video_reader.h"
#include "main_window.h"
#include "support/fixtures.h"

using namespace panocast;

namespace {

QString samplePath(const char* name) { return QString::fromStdString(test::sample(name).string()); }

std::vector<QImage> readClip(const QString& path) {
  std::vector<QImage> frames;
  VideoReader reader(path.toStdString());
  cv::Mat bgr;
  while (reader.read(bgr)) {
    QImage image(bgr.data, bgr.cols, bgr.rows, int(bgr.step), QImage::Format_BGR888);
    frames.push_back(image.convertToFormat(QImage::Format_RGB888));
  }
  return frames;
}

// Mean absolute difference (0..255) over the left and right fifths, where the clip shows the
// room behind the person.
double backgroundDifference(const QImage& a, const QImage& b) {
  const QImage x = a.convertToFormat(QImage::Format_RGB888), y = b.convertToFormat(QImage::Format_RGB888);
  double sum = 0;
  long n = 0;
  const int band = x.width() / 5;
  for (int row = 0; row < x.height(); ++row)
    for (int col = 0; col < x.width(); ++col) {
      if (col >= band && col < x.width() - band) continue;
      for (int c = 0; c < 3; ++c, ++n) sum += std::abs(int(x.constScanLine(row)[3 * col + c]) - int(y.constScanLine(row)[3 * col + c]));
    }
  return sum / double(n);
}

double spread(const QImage& image) {
  const QImage grey = image.convertToFormat(QImage::Format_Grayscale8);
  double sum = 0, sumSq = 0;
  const double n = double(grey.width()) * grey.height();
  for (int y = 0; y < grey.height(); ++y)
    for (int x = 0; x < grey.width(); ++x) {
      const double v = grey.constScanLine(y)[x];
      sum += v;
      sumSq += v * v;
    }
  return std::sqrt(std::max(0.0, sumSq / n - (sum / n) * (sum / n)));
}

// Mean blue minus green over the middle of the frame, where the person stands: the mask overlay
// tints the person magenta.
double personTint(const QImage& image) {
  const QImage rgb = image.convertToFormat(QImage::Format_RGB888);
  double sum = 0;
  long n = 0;
  for (int y = rgb.height() / 3; y < rgb.height() * 5 / 6; ++y)
    for (int x = rgb.width() * 2 / 5; x < rgb.width() * 3 / 5; ++x, ++n) {
      const uchar* p = rgb.constScanLine(y) + 3 * x;
      sum += int(p[2]) - int(p[1]);
    }
  return sum / double(n);
}

// Black pixels in the top-left corner: the HUD and FPS text are drawn with a black outline.
int blackTextPixels(const QImage& image) {
  const QImage rgb = image.convertToFormat(QImage::Format_RGB888);
  int count = 0;
  for (int y = 5; y < std::min(rgb.height(), 55); ++y)
    for (int x = 5; x < std::min(rgb.width(), 310); ++x) {
      const uchar* p = rgb.constScanLine(y) + 3 * x;
      if (p[0] <= 3 && p[1] <= 3 && p[2] <= 3) ++count;
    }
  return count;
}

QString screenshotPath(const QString& name = QStringLiteral("live_tab.png")) {
  const QByteArray folder = qgetenv("PANOCAST_SCREENSHOTS");
  const QDir dir(folder.isEmpty() ? QStringLiteral(PANOCAST_BINARY_DIR "/screenshots") : QString::fromLocal8Bit(folder));
  QDir().mkpath(dir.path());
  return dir.filePath(name);
}

// A click on a check box's indicator (a click in the middle of a stretched box hits nothing).
void clickCheckBox(QCheckBox* box) {
  const bool before = box->isChecked();
  QTest::mouseClick(box, Qt::LeftButton, Qt::NoModifier, QPoint(8, box->height() / 2));
  QVERIFY(box->isChecked() != before);
}

template <typename T>
T* child(QObject* parent, const char* name) {
  T* found = parent->findChild<T*>(name);
  if (!found) qFatal("no child widget '%s'", name);
  return found;
}

}  // namespace

class LiveTabTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void initTestCase();
  void previewOverlaysRecordStop();
  void missingPanoramaIsReported();
  void missingModelIsReportedAndRecovers();

 private:
  QString clip_;
};

void LiveTabTest::initTestCase() {
  const auto dir = test::scratchDir("live_tab_clip");
  clip_ = QString::fromStdString((dir / "clip.mp4").string());
  QProcess synth;
  synth.setProcessChannelMode(QProcess::MergedChannels);
  synth.start(PANOCAST_BINARY_DIR "/app/panocast",
              {"synth-clip", "--panorama", samplePath("interior.png"), "--person", QString::fromStdString(test::portrait("astronaut.png").string()), "--size",
               "320x180", "--seconds", "2", "--fps", "15", "--out", clip_});
  QVERIFY2(synth.waitForFinished(300000), "panocast synth-clip did not finish");
  QVERIFY2(synth.exitStatus() == QProcess::NormalExit && synth.exitCode() == 0, synth.readAll().constData());
}

void LiveTabTest::previewOverlaysRecordStop() {
  MainWindow window;
  window.resize(1280, 800);
  window.show();
  QVERIFY(QTest::qWaitForWindowExposed(&window));
  LiveTab* tab = window.liveTab();
  QVERIFY(tab);
  window.tabs()->setCurrentWidget(tab);
  tab->setVideoFile(clip_);
  tab->setPanorama(samplePath("forest.png"));
  QTest::mouseClick(child<QPushButton>(tab, "startButton"), Qt::LeftButton);
  QVERIFY(tab->isRunning());
  QTRY_VERIFY_WITH_TIMEOUT(tab->view()->framesShown() >= 5, 120000);
  QVERIFY2(tab->message().isEmpty(), qPrintable(tab->message()));

  // The person stays, the room behind them is the forest: no clip frame matches the preview there.
  const QImage shown = tab->view()->image();
  QCOMPARE(shown.size(), QSize(320, 180));
  QVERIFY(spread(shown) > 10);
  double closest = 1e9;
  for (const QImage& input : readClip(clip_)) closest = std::min(closest, backgroundDifference(shown, input));
  qInfo("background: mean |preview − nearest input frame| = %.1f / 255", closest);
  QVERIFY2(closest > 15, "the preview's background looks like the input's");

  // Statistics reach the status line.
  auto* fps = child<QLabel>(tab, "fpsLabel");
  QTRY_VERIFY_WITH_TIMEOUT(tab->lastStats().pipelineFps > 0 && !fps->text().startsWith(QStringLiteral("–")), 30000);
  const QString firstFps = fps->text();
  QTRY_VERIFY_WITH_TIMEOUT(fps->text() != firstFps, 30000);  // and keep being updated

  // Overlays switch on while running, with no new session.
  const int sessions = tab->sessionsOpened();
  QCOMPARE(sessions, 1);
  const QImage plain = tab->view()->image();
  for (const char* name : {"overlayMask", "overlayFlow", "overlayHud", "overlayFps"})
    clickCheckBox(child<QCheckBox>(tab, name));
  qint64 frames = tab->view()->framesShown();
  QTRY_VERIFY_WITH_TIMEOUT(tab->view()->framesShown() > frames + 3, 30000);
  const QImage overlaid = tab->view()->image();
  qInfo("person tint (blue − green) before/after the mask overlay: %.1f / %.1f; black text pixels %d / %d",
        personTint(plain), personTint(overlaid), blackTextPixels(plain), blackTextPixels(overlaid));
  QVERIFY(personTint(overlaid) > personTint(plain) + 30);
  QVERIFY(blackTextPixels(overlaid) > blackTextPixels(plain) + 100);
  clickCheckBox(child<QCheckBox>(tab, "overlayMask"));  // mask off again
  frames = tab->view()->framesShown();
  QTRY_VERIFY_WITH_TIMEOUT(tab->view()->framesShown() > frames + 3, 30000);
  QCOMPARE(tab->sessionsOpened(), sessions);
  QVERIFY(tab->isRunning());

  // About a second of recording gives an MP4 with frames at the clip's size.
  const auto dir = test::scratchDir("live_tab_record");
  const QString recording = QString::fromStdString((dir / "live.mp4").string());
  child<QLineEdit>(tab, "recordPathEdit")->setText(recording);
  QSignalSpy finished(tab, &LiveTab::recordingFinished);
  auto* record = child<QPushButton>(tab, "recordButton");
  QTest::mouseClick(record, Qt::LeftButton);
  QVERIFY(tab->isRecording());
  QCOMPARE(record->text(), QStringLiteral("Stop recording"));
  QTest::qWait(1200);
  auto* elapsed = child<QLabel>(tab, "recordElapsed");
  QVERIFY2(elapsed->text() != QStringLiteral("00:00.0"), qPrintable(elapsed->text()));

  window.grab().save(screenshotPath());
  qInfo("screenshot: %s  (%s; %s)", qPrintable(screenshotPath()), qPrintable(fps->text()),
        qPrintable(child<QLabel>(tab, "latencyLabel")->text()));

  QTest::mouseClick(record, Qt::LeftButton);
  QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
  QCOMPARE(finished.at(0).at(0).toString(), recording);
  const int written = finished.at(0).at(1).toInt();
  QVERIFY2(written >= 8, qPrintable(QString::number(written)));
  QCOMPARE(record->text(), QStringLiteral("Record"));
  QVERIFY(!tab->message().isEmpty());  // "Recorded N frames to …"
  VideoReader reader(recording.toStdString());
  QCOMPARE(reader.width(), 320);
  QCOMPARE(reader.height(), 180);
  int readBack = 0;
  cv::Mat bgr;
  while (reader.read(bgr)) ++readBack;
  qInfo("recorded %d frames (%d read back) at %.1f fps", written, readBack, reader.fps());
  QCOMPARE(readBack, written);
  QVERIFY(std::abs(reader.fps() - 15) < 0.5);  // the source's rate

  // Stop stops: no more frames.
  QTest::mouseClick(child<QPushButton>(tab, "startButton"), Qt::LeftButton);
  QVERIFY(!tab->isRunning());
  QTest::qWait(300);
  frames = tab->view()->framesShown();
  QTest::qWait(700);
  QCOMPARE(tab->view()->framesShown(), frames);
  QCOMPARE(child<QPushButton>(tab, "startButton")->text(), QStringLiteral("Start preview"));
}

void LiveTabTest::missingPanoramaIsReported() {
  MainWindow window;
  window.show();
  QVERIFY(QTest::qWaitForWindowExposed(&window));
  LiveTab* tab = window.liveTab();
  window.tabs()->setCurrentWidget(tab);
  tab->setVideoFile(clip_);
  const auto dir = test::scratchDir("live_tab_missing");
  tab->setPanorama(QString::fromStdString((dir / "missing.png").string()));
  QTest::mouseClick(child<QPushButton>(tab, "startButton"), Qt::LeftButton);
  QTRY_VERIFY_WITH_TIMEOUT(!tab->message().isEmpty(), 30000);
  QVERIFY2(tab->message().contains("no such file"), qPrintable(tab->message()));
  QVERIFY(child<QLabel>(tab, "liveMessage")->isVisible());
  window.grab().save(screenshotPath("live_tab_error.png"));
  QTRY_VERIFY(!tab->isRunning());

  tab->setPanorama(QString());
  QTest::mouseClick(child<QPushButton>(tab, "startButton"), Qt::LeftButton);
  QVERIFY2(tab->message().contains("No background"), qPrintable(tab->message()));
  QVERIFY(!tab->isRunning());
}

void LiveTabTest::missingModelIsReportedAndRecovers() {
  MainWindow window;
  window.show();
  QVERIFY(QTest::qWaitForWindowExposed(&window));
  LiveTab* tab = window.liveTab();
  window.tabs()->setCurrentWidget(tab);
  tab->setVideoFile(clip_);
  tab->setPanorama(samplePath("forest.png"));
  auto* segmenter = child<QComboBox>(tab, "segmenterCombo");
  segmenter->setCurrentIndex(segmenter->findData("deeplab"));
  const auto dir = test::scratchDir("live_tab_model");
  child<QLineEdit>(tab, "deeplabEdit")->setText(QString::fromStdString((dir / "deeplab.pth").string()));
  QTest::mouseClick(child<QPushButton>(tab, "startButton"), Qt::LeftButton);
  QTRY_VERIFY_WITH_TIMEOUT(!tab->message().isEmpty(), 30000);
  QVERIFY2(tab->message().contains("weights not found"), qPrintable(tab->message()));
  QTRY_VERIFY(!tab->isRunning());
  QCOMPARE(tab->view()->framesShown(), 0);

  // Fix the setting, start again: the tab is still usable.
  segmenter->setCurrentIndex(segmenter->findData("selfie"));
  QTest::mouseClick(child<QPushButton>(tab, "startButton"), Qt::LeftButton);
  QTRY_VERIFY_WITH_TIMEOUT(tab->view()->framesShown() >= 3, 120000);
  QVERIFY2(tab->message().isEmpty(), qPrintable(tab->message()));
  tab->stop();
  QVERIFY(!tab->isRunning());
}

int main(int argc, char** argv) {
  QSurfaceFormat format;
  format.setVersion(3, 3);
  format.setProfile(QSurfaceFormat::CoreProfile);
  QSurfaceFormat::setDefaultFormat(format);
  QApplication app(argc, argv);
  app.setOrganizationName("PanoCastTests");
  LiveTabTest test;
  return QTest::qExec(&test, argc, argv);
}

#include "test_live_tab.moc"
