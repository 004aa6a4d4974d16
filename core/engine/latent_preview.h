#pragma once
// A cheap look at latents during sampling: a per-pixel linear map from the four latent channels
// to RGB, fitted once to the model's own VAE (decode a few random latents, average each 8×8
// pixel block, least squares). About a thousand times cheaper than decoding, good enough to
// see composition and colour appear; it works for any SD-family VAE without stored constants.
#include <ATen/core/Tensor.h>

#include <mutex>

#include "nn/autoencoder_kl.h"

namespace panocast {

class LatentPreviewer {
 public:
  explicit LatentPreviewer(AutoencoderKL vae) : vae_(std::move(vae)) {}

  // latents [B, C, h, w] (the diffusion model's scaled latents) → RGB [B, 3, h, w] in 0..1 on the CPU.
  at::Tensor rgb(const at::Tensor& latents);

 private:
  void fit();
  AutoencoderKL vae_;
  std::once_flag fitted_;
  at::Tensor weights_;  // [C + 1, 3]: channels and a bias row
};

}  // namespace panocast
