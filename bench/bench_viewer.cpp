// Panorama viewer frame rate: draws of a 1920×1080 view of a 4096×2048 panorama, timed with
// glFinish so the figure is GPU time per frame, not queueing.
//   bench_viewer [PANORAMA] [--frames N]
#include <QApplication>
#include <QOpenGLContext>
#include <QOpenGLFunctions>
#include <QSurfaceFormat>
#include <cstdio>

#include "panorama/panorama_viewer.h"
#include "qt_image.h"

using namespace panocast;

int main(int argc, char** argv) {
  QSurfaceFormat format;
  format.setVersion(3, 3);
  format.setProfile(QSurfaceFormat::CoreProfile);
  format.setSwapInterval(0);  // measure drawing, not the display's refresh
  QSurfaceFormat::setDefaultFormat(format);
  QApplication app(argc, argv);
  const QStringList args = app.arguments();
  int frames = 60;
  const int framesAt = args.indexOf("--frames");
  if (framesAt > 0 && framesAt + 1 < args.size()) frames = args[framesAt + 1].toInt();

  QImage panorama;
  if (args.size() > 1 && !args[1].startsWith("--")) {
    QString error;
    panorama = loadImageForDisplay(args[1], &error);
    if (panorama.isNull()) {
      std::fprintf(stderr, "%s\n", qPrintable(error));
      return 1;
    }
  } else {
    panorama = QImage(4096, 2048, QImage::Format_RGBA8888);
    for (int y = 0; y < panorama.height(); ++y)
      for (int x = 0; x < panorama.width(); ++x) panorama.setPixel(x, y, qRgba(x * 7, y * 13, (x ^ y) & 255, 255));
  }
  panorama = panorama.scaled(4096, 2048, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);

  PanoramaViewer viewer;
  viewer.resize(640, 360);
  viewer.show();
  viewer.setPanorama(panorama);
  app.processEvents();
  viewer.renderImage(QSize(64, 64));  // uploads the texture and warms the shader

  viewer.makeCurrent();
  const auto* renderer = reinterpret_cast<const char*>(viewer.context()->functions()->glGetString(GL_RENDERER));
  std::printf("OpenGL renderer: %s\n", renderer ? renderer : "?");
  viewer.doneCurrent();

  for (auto projection : {Projection::Rectilinear, Projection::Stereographic, Projection::Panini}) {
    ViewState state;
    state.projection = projection;
    state.hfovDeg = projection == Projection::Rectilinear ? 100 : 140;
    viewer.setViewState(state);
    const double ms = viewer.timeFrames(QSize(1920, 1080), frames);
    std::printf("%-14s 1920x1080 from 4096x2048: %8.2f ms/frame  (%.1f fps)\n", projectionName(projection), ms,
                1000.0 / ms);
  }
  return 0;
}
