#include "live/live_pipeline.h"

#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <opencv2/imgproc.hpp>
#include <sstream>

#include "geometry/camera.h"
#include "geometry/panorama_renderer.h"
#include "io/image_tensor.h"
#include "live/bgr_image.h"
#include "live/compositor.h"
#include "runtime/error.h"

namespace panocast {
namespace {

using Clock = std::chrono::steady_clock;
double msSince(Clock::time_point start) { return std::chrono::duration<double, std::milli>(Clock::now() - start).count(); }

cv::Mat bgrFromTensor(const at::Tensor& chw) { return bgrFromImage(toImageU8(chw.slice(0, 0, 3))); }

// Text sized to the frame: the same HUD must be readable at 1080p and not cover a 320×180 preview.
void label(cv::Mat& image, const std::string& text, int line) {
  const double scale = std::clamp(image.cols / 2400.0, 0.25, 1.0);
  const int thin = std::max(1, static_cast<int>(std::lround(2 * scale)));
  const cv::Point at(static_cast<int>(16 * scale) + 4, static_cast<int>((36 + 36 * line) * scale) + 6);
  cv::putText(image, text, at, cv::FONT_HERSHEY_SIMPLEX, scale, cv::Scalar(0, 0, 0), thin + 2, cv::LINE_AA);
  cv::putText(image, text, at, cv::FONT_HERSHEY_SIMPLEX, scale, cv::Scalar(255, 255, 255), thin, cv::LINE_AA);
}

}  // namespace

LiveOverlays parseOverlays(const std::string& list) {
  LiveOverlays overlays;
  std::stringstream in(list);
  std::string name;
  while (std::getline(in, name, ',')) {
    if (name == "mask") overlays.maskTint = true;
    else if (name == "flow") overlays.flow = true;
    else if (name == "hud") overlays.hud = true;
    else if (name == "fps") overlays.fps = true;
    else if (name == "none" || name.empty()) continue;
    else throw Error("unknown overlay '" + name + "' (mask, flow, hud, fps or none)");
  }
  return overlays;
}

LivePipeline::LivePipeline(const at::Tensor& panorama, const LiveSettings& settings)
    : settings_(settings),
      panorama_(panorama),
      segmenter_(openSegmenter(settings.segmenter, settings.segmenterOptions)),
      refiner_(settings.mask),
      tracker_(settings.tracker) {
  requireEquirectangular(panorama_, "background panorama");
  if (!panorama_.is_cuda()) cpuBackground_ = std::make_unique<BackgroundRenderer>(bgrFromTensor(panorama_));
}

LivePipeline::~LivePipeline() = default;

cv::Mat LivePipeline::renderOnDevice(const Camera& camera) const {
  torch::NoGradGuard noGrad;
  return bgrFromTensor(renderView(panorama_, camera, Interpolation::Bilinear).to(torch::kCPU));
}

void LivePipeline::recenter() { tracker_.recenter(); }

LiveFrame LivePipeline::process(const cv::Mat& bgr) {
  if (bgr.empty() || bgr.type() != CV_8UC3) throw Error("live pipeline: expected 8-bit BGR frames");
  const auto frameStart = Clock::now();
  LiveFrame out;

  auto start = Clock::now();
  const auto probability = segmenter_->modelProbability(rgbFromBgr(bgr)).to(torch::kFloat).contiguous();
  const cv::Mat p(static_cast<int>(probability.size(0)), static_cast<int>(probability.size(1)), CV_32F,
                  const_cast<float*>(probability.data_ptr<float>()));
  out.alpha = refiner_.refine(p, bgr);
  out.segmentMs = msSince(start);

  start = Clock::now();
  out.pose = tracker_.process(bgr, out.alpha);
  out.trackMs = msSince(start);

  start = Clock::now();
  out.view = Orientation::fromRotation(settings_.start.rotation() * out.pose.orientation.rotation());
  Camera camera;
  camera.width = bgr.cols;
  camera.height = bgr.rows;
  camera.hfovDeg = settings_.tracker.hfovDeg;
  camera.orientation = out.view;
  const cv::Mat background = cpuBackground_ ? cpuBackground_->render(camera) : renderOnDevice(camera);
  out.renderMs = msSince(start);

  start = Clock::now();
  out.composite = compositeLinear(bgr, background, out.alpha, settings_.lightMatch);
  out.compositeMs = msSince(start);

  const double frameMs = msSince(frameStart);
  smoothedFrameMs_ = smoothedFrameMs_ == 0 ? frameMs : 0.9 * smoothedFrameMs_ + 0.1 * frameMs;
  drawOverlays(out, bgr);
  return out;
}

void LivePipeline::drawOverlays(LiveFrame& frame, const cv::Mat& input) {
  const auto& o = settings_.overlays;
  cv::Mat& image = frame.composite;
  if (o.maskTint) {
    // Where the matte is soft the tint is strongest: that is where users look for halos.
    for (int y = 0; y < image.rows; ++y) {
      const float* a = frame.alpha.ptr<float>(y);
      cv::Vec3b* px = image.ptr<cv::Vec3b>(y);
      for (int x = 0; x < image.cols; ++x) {
        const float t = 0.45f * a[x];
        px[x] = cv::Vec3b(static_cast<uint8_t>(px[x][0] * (1 - t) + 255 * t), static_cast<uint8_t>(px[x][1] * (1 - t)),
                          static_cast<uint8_t>(px[x][2] * (1 - t) + 80 * t));
      }
    }
  }
  if (o.flow) flowOverlay_.draw(input, image, frame.alpha);
  int line = 0;
  char text[160];
  if (o.hud) {
    std::snprintf(text, sizeof text, "yaw %+.1f  pitch %+.1f  roll %+.1f  conf %.2f%s", frame.pose.orientation.yawDeg,
                  frame.pose.orientation.pitchDeg, frame.pose.orientation.rollDeg, frame.pose.confidence,
                  frame.pose.held ? "  (held)" : "");
    label(image, text, line++);
  }
  if (o.fps) {
    std::snprintf(text, sizeof text, "%.1f fps  seg %.0f  track %.0f  bg %.0f  comp %.0f ms", 1000.0 / smoothedFrameMs_,
                  frame.segmentMs, frame.trackMs, frame.renderMs, frame.compositeMs);
    label(image, text, line++);
  }
}

}  // namespace panocast
