#pragma once
// One image from a prompt (sd2.md §10): prompts → context, seeded noise (or given latents) ×
// the scheduler's initial sigma, guided denoising, VAE decode. The multi-view methods reuse the
// same pieces with their own NoisePredictor.
#include <ATen/core/Tensor.h>

#include <cstdint>
#include <optional>
#include <string>

#include "diffusion/scheduler.h"
#include "engine/multidiffusion_strip.h"
#include "engine/sampler.h"

namespace panocast {

struct StableDiffusionModel;

struct TextToImageRequest {
  std::string prompt;
  std::string negativePrompt;  // "" is a real (empty) prompt, as in diffusers
  int steps = 50;
  double guidance = 7.5;
  std::optional<SchedulerKind> scheduler;  // default: the model's own
  int width = 512;
  int height = 512;
  uint64_t seed = 0;
  at::Tensor initialLatents;  // optional [1, 4, h, w], replaces the seeded noise
  // MultiDiffusion over a wide canvas (diffusers' panorama pipeline): the UNet runs on windows of
  // its native size which are averaged after every step; circular windows wrap around so the
  // left and right edges join seamlessly. Unset: one ordinary image.
  std::optional<StripWindows> strip;
};

struct StageTimings {
  double textSeconds = 0;
  double denoiseSeconds = 0;
  double decodeSeconds = 0;
  double totalSeconds() const { return textSeconds + denoiseSeconds + decodeSeconds; }
};

struct TextToImageResult {
  at::Tensor latents;  // final latents [1, 4, h, w], float32 on the CPU
  at::Tensor image;    // [1, 3, H, W] in 0..1, float32 on the CPU
  SchedulerConfig scheduler;
  int unetCalls = 0;
  StageTimings timings;
};

// Seeded initial noise [batch, channels, h, w] in float32, drawn on the CPU so a seed gives the
// same start on every device.
at::Tensor seededNoise(uint64_t seed, at::IntArrayRef shape);

// The run's first latents: `given` (checked against `shape`, converted to float32) or, when
// undefined, seeded noise of that shape.
at::Tensor startingLatents(const at::Tensor& given, at::IntArrayRef shape, uint64_t seed);

// Checks the image size against the model (multiples of 8 × 2^(UNet levels − 1)) and throws a
// panocast::Error that says which sizes work.
void requireImageSize(const StableDiffusionModel& model, int width, int height);

TextToImageResult generateImage(StableDiffusionModel& model, const TextToImageRequest& request,
                                const SamplingControl& control = {});

// Waits for queued GPU work so wall-clock timings mean something (no-op on the CPU).
void synchronizeDevice(const StableDiffusionModel& model);

}  // namespace panocast
