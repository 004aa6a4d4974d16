#include "live/live_session.h"

#include <ATen/core/Tensor.h>

#include <filesystem>

#include "io/image.h"
#include "io/image_tensor.h"
#include "live/live_pipeline.h"
#include "runtime/device.h"
#include "runtime/error.h"

namespace panocast {
namespace {

LiveOverlays pipelineOverlays(const LiveSessionOverlays& o) {
  LiveOverlays out;
  out.maskTint = o.mask;
  out.flow = o.flow;
  out.hud = o.hud;
  out.fps = o.fps;
  return out;
}

LiveSettings pipelineSettings(const LiveSessionSettings& s) {
  if (!(s.hfovDeg > 10 && s.hfovDeg < 170)) throw Error("the camera's field of view must be between 10 and 170 degrees");
  if (s.smoothing < 0 || s.smoothing > 1) throw Error("mask smoothing must be between 0 and 1");
  if (s.lightMatch < 0 || s.lightMatch > 1) throw Error("light match must be between 0 and 1");
  if (s.featherPx < 0 || s.featherPx > 64) throw Error("feather must be 0 to 64 pixels");
  LiveSettings out;
  out.segmenter = segmenterKindFromName(s.segmenter);
  out.segmenterOptions.modelsFolder = s.modelsFolder;
  out.segmenterOptions.deeplabWeights = s.deeplabWeights;
  out.segmenterOptions.device = parseDevice(s.device);
  out.segmenterOptions.deeplabShortSide = 320;  // live: smaller than the published 520, as `panocast composite`
  out.mask.smoothing = s.smoothing;
  out.mask.featherPx = s.featherPx;
  out.tracker.hfovDeg = s.hfovDeg;
  out.start.yawDeg = s.startYawDeg;
  out.start.pitchDeg = s.startPitchDeg;
  out.lightMatch = s.lightMatch;
  out.overlays = pipelineOverlays(s.overlays);
  return out;
}

at::Tensor loadPanorama(const std::string& path, const c10::Device& device) {
  if (path.empty()) throw Error("no panorama chosen: open one in the Panorama tab or pick a file");
  if (!std::filesystem::exists(path)) throw Error(path + ": no such file");
  const auto panorama = toTensor(readImageForDisplay(path)).to(device);
  return panorama.size(0) == 4 ? panorama.slice(0, 0, 3) : panorama;
}

}  // namespace

struct LiveSession::Impl {
  at::Tensor panorama;
  std::unique_ptr<LivePipeline> pipeline;
  Orientation userStart;  // the start direction the user asked for
  Orientation lastView;   // where the background looked on the last frame
  bool startShifted = false;  // the pipeline was rebuilt mid-session, starting from lastView
  bool hasFrame = false;
  cv::Size frameSize;

  // A fresh pipeline whose first frame looks at `start`; tracking continues from there.
  void rebuild(LiveSettings settings, const Orientation& start, bool shifted) {
    settings.start = start;
    pipeline = std::make_unique<LivePipeline>(panorama, settings);
    startShifted = shifted;
    hasFrame = false;
  }
};

LiveSession::LiveSession(const LiveSessionSettings& settings) : settings_(settings), impl_(std::make_unique<Impl>()) {
  const auto live = pipelineSettings(settings);
  impl_->panorama = loadPanorama(settings.panorama, live.segmenterOptions.device);
  impl_->userStart = live.start;
  impl_->rebuild(live, live.start, false);
}

LiveSession::~LiveSession() = default;

LiveSessionFrame LiveSession::process(const cv::Mat& bgr) {
  if (impl_->hasFrame && bgr.size() != impl_->frameSize)
    impl_->rebuild(impl_->pipeline->settings(), impl_->lastView, true);
  const LiveFrame frame = impl_->pipeline->process(bgr);
  impl_->frameSize = bgr.size();
  impl_->hasFrame = true;
  impl_->lastView = frame.view;

  LiveSessionFrame out;
  out.composite = frame.composite;
  out.yawDeg = frame.pose.orientation.yawDeg;
  out.pitchDeg = frame.pose.orientation.pitchDeg;
  out.rollDeg = frame.pose.orientation.rollDeg;
  out.confidence = frame.pose.confidence;
  out.held = frame.pose.held;
  out.segmentMs = frame.segmentMs;
  out.trackMs = frame.trackMs;
  out.renderMs = frame.renderMs;
  out.compositeMs = frame.compositeMs;
  return out;
}

void LiveSession::recenter() {
  // After a rebuild the pipeline's own start is wherever the view was then; a fresh pipeline
  // from the user's start makes the current camera direction look there again.
  if (impl_->startShifted) impl_->rebuild(impl_->pipeline->settings(), impl_->userStart, false);
  else impl_->pipeline->recenter();
}

void LiveSession::setOverlays(const LiveSessionOverlays& overlays) {
  settings_.overlays = overlays;
  impl_->pipeline->setOverlays(pipelineOverlays(overlays));
}

void LiveSession::updateSettings(const LiveSessionSettings& settings) {
  const auto live = pipelineSettings(settings);
  const bool newPanorama = settings.panorama != settings_.panorama || settings.device != settings_.device;
  const at::Tensor panorama = newPanorama ? loadPanorama(settings.panorama, live.segmenterOptions.device) : impl_->panorama;
  // Keep looking where the background looks now, unless the user asked for another start.
  const bool newStart = settings.startYawDeg != settings_.startYawDeg || settings.startPitchDeg != settings_.startPitchDeg;
  const bool continueView = !newStart && (impl_->hasFrame || impl_->startShifted);
  LiveSettings next = live;
  next.start = continueView ? impl_->lastView : live.start;
  auto pipeline = std::make_unique<LivePipeline>(panorama, next);  // throws before anything changed
  impl_->panorama = panorama;
  impl_->pipeline = std::move(pipeline);
  impl_->userStart = live.start;
  impl_->startShifted = continueView;
  impl_->hasFrame = false;
  settings_ = settings;
}

}  // namespace panocast
