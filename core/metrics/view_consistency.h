#pragma once
// How well neighbouring views of a ring agree where they overlap (metrics.md §7.1): each view is
// compared with its right-hand neighbour warped into it by the rotation homography, over the
// pixels that land inside the neighbour. Views of one true panorama agree up to resampling;
// views generated independently disagree, which is what multi-view methods try to fix.
#include <ATen/core/Tensor.h>

#include <cstdint>
#include <vector>

#include "geometry/rig.h"

namespace panocast {

// View j resampled at view i's pixels, and where that is possible.
struct NeighbourWarp {
  at::Tensor warped;  // [C, H, W] float64: view j bilinearly sampled at H(i→j)·(x, y, 1)
  at::Tensor mask;    // [H, W] bool: the mapped point is in front of camera j and inside
                      // 0 ≤ x′ ≤ W−1, 0 ≤ y′ ≤ H−1 (so bilinear sampling never reads outside)
};

// `viewJ`: [C, H, W] float image of rig camera j. Rig cameras must match the image size.
NeighbourWarp warpNeighbour(const at::Tensor& viewJ, const Rig& rig, int i, int j);

struct PairConsistency {
  int from = 0;               // view i
  int to = 0;                 // view j = (i + 1) mod N, warped into view i
  int64_t overlapPixels = 0;  // pixels of view i inside the mask
  double mse = 0;             // over overlap pixels × channels, on the 0–255 scale
  double psnrDb = 0;          // 10·log10(255² / mse); +∞ when the overlap agrees exactly
  double ssim = 0;            // masked SSIM (ssim.h) over the same overlap, data range 1
};

struct ViewConsistency {
  std::vector<PairConsistency> pairs;  // pair k compares views k and (k+1) mod N; the last is the wrap pair
  double meanPsnrDb = 0;    // mean of the N per-pair PSNRs, wrap pair included (§7.1)
  double pooledPsnrDb = 0;  // squared errors of all pairs pooled before the log (torchmetrics dim=None)
  double meanSsim = 0;      // mean of the N per-pair SSIMs, wrap pair included

  // The 360° seam: the last view against the first.
  const PairConsistency& wrapPair() const { return pairs.back(); }
};

// 10·log10(255² / mse) for an MSE on the 0–255 scale; +∞ for an exact match.
double psnrFromMse(double mse);

// `views`: [N, C, H, W] float in 0…1 (as io/image_tensor.h makes them), one per rig camera in
// ring order, N ≥ 2. Throws panocast::Error when the views and the rig do not fit together.
ViewConsistency viewConsistency(const at::Tensor& views, const Rig& rig);

}  // namespace panocast
