// DPM-Solver++ 2M (sd2.md §9): second-order multistep in log-SNR λ with the midpoint rule,
// first order at the first and at the last step (final σ 0 makes the last step return D).
#include <torch/torch.h>

#include "diffusion/scheduler_factories.h"

namespace panocast::detail {
namespace {

class DpmSolverScheduler final : public Scheduler {
 public:
  explicit DpmSolverScheduler(const SchedulerConfig& config) : Scheduler(config) {}

  void setTimesteps(int steps) override {
    const auto t = dpmSolverTimesteps(config_.schedule, steps);
    timesteps_.assign(t.begin(), t.end());
    steps_ = steps;
    sigmas_ = karrasFreeSigmas(alphasCumprod_, t);
    previousData_ = at::Tensor();
  }

  at::Tensor step(const at::Tensor& modelOutput, int call, const at::Tensor& sample) override {
    requireCall(call);
    const auto [alphaS, sigmaS] = alphaSigma(call);
    const auto [alphaT, sigmaT] = alphaSigma(call + 1);
    // The model's output as a prediction of the clean sample.
    const auto data = vPrediction() ? alphaS * sample - sigmaS * modelOutput : (sample - sigmaS * modelOutput) / alphaS;
    const auto lambdaS = lambda(alphaS, sigmaS), lambdaT = lambda(alphaT, sigmaT);
    const auto h = lambdaT - lambdaS;
    const auto decay = alphaT * (torch::exp(-h) - 1.0);
    const bool last = call == calls() - 1;
    at::Tensor next;
    if (!previousData_.defined() || last) {
      next = (sigmaT / sigmaS) * sample - decay * data;
    } else {
      const auto [alphaR, sigmaR] = alphaSigma(call - 1);
      const auto r = (lambdaS - lambda(alphaR, sigmaR)) / h;
      const auto d1 = (1.0 / r) * (data - previousData_);
      next = (sigmaT / sigmaS) * sample - decay * data - 0.5 * decay * d1;
    }
    previousData_ = data;
    return next;
  }

  std::unique_ptr<Scheduler> clone() const override { return std::make_unique<DpmSolverScheduler>(*this); }

 private:
  std::pair<at::Tensor, at::Tensor> alphaSigma(int index) const {
    const auto sigma = sigmas_[index];
    const auto alpha = 1 / (sigma.pow(2) + 1).pow(0.5);
    return {alpha, sigma * alpha};
  }
  static at::Tensor lambda(const at::Tensor& alpha, const at::Tensor& sigma) { return torch::log(alpha) - torch::log(sigma); }

  at::Tensor sigmas_;        // float32 [N + 1], final 0
  at::Tensor previousData_;  // D of the previous call
};

}  // namespace

std::unique_ptr<Scheduler> makeDpmSolverScheduler(const SchedulerConfig& config) {
  return std::make_unique<DpmSolverScheduler>(config);
}

}  // namespace panocast::detail
