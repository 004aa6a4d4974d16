#pragma once
// Gaussian/Laplacian pyramids on 360° canvases (horizontal wrap-around) and multi-band blending.
#include <ATen/core/Tensor.h>

#include <vector>

namespace panocast {

// Blurs with the 5-tap binomial kernel, wrapping horizontally and clamping vertically, then
// keeps every second row and column. `image`: [C, H, W].
at::Tensor pyramidDown(const at::Tensor& image);
// Bilinear enlargement of a coarser level back to `height`×`width`.
at::Tensor pyramidUp(const at::Tensor& image, int64_t height, int64_t width);

// Accumulates images with hard ownership masks and blends them band by band.
class PyramidBlender {
 public:
  explicit PyramidBlender(int levels) : levels_(levels < 1 ? 1 : levels) {}
  // `image` [C, H, W]; `mask` [H, W] in 0..1: where this image should win.
  void add(const at::Tensor& image, const at::Tensor& mask);
  // The blended [C, H, W] image (zero where no mask ever reached).
  at::Tensor result() const;

 private:
  int levels_;
  std::vector<at::Tensor> weighted_;   // Σ Laplacian level × blurred mask
  std::vector<at::Tensor> weights_;    // Σ blurred mask
};

}  // namespace panocast
