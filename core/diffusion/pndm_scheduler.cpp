// PNDM's linear multistep part (PLMS, sd2.md §9), with the Runge–Kutta warm-up skipped as Stable
// Diffusion's configs ask. N steps take N + 1 UNet calls: the second call repeats the first
// timestep to turn the first Euler-like step into a second-order one.
#include <torch/torch.h>

#include <deque>

#include "diffusion/scheduler_factories.h"

namespace panocast::detail {
namespace {

class PndmScheduler final : public Scheduler {
 public:
  explicit PndmScheduler(const SchedulerConfig& config) : Scheduler(config) {}

  void setTimesteps(int steps) override {
    const auto t = pndmTimesteps(config_.schedule, steps);
    timesteps_.assign(t.begin(), t.end());
    steps_ = steps;
    outputs_.clear();
    startSample_ = at::Tensor();
  }

  at::Tensor step(const at::Tensor& modelOutput, int call, const at::Tensor& sampleIn) override {
    requireCall(call);
    const int64_t ratio = config_.schedule.trainSteps / steps_;
    int64_t t = static_cast<int64_t>(timesteps_[call]);
    int64_t previous = t - ratio;
    at::Tensor sample = sampleIn;
    at::Tensor e;
    if (call == 1) {
      // The repeated timestep: average with the first output and redo the first step from its start.
      previous = t;
      t += ratio;
      e = (modelOutput + outputs_.back()) / 2;
      sample = startSample_;
      startSample_ = at::Tensor();
    } else {
      if (outputs_.size() == 4) outputs_.pop_front();
      outputs_.push_back(modelOutput);
      const auto& E = outputs_;
      const size_t n = E.size();
      if (n == 1) {
        e = modelOutput;
        startSample_ = sample;
      } else if (n == 2) {
        e = (3 * E[1] - E[0]) / 2;
      } else if (n == 3) {
        e = (23 * E[2] - 16 * E[1] + 5 * E[0]) / 12;
      } else {
        e = (1.0 / 24) * (55 * E[3] - 59 * E[2] + 37 * E[1] - 9 * E[0]);
      }
    }
    return transfer(sample, t, previous, e);
  }

  std::unique_ptr<Scheduler> clone() const override { return std::make_unique<PndmScheduler>(*this); }

 private:
  // x_t → x_t' given the (combined) noise estimate.
  at::Tensor transfer(const at::Tensor& sample, int64_t t, int64_t previous, at::Tensor e) const {
    const auto alpha = alphasCumprod_[t];
    const auto alphaPrevious = alphaCumprodAt(alphasCumprod_, previous, config_.setAlphaToOne);
    const auto beta = 1 - alpha, betaPrevious = 1 - alphaPrevious;
    if (vPrediction()) e = alpha.pow(0.5) * e + beta.pow(0.5) * sample;
    const auto sampleCoefficient = (alphaPrevious / alpha).pow(0.5);
    const auto denominator = alpha * betaPrevious.pow(0.5) + (alpha * beta * alphaPrevious).pow(0.5);
    return sampleCoefficient * sample - (alphaPrevious - alpha) * e / denominator;
  }

  std::deque<at::Tensor> outputs_;  // raw model outputs of the last four (non-repeated) calls
  at::Tensor startSample_;          // the sample before the first call, reused by the second
};

}  // namespace

std::unique_ptr<Scheduler> makePndmScheduler(const SchedulerConfig& config) {
  return std::make_unique<PndmScheduler>(config);
}

}  // namespace panocast::detail
