#pragma once
// The discrete noise schedule Stable Diffusion was trained with and the timestep/sigma tables
// diffusers' schedulers derive from it (../shared/specs/sd2.md §9). All in float32, computed
// with the same operations as diffusers so tables match to the last bit.
#include <ATen/core/Tensor.h>

#include <cstdint>
#include <string>
#include <vector>

namespace panocast {

struct NoiseScheduleConfig {
  int trainSteps = 1000;
  double betaStart = 0.00085;
  double betaEnd = 0.012;
  std::string betaSchedule = "scaled_linear";  // or "linear"
  int stepsOffset = 1;
  std::string timestepSpacing = "leading";      // "leading", "trailing" or "linspace"
};

// ᾱ_t = Π(1 − β), float32 [trainSteps].
at::Tensor alphasCumprod(const NoiseScheduleConfig& config);

// Descending timesteps for N inference steps with the configured spacing (DDIM, Euler).
std::vector<int64_t> spacedTimesteps(const NoiseScheduleConfig& config, int steps);
// PNDM with skip_prk_steps: the ascending list's last-but-one step is repeated (N + 1 entries).
std::vector<int64_t> pndmTimesteps(const NoiseScheduleConfig& config, int steps);
// DPM-Solver++'s own "leading" rule: ratio = trainSteps // (N + 1).
std::vector<int64_t> dpmSolverTimesteps(const NoiseScheduleConfig& config, int steps);

// σ(t) = √((1 − ᾱ_t)/ᾱ_t) at each timestep, float32, with a final 0 appended (N + 1 entries).
at::Tensor karrasFreeSigmas(const at::Tensor& alphasCumprod, const std::vector<int64_t>& timesteps);

}  // namespace panocast
