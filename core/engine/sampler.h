#pragma once
// The denoising loop every method shares (sd2.md §10): the scheduler decides the timesteps and
// the update, a NoisePredictor decides what the network sees (one image with classifier-free
// guidance, eight coupled views, …). Latents stay float32 whatever the network's dtype, so the
// scheduler's arithmetic is the same on every device.
#include <ATen/core/Tensor.h>

#include <functional>

#include "diffusion/scheduler.h"

namespace panocast {

struct SamplingProgress {
  int call = 0;   // 0-based UNet call just finished
  int calls = 0;  // UNet calls in the run
  double timestep = 0;
  double elapsedSeconds = 0;
  const at::Tensor* latents = nullptr;  // after this call's update; valid during the callback only
};

struct SamplingControl {
  std::function<void(const SamplingProgress&)> onStep;  // may be empty
  std::function<bool()> cancelRequested;                // polled before every call; may be empty
};

// The model's prediction (ε or v, per the scheduler's prediction type) for scaled input latents.
using NoisePredictor = std::function<at::Tensor(const at::Tensor& modelInput, double timestep)>;

// Optional coupling applied to the latents after every update (MultiDiffusion's averaging).
using LatentsTransform = std::function<at::Tensor(const at::Tensor& latents)>;

// Runs all of the scheduler's calls from `latents` (already multiplied by initNoiseSigma) and
// returns the final latents. Throws panocast::Cancelled when cancelRequested() turns true.
at::Tensor runSampler(Scheduler& scheduler, at::Tensor latents, const NoisePredictor& predict,
                      const SamplingControl& control = {}, const LatentsTransform& afterStep = {});

// ε_u + g(ε_c − ε_u) from one network evaluation of the doubled batch. `evaluate` gets the
// latents twice ([x; x]) and returns both predictions stacked the same way: unconditional
// first, as the text batch [negative; positive] is ordered. With g ≤ 1 only the conditional half
// is evaluated (diffusers' rule), so `evaluate` then receives x alone.
at::Tensor classifierFreeGuidance(const at::Tensor& modelInput, double guidance,
                                  const std::function<at::Tensor(const at::Tensor& batch, bool guided)>& evaluate);

}  // namespace panocast
