#pragma once
// Edge-aware upsampling of a soft mask to the frame's size: the fast guided filter (He & Sun,
// "Fast Guided Filter", 2015) with the frame's colour as the guide. The local linear model
// alpha ≈ A·rgb + b is fitted on a subsampled grid, where it is cheap, and then applied to the
// full-resolution frame, so the mask's edge lands on the frame's own edges (hair, shoulders)
// rather than on the blocky bilinear edge of a 256-pixel model output.
//
// Hand-written on OpenCV box filters: OpenCV's ximgproc::guidedFilter works at one resolution
// only, which at 720p costs ~100 ms a frame; this costs a few milliseconds.
#include <opencv2/core/mat.hpp>

namespace panocast {

struct GuidedUpsampling {
  int radius = 12;      // window radius in frame pixels
  double eps = 1e-3;    // regularisation in (0..1 intensity)²: smaller follows image edges more
  int subsample = 4;    // the fit runs at 1/subsample of the frame's size
};

// `mask`: CV_32F at any size (typically the model's); `frame`: 8-bit BGR at full size. Returns
// CV_32F at the frame's size (not clamped: callers clamp to [0, 1]).
cv::Mat guidedUpsample(const cv::Mat& mask, const cv::Mat& frame, const GuidedUpsampling& settings);

}  // namespace panocast
