#pragma once
// One frame of the live preview, start to finish (DESIGN.md "Live pipeline"): segment the person,
// refine the matte, track the camera on the background, render the panorama for the tracked
// orientation with the webcam's field of view, composite in linear light, draw the overlays.
// Synchronous: the CLI calls it in a loop, the studio from a worker thread.
#include <ATen/core/Tensor.h>

#include <memory>
#include <opencv2/core/mat.hpp>

#include "geometry/orientation.h"
#include "live/background_renderer.h"
#include "live/camera_tracker.h"
#include "live/flow_overlay.h"
#include "live/mask_refiner.h"
#include "live/person_segmenter.h"

namespace panocast {

struct LiveOverlays {
  bool maskTint = false;  // the matte as a tint over the person
  bool flow = false;      // tracked background points and their motion
  bool hud = false;       // tracked yaw/pitch/roll and confidence
  bool fps = false;       // processing rate and per-stage milliseconds
};
// "mask,flow,hud,fps" (any subset, or "none"); throws panocast::Error on unknown names.
LiveOverlays parseOverlays(const std::string& list);

struct LiveSettings {
  SegmenterKind segmenter = SegmenterKind::Selfie;
  SegmenterOptions segmenterOptions;
  MaskRefinerSettings mask;
  CameraTrackerSettings tracker;   // tracker.hfovDeg is the webcam's FOV, also the background's
  Orientation start;               // where in the panorama the first frame looks
  double lightMatch = 0;
  LiveOverlays overlays;
};

struct LiveFrame {
  cv::Mat composite;   // 8-bit BGR, the input's size
  cv::Mat alpha;       // CV_32F matte
  TrackedPose pose;    // relative to the first frame
  Orientation view;    // where the background camera looked (start ∘ pose)
  double segmentMs = 0, trackMs = 0, renderMs = 0, compositeMs = 0;
};

class LivePipeline {
 public:
  // `panorama`: [C, H, 2H] float in 0..1 (RGB), on the device to render on.
  LivePipeline(const at::Tensor& panorama, const LiveSettings& settings);
  ~LivePipeline();
  LivePipeline(const LivePipeline&) = delete;
  LivePipeline& operator=(const LivePipeline&) = delete;

  // `bgr`: 8-bit BGR, the same size every call.
  LiveFrame process(const cv::Mat& bgr);
  void recenter();
  // Overlays are drawn last, so they can change between frames without disturbing anything.
  void setOverlays(const LiveOverlays& overlays) { settings_.overlays = overlays; }
  const LiveSettings& settings() const { return settings_; }

 private:
  void drawOverlays(LiveFrame& frame, const cv::Mat& input);
  cv::Mat renderOnDevice(const Camera& camera) const;
  LiveSettings settings_;
  at::Tensor panorama_;                        // on CUDA: rendered with grid_sample there
  std::unique_ptr<BackgroundRenderer> cpuBackground_;  // on the CPU: OpenCV remap (much faster)
  std::unique_ptr<PersonSegmenter> segmenter_;
  MaskRefiner refiner_;
  CameraTracker tracker_;
  FlowOverlay flowOverlay_;
  double smoothedFrameMs_ = 0;
};

}  // namespace panocast
