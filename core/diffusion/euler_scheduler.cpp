// Euler discrete (sd2.md §9): σ-space Euler steps with σ linearly interpolated in t, final σ 0,
// no churn. Linspace spacing gives fractional timesteps, which the UNet accepts as they are.
#include <torch/torch.h>

#include <cmath>

#include "diffusion/scheduler_factories.h"
#include "runtime/error.h"

namespace panocast::detail {
namespace {

// np.interp over the integer grid 0..T−1, in double precision like NumPy.
double interpolate(const std::vector<float>& table, double t) {
  if (t <= 0) return table.front();
  const auto last = static_cast<double>(table.size() - 1);
  if (t >= last) return table.back();
  const auto i = static_cast<size_t>(std::floor(t));
  const double f = t - static_cast<double>(i);
  return table[i] + f * (static_cast<double>(table[i + 1]) - table[i]);
}

class EulerScheduler final : public Scheduler {
 public:
  explicit EulerScheduler(const SchedulerConfig& config) : Scheduler(config) {}

  void setTimesteps(int steps) override {
    const auto& schedule = config_.schedule;
    if (schedule.timestepSpacing == "linspace") {
      if (steps < 1 || steps > schedule.trainSteps)
        throw Error("steps must be between 1 and " + std::to_string(schedule.trainSteps));
      timesteps_.resize(steps);
      for (int k = 0; k < steps; ++k) {
        const double value = steps == 1 ? 0.0 : (schedule.trainSteps - 1) * static_cast<double>(k) / (steps - 1);
        timesteps_[steps - 1 - k] = static_cast<float>(value);  // diffusers keeps them as float32
      }
    } else {
      const auto t = spacedTimesteps(schedule, steps);
      timesteps_.assign(t.begin(), t.end());
    }
    steps_ = steps;

    const auto all = ((1 - alphasCumprod_) / alphasCumprod_).sqrt().contiguous();
    const std::vector<float> table(all.data_ptr<float>(), all.data_ptr<float>() + all.numel());
    std::vector<float> sigmas;
    for (double t : timesteps_) sigmas.push_back(static_cast<float>(interpolate(table, t)));
    sigmas.push_back(0.0f);
    sigmas_ = torch::tensor(sigmas, torch::kFloat32);

    const auto maxSigma = sigmas_.max();
    const bool leading = schedule.timestepSpacing == "leading";
    initNoiseSigma_ = (leading ? (maxSigma.pow(2) + 1).pow(0.5) : maxSigma).item<float>();
  }

  double initNoiseSigma() const override { return initNoiseSigma_; }

  at::Tensor scaleModelInput(const at::Tensor& sample, int call) const override {
    requireCall(call);
    return sample / (sigmas_[call].pow(2) + 1).pow(0.5);
  }

  at::Tensor step(const at::Tensor& modelOutput, int call, const at::Tensor& sample) override {
    requireCall(call);
    const auto sigma = sigmas_[call];
    const auto predictedOriginal = vPrediction()
                                       ? modelOutput * (-sigma / (sigma.pow(2) + 1).pow(0.5)) + sample / (sigma.pow(2) + 1)
                                       : sample - sigma * modelOutput;
    const auto derivative = (sample - predictedOriginal) / sigma;
    const auto dt = sigmas_[call + 1] - sigma;
    return sample + derivative * dt;
  }

  std::unique_ptr<Scheduler> clone() const override { return std::make_unique<EulerScheduler>(*this); }

  const at::Tensor& sigmas() const { return sigmas_; }

 private:
  at::Tensor sigmas_;  // float32 [N + 1]
  double initNoiseSigma_ = 1.0;
};

}  // namespace

std::unique_ptr<Scheduler> makeEulerScheduler(const SchedulerConfig& config) {
  return std::make_unique<EulerScheduler>(config);
}

}  // namespace panocast::detail
