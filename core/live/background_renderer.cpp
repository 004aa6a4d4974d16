#include "live/background_renderer.h"

#include <cmath>
#include <numbers>
#include <opencv2/imgproc.hpp>

#include "runtime/error.h"

namespace panocast {
namespace {

// Pixels of the output per ray computed; the map between is bilinear.
constexpr int kMapStep = 4;

// Whether a world direction is seen by the camera (with a margin): a pole in view makes the
// longitude jump, so the map must then be computed at every pixel.
bool inView(const Camera& camera, const Mat3& worldToCamera, const Vec3& world) {
  const Vec3 c = worldToCamera * world;
  if (c.z <= 0) return false;
  const double f = camera.focalLength();
  const double x = c.x / c.z * f, y = c.y / c.z * f;
  const double margin = 2.0 * kMapStep;
  return std::abs(x) <= camera.width / 2.0 + margin && std::abs(y) <= camera.height / 2.0 + margin;
}

}  // namespace

BackgroundRenderer::BackgroundRenderer(const cv::Mat& panoramaBgr) {
  if (panoramaBgr.empty() || panoramaBgr.type() != CV_8UC3 || panoramaBgr.cols != 2 * panoramaBgr.rows)
    throw Error("background: expected an 8-bit BGR equirectangular panorama (width = 2 × height)");
  width_ = panoramaBgr.cols;
  height_ = panoramaBgr.rows;
  // Longitude wraps around; latitude stops at the poles (as grid_sample's border padding does).
  cv::Mat wrapped;
  cv::copyMakeBorder(panoramaBgr, wrapped, 0, 0, 1, 1, cv::BORDER_WRAP);
  cv::copyMakeBorder(wrapped, padded_, 1, 1, 0, 0, cv::BORDER_REPLICATE);
}

void BackgroundRenderer::buildMap(const Camera& camera) {
  const Mat3 cameraToWorld = camera.rotation();
  const Mat3 worldToCamera = cameraToWorld.transposed();
  const bool poleInView = inView(camera, worldToCamera, {0, -1, 0}) || inView(camera, worldToCamera, {0, 1, 0});
  const int step = poleInView ? 1 : kMapStep;
  const int cw = (camera.width + step - 1) / step, ch = (camera.height + step - 1) / step;

  // Rays at the coarse pixel centres; cv::resize maps coarse centre i to fine position
  // (i + 0.5)·W/cw − 0.5, whose screen coordinate is (i + 0.5)·2/cw − 1.
  const double t = std::tan(camera.hfovDeg * std::numbers::pi / 360.0);
  const double aspect = static_cast<double>(camera.height) / camera.width;
  coarseX_.create(ch, cw, CV_32F);
  coarseY_.create(ch, cw, CV_32F);
  const double centreU = [&] {
    const Vec3 forward = cameraToWorld * Vec3{0, 0, 1};
    return (std::atan2(forward.x, forward.z) / (2 * std::numbers::pi) + 0.5) * width_;
  }();
  for (int r = 0; r < ch; ++r) {
    const double sy = (1.0 - (r + 0.5) * 2.0 / ch) * aspect;
    float* xs = coarseX_.ptr<float>(r);
    float* ys = coarseY_.ptr<float>(r);
    for (int c = 0; c < cw; ++c) {
      const double sx = (c + 0.5) * 2.0 / cw - 1.0;
      const Vec3 w = cameraToWorld * Vec3{sx * t, -sy * t, 1.0};
      const double lon = std::atan2(w.x, w.z), lat = std::atan2(-w.y, std::sqrt(w.x * w.x + w.z * w.z));
      double u = (lon / (2 * std::numbers::pi) + 0.5) * width_;
      // Continuous around the view's centre, so interpolating across the ±180° seam is right.
      u = centreU + std::remainder(u - centreU, static_cast<double>(width_));
      const double v = (0.5 - lat / std::numbers::pi) * height_;
      xs[c] = static_cast<float>(u);
      ys[c] = static_cast<float>(v);
    }
  }
  if (step == 1) {
    mapX_ = coarseX_.clone();
    mapY_ = coarseY_.clone();
  } else {
    cv::resize(coarseX_, mapX_, cv::Size(camera.width, camera.height), 0, 0, cv::INTER_LINEAR);
    cv::resize(coarseY_, mapY_, cv::Size(camera.width, camera.height), 0, 0, cv::INTER_LINEAR);
  }
  // Continuous coordinates (centre of pixel col at col + 0.5) → padded image indices, wrapped.
  const float w = static_cast<float>(width_);
  for (int r = 0; r < mapX_.rows; ++r) {
    float* xs = mapX_.ptr<float>(r);
    float* ys = mapY_.ptr<float>(r);
    for (int c = 0; c < mapX_.cols; ++c) {
      float u = xs[c] - std::floor(xs[c] / w) * w;
      xs[c] = u - 0.5f + 1.0f;
      ys[c] = ys[c] - 0.5f + 1.0f;
    }
  }
}

cv::Mat BackgroundRenderer::render(const Camera& camera) {
  if (camera.projection != Projection::Rectilinear) throw Error("background: the live camera must be rectilinear");
  if (camera.width <= 0 || camera.height <= 0) throw Error("background: image size must be positive");
  buildMap(camera);
  cv::Mat out;
  cv::remap(padded_, out, mapX_, mapY_, cv::INTER_LINEAR, cv::BORDER_REPLICATE);
  return out;
}

}  // namespace panocast
