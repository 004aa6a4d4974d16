#include "metrics/kid.h"

#include <torch/torch.h>

#include <cmath>
#include <string>
#include <vector>

#include "metrics/numpy_random.h"
#include "runtime/error.h"

namespace panocast {
namespace {

torch::Tensor asFloat64Features(const torch::Tensor& features, const char* which) {
  if (features.dim() != 2)
    throw Error(std::string("KID: ") + which + " features must be an [N, D] matrix, got " +
                std::to_string(features.dim()) + " dimensions");
  return features.detach().to(torch::kCPU, torch::kFloat64);
}

void requireSameDimension(const torch::Tensor& a, const torch::Tensor& b) {
  if (a.size(1) != b.size(1))
    throw Error("KID: the feature sets have different dimensions (" + std::to_string(a.size(1)) + " and " +
                std::to_string(b.size(1)) + "); were they made by the same extractor?");
}

KernelInceptionDistance meanAndPopulationStd(const std::vector<double>& values) {
  double mean = 0;
  for (double v : values) mean += v;
  mean /= static_cast<double>(values.size());
  double variance = 0;
  for (double v : values) variance += (v - mean) * (v - mean);
  return {mean, std::sqrt(variance / static_cast<double>(values.size()))};
}

double gammaFor(const KidSettings& settings, int64_t dimension) {
  return settings.gamma ? *settings.gamma : 1.0 / static_cast<double>(dimension);
}

}  // namespace

double polynomialMmd2(const torch::Tensor& xIn, const torch::Tensor& yIn, int degree, double gamma, double coef0) {
  auto x = xIn.to(torch::kFloat64), y = yIn.to(torch::kFloat64);
  const int64_t m = x.size(0);
  if (m < 2 || y.size(0) != m)
    throw Error("KID: subsets must hold the same number (≥ 2) of samples, got " + std::to_string(m) + " and " +
                std::to_string(y.size(0)));
  auto kernel = [&](const torch::Tensor& a, const torch::Tensor& b) {
    return (torch::matmul(a, b.t()) * gamma + coef0).pow(degree);
  };
  auto kxx = kernel(x, x), kyy = kernel(y, y), kxy = kernel(x, y);
  const double md = static_cast<double>(m);
  const double withinX = (kxx.sum() - kxx.diagonal().sum()).item<double>();
  const double withinY = (kyy.sum() - kyy.diagonal().sum()).item<double>();
  const double across = kxy.sum().item<double>();
  return (withinX + withinY) / (md * (md - 1.0)) - 2.0 * across / (md * md);
}

KernelInceptionDistance kernelInceptionDistance(const torch::Tensor& features1, const torch::Tensor& features2,
                                                const KidSettings& settings) {
  auto f1 = asFloat64Features(features1, "first"), f2 = asFloat64Features(features2, "second");
  requireSameDimension(f1, f2);
  if (settings.subsets < 1) throw Error("KID: the number of subsets must be at least 1");
  const int64_t m = settings.subsetSize;
  if (f1.size(0) < m || f2.size(0) < m)
    throw Error("KID: subsets of " + std::to_string(m) + " need at least that many images in both sets (got " +
                std::to_string(f1.size(0)) + " and " + std::to_string(f2.size(0)) +
                "); add images or lower the subset size");
  NumpyRandomState rng(settings.seed);
  const double gamma = gammaFor(settings, f1.size(1));
  std::vector<double> values;
  for (int s = 0; s < settings.subsets; ++s) {
    // Draw order matters for parity: set 1's subset, then set 2's, per subset.
    auto pick1 = torch::tensor(rng.choiceWithoutReplacement(f1.size(0), m), torch::kInt64);
    auto pick2 = torch::tensor(rng.choiceWithoutReplacement(f2.size(0), m), torch::kInt64);
    values.push_back(polynomialMmd2(f1.index_select(0, pick1), f2.index_select(0, pick2), settings.degree, gamma,
                                    settings.coef0));
  }
  return meanAndPopulationStd(values);
}

KernelInceptionDistance kernelInceptionDistance(const torch::Tensor& features1, const torch::Tensor& features2,
                                                const torch::Tensor& indices1, const torch::Tensor& indices2,
                                                const KidSettings& settings) {
  auto f1 = asFloat64Features(features1, "first"), f2 = asFloat64Features(features2, "second");
  requireSameDimension(f1, f2);
  if (indices1.dim() != 2 || indices1.sizes() != indices2.sizes() || indices1.size(0) < 1)
    throw Error("KID: subset index tables must both be [subsets, size] with the same shape");
  auto idx1 = indices1.to(torch::kCPU, torch::kInt64), idx2 = indices2.to(torch::kCPU, torch::kInt64);
  auto inRange = [](const torch::Tensor& idx, int64_t n) {
    return idx.min().item<int64_t>() >= 0 && idx.max().item<int64_t>() < n;
  };
  if (!inRange(idx1, f1.size(0)) || !inRange(idx2, f2.size(0)))
    throw Error("KID: a subset index lies outside its feature set");
  const double gamma = gammaFor(settings, f1.size(1));
  std::vector<double> values;
  for (int64_t s = 0; s < idx1.size(0); ++s)
    values.push_back(polynomialMmd2(f1.index_select(0, idx1[s]), f2.index_select(0, idx2[s]), settings.degree,
                                    gamma, settings.coef0));
  return meanAndPopulationStd(values);
}

}  // namespace panocast
