// The Panorama tab as a user drives it: open a sample panorama, drag, zoom, switch projection,
// export; and the GPU view agrees with the engine's CPU renderer.
#include <QAbstractButton>
#include <QApplication>
#include <QMessageBox>
#include <QSurfaceFormat>
#include <QTest>
#include <QTimer>
#include <torch/torch.h>

#include "geometry/panorama_renderer.h"
#include "io/image.h"
#include "io/image_tensor.h"
#include "main_window.h"
#include "panorama/panorama_tab.h"
#include "panorama/view_controller.h"
#include "support/fixtures.h"

using namespace panocast;

namespace {

QString samplePath(const char* name) { return QString::fromStdString(test::sample(name).string()); }

// Mean absolute difference of two RGB images in 0..1.
double meanAbsDifference(const QImage& a, const ImageU8& b) {
  const QImage rgb = a.convertToFormat(QImage::Format_RGB888);
  double sum = 0;
  for (int y = 0; y < rgb.height(); ++y) {
    const uchar* row = rgb.constScanLine(y);
    for (int x = 0; x < rgb.width() * 3; ++x) sum += std::abs(int(row[x]) - int(b.row(y)[x]));
  }
  return sum / (255.0 * rgb.width() * rgb.height() * 3);
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

// Closes the next modal message box (the GUI reports errors with them) and remembers its text.
QString dismissNextMessageBox() {
  auto* text = new QString;
  QTimer::singleShot(200, [text] {
    if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
      *text = box->text();
      box->close();
    }
  });
  QTest::qWait(400);
  QString out = *text;
  delete text;
  return out;
}

}  // namespace

class PanoramaViewerTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void controllerDragFollowsThePointer();
  void controllerInertiaDecaysAndZoomIsLimited();
  void openDragAndGrab();
  void gpuViewMatchesEngineRenderer();
  void projectionsAndExport();
  void rejectsNonPanoramas();
};

void PanoramaViewerTest::controllerDragFollowsThePointer() {
  ViewController c;
  c.beginDrag(500, 300, 0.0);
  c.drag(400, 300, 0.05, 1000);  // pointer moves left by 100 px: the view turns right
  QVERIFY(std::abs(c.state().yawDeg - 100 * 100.0 / 1000) < 1e-9);
  c.drag(400, 350, 0.1, 1000);  // pointer moves down: look up
  QVERIFY(c.state().pitchDeg > 4.9);
}

void PanoramaViewerTest::controllerInertiaDecaysAndZoomIsLimited() {
  ViewController c;
  c.beginDrag(0, 0, 0.0);
  c.drag(-50, 0, 0.02, 1000);
  c.drag(-100, 0, 0.04, 1000);
  c.endDrag(0.04);
  const double released = c.state().yawDeg;
  QVERIFY(c.tick(1.0 / 60));
  const double afterOne = c.state().yawDeg;
  QVERIFY(afterOne > released);  // keeps turning after release
  for (int i = 0; i < 600; ++i) c.tick(1.0 / 60);
  QVERIFY(!c.tick(1.0 / 60));  // and comes to rest
  for (int i = 0; i < 50; ++i) c.zoom(1);
  QCOMPARE(c.state().hfovDeg, minFov(Projection::Rectilinear));
  for (int i = 0; i < 50; ++i) c.zoom(-1);
  QCOMPARE(c.state().hfovDeg, maxFov(Projection::Rectilinear));
  c.setProjection(Projection::Stereographic);
  QVERIFY(c.state().hfovDeg > 200);  // little planet
  QCOMPARE(c.state().pitchDeg, -90.0);
}

