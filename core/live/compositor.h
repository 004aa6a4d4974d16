#pragma once
// Person over background with a soft alpha matte, blended in linear light: blending sRGB values
// directly darkens soft edges (a dark halo around hair); linear light keeps them natural.
#include <opencv2/core/mat.hpp>

namespace panocast {

// foreground, background: 8-bit, 3 channels, same size; alpha: CV_32F [0, 1] at that size.
// Returns the 8-bit composite. `lightMatch` in [0, 1] moves the person's mean brightness toward
// the background's (0 = off), so a dim webcam image sits in a bright scene.
cv::Mat compositeLinear(const cv::Mat& foreground, const cv::Mat& background, const cv::Mat& alpha, double lightMatch = 0);

}  // namespace panocast
