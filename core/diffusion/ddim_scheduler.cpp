// DDIM with η = 0 (sd2.md §9): deterministic, one UNet call per step. The 0-dim float32 tensors
// reproduce diffusers' rounding exactly.
#include <torch/torch.h>

#include "diffusion/scheduler_factories.h"

namespace panocast::detail {
namespace {

class DdimScheduler final : public Scheduler {
 public:
  explicit DdimScheduler(const SchedulerConfig& config) : Scheduler(config) {}

  void setTimesteps(int steps) override {
    const auto t = spacedTimesteps(config_.schedule, steps);
    timesteps_.assign(t.begin(), t.end());
    steps_ = steps;
  }

  at::Tensor step(const at::Tensor& modelOutput, int call, const at::Tensor& sample) override {
    requireCall(call);
    const auto t = static_cast<int64_t>(timesteps_[call]);
    // diffusers steps back by T // N whatever the spacing.
    const int64_t previous = t - config_.schedule.trainSteps / steps_;
    const auto alpha = alphasCumprod_[t];
    const auto alphaPrevious = alphaCumprodAt(alphasCumprod_, previous, config_.setAlphaToOne);
    const auto beta = 1 - alpha;

    at::Tensor predictedOriginal, predictedEpsilon;
    if (vPrediction()) {
      predictedOriginal = alpha.pow(0.5) * sample - beta.pow(0.5) * modelOutput;
      predictedEpsilon = alpha.pow(0.5) * modelOutput + beta.pow(0.5) * sample;
    } else {
      predictedOriginal = (sample - beta.pow(0.5) * modelOutput) / alpha.pow(0.5);
      predictedEpsilon = modelOutput;
    }
    if (config_.clipSample)
      predictedOriginal = predictedOriginal.clamp(-config_.clipSampleRange, config_.clipSampleRange);
    const auto direction = (1 - alphaPrevious).pow(0.5) * predictedEpsilon;
    return alphaPrevious.pow(0.5) * predictedOriginal + direction;
  }

  std::unique_ptr<Scheduler> clone() const override { return std::make_unique<DdimScheduler>(*this); }
};

}  // namespace

std::unique_ptr<Scheduler> makeDdimScheduler(const SchedulerConfig& config) {
  return std::make_unique<DdimScheduler>(config);
}

}  // namespace panocast::detail
