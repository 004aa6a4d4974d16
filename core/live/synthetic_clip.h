#pragma once
// A synthetic "webcam" clip for demos and tests where no camera or real footage is at hand: a
// hand-held camera looking around a panorama (known path: pause, pan, tilt, shake, return) with
// a person cut-out in front that sways on its own. The truth of every frame is known, so the
// clip doubles as a tracking check; it is labelled synthetic wherever it is written.
#include <ATen/core/Tensor.h>

#include <opencv2/core/mat.hpp>

#include "geometry/orientation.h"

namespace panocast {

struct SyntheticClipSettings {
  int width = 1280, height = 720;
  double hfovDeg = 70;   // the pretend webcam's horizontal field of view
  double fps = 30;
  double seconds = 8;
  double personHeight = 0.85;  // the cut-out's height as a share of the frame's
};

// The camera path the clip follows, relative to its first frame, at `t` seconds of a clip of
// `seconds`: a short pause, a pan right with a small tilt up, a hand-shake, a pan back past the
// start and home again. Smooth everywhere except the shake.
Orientation syntheticCameraPath(double t, double seconds);

class SyntheticClip {
 public:
  // `panorama`: [3, H, 2H] float RGB in 0..1. `personBgr`: 8-bit BGR; `personAlpha`: CV_32F in
  // 0..1 of the same size (the person's matte, 1 = person).
  SyntheticClip(const at::Tensor& panorama, const cv::Mat& personBgr, const cv::Mat& personAlpha,
                const SyntheticClipSettings& settings);

  int frameCount() const;
  // Frame `index` as 8-bit BGR, and where its camera looked.
  cv::Mat frame(int index, Orientation* truth = nullptr) const;

 private:
  at::Tensor panorama_;
  cv::Mat personBgr_, personAlpha_;  // scaled to the frame, CV_32FC3 / CV_32F
  SyntheticClipSettings settings_;
};

}  // namespace panocast
