#include "metrics/view_consistency.h"

#include <torch/torch.h>

#include <cmath>
#include <limits>
#include <string>

#include "geometry/sampling.h"
#include "metrics/ssim.h"
#include "runtime/error.h"

namespace panocast {
namespace {

void requireImageOfCamera(const torch::Tensor& image, const Camera& camera, int index) {
  if (image.dim() != 3 || image.size(1) != camera.height || image.size(2) != camera.width)
    throw Error("view consistency: view " + std::to_string(index) + " must be a [channels, " +
                std::to_string(camera.height) + ", " + std::to_string(camera.width) +
                "] image to match its rig camera");
}

}  // namespace

double psnrFromMse(double mse) {
  return mse > 0 ? 10.0 * std::log10(255.0 * 255.0 / mse) : std::numeric_limits<double>::infinity();
}

NeighbourWarp warpNeighbour(const torch::Tensor& viewJ, const Rig& rig, int i, int j) {
  if (i < 0 || j < 0 || i >= rig.size() || j >= rig.size())
    throw Error("view consistency: view index outside the rig of " + std::to_string(rig.size()) + " cameras");
  const Camera& from = rig.camera(i);
  const Camera& to = rig.camera(j);
  requireImageOfCamera(viewJ, to, j);

  // Homogeneous mapping in float64: (x′, y′) near the overlap edge decide membership, and the
  // third coordinate tells points in front of camera j from those behind it, which would
  // otherwise dehomogenise to plausible-looking pixels (not possible for the 8-view ring, but
  // for wider or pitched rigs).
  const auto options = torch::TensorOptions().dtype(torch::kFloat64);
  auto grid = torch::meshgrid({torch::arange(from.height, options), torch::arange(from.width, options)}, "ij");
  auto points = torch::stack({grid[1], grid[0], torch::ones_like(grid[0])}, -1);
  const Mat3 h = rig.homography(i, j);
  auto hTensor = torch::tensor(std::vector<double>(h.m.begin(), h.m.end()), options).reshape({3, 3});
  auto mapped = torch::matmul(points, hTensor.t());
  auto w = mapped.select(-1, 2);
  auto x = mapped.select(-1, 0) / w, y = mapped.select(-1, 1) / w;
  auto mask = (w > 0) & (x >= 0) & (x <= to.width - 1) & (y >= 0) & (y <= to.height - 1);

  // Points outside the mask are clamped to keep the sampler's arithmetic finite; they are never used.
  auto xy = torch::stack(
      {torch::nan_to_num(x).clamp(0, to.width - 1), torch::nan_to_num(y).clamp(0, to.height - 1)}, -1);
  auto image = viewJ.detach().to(torch::kCPU, torch::kFloat64).unsqueeze(0);
  auto warped = samplePixels(image, xy.unsqueeze(0), Interpolation::Bilinear).squeeze(0);
  return {warped, mask};
}

ViewConsistency viewConsistency(const torch::Tensor& views, const Rig& rig) {
  if (views.dim() != 4)
    throw Error("view consistency: expected [views, channels, height, width] images");
  const int n = static_cast<int>(views.size(0));
  if (n != rig.size())
    throw Error("view consistency: " + std::to_string(n) + " views for a rig of " + std::to_string(rig.size()) +
                " cameras");
  if (n < 2) throw Error("view consistency: needs at least two views");
  auto images = views.detach().to(torch::kCPU, torch::kFloat64);

  ViewConsistency result;
  double pooledSquaredError = 0, psnrSum = 0, ssimSum = 0;
  int64_t pooledCount = 0;
  for (int i = 0; i < n; ++i) {
    const int j = (i + 1) % n;
    requireImageOfCamera(images[i], rig.camera(i), i);
    const NeighbourWarp warp = warpNeighbour(images[j], rig, i, j);
    PairConsistency pair;
    pair.from = i;
    pair.to = j;
    pair.overlapPixels = warp.mask.sum().item<int64_t>();
    if (pair.overlapPixels == 0)
      throw Error("view consistency: views " + std::to_string(i) + " and " + std::to_string(j) +
                  " do not overlap; is the rig a ring of neighbouring views?");
    // On the 0–255 scale, as the metric is defined; the PSNR itself does not depend on the scale.
    auto diff = (images[i] - warp.warped) * 255.0;
    const double squaredError = diff.pow(2).masked_select(warp.mask.unsqueeze(0).expand_as(diff)).sum().item<double>();
    const int64_t count = pair.overlapPixels * images.size(1);
    pair.mse = squaredError / static_cast<double>(count);
    pair.psnrDb = psnrFromMse(pair.mse);
    pair.ssim = maskedSsim(images[i], warp.warped, warp.mask).value;
    pooledSquaredError += squaredError;
    pooledCount += count;
    psnrSum += pair.psnrDb;
    ssimSum += pair.ssim;
    result.pairs.push_back(pair);
  }
  result.meanPsnrDb = psnrSum / n;
  result.meanSsim = ssimSum / n;
  result.pooledPsnrDb = psnrFromMse(pooledSquaredError / static_cast<double>(pooledCount));
  return result;
}

}  // namespace panocast
