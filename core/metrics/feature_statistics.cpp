#include "metrics/feature_statistics.h"

#include <torch/torch.h>

#include <cmath>
#include <string>

#include "runtime/error.h"

namespace panocast {
namespace {

// tr √(Σ₁Σ₂) from the eigenvalues of the product. The product of two symmetric PSD matrices has
// real, non-negative eigenvalues in exact arithmetic; in floating point, rank-deficient Σ give
// tiny negative or complex ones. The principal complex square root maps those to (nearly)
// imaginary values whose real part is ~0, which is what the references sum. A symmetric (eigh)
// variant would be cheaper but no reference uses it, and it differs on such inputs.
double traceSqrtProduct(const torch::Tensor& sigma1, const torch::Tensor& sigma2) {
  auto eigenvalues = torch::linalg_eigvals(torch::matmul(sigma1, sigma2)).to(torch::kComplexDouble);
  return torch::real(torch::sqrt(eigenvalues)).sum().item<double>();
}

}  // namespace

FeatureStatistics featureStatistics(const torch::Tensor& features) {
  if (features.dim() != 2)
    throw Error("feature statistics: expected an [N, D] feature matrix, got " + std::to_string(features.dim()) +
                " dimensions");
  const int64_t n = features.size(0);
  if (n < 2)
    throw Error("feature statistics: need at least 2 feature rows for a covariance (got " + std::to_string(n) +
                "); add more images");
  auto x = features.detach().to(torch::kCPU, torch::kFloat64);
  auto mean = x.mean(0);
  auto centred = x - mean;
  auto covariance = torch::matmul(centred.t(), centred) / static_cast<double>(n - 1);
  return {mean, covariance, n};
}

double frechetDistance(const FeatureStatistics& a, const FeatureStatistics& b) {
  if (!a.mean.defined() || !b.mean.defined() || !a.covariance.defined() || !b.covariance.defined())
    throw Error("Fréchet distance: statistics are empty; compute them with featureStatistics first");
  const int64_t d = a.mean.size(0);
  if (b.mean.size(0) != d || a.covariance.sizes() != torch::IntArrayRef{d, d} ||
      b.covariance.sizes() != torch::IntArrayRef{d, d})
    throw Error("Fréchet distance: the two feature sets have different dimensions (" + std::to_string(d) +
                " and " + std::to_string(b.mean.size(0)) + "); were they made by the same extractor?");
  auto mu1 = a.mean.to(torch::kCPU, torch::kFloat64), mu2 = b.mean.to(torch::kCPU, torch::kFloat64);
  auto sigma1 = a.covariance.to(torch::kCPU, torch::kFloat64), sigma2 = b.covariance.to(torch::kCPU, torch::kFloat64);
  if (!torch::isfinite(sigma1).all().item<bool>() || !torch::isfinite(sigma2).all().item<bool>() ||
      !torch::isfinite(mu1).all().item<bool>() || !torch::isfinite(mu2).all().item<bool>())
    throw Error("Fréchet distance: the statistics contain NaN or infinity; check the features (and the images "
                "they came from) for invalid values");

  auto diff = mu1 - mu2;
  const double meanTerm = diff.dot(diff).item<double>();
  const double traces = (sigma1.trace() + sigma2.trace()).item<double>();
  double traceSqrt = traceSqrtProduct(sigma1, sigma2);
  if (!std::isfinite(traceSqrt)) {
    // SciPy-based references (pytorch-fid, clean-fid) retry with a small ridge when the square
    // root fails; kept for degenerate inputs only, where the eigenvalue solver did not converge.
    auto ridge = 1e-6 * torch::eye(d, sigma1.options());
    traceSqrt = traceSqrtProduct(sigma1 + ridge, sigma2 + ridge);
    if (!std::isfinite(traceSqrt))
      throw Error("Fréchet distance: the matrix square root did not converge; the feature sets are degenerate "
                  "(too few or identical images?)");
  }
  return meanTerm + traces - 2.0 * traceSqrt;
}

}  // namespace panocast
