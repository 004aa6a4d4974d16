#pragma once
// The eight-view panorama job: prompts (one for all views or one per view) → M coupled views
// denoised in one batch with the chosen method → decoded views. Stitching is the caller's (the
// Foundation stitcher), so the views can also be shown and scored on their own.
#include <ATen/core/Tensor.h>

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "engine/multiview_methods.h"
#include "engine/multiview_sampler.h"
#include "engine/sampler.h"
#include "engine/text_to_image.h"
#include "multiview/caa_modules.h"

namespace panocast {

struct StableDiffusionModel;

struct PanoramaRequest {
  std::vector<std::string> prompts;  // 1 (shared) or one per view
  std::string negativePrompt;        // MVDiffusion: "" (its released code has no negative prompt)
  MultiViewMethod method = MultiViewMethod::Caa;
  int views = 8;
  double fovDeg = 90;
  int viewSize = 512;                // pixels per side
  int steps = 50;                    // MVDiffusion's preset: DDIM 50, guidance 9
  double guidance = 9.0;
  std::optional<SchedulerKind> scheduler = SchedulerKind::Ddim;
  uint64_t seed = 0;
  at::Tensor initialLatents;         // optional [1, M, 4, h, w]
  std::set<int> sharedAttentionLevels{0, 1, 2, 3, 4};
};

struct PanoramaTimings {
  double textSeconds = 0, denoiseSeconds = 0, decodeSeconds = 0;
};

struct PanoramaResult {
  at::Tensor latents;  // [M, 4, h, w] float32, CPU
  at::Tensor views;    // [M, 3, S, S] in 0..1, float32, CPU
  SchedulerConfig scheduler;
  int unetCalls = 0;
  PanoramaTimings timings;
};

// The rig of a request: M views at yaw 360°/M·i, pitch 0, square, `fovDeg` wide.
Rig panoramaRig(const PanoramaRequest& request);

// `caa` is needed for MultiViewMethod::Caa only (loadCaaModules); it must be on the model's device.
PanoramaResult generatePanoramaViews(StableDiffusionModel& model, const CaaModules* caa, const PanoramaRequest& request,
                                     const SamplingControl& control = {});

}  // namespace panocast
