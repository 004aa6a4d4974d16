#pragma once
// The live background on the CPU: the panorama seen through the webcam's pinhole camera, with
// OpenCV's remap instead of LibTorch's grid_sample.
//
// Why a second renderer next to geometry/panorama_renderer: at 1280×720 the tensor path spends
// most of its time on per-pixel trigonometry (≈400 ms a frame on two cores), while the ray map
// of a pinhole camera is so smooth that computing it on a 4×-coarser grid and interpolating it
// is exact to a few hundredths of a pixel. The same conventions as geometry/rays.h apply, and a
// test holds the two renderers to the same image.
#include <opencv2/core/mat.hpp>

#include "geometry/camera.h"

namespace panocast {

class BackgroundRenderer {
 public:
  // `panoramaBgr`: 8-bit BGR equirectangular (width = 2 × height).
  explicit BackgroundRenderer(const cv::Mat& panoramaBgr);

  // 8-bit BGR, camera.width × camera.height, bilinear. Rectilinear cameras only (a webcam).
  cv::Mat render(const Camera& camera);

 private:
  void buildMap(const Camera& camera);
  cv::Mat padded_;          // the panorama with one wrapped column and one repeated row each side
  int width_ = 0, height_ = 0;
  cv::Mat coarseX_, coarseY_, mapX_, mapY_;
};

}  // namespace panocast
