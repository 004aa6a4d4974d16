#include "support/compare.h"

#include <torch/torch.h>

#include <cmath>
#include <sstream>

namespace panocast::test {

double relativeL2(const torch::Tensor& actual, const torch::Tensor& expected) {
  auto a = actual.to(torch::kFloat64), b = expected.to(torch::kFloat64);
  return ((a - b).norm() / b.norm().clamp_min(1e-300)).item<double>();
}

::testing::AssertionResult allClose(const torch::Tensor& actualIn, const torch::Tensor& expectedIn, double atol,
                                    double rtol) {
  if (actualIn.sizes() != expectedIn.sizes()) {
    std::ostringstream s;
    s << "shape " << actualIn.sizes() << " != expected " << expectedIn.sizes();
    return ::testing::AssertionFailure() << s.str();
  }
  auto actual = actualIn.detach().to(torch::kCPU, torch::kFloat64).contiguous();
  auto expected = expectedIn.detach().to(torch::kCPU, torch::kFloat64).contiguous();
  if (!torch::isfinite(actual).all().item<bool>()) return ::testing::AssertionFailure() << "non-finite values";
  auto error = (actual - expected).abs();
  auto allowed = atol + rtol * expected.abs();
  auto bad = error > allowed;
  if (!bad.any().item<bool>()) return ::testing::AssertionSuccess();
  auto flatIndex = (error - allowed).flatten().argmax().item<int64_t>();
  std::ostringstream s;
  s << bad.sum().item<int64_t>() << " of " << error.numel() << " elements outside atol " << atol << " rtol " << rtol
    << "; worst at flat index " << flatIndex << ": actual " << actual.flatten()[flatIndex].item<double>()
    << " expected " << expected.flatten()[flatIndex].item<double>() << "; max abs error "
    << error.max().item<double>() << "; relative L2 " << relativeL2(actual, expected);
  return ::testing::AssertionFailure() << s.str();
}

double psnr(const torch::Tensor& a, const torch::Tensor& b, const torch::Tensor& mask) {
  auto diff = (a.to(torch::kFloat64) - b.to(torch::kFloat64)).pow(2);
  double mse;
  if (mask.defined()) {
    auto m = mask.to(torch::kFloat64).expand_as(diff);
    mse = ((diff * m).sum() / m.sum().clamp_min(1)).item<double>();
  } else {
    mse = diff.mean().item<double>();
  }
  return 10.0 * std::log10(1.0 / std::max(mse, 1e-20));
}

}  // namespace panocast::test
