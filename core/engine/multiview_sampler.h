#pragma once
// The M-view denoising loop on given text embeddings, free of the tokenizer so benchmarks and
// engine-only builds use it directly: one UNet call per step over [uncond ×M ; cond ×M], with the
// method's hooks (CAA, shared attention) and after-step coupling (ring MultiDiffusion).
#include <ATen/core/Tensor.h>

#include "diffusion/scheduler.h"
#include "engine/sampler.h"
#include "nn/unet.h"

namespace panocast {

// The M-view loop on given embeddings (the building block the goldens check directly):
// latents [M, 4, h, w] (already × init sigma), unconditional/conditional [M, 77, C].
at::Tensor sampleViews(UNet2DCondition& unet, UNetHooks* hooks, Scheduler& scheduler, at::Tensor latents,
                       const at::Tensor& unconditional, const at::Tensor& conditional, double guidance,
                       c10::ScalarType dtype, const SamplingControl& control = {}, const LatentsTransform& afterStep = {});

}  // namespace panocast
