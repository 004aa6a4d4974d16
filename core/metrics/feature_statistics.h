#pragma once
// Gaussian statistics of a feature set (mean and sample covariance, float64) and the Fréchet
// distance between two of them: the maths of FID, separate from the network that makes features.
#include <ATen/core/Tensor.h>

#include <cstdint>

namespace panocast {

struct FeatureStatistics {
  at::Tensor mean;        // [D] float64, CPU
  at::Tensor covariance;  // [D, D] float64, CPU: sample covariance (divisor N − 1),
                          // as np.cov(rowvar=False)
  int64_t count = 0;      // N, the number of feature rows
};

// `features`: [N, D], any floating dtype and device, N ≥ 2. Computed in float64 on the CPU.
// torch-fidelity averages float32 features in float32; the float64 mean here differs from its μ
// by float32 rounding only (relative ~1e-7), and is the more accurate of the two.
FeatureStatistics featureStatistics(const at::Tensor& features);

// ‖μ₁−μ₂‖² + tr Σ₁ + tr Σ₂ − 2·tr √(Σ₁Σ₂), with tr √(Σ₁Σ₂) = Σ Re √λ over the eigenvalues λ of
// the non-symmetric product Σ₁Σ₂ taken as complex numbers (torch-fidelity 0.4, torchmetrics).
// Throws panocast::Error when the dimensions differ or the statistics are not finite.
double frechetDistance(const FeatureStatistics& a, const FeatureStatistics& b);

}  // namespace panocast
