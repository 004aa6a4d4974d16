#include "geometry/image_pyramid.h"

#include <torch/torch.h>

namespace panocast {
namespace {

namespace F = torch::nn::functional;

torch::Tensor blur(const torch::Tensor& image) {
  auto kernel = torch::tensor({1.0f, 4.0f, 6.0f, 4.0f, 1.0f}, image.options()) / 16.0f;
  const auto c = image.size(0);
  auto x = image.unsqueeze(0);
  x = F::pad(x, F::PadFuncOptions({2, 2, 0, 0}).mode(torch::kCircular));
  x = F::conv2d(x, kernel.view({1, 1, 1, 5}).expand({c, 1, 1, 5}), F::Conv2dFuncOptions().groups(c));
  x = F::pad(x, F::PadFuncOptions({0, 0, 2, 2}).mode(torch::kReplicate));
  x = F::conv2d(x, kernel.view({1, 1, 5, 1}).expand({c, 1, 5, 1}), F::Conv2dFuncOptions().groups(c));
  return x[0];
}

std::vector<torch::Tensor> gaussianPyramid(const torch::Tensor& image, int levels) {
  std::vector<torch::Tensor> pyramid{image};
  for (int k = 1; k < levels && pyramid.back().size(1) >= 4 && pyramid.back().size(2) >= 4; ++k)
    pyramid.push_back(pyramidDown(pyramid.back()));
  return pyramid;
}

}  // namespace

torch::Tensor pyramidDown(const torch::Tensor& image) {
  using torch::indexing::Slice;
  return blur(image).index({Slice(), Slice(0, torch::indexing::None, 2), Slice(0, torch::indexing::None, 2)});
}

torch::Tensor pyramidUp(const torch::Tensor& image, int64_t height, int64_t width) {
  return F::interpolate(image.unsqueeze(0), F::InterpolateFuncOptions()
                                                .size(std::vector<int64_t>{height, width})
                                                .mode(torch::kBilinear)
                                                .align_corners(false))[0];
}

void PyramidBlender::add(const torch::Tensor& image, const torch::Tensor& mask) {
  auto gauss = gaussianPyramid(image, levels_);
  auto masks = gaussianPyramid(mask.unsqueeze(0).to(image.dtype()), static_cast<int>(gauss.size()));
  for (size_t k = 0; k < gauss.size(); ++k) {
    auto band = k + 1 < gauss.size() ? gauss[k] - pyramidUp(gauss[k + 1], gauss[k].size(1), gauss[k].size(2)) : gauss[k];
    auto contribution = band * masks[k];
    if (weighted_.size() <= k) {
      weighted_.push_back(contribution);
      weights_.push_back(masks[k].clone());
    } else {
      weighted_[k] += contribution;
      weights_[k] += masks[k];
    }
  }
}

torch::Tensor PyramidBlender::result() const {
  if (weighted_.empty()) return {};
  torch::Tensor out;
  for (size_t k = weighted_.size(); k-- > 0;) {
    auto level = weighted_[k] / weights_[k].clamp_min(1e-6);
    out = out.defined() ? pyramidUp(out, level.size(1), level.size(2)) + level : level;
  }
  return out;
}

}  // namespace panocast
