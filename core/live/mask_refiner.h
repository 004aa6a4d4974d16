#pragma once
// Turns a segmenter's raw person probability into the alpha matte users expect (live.md §4.4):
// soft throughout, steady without lagging moving edges (MediaPipe's uncertainty-weighted
// smoothing: confident pixels follow the new frame at once, only uncertain edges are averaged),
// small holes filled and stray islands removed (all at the model's resolution), upsampled to the
// frame with a fast guided filter so edges land on the frame's own edges, and feathered outward
// so the person is never eaten into.
#include <opencv2/core/mat.hpp>

namespace panocast {

struct MaskRefinerSettings {
  double smoothing = 0.7;             // 0 = none … 1 = uncertain pixels keep the previous value
  double threshold = 0.5;             // for the hole/island analysis only; the matte stays soft
  double minHoleFraction = 0.0015;    // enclosed background smaller than this (of the frame) is filled
  double minIslandFraction = 0.0015;  // person islands smaller than this are removed
  int guidedRadius = 12;              // pixels at frame size; 0 = plain bilinear upsampling
  double guidedEps = 1e-3;            // in (0..1 intensity)²: smaller follows image edges more
  int guidedSubsample = 4;            // the guided fit runs at 1/this of the frame's size
  // Matte levels after upsampling, as a keyer's clip black/white: the guided fit leaves faint
  // tails (a few % of the old background showing through the person, a grey halo outside);
  // values below clipBlack become 0, above clipWhite 1, and the edge between keeps its shape.
  double clipBlack = 0.1;
  double clipWhite = 0.9;
  int featherPx = 2;                  // outward feather: dilate, then blur, by this radius
};

class MaskRefiner {
 public:
  explicit MaskRefiner(const MaskRefinerSettings& settings = {}) : settings_(settings) {}

  // probability: CV_32F [0, 1] at any size (best: the model's); frame: 8-bit BGR (or grey) at full size. Returns the
  // alpha matte, CV_32F [0, 1] at the frame's size. Consecutive calls are consecutive frames.
  cv::Mat refine(const cv::Mat& probability, const cv::Mat& frame);
  // Forgets the previous frame (after a cut or a camera switch).
  void reset() { previous_.release(); }

  const MaskRefinerSettings& settings() const { return settings_; }
  void setSettings(const MaskRefinerSettings& settings) { settings_ = settings; }

 private:
  MaskRefinerSettings settings_;
  cv::Mat previous_;
};

// The steps, usable alone (tests, the studio's mask view).
cv::Mat smoothTemporally(const cv::Mat& probability, const cv::Mat& previous, double ratio);
cv::Mat fillHolesAndRemoveIslands(const cv::Mat& probability, double threshold, double minHoleFraction,
                                  double minIslandFraction);
cv::Mat featherOutward(const cv::Mat& alpha, int radius);

}  // namespace panocast
