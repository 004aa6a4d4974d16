#pragma once
// MultiDiffusion on one wide latent canvas, as diffusers' StableDiffusionPanoramaPipeline does it
// (sd2.md §11): 64×64 latent windows every 8 cells (wrapping past the right edge with circular
// padding), each denoised with its own scheduler state, the canvas set to the per-cell average
// of the windows after every step. Any canvas height works (the reference's circular path
// assumes 512 px).
#include <ATen/core/Tensor.h>

#include "diffusion/scheduler.h"
#include "engine/sampler.h"
#include "nn/unet.h"

namespace panocast {

struct StripWindows {
  int window = 64;  // latent cells
  int stride = 8;
  bool circular = false;
};

// The windows' top-left corners (row, column) for a canvas of h × w latent cells.
std::vector<std::pair<int, int>> stripWindowOrigins(int h, int w, const StripWindows& windows);

// latents [1, 4, h, w] already × initNoiseSigma; embeddings [1, 77, C]. `scheduler` has its
// timesteps set; each window gets a copy of it.
at::Tensor sampleMultiDiffusionStrip(UNet2DCondition& unet, const Scheduler& scheduler, at::Tensor latents,
                                     const at::Tensor& unconditional, const at::Tensor& conditional, double guidance,
                                     c10::ScalarType dtype, const StripWindows& windows = {},
                                     const SamplingControl& control = {});

}  // namespace panocast
