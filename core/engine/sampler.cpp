#include "engine/sampler.h"

#include <torch/torch.h>

#include <chrono>

#include "runtime/error.h"

namespace panocast {

at::Tensor runSampler(Scheduler& scheduler, at::Tensor latents, const NoisePredictor& predict,
                      const SamplingControl& control, const LatentsTransform& afterStep) {
  torch::NoGradGuard noGrad;
  latents = latents.to(torch::kFloat32);
  const auto start = std::chrono::steady_clock::now();
  const int calls = scheduler.calls();
  for (int call = 0; call < calls; ++call) {
    if (control.cancelRequested && control.cancelRequested()) throw Cancelled();
    const double t = scheduler.timestep(call);
    const auto output = predict(scheduler.scaleModelInput(latents, call), t).to(torch::kFloat32);
    latents = scheduler.step(output, call, latents);
    if (afterStep) latents = afterStep(latents);
    if (control.onStep) {
      SamplingProgress progress;
      progress.call = call;
      progress.calls = calls;
      progress.timestep = t;
      progress.elapsedSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      progress.latents = &latents;
      control.onStep(progress);
    }
  }
  return latents;
}

at::Tensor classifierFreeGuidance(const at::Tensor& modelInput, double guidance,
                                  const std::function<at::Tensor(const at::Tensor& batch, bool guided)>& evaluate) {
  if (guidance <= 1.0) return evaluate(modelInput, false).to(torch::kFloat32);
  const auto both = evaluate(torch::cat({modelInput, modelInput}), true).to(torch::kFloat32);
  const auto parts = both.chunk(2);
  const auto& unconditional = parts[0];
  const auto& conditional = parts[1];
  return unconditional + guidance * (conditional - unconditional);
}

}  // namespace panocast
