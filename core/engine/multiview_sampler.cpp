#include "engine/multiview_sampler.h"

#include <torch/torch.h>

namespace panocast {

at::Tensor sampleViews(UNet2DCondition& unet, UNetHooks* hooks, Scheduler& scheduler, at::Tensor latents,
                       const at::Tensor& unconditional, const at::Tensor& conditional, double guidance,
                       c10::ScalarType dtype, const SamplingControl& control, const LatentsTransform& afterStep) {
  // One network call per step over [uncond ×M ; cond ×M]: CAA and shared attention couple views
  // within each half only.
  const auto text = guidance > 1.0 ? torch::cat({unconditional, conditional}).to(dtype) : conditional.to(dtype);
  const NoisePredictor predict = [&](const at::Tensor& input, double t) {
    return classifierFreeGuidance(input, guidance, [&](const at::Tensor& batch, bool) {
      const auto timestep = torch::full({}, t, torch::dtype(torch::kFloat32).device(batch.device()));
      return unet->forward(batch.to(dtype), timestep, text, hooks);
    });
  };
  return runSampler(scheduler, std::move(latents), predict, control, afterStep);
}

}  // namespace panocast
