#pragma once
// Inception Score from classifier logits, computed as torch-fidelity does (metrics.md §4), so the
// numbers are comparable with published ones that used it.
#include <ATen/core/Tensor.h>

#include <cstdint>

namespace panocast {

struct InceptionScoreSettings {
  int splits = 10;
  // torch-fidelity shuffles the rows with NumPy's RandomState(seed).permutation(N) before
  // splitting; with fewer than ~thousands of images the split scores depend on that order.
  bool shuffle = true;
  uint32_t seed = 2020;
};

struct InceptionScore {
  double mean = 0;  // mean of the per-split scores
  double std = 0;   // their population standard deviation (ddof 0)
};

// `logits`: [N, C] (the FID-Inception's 1008 logits without the fc bias, for torch-fidelity
// parity), any floating dtype; the maths runs in float64 on the CPU. Needs N ≥ splits.
InceptionScore inceptionScore(const at::Tensor& logits, const InceptionScoreSettings& settings = {});

}  // namespace panocast
