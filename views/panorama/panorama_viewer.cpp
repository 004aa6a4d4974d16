#include "panorama/panorama_viewer.h"

#include <QFile>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QNativeGestureEvent>
#include <QOpenGLFramebufferObject>
#include <QOpenGLTexture>
#include <QWheelEvent>
#include <cmath>
#include <numbers>

#include "resources_init.h"

namespace panocast {
namespace {

QString shaderSource(const QString& name) {
  QFile file(":/shaders/" + name);
  if (!file.open(QIODevice::ReadOnly)) qFatal("missing shader resource %s", qPrintable(name));
  return QString::fromUtf8(file.readAll());
}

int projectionIndex(Projection projection) {
  switch (projection) {
    case Projection::Rectilinear: return 0;
    case Projection::Stereographic: return 1;
    case Projection::Panini: return 2;
  }
  return 0;
}

}  // namespace

PanoramaViewer::PanoramaViewer(QWidget* parent) : QOpenGLWidget(parent) {
  panocastInitViewResources();
  setFocusPolicy(Qt::StrongFocus);
  setMinimumSize(320, 200);
  setAttribute(Qt::WA_AcceptTouchEvents);
  animation_.setInterval(16);
  connect(&animation_, &QTimer::timeout, this, &PanoramaViewer::animate);
  clock_.start();
}

PanoramaViewer::~PanoramaViewer() {
  makeCurrent();
  texture_.reset();
  quad_.destroy();
  vao_.destroy();
  doneCurrent();
}

void PanoramaViewer::setPanorama(const QImage& image) {
  panorama_ = image.convertToFormat(QImage::Format_RGBA8888);
  textureDirty_ = true;
  update();
}

void PanoramaViewer::setViewState(const ViewState& state) {
  controller_.setState(state);
  changed();
}

void PanoramaViewer::resetView() {
  controller_.reset();
  changed();
}

void PanoramaViewer::setProjection(Projection projection) {
  controller_.setProjection(projection);
  changed();
}

void PanoramaViewer::setAutoRotate(bool enabled) {
  controller_.setAutoRotate(enabled ? 4.0 : 0.0);
  if (enabled) animation_.start();
}

void PanoramaViewer::initializeGL() {
  initializeOpenGLFunctions();
  glGetIntegerv(GL_MAX_TEXTURE_SIZE, &maxTextureSize_);
  if (!program_.addShaderFromSourceCode(QOpenGLShader::Vertex, shaderSource("panorama.vert")) ||
      !program_.addShaderFromSourceCode(QOpenGLShader::Fragment, shaderSource("panorama.frag")) || !program_.link())
    qFatal("panorama shader failed: %s", qPrintable(program_.log()));
  const float corners[] = {-1, -1, 1, -1, -1, 1, 1, 1};
  vao_.create();
  vao_.bind();
  quad_.create();
  quad_.bind();
  quad_.allocate(corners, sizeof(corners));
  program_.bind();
  program_.enableAttributeArray(0);
  program_.setAttributeBuffer(0, GL_FLOAT, 0, 2);
  vao_.release();
  textureDirty_ = !panorama_.isNull();
}

void PanoramaViewer::uploadTexture() {
  textureDirty_ = false;
  texture_.reset();
  if (panorama_.isNull()) return;
  QImage image = panorama_;
  if (maxTextureSize_ > 0 && image.width() > maxTextureSize_)
    image = image.scaled(maxTextureSize_, maxTextureSize_ / 2, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
  texture_ = std::make_unique<QOpenGLTexture>(QOpenGLTexture::Target2D);
  texture_->setFormat(QOpenGLTexture::RGBA8_UNorm);
  texture_->setSize(image.width(), image.height());
  texture_->setMipLevels(texture_->maximumMipLevels());
  texture_->allocateStorage();
  texture_->setData(QOpenGLTexture::RGBA, QOpenGLTexture::UInt8, image.constBits());
  texture_->generateMipMaps();
  texture_->setMinificationFilter(QOpenGLTexture::LinearMipMapLinear);
  texture_->setMagnificationFilter(QOpenGLTexture::Linear);
  texture_->setWrapMode(QOpenGLTexture::DirectionS, QOpenGLTexture::Repeat);
  texture_->setWrapMode(QOpenGLTexture::DirectionT, QOpenGLTexture::ClampToEdge);
}

void PanoramaViewer::drawView(int width, int height) {
  if (textureDirty_) uploadTexture();
  const ViewState& s = controller_.state();
  const Mat3 r = s.camera(width, height).rotation();
  // QMatrix3x3 is row-major in its constructor; setUniformValue uploads it column-major as GL wants.
  const float rows[9] = {float(r(0, 0)), float(r(0, 1)), float(r(0, 2)), float(r(1, 0)), float(r(1, 1)),
                         float(r(1, 2)), float(r(2, 0)), float(r(2, 1)), float(r(2, 2))};
  glViewport(0, 0, width, height);
  glDisable(GL_DEPTH_TEST);
  program_.bind();
  program_.setUniformValue("uRotation", QMatrix3x3(rows));
  program_.setUniformValue("uHalfFov", float(s.hfovDeg * std::numbers::pi / 360.0));
  program_.setUniformValue("uAspect", float(height) / float(std::max(1, width)));
  program_.setUniformValue("uProjection", projectionIndex(s.projection));
  program_.setUniformValue("uPaniniD", float(s.paniniDistance));
  program_.setUniformValue("uBackground", QVector3D(background_.redF(), background_.greenF(), background_.blueF()));
  program_.setUniformValue("uHasPanorama", texture_ != nullptr);
  program_.setUniformValue("uPanorama", 0);
  if (texture_) texture_->bind(0);
  vao_.bind();
  glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
  vao_.release();
}

void PanoramaViewer::paintGL() {
  QElapsedTimer timer;
  timer.start();
  const qreal ratio = devicePixelRatioF();
  drawView(int(std::lround(width() * ratio)), int(std::lround(height() * ratio)));
  Q_EMIT frameRendered(timer.nsecsElapsed() * 1e-6);
}

QImage PanoramaViewer::renderImage(const QSize& size) {
  makeCurrent();
  QOpenGLFramebufferObjectFormat format;
  format.setInternalTextureFormat(GL_RGBA8);
  QOpenGLFramebufferObject fbo(size, format);
  fbo.bind();
  drawView(size.width(), size.height());
  glFinish();
  QImage image = fbo.toImage().convertToFormat(QImage::Format_RGB888);  // flipped to top-down rows
  fbo.release();
  doneCurrent();
  return image;
}

double PanoramaViewer::timeFrames(const QSize& size, int frames) {
  makeCurrent();
  QOpenGLFramebufferObject fbo(size);
  fbo.bind();
  drawView(size.width(), size.height());
  glFinish();
  QElapsedTimer timer;
  timer.start();
  for (int i = 0; i < frames; ++i) {
    controller_.rotate(0.5, 0);  // a moving view, as while dragging
    drawView(size.width(), size.height());
    glFinish();
  }
  const double ms = timer.nsecsElapsed() * 1e-6 / std::max(1, frames);
  fbo.release();
  doneCurrent();
  return ms;
}

void PanoramaViewer::changed() {
  update();
  Q_EMIT viewChanged(controller_.state());
}

void PanoramaViewer::animate() {
  const double t = now();
  const double dt = std::min(0.1, t - lastTick_);
  lastTick_ = t;
  if (controller_.tick(dt)) changed();
  if (!controller_.animating() && !controller_.dragging()) animation_.stop();
}

void PanoramaViewer::mousePressEvent(QMouseEvent* event) {
  if (event->button() != Qt::LeftButton) return;
  controller_.beginDrag(event->position().x(), event->position().y(), now());
  setCursor(Qt::ClosedHandCursor);
}

void PanoramaViewer::mouseMoveEvent(QMouseEvent* event) {
  if (!controller_.dragging()) return;
  controller_.drag(event->position().x(), event->position().y(), now(), width());
  changed();
}

void PanoramaViewer::mouseReleaseEvent(QMouseEvent* event) {
  if (event->button() != Qt::LeftButton) return;
  controller_.endDrag(now());
  unsetCursor();
  lastTick_ = now();
  animation_.start();
}

void PanoramaViewer::mouseDoubleClickEvent(QMouseEvent*) {
  controller_.zoom(3);
  changed();
}

void PanoramaViewer::wheelEvent(QWheelEvent* event) {
  controller_.zoom(event->angleDelta().y() / 120.0);
  changed();
  event->accept();
}

void PanoramaViewer::keyPressEvent(QKeyEvent* event) {
  const double step = controller_.state().hfovDeg / 20.0;
  switch (event->key()) {
    case Qt::Key_Left: controller_.rotate(-step, 0); break;
    case Qt::Key_Right: controller_.rotate(step, 0); break;
    case Qt::Key_Up: controller_.rotate(0, step); break;
    case Qt::Key_Down: controller_.rotate(0, -step); break;
    case Qt::Key_Plus:
    case Qt::Key_Equal: controller_.zoom(1); break;
    case Qt::Key_Minus: controller_.zoom(-1); break;
    case Qt::Key_Home: controller_.reset(); break;
    default: QOpenGLWidget::keyPressEvent(event); return;
  }
  changed();
}

bool PanoramaViewer::event(QEvent* event) {
  if (event->type() == QEvent::NativeGesture) {
    auto* gesture = static_cast<QNativeGestureEvent*>(event);
    if (gesture->gestureType() == Qt::ZoomNativeGesture) {
      // Touchpad pinch: value is the relative scale change since the last event.
      controller_.zoom(std::log1p(gesture->value()) / std::log(1.12));
      changed();
      return true;
    }
  }
  return QOpenGLWidget::event(event);
}

}  // namespace panocast
