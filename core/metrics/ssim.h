#pragma once
// Structural similarity restricted to a region: SSIM computed only where the whole comparison
// window lies inside a mask, so pixels a warp could not fill never enter the score.
#include <ATen/core/Tensor.h>

#include <cstdint>

namespace panocast {

struct MaskedSsim {
  double value = 0;         // mean SSIM over channels and the counted window centres
  int64_t windows = 0;      // window centres counted (whole 11×11 window inside the mask)
};

// Wang et al. (2004): 11×11 Gaussian window with σ 1.5, K1 = 0.01, K2 = 0.03, weighted
// statistics without the sample-covariance correction (as torchmetrics, and scikit-image with
// gaussian_weights=True, use_sample_covariance=False). `a`, `b`: [C, H, W] with values in
// 0 … dataRange; `mask`: [H, W] bool. Windows touching the image border or a masked-out pixel are
// skipped. Throws panocast::Error when no window fits inside the mask.
MaskedSsim maskedSsim(const at::Tensor& a, const at::Tensor& b, const at::Tensor& mask, double dataRange = 1.0);

}  // namespace panocast
