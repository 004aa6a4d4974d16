#pragma once
// Kernel Inception Distance as torch-fidelity computes it (metrics.md §5): the unbiased MMD²
// with a polynomial kernel, averaged over random subsets of both feature sets.
#include <ATen/core/Tensor.h>

#include <cstdint>
#include <optional>

namespace panocast {

struct KidSettings {
  int subsets = 100;
  int64_t subsetSize = 1000;
  // Kernel k(x, y) = (γ·xᵀy + coef0)^degree; γ defaults to 1/D (D = feature dimension).
  int degree = 3;
  std::optional<double> gamma;
  double coef0 = 1.0;
  // Subset indices come from NumPy's RandomState(seed): per subset, choice(N₁, m) for set 1 then
  // choice(N₂, m) for set 2, each without replacement.
  uint32_t seed = 2020;
};

struct KernelInceptionDistance {
  double mean = 0;  // mean of the per-subset MMD² (slightly negative values are valid)
  double std = 0;   // their population standard deviation (ddof 0)
};

// `features1` [N₁, D], `features2` [N₂, D]; both need at least subsetSize rows. Float64 maths on
// the CPU. torch-fidelity runs the kernel in the features' own precision (float32 for Inception
// features), so expect agreement to float32 rounding there, not to the last bit.
KernelInceptionDistance kernelInceptionDistance(const at::Tensor& features1, const at::Tensor& features2,
                                                const KidSettings& settings = {});

// The same with the subsets given: row s of `indices1` / `indices2` ([S, m], integer) selects
// subset s of each set. `settings.subsets`, `subsetSize` and `seed` are ignored.
KernelInceptionDistance kernelInceptionDistance(const at::Tensor& features1, const at::Tensor& features2,
                                                const at::Tensor& indices1, const at::Tensor& indices2,
                                                const KidSettings& settings = {});

// Unbiased MMD² between equally sized samples x [m, D] and y [m, D] (m ≥ 2): the mean kernel
// value within x and within y excluding the diagonals, minus twice the mean across.
double polynomialMmd2(const at::Tensor& x, const at::Tensor& y, int degree, double gamma, double coef0);

}  // namespace panocast
