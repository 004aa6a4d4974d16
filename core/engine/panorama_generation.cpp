#include "engine/panorama_generation.h"

#include <torch/torch.h>

#include <chrono>

#include "engine/prompt_encoding.h"
#include "engine/sd_model.h"
#include "runtime/error.h"
#include "runtime/stopwatch.h"

namespace panocast {
Rig panoramaRig(const PanoramaRequest& request) { return Rig::ring(request.views, request.fovDeg, request.viewSize); }

PanoramaResult generatePanoramaViews(StableDiffusionModel& model, const CaaModules* caa, const PanoramaRequest& request,
                                     const SamplingControl& control) {
  torch::NoGradGuard noGrad;
  const int views = request.views;
  if (views < 2 || views > 64) throw Error("views must be between 2 and 64");
  if (request.prompts.size() != 1 && request.prompts.size() != static_cast<size_t>(views))
    throw Error("give one prompt for all views or exactly " + std::to_string(views) + " (one per view), not " +
                std::to_string(request.prompts.size()));
  if (!(request.fovDeg > 10 && request.fovDeg < 170)) throw Error("field of view must be between 10° and 170°");
  if (request.steps < 1 || request.steps > 1000) throw Error("steps must be between 1 and 1000");
  requireImageSize(model, request.viewSize, request.viewSize);
  if (request.method == MultiViewMethod::Caa && !caa)
    throw Error("the caa method needs CAA weights (MVDiffusion's pano.ckpt converted, or --caa FILE.safetensors)");

  const int scale = model.vaeScale();
  const int64_t latentSide = request.viewSize / scale, channels = model.unet->config().inChannels;
  PanoramaResult result;
  result.scheduler = model.schedulerConfig(request.scheduler.value_or(model.schedulerKind));
  auto scheduler = makeScheduler(result.scheduler);
  scheduler->setTimesteps(request.steps);
  result.unetCalls = scheduler->calls();

  auto start = std::chrono::steady_clock::now();
  std::vector<std::string> texts{request.negativePrompt};
  texts.insert(texts.end(), request.prompts.begin(), request.prompts.end());
  const auto embedded = encodePrompts(model, texts);
  const auto unconditional = embedded.slice(0, 0, 1).expand({views, -1, -1});
  auto conditional = embedded.slice(0, 1);
  if (conditional.size(0) == 1) conditional = conditional.expand({views, -1, -1});
  synchronizeDevice(model);
  result.timings.textSeconds = secondsSince(start);

  const std::vector<int64_t> shape{1, views, channels, latentSide, latentSide};
  auto latents = (startingLatents(request.initialLatents, shape, request.seed)[0] * scheduler->initNoiseSigma())
                     .to(model.device);

  const CaaGeometry geometry(panoramaRig(request));
  std::unique_ptr<UNetHooks> hooks;
  LatentsTransform afterStep;
  switch (request.method) {
    case MultiViewMethod::Independent: break;
    case MultiViewMethod::Caa: hooks = std::make_unique<CaaHooks>(*caa, geometry); break;
    case MultiViewMethod::SharedAttention:
      hooks = std::make_unique<SharedAttentionHooks>(views, model.unet->config().blockCount(), request.sharedAttentionLevels);
      break;
    case MultiViewMethod::MultiDiffusion:
      afterStep = [&geometry](const at::Tensor& x) { return fuseRingOverlaps(x, geometry); };
      break;
  }

  start = std::chrono::steady_clock::now();
  latents = sampleViews(model.unet, hooks.get(), *scheduler, latents, unconditional, conditional, request.guidance,
                        model.dtype, control, afterStep);
  synchronizeDevice(model);
  result.timings.denoiseSeconds = secondsSince(start);

  start = std::chrono::steady_clock::now();
  const auto vaeType = model.vae->parameters().front().scalar_type();
  // Two views at a time keep the decoder's peak memory small (8 × 512² at once needs ~7 GiB).
  std::vector<at::Tensor> decoded;
  for (const auto& chunk : latents.split(2)) decoded.push_back(model.vae->decodeToImage(chunk.to(vaeType)).to(torch::kCPU, torch::kFloat32));
  result.views = torch::cat(decoded);
  synchronizeDevice(model);
  result.timings.decodeSeconds = secondsSince(start);
  result.latents = latents.to(torch::kCPU);
  return result;
}

}  // namespace panocast
