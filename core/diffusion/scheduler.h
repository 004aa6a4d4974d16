#pragma once
// The sampler's stepping rule (sd2.md §9): DDIM, PNDM/PLMS, Euler discrete and DPM-Solver++ 2M,
// reproducing diffusers' arithmetic in float32. A scheduler is driven by call index: the
// pipeline asks for timestep(i), feeds scaleModelInput(x, i) to the UNet and hands the output to
// step(…, i). Multistep schedulers keep state between calls, so MultiDiffusion clones one per
// window (clone() copies that state).
#include <ATen/core/Tensor.h>

#include <memory>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

#include "diffusion/noise_schedule.h"

namespace panocast {

enum class SchedulerKind { Ddim, Pndm, Euler, DpmSolverMultistep };

// "ddim", "pndm", "euler", "dpmpp2m" (the CLI's names) ↔ the kinds; throws for unknown names.
SchedulerKind schedulerKindFromName(const std::string& name);
std::string schedulerName(SchedulerKind kind);
// diffusers' class name ("DDIMScheduler", …); the kind of a scheduler_config.json.
std::string schedulerClassName(SchedulerKind kind);
SchedulerKind schedulerKindFromClassName(const std::string& className);

struct SchedulerConfig {
  SchedulerKind kind = SchedulerKind::Ddim;
  NoiseScheduleConfig schedule;
  std::string predictionType = "epsilon";  // or "v_prediction"
  bool setAlphaToOne = false;              // DDIM/PNDM: ᾱ' past the last step
  bool clipSample = false;                 // DDIM
  double clipSampleRange = 1.0;

  // diffusers' from_config rule: the chosen class's defaults, overridden by every field the
  // file holds (a DDIM file read as Euler keeps its betas, offset, spacing and prediction).
  static SchedulerConfig defaultsFor(SchedulerKind kind);
  static SchedulerConfig fromJson(SchedulerKind kind, const nlohmann::json& fileConfig);
  nlohmann::json toJson() const;
};

class Scheduler {
 public:
  virtual ~Scheduler() = default;

  const SchedulerConfig& config() const { return config_; }
  int inferenceSteps() const { return steps_; }
  // UNet calls per run: N, or N + 1 for PNDM.
  int calls() const { return static_cast<int>(timesteps_.size()); }
  // The UNet's timestep for call i (fractional for Euler with linspace spacing).
  double timestep(int call) const;
  const std::vector<double>& timesteps() const { return timesteps_; }

  // Prepares N inference steps and resets the multistep state.
  virtual void setTimesteps(int steps) = 0;
  // The factor diffusers multiplies the initial latents by.
  virtual double initNoiseSigma() const { return 1.0; }
  virtual at::Tensor scaleModelInput(const at::Tensor& sample, int call) const { return sample; }
  // One update: the model's output at call i and the current sample → the next sample.
  virtual at::Tensor step(const at::Tensor& modelOutput, int call, const at::Tensor& sample) = 0;
  // A copy including the multistep state (MultiDiffusion keeps one per window).
  virtual std::unique_ptr<Scheduler> clone() const = 0;

 protected:
  explicit Scheduler(SchedulerConfig config);
  void requireCall(int call) const;
  bool vPrediction() const { return config_.predictionType == "v_prediction"; }

  SchedulerConfig config_;
  at::Tensor alphasCumprod_;  // float32 [trainSteps]
  std::vector<double> timesteps_;
  int steps_ = 0;
};

std::unique_ptr<Scheduler> makeScheduler(const SchedulerConfig& config);

}  // namespace panocast