void PanoramaViewerTest::openDragAndGrab() {
  MainWindow window;
  window.resize(1200, 800);
  window.show();
  QVERIFY(QTest::qWaitForWindowExposed(&window));
  QVERIFY(window.openPanorama(samplePath("interior.png")));
  PanoramaViewer* viewer = window.panoramaTab()->viewer();
  QTest::qWait(100);
  const QImage before = viewer->grabFramebuffer();
  QVERIFY2(spread(before) > 10, "the viewer shows a blank frame");

  const double yaw0 = viewer->viewState().yawDeg;
  const QPoint centre(viewer->width() / 2, viewer->height() / 2);
  QTest::mousePress(viewer, Qt::LeftButton, Qt::NoModifier, centre);
  for (int step = 1; step <= 10; ++step) {
    QMouseEvent move(QEvent::MouseMove, QPointF(centre + QPoint(-20 * step, 0)), viewer->mapToGlobal(QPointF(centre)),
                     Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewer, &move);
    QTest::qWait(5);
  }
  // Dragging the scene left by 200 px turns the camera right by ~200 × fov / width degrees.
  const double expected = 200.0 * viewer->viewState().hfovDeg / viewer->width();
  QVERIFY2(std::abs(viewer->viewState().yawDeg - yaw0 - expected) < 0.5,
           qPrintable(QString("yaw %1 expected %2").arg(viewer->viewState().yawDeg).arg(yaw0 + expected)));
  QTest::mouseRelease(viewer, Qt::LeftButton, Qt::NoModifier, centre + QPoint(-200, 0));
  const QImage after = viewer->grabFramebuffer();
  QVERIFY(spread(after) > 10);
  QVERIFY(after != before);

  QTest::keyClick(viewer, Qt::Key_Home);
  QCOMPARE(viewer->viewState().yawDeg, 0.0);
  const double fov = viewer->viewState().hfovDeg;
  QWheelEvent wheel(QPointF(centre), viewer->mapToGlobal(QPointF(centre)), QPoint(), QPoint(0, 120), Qt::NoButton,
                    Qt::NoModifier, Qt::NoScrollPhase, false);
  QApplication::sendEvent(viewer, &wheel);
  QVERIFY(viewer->viewState().hfovDeg < fov);
}

void PanoramaViewerTest::gpuViewMatchesEngineRenderer() {
  MainWindow window;
  window.show();
  QVERIFY(QTest::qWaitForWindowExposed(&window));
  const QString path = samplePath("courtyard.png");
  QVERIFY(window.openPanorama(path));
  PanoramaViewer* viewer = window.panoramaTab()->viewer();
  for (auto projection : {Projection::Rectilinear, Projection::Stereographic, Projection::Panini}) {
    ViewState state;
    state.yawDeg = 63;
    state.pitchDeg = 12;
    state.rollDeg = 4;
    state.hfovDeg = projection == Projection::Rectilinear ? 80 : 130;
    state.projection = projection;
    viewer->setViewState(state);
    const QImage gpu = viewer->renderImage(QSize(480, 320));
    auto pano = toTensor(readImageU8(path.toStdString(), 3));
    const ImageU8 cpu = toImageU8(renderView(pano, state.camera(480, 320), Interpolation::Bilinear));
    const double difference = meanAbsDifference(gpu, cpu);
    qInfo("%s: mean |GPU − engine| = %.4f", projectionName(projection), difference);
    QVERIFY2(difference < 0.005, projectionName(projection));
  }
}

void PanoramaViewerTest::projectionsAndExport() {
  MainWindow window;
  window.show();
  QVERIFY(QTest::qWaitForWindowExposed(&window));
  QVERIFY(window.openPanorama(samplePath("forest.png")));
  PanoramaViewer* viewer = window.panoramaTab()->viewer();
  viewer->setProjection(Projection::Stereographic);
  const QImage planet = viewer->renderImage(QSize(3000, 2000));  // larger than the window
  QCOMPARE(planet.size(), QSize(3000, 2000));
  QVERIFY(spread(planet) > 10);
  const auto dir = test::scratchDir("viewer_export");
  QVERIFY(planet.save(QString::fromStdString((dir / "planet.png").string())));
}

void PanoramaViewerTest::rejectsNonPanoramas() {
  MainWindow window;
  window.show();
  QVERIFY(QTest::qWaitForWindowExposed(&window));
  const auto dir = test::scratchDir("viewer_reject");
  QImage square(64, 64, QImage::Format_RGB888);
  square.fill(Qt::red);
  const QString squarePath = QString::fromStdString((dir / "square.png").string());
  square.save(squarePath);
  bool opened = true;
  QTimer::singleShot(0, [&] { opened = window.openPanorama(squarePath); });
  const QString message = dismissNextMessageBox();
  QVERIFY(!opened);
  QVERIFY2(message.contains("twice as wide"), qPrintable(message));
  QTimer::singleShot(0, [&] { opened = window.openPanorama(QString::fromStdString((dir / "missing.png").string())); });
  QVERIFY(dismissNextMessageBox().contains("no such file"));
  QVERIFY(!opened);
  QVERIFY(!window.panoramaTab()->viewer()->hasPanorama());  // nothing half-loaded
}

int main(int argc, char** argv) {
  QSurfaceFormat format;
  format.setVersion(3, 3);
  format.setProfile(QSurfaceFormat::CoreProfile);
  QSurfaceFormat::setDefaultFormat(format);
  QApplication app(argc, argv);
  app.setOrganizationName("PanoCastTests");
  PanoramaViewerTest test;
  return QTest::qExec(&test, argc, argv);
}

#include "test_panorama_viewer.moc"
