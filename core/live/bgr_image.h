#pragma once
// Between OpenCV's 8-bit BGR frames (video, camera, drawing) and the engine's RGB ImageU8 (image
// files, segmenters, the video writer): one place for the channel order, so no caller swaps red
// and blue by hand.
#include <opencv2/core/mat.hpp>

#include "io/image.h"

namespace panocast {

// An 8-bit BGR (or grey) frame as an RGB image (a copy).
ImageU8 rgbFromBgr(const cv::Mat& bgr);
// An RGB, RGBA or grey image as an 8-bit BGR frame (a copy; alpha dropped, grey replicated).
cv::Mat bgrFromImage(const ImageU8& image);

}  // namespace panocast
