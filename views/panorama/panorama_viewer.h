#pragma once
// The 3D panorama viewer: an OpenGL widget that draws an equirectangular image as seen by a
// camera (one fragment shader over the whole viewport, see shaders/panorama.frag).
#include <QElapsedTimer>
#include <QImage>
#include <QOpenGLBuffer>
#include <QOpenGLFunctions_3_3_Core>
#include <QOpenGLShaderProgram>
#include <QOpenGLVertexArrayObject>
#include <QOpenGLWidget>
#include <QTimer>
#include <memory>

#include "panorama/view_controller.h"

class QOpenGLTexture;

namespace panocast {

class PanoramaViewer : public QOpenGLWidget, protected QOpenGLFunctions_3_3_Core {
  Q_OBJECT
 public:
  explicit PanoramaViewer(QWidget* parent = nullptr);
  ~PanoramaViewer() override;

  // Shows `image` (equirectangular, width = 2 × height; transparency marks missing latitudes).
  void setPanorama(const QImage& image);
  bool hasPanorama() const { return !panorama_.isNull(); }
  const QImage& panorama() const { return panorama_; }

  const ViewState& viewState() const { return controller_.state(); }
  void setViewState(const ViewState& state);
  ViewController& controller() { return controller_; }

  // Renders the current view off screen at any size (up to the GPU's renderbuffer limit).
  QImage renderImage(const QSize& size);
  // Draws `frames` frames of `size` off screen (glFinish after each) and returns ms per frame.
  double timeFrames(const QSize& size, int frames);
  // The largest texture side this GPU accepts (panoramas wider than this are downscaled).
  int maxTextureSize() const { return maxTextureSize_; }
  QColor background() const { return background_; }

 public Q_SLOTS:
  void resetView();
  void setProjection(panocast::Projection projection);
  void setAutoRotate(bool enabled);

 Q_SIGNALS:
  void viewChanged(const panocast::ViewState& state);
  void frameRendered(double milliseconds);

 protected:
  void initializeGL() override;
  void paintGL() override;
  void mousePressEvent(QMouseEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void mouseReleaseEvent(QMouseEvent* event) override;
  void mouseDoubleClickEvent(QMouseEvent* event) override;
  void wheelEvent(QWheelEvent* event) override;
  void keyPressEvent(QKeyEvent* event) override;
  bool event(QEvent* event) override;

 private:
  void uploadTexture();
  void drawView(int width, int height);
  void animate();
  void changed();
  double now() const { return clock_.nsecsElapsed() * 1e-9; }

  ViewController controller_;
  QImage panorama_;
  bool textureDirty_ = false;
  std::unique_ptr<QOpenGLTexture> texture_;
  QOpenGLShaderProgram program_;
  QOpenGLVertexArrayObject vao_;
  QOpenGLBuffer quad_{QOpenGLBuffer::VertexBuffer};
  QTimer animation_;
  QElapsedTimer clock_;
  double lastTick_ = 0;
  int maxTextureSize_ = 0;
  QColor background_{30, 32, 36};
};

}  // namespace panocast
