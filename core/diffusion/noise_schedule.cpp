#include "diffusion/noise_schedule.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>

#include "runtime/error.h"

namespace panocast {
namespace {

void requireSteps(const NoiseScheduleConfig& config, int steps) {
  if (steps < 1 || steps > config.trainSteps)
    throw Error("steps must be between 1 and " + std::to_string(config.trainSteps));
}

}  // namespace

torch::Tensor alphasCumprod(const NoiseScheduleConfig& config) {
  torch::Tensor betas;
  if (config.betaSchedule == "scaled_linear")
    betas = torch::linspace(std::sqrt(config.betaStart), std::sqrt(config.betaEnd), config.trainSteps, torch::kFloat32).pow(2);
  else if (config.betaSchedule == "linear")
    betas = torch::linspace(config.betaStart, config.betaEnd, config.trainSteps, torch::kFloat32);
  else
    throw Error("unsupported beta_schedule '" + config.betaSchedule + "' (scaled_linear or linear)");
  return torch::cumprod(1.0 - betas, 0);
}

namespace {
// With steps_offset, very many leading-spaced steps reach past the last training timestep
// (1000 steps and offset 1 ask for t = 1000 of 0…999); diffusers would index out of range.
std::vector<int64_t> checkedTimesteps(const NoiseScheduleConfig& config, std::vector<int64_t> t, int steps) {
  for (const auto value : t)
    if (value < 0 || value >= config.trainSteps)
      throw Error(std::to_string(steps) + " steps reach timestep " + std::to_string(value) + ", outside the model's " +
                  std::to_string(config.trainSteps) + " training timesteps (steps_offset " +
                  std::to_string(config.stepsOffset) + "); use fewer steps");
  return t;
}
}  // namespace

std::vector<int64_t> spacedTimesteps(const NoiseScheduleConfig& config, int steps) {
  requireSteps(config, steps);
  std::vector<int64_t> t(steps);
  if (config.timestepSpacing == "leading") {
    const int64_t ratio = config.trainSteps / steps;
    for (int k = 0; k < steps; ++k) t[k] = static_cast<int64_t>(steps - 1 - k) * ratio + config.stepsOffset;
  } else if (config.timestepSpacing == "trailing") {
    const double ratio = static_cast<double>(config.trainSteps) / steps;
    for (int k = 0; k < steps; ++k) t[k] = static_cast<int64_t>(std::nearbyint(config.trainSteps - k * ratio)) - 1;
  } else if (config.timestepSpacing == "linspace") {
    for (int k = 0; k < steps; ++k) {
      const double value = steps == 1 ? 0.0 : (config.trainSteps - 1) * static_cast<double>(k) / (steps - 1);
      t[steps - 1 - k] = static_cast<int64_t>(std::nearbyint(value));
    }
  } else {
    throw Error("unsupported timestep_spacing '" + config.timestepSpacing + "' (leading, trailing or linspace)");
  }
  return checkedTimesteps(config, t, steps);
}

std::vector<int64_t> pndmTimesteps(const NoiseScheduleConfig& config, int steps) {
  requireSteps(config, steps);
  const int64_t ratio = config.trainSteps / steps;
  std::vector<int64_t> ascending(steps);
  for (int k = 0; k < steps; ++k) ascending[k] = k * ratio + config.stepsOffset;
  // [T[:-1], T[-2], T[-1]] reversed.
  std::vector<int64_t> t(ascending.begin(), ascending.end() - 1);
  if (steps >= 2) t.push_back(ascending[steps - 2]);
  t.push_back(ascending.back());
  std::reverse(t.begin(), t.end());
  return checkedTimesteps(config, t, steps);
}

std::vector<int64_t> dpmSolverTimesteps(const NoiseScheduleConfig& config, int steps) {
  requireSteps(config, steps);
  std::vector<int64_t> t(steps);
  if (config.timestepSpacing == "leading") {
    const int64_t ratio = config.trainSteps / (steps + 1);
    for (int k = 0; k < steps; ++k) t[k] = static_cast<int64_t>(steps - k) * ratio + config.stepsOffset;
  } else if (config.timestepSpacing == "linspace") {
    // N + 1 points over [0, T − 1], rounded, reversed, the final 0 dropped.
    for (int k = 0; k < steps; ++k)
      t[k] = static_cast<int64_t>(std::nearbyint((config.trainSteps - 1) * static_cast<double>(steps - k) / steps));
  } else {
    return spacedTimesteps(config, steps);
  }
  return checkedTimesteps(config, t, steps);
}

torch::Tensor karrasFreeSigmas(const torch::Tensor& alphasCumprod, const std::vector<int64_t>& timesteps) {
  auto all = ((1 - alphasCumprod) / alphasCumprod).sqrt();
  auto index = torch::tensor(timesteps, torch::kInt64);
  return torch::cat({all.index_select(0, index), torch::zeros({1}, all.options())});
}

}  // namespace panocast
