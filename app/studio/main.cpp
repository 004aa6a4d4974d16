// panocast-studio: the desktop application.
//
//   panocast-studio [PANORAMA] [--screenshot FILE] [--yaw D --pitch D --fov D]
// --screenshot grabs the window once it has drawn and quits: for documentation and for looking
// at the GUI on machines without a screen (Xvfb).
#include <QApplication>
#include <QCommandLineParser>
#include <QOpenGLContext>
#include <QScreen>
#include <QSurfaceFormat>
#include <QTabWidget>
#include <QTimer>

#include "main_window.h"
#include "panorama/panorama_tab.h"
#include "runtime/cpu_threads.h"
#include "runtime/version.h"
#include "settings/app_settings.h"
#include "translations.h"

int main(int argc, char** argv) {
  panocast::useCpuThreads();
  // The viewer's shaders need OpenGL 3.3 core; ask before the first window exists.
  QSurfaceFormat format;
  format.setVersion(3, 3);
  format.setProfile(QSurfaceFormat::CoreProfile);
  format.setSwapInterval(1);
  QSurfaceFormat::setDefaultFormat(format);

  QApplication app(argc, argv);
  QApplication::setApplicationName("PanoCast Studio");
  QApplication::setOrganizationName("PanoCast");
  QApplication::setApplicationVersion(QString::fromStdString(panocast::productVersion()));
  QApplication::setDesktopFileName("org.panocast.Studio");

  // The 3D viewers are OpenGL widgets. Platforms that draw into memory (offscreen, minimal,
  // linuxfb, vnc) cannot host them — Qt 6.4 even crashes on the first paint there, whether or
  // not an OpenGL context could be made — so say what is needed instead.
  {
    static const QStringList rasterOnly{"offscreen", "minimal", "linuxfb", "vnc"};
    QOpenGLContext probe;
    if (rasterOnly.contains(QGuiApplication::platformName()) || !probe.create()) {
      qCritical("panocast-studio: the '%s' platform cannot show OpenGL widgets, which the 3D viewer needs. On a "
                "machine without a display run it under a virtual X server (xvfb-run panocast-studio) or use the "
                "command line (panocast)",
                qPrintable(QGuiApplication::platformName()));
      return 1;
    }
  }
  panocast::installStudioTranslators(app, panocast::settings::language());
  panocast::settings::applyTheme(app, panocast::settings::theme());

  QCommandLineParser parser;
  parser.setApplicationDescription(QObject::tr("Text to 360° scenes, and a live panorama background"));
  parser.addHelpOption();
  parser.addVersionOption();
  parser.addPositionalArgument("panorama", QObject::tr("Equirectangular image to open"));
  QCommandLineOption screenshot("screenshot", QObject::tr("Save a screenshot of the window to FILE and quit"), "FILE");
  QCommandLineOption yaw("yaw", QObject::tr("Initial yaw in degrees"), "D", "0");
  QCommandLineOption pitch("pitch", QObject::tr("Initial pitch in degrees"), "D", "0");
  QCommandLineOption fov("fov", QObject::tr("Initial horizontal field of view in degrees"), "D", "100");
  QCommandLineOption projection("projection", QObject::tr("rectilinear, stereographic or panini"), "NAME",
                                "rectilinear");
  QCommandLineOption tab("tab", QObject::tr("Tab to show: scene, panorama, live, metrics or compare"), "NAME");
  QCommandLineOption project("project", QObject::tr("Project folder to open"), "FOLDER");
  parser.addOptions({screenshot, yaw, pitch, fov, projection, tab, project});
  parser.process(app);

  panocast::MainWindow window;
  window.show();
  int status = 0;
  if (!parser.positionalArguments().isEmpty()) {
    if (!window.openPanorama(parser.positionalArguments().first())) status = 1;
    panocast::ViewState state;
    state.yawDeg = parser.value(yaw).toDouble();
    state.pitchDeg = parser.value(pitch).toDouble();
    state.hfovDeg = parser.value(fov).toDouble();
    try {
      state.projection = panocast::parseProjection(parser.value(projection).toUtf8().constData());
    } catch (const std::exception& e) {
      qCritical("%s", e.what());
      return 2;
    }
    window.panoramaTab()->viewer()->setViewState(state);
  }
  if (parser.isSet(project) && !window.openProject(parser.value(project))) status = 1;
  if (parser.isSet(tab)) {
    const QStringList names{"scene", "panorama", "live", "metrics", "compare"};
    const int index = names.indexOf(parser.value(tab).toLower());
    if (index < 0) {
      qCritical("--tab: unknown tab '%s'", qPrintable(parser.value(tab)));
      return 2;
    }
    window.tabs()->setCurrentIndex(index);
  }
  if (parser.isSet(screenshot)) {
    QTimer::singleShot(1500, &window, [&] {
      const bool saved = window.grab().save(parser.value(screenshot));
      app.exit(saved && status == 0 ? 0 : 1);
    });
  }
  return app.exec();
}
