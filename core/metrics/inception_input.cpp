#include "metrics/inception_input.h"

#include <torch/torch.h>

#include <string>

#include "runtime/error.h"

namespace panocast {
namespace {

namespace F = torch::nn::functional;

constexpr int64_t kInceptionSize = 299;

void checkImages(const at::Tensor& images, const char* who, const char* expectation) {
  if (!images.defined() || images.dim() != 4 || images.size(1) != 3)
    throw Error(std::string(who) + ": expected images as a [batch, 3, height, width] tensor (" + expectation + "), got " +
                (images.defined() ? std::to_string(images.dim()) + " dimensions" +
                                        (images.dim() >= 2 ? " with " + std::to_string(images.size(1)) + " channels"
                                                           : std::string())
                                  : std::string("an undefined tensor")));
  if (images.size(0) == 0 || images.size(2) == 0 || images.size(3) == 0)
    throw Error(std::string(who) + ": the image batch is empty");
}

// Source coordinates along one axis exactly as torch-fidelity computes them: the scale is a
// float32 scalar (Python's in/out rounded once), multiplied into a float32 arange, truncated to
// the lower index; the weight is the float32 remainder.
struct AxisSamples {
  at::Tensor lo, hi, fraction;
};

AxisSamples tf1Samples(int64_t in, int64_t out, const at::TensorOptions& options) {
  const float scale = static_cast<float>(static_cast<double>(in) / static_cast<double>(out));
  auto grid = torch::arange(0, out, 1, options.dtype(torch::kFloat32)) * torch::tensor(scale, options.dtype(torch::kFloat32));
  auto lo = grid.to(torch::kLong);
  auto hi = (lo + 1).clamp_max(in - 1);
  return {lo, hi, grid - lo.to(torch::kFloat32)};
}

}  // namespace

at::Tensor resizeBilinearTf1(const at::Tensor& images, int64_t height, int64_t width) {
  if (!images.defined() || images.dim() != 4)
    throw Error("TF1 bilinear resize: expected a [batch, channels, height, width] tensor");
  if (images.scalar_type() != torch::kFloat32)
    throw Error("TF1 bilinear resize: expected float32 values (torch-fidelity resizes uint8 images as float32)");
  if (height <= 0 || width <= 0 || images.size(2) == 0 || images.size(3) == 0)
    throw Error("TF1 bilinear resize: sizes must be positive");
  const auto ys = tf1Samples(images.size(2), height, images.options());
  const auto xs = tf1Samples(images.size(3), width, images.options());
  const auto rowsLo = images.index_select(2, ys.lo), rowsHi = images.index_select(2, ys.hi);
  const auto in00 = rowsLo.index_select(3, xs.lo), in01 = rowsLo.index_select(3, xs.hi);
  const auto in10 = rowsHi.index_select(3, xs.lo), in11 = rowsHi.index_select(3, xs.hi);
  // Same operation order as the reference (x first on both rows, then y), so results are
  // bit-identical on the same hardware rather than merely close.
  const auto dx = xs.fraction.view({1, 1, 1, width}), dy = ys.fraction.view({1, 1, height, 1});
  const auto in0 = in00 + (in01 - in00) * dx;
  const auto in1 = in10 + (in11 - in10) * dx;
  return in0 + (in1 - in0) * dy;
}

at::Tensor torchFidelityInceptionInput(const at::Tensor& imagesUint8) {
  checkImages(imagesUint8, "torch-fidelity Inception input", "uint8, values 0…255");
  if (imagesUint8.scalar_type() != torch::kUInt8)
    throw Error("torch-fidelity Inception input: expected uint8 images (0…255); convert [0, 1] floats with "
                "imagesToUint8() so the rounding is explicit");
  const auto resized = resizeBilinearTf1(imagesUint8.to(torch::kFloat32), kInceptionSize, kInceptionSize);
  return (resized - 128) / 128;
}

at::Tensor pytorchFidInceptionInput(const at::Tensor& images) {
  checkImages(images, "pytorch-fid Inception input", "floats in [0, 1] or uint8");
  auto x = images.scalar_type() == torch::kUInt8 ? images.to(torch::kFloat32).div(255)
           : images.is_floating_point()         ? images.to(torch::kFloat32)
                                                : at::Tensor();
  if (!x.defined()) throw Error("pytorch-fid Inception input: expected floating-point images in [0, 1] or uint8");
  x = F::interpolate(x, F::InterpolateFuncOptions()
                            .size(std::vector<int64_t>{kInceptionSize, kInceptionSize})
                            .mode(torch::kBilinear)
                            .align_corners(false));
  return 2 * x - 1;
}

at::Tensor imagesToUint8(const at::Tensor& images01) {
  if (!images01.defined() || !images01.is_floating_point())
    throw Error("imagesToUint8: expected floating-point images in [0, 1]");
  return (images01 * 255).round().clamp(0, 255).to(torch::kUInt8);
}

}  // namespace panocast
