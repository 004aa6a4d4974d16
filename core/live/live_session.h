#pragma once
// The live preview as the studio drives it: a LivePipeline behind plain settings and results, so
// that the Qt views use it without including LibTorch (DESIGN.md "Layers"). Opens the panorama
// file and the segmenter, keeps the background turning smoothly when a setting changes or the
// camera's frame size does, and toggles overlays without rebuilding anything.
#include <memory>
#include <opencv2/core/mat.hpp>
#include <string>

namespace panocast {

struct LiveSessionOverlays {
  bool mask = false;  // the matte as a tint over the person
  bool flow = false;  // tracked background points and their motion
  bool hud = false;   // tracked yaw/pitch/roll and confidence
  bool fps = false;   // processing rate and per-stage milliseconds
};

struct LiveSessionSettings {
  std::string panorama;              // equirectangular image file (PNG, JPEG, EXR, HDR)
  std::string segmenter = "selfie";  // selfie | selfie-landscape | deeplab
  std::string modelsFolder;          // folder holding selfie_segmentation/*.tflite; empty: the usual places
  std::string deeplabWeights;        // torchvision's .pth (deeplab only)
  std::string device = "cpu";        // cpu | cuda | cuda:N
  double hfovDeg = 70;               // the camera's horizontal field of view
  double startYawDeg = 0, startPitchDeg = 0;  // where in the panorama the first frame looks
  double smoothing = 0.7;            // 0..1: temporal smoothing of uncertain matte edges
  int featherPx = 2;                 // outward feather of the matte
  double lightMatch = 0;             // 0..1: bring the person's brightness toward the scene's
  LiveSessionOverlays overlays;
};

struct LiveSessionFrame {
  cv::Mat composite;  // 8-bit BGR, the input's size
  double yawDeg = 0, pitchDeg = 0, rollDeg = 0;  // tracked camera motion since the start (or recenter)
  double confidence = 0;                          // 0..1
  bool held = false;                              // the tracker repeated the previous pose
  double segmentMs = 0, trackMs = 0, renderMs = 0, compositeMs = 0;
};

class LiveSession {
 public:
  // Throws panocast::Error (or LibTorch's errors) with a message for the user when the panorama,
  // the model or the device cannot be used.
  explicit LiveSession(const LiveSessionSettings& settings);
  ~LiveSession();
  LiveSession(const LiveSession&) = delete;
  LiveSession& operator=(const LiveSession&) = delete;

  // `bgr`: 8-bit BGR. A frame of another size than the last restarts tracking from the current view.
  LiveSessionFrame process(const cv::Mat& bgr);
  // The current camera direction becomes the start direction again.
  void recenter();
  void setOverlays(const LiveSessionOverlays& overlays);
  // Any other change (matte, FOV, lighting, segmenter, panorama, device): the pipeline is rebuilt,
  // the panorama reloaded only if it or the device changed, and the background keeps looking
  // where it looked (unless the start direction itself changed). Throws, leaving the session as
  // it was, when the new settings cannot be used.
  void updateSettings(const LiveSessionSettings& settings);
  const LiveSessionSettings& settings() const { return settings_; }

 private:
  struct Impl;
  LiveSessionSettings settings_;
  std::unique_ptr<Impl> impl_;
};

}  // namespace panocast
