#include "geometry/sampling.h"

#include <torch/torch.h>

namespace panocast {
namespace {

using torch::indexing::Ellipsis;
using torch::indexing::Slice;

// Bicubic reads two pixels beyond the sample; four columns of wrap-around keep both kernels exact.
constexpr int kWrapColumns = 4;

// at::grid_sampler takes the modes as integers (bilinear 0, nearest 1, bicubic 2; border
// padding 1): LibTorch 1.13's functional options cannot name bicubic.
torch::Tensor gridSample(const torch::Tensor& input, const torch::Tensor& grid, Interpolation interpolation) {
  const int64_t mode = interpolation == Interpolation::Bicubic ? 2 : 0;
  constexpr int64_t kBorderPadding = 1;
  return torch::grid_sampler(input, grid.to(input.dtype()), mode, kBorderPadding, /*align_corners=*/false);
}

}  // namespace

torch::Tensor sampleEquirect(const torch::Tensor& image, const torch::Tensor& uv, Interpolation interpolation) {
  const auto h = image.size(1), w = image.size(2);
  auto padded = torch::cat({image.index({Slice(), Slice(), Slice(w - kWrapColumns, w)}), image,
                            image.index({Slice(), Slice(), Slice(0, kWrapColumns)})},
                           2);
  // Longitudes outside [0, w) (exactly ±180°) fold back into the image before padding applies.
  auto u = torch::remainder(uv.index({Ellipsis, 0}), static_cast<double>(w));
  auto v = uv.index({Ellipsis, 1});
  auto gx = (u + kWrapColumns) * (2.0 / (w + 2 * kWrapColumns)) - 1.0;
  auto gy = v * (2.0 / h) - 1.0;
  auto shape = uv.sizes().vec();
  shape.pop_back();
  auto grid = torch::stack({gx, gy}, -1).reshape({1, 1, -1, 2});
  auto out = gridSample(padded.unsqueeze(0), grid, interpolation);  // [1, C, 1, N]
  std::vector<int64_t> outShape{image.size(0)};
  outShape.insert(outShape.end(), shape.begin(), shape.end());
  return out.reshape(outShape);
}

torch::Tensor samplePixels(const torch::Tensor& images, const torch::Tensor& xy, Interpolation interpolation) {
  const auto n = images.size(0), h = images.size(2), w = images.size(3);
  auto gx = (xy.index({Ellipsis, 0}) + 0.5) * (2.0 / w) - 1.0;
  auto gy = (xy.index({Ellipsis, 1}) + 0.5) * (2.0 / h) - 1.0;
  auto shape = xy.sizes().vec();
  shape.pop_back();
  auto grid = torch::stack({gx, gy}, -1).reshape({n, 1, -1, 2});
  auto out = gridSample(images, grid, interpolation);  // [N, C, 1, M]
  std::vector<int64_t> outShape{n, images.size(1)};
  outShape.insert(outShape.end(), shape.begin() + 1, shape.end());
  return out.reshape(outShape);
}

}  // namespace panocast
