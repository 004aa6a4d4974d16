#include "metrics/ssim.h"

#include <torch/torch.h>

#include <string>

#include "runtime/error.h"

namespace panocast {
namespace {

constexpr int kWindow = 11;
constexpr double kSigma = 1.5;

// The Gaussian window is separable: a vertical then a horizontal 11-tap pass (22 multiplies per
// pixel instead of 121) gives the same zero-padded 2-D filter.
torch::Tensor gaussianTaps() {
  auto offsets = torch::arange(kWindow, torch::kFloat64) - (kWindow - 1) / 2.0;
  auto g = torch::exp(-(offsets * offsets) / (2 * kSigma * kSigma));
  return g / g.sum();
}

// Depthwise filtering of [C, H, W] with zero padding: values near the border are wrong, but those
// window centres are excluded by the coverage test anyway.
torch::Tensor filterSeparable(const torch::Tensor& x, const torch::Tensor& taps) {
  const int64_t channels = x.size(0);
  auto vertical = taps.view({1, 1, kWindow, 1}).expand({channels, 1, kWindow, 1}).contiguous();
  auto horizontal = taps.view({1, 1, 1, kWindow}).expand({channels, 1, 1, kWindow}).contiguous();
  auto out = torch::conv2d(x.unsqueeze(0), vertical, {}, 1, torch::IntArrayRef{kWindow / 2, 0}, 1, channels);
  return torch::conv2d(out, horizontal, {}, 1, torch::IntArrayRef{0, kWindow / 2}, 1, channels).squeeze(0);
}

}  // namespace

MaskedSsim maskedSsim(const torch::Tensor& aIn, const torch::Tensor& bIn, const torch::Tensor& mask,
                      double dataRange) {
  if (aIn.dim() != 3 || aIn.sizes() != bIn.sizes())
    throw Error("SSIM: expected two [channels, height, width] images of the same size");
  if (mask.dim() != 2 || mask.size(0) != aIn.size(1) || mask.size(1) != aIn.size(2))
    throw Error("SSIM: the mask must be [height, width] of the images");
  auto a = aIn.detach().to(torch::kCPU, torch::kFloat64), b = bIn.detach().to(torch::kCPU, torch::kFloat64);
  auto inside = mask.detach().to(torch::kCPU, torch::kFloat64);

  // A window centre counts when all 121 pixels of its window are inside the mask (an exact
  // integer count, unlike a Gaussian-weighted coverage).
  auto coverage = filterSeparable(inside.unsqueeze(0), torch::ones({kWindow}, torch::kFloat64)).squeeze(0);
  auto counted = coverage > kWindow * kWindow - 0.5;
  const int64_t windows = counted.sum().item<int64_t>();
  if (windows == 0)
    throw Error("SSIM: the overlap is too small for an 11×11 window; use larger images");

  const auto taps = gaussianTaps();
  auto muA = filterSeparable(a, taps), muB = filterSeparable(b, taps);
  auto varA = filterSeparable(a * a, taps) - muA * muA;
  auto varB = filterSeparable(b * b, taps) - muB * muB;
  auto covAB = filterSeparable(a * b, taps) - muA * muB;
  const double c1 = (0.01 * dataRange) * (0.01 * dataRange), c2 = (0.03 * dataRange) * (0.03 * dataRange);
  auto map = ((2 * muA * muB + c1) * (2 * covAB + c2)) / ((muA * muA + muB * muB + c1) * (varA + varB + c2));
  const double value = map.masked_select(counted.unsqueeze(0).expand_as(map)).mean().item<double>();
  return {value, windows};
}

}  // namespace panocast
