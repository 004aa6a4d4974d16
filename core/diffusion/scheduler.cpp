#include "diffusion/scheduler.h"

#include <torch/torch.h>

#include <nlohmann/json.hpp>

#include "diffusion/scheduler_factories.h"
#include "runtime/error.h"

namespace panocast {
namespace {

struct KindNames {
  SchedulerKind kind;
  const char* name;
  const char* className;
};
constexpr KindNames kKinds[] = {
    {SchedulerKind::Ddim, "ddim", "DDIMScheduler"},
    {SchedulerKind::Pndm, "pndm", "PNDMScheduler"},
    {SchedulerKind::Euler, "euler", "EulerDiscreteScheduler"},
    {SchedulerKind::DpmSolverMultistep, "dpmpp2m", "DPMSolverMultistepScheduler"},
};

const KindNames& namesOf(SchedulerKind kind) {
  for (const auto& k : kKinds)
    if (k.kind == kind) return k;
  throw Error("unknown scheduler kind");
}

// Config fields may be absent or null (diffusers writes null for "not set"): both keep `fallback`.
template <typename T>
T field(const nlohmann::json& json, const char* name, T fallback) {
  const auto it = json.find(name);
  if (it == json.end() || it->is_null()) return fallback;
  try {
    return it->get<T>();
  } catch (const nlohmann::json::exception&) {
    throw Error(std::string("scheduler config: field '") + name + "' has the wrong type");
  }
}

void reject(bool unsupported, const std::string& what) {
  if (unsupported) throw Error("scheduler config: " + what + " is not supported");
}

}  // namespace

SchedulerKind schedulerKindFromName(const std::string& name) {
  for (const auto& k : kKinds)
    if (name == k.name) return k.kind;
  throw Error("unknown scheduler '" + name + "' (ddim, pndm, euler or dpmpp2m)");
}

std::string schedulerName(SchedulerKind kind) { return namesOf(kind).name; }
std::string schedulerClassName(SchedulerKind kind) { return namesOf(kind).className; }

SchedulerKind schedulerKindFromClassName(const std::string& className) {
  for (const auto& k : kKinds)
    if (className == k.className) return k.kind;
  throw Error("unsupported scheduler class '" + className + "' (DDIM, PNDM, EulerDiscrete or DPMSolverMultistep)");
}

SchedulerConfig SchedulerConfig::defaultsFor(SchedulerKind kind) {
  // diffusers' constructor defaults: linear betas 1e-4..0.02 and no step offset for all four.
  SchedulerConfig config;
  config.kind = kind;
  config.schedule.betaStart = 0.0001;
  config.schedule.betaEnd = 0.02;
  config.schedule.betaSchedule = "linear";
  config.schedule.stepsOffset = 0;
  switch (kind) {
    case SchedulerKind::Ddim:
      config.clipSample = true;
      config.setAlphaToOne = true;
      config.schedule.timestepSpacing = "leading";
      break;
    case SchedulerKind::Pndm:
      config.schedule.timestepSpacing = "leading";
      break;
    case SchedulerKind::Euler:
    case SchedulerKind::DpmSolverMultistep:
      config.schedule.timestepSpacing = "linspace";
      break;
  }
  return config;
}

SchedulerConfig SchedulerConfig::fromJson(SchedulerKind kind, const nlohmann::json& file) {
  if (!file.is_object()) throw Error("scheduler config: expected a JSON object");
  SchedulerConfig c = defaultsFor(kind);
  auto& s = c.schedule;
  s.trainSteps = field(file, "num_train_timesteps", s.trainSteps);
  s.betaStart = field(file, "beta_start", s.betaStart);
  s.betaEnd = field(file, "beta_end", s.betaEnd);
  s.betaSchedule = field(file, "beta_schedule", s.betaSchedule);
  s.stepsOffset = field(file, "steps_offset", s.stepsOffset);
  s.timestepSpacing = field(file, "timestep_spacing", s.timestepSpacing);
  c.predictionType = field(file, "prediction_type", c.predictionType);
  c.setAlphaToOne = field(file, "set_alpha_to_one", c.setAlphaToOne);
  c.clipSample = field(file, "clip_sample", c.clipSample);
  c.clipSampleRange = field(file, "clip_sample_range", c.clipSampleRange);

  if (s.trainSteps < 1 || s.trainSteps > 100000) throw Error("scheduler config: num_train_timesteps out of range");
  if (c.predictionType != "epsilon" && c.predictionType != "v_prediction")
    throw Error("scheduler config: prediction_type '" + c.predictionType + "' (epsilon or v_prediction)");
  reject(file.contains("trained_betas") && !file["trained_betas"].is_null(), "trained_betas");
  reject(field(file, "thresholding", false), "thresholding");
  reject(field(file, "rescale_betas_zero_snr", false), "rescale_betas_zero_snr");
  if (kind == SchedulerKind::Euler || kind == SchedulerKind::DpmSolverMultistep) {
    reject(field(file, "use_karras_sigmas", false), "use_karras_sigmas");
    reject(field(file, "use_exponential_sigmas", false), "use_exponential_sigmas");
    reject(field(file, "use_beta_sigmas", false), "use_beta_sigmas");
    reject(field<std::string>(file, "final_sigmas_type", "zero") != "zero", "final_sigmas_type other than zero");
  }
  if (kind == SchedulerKind::Euler) {
    reject(field<std::string>(file, "interpolation_type", "linear") != "linear", "interpolation_type other than linear");
    reject(field<std::string>(file, "timestep_type", "discrete") != "discrete", "timestep_type other than discrete");
  }
  if (kind == SchedulerKind::DpmSolverMultistep) {
    reject(field<std::string>(file, "algorithm_type", "dpmsolver++") != "dpmsolver++", "algorithm_type other than dpmsolver++");
    reject(field<std::string>(file, "solver_type", "midpoint") != "midpoint", "solver_type other than midpoint");
    reject(field<int>(file, "solver_order", 2) != 2, "solver_order other than 2");
    reject(!field(file, "lower_order_final", true), "lower_order_final false");
    reject(field(file, "use_lu_lambdas", false), "use_lu_lambdas");
  }
  // PNDM's Runge–Kutta warm-up is skipped whatever skip_prk_steps says: Stable Diffusion's
  // configs set it, and PLMS from the first step is what every SD pipeline runs.
  return c;
}

nlohmann::json SchedulerConfig::toJson() const {
  return {{"class", schedulerClassName(kind)},
          {"num_train_timesteps", schedule.trainSteps},
          {"beta_start", schedule.betaStart},
          {"beta_end", schedule.betaEnd},
          {"beta_schedule", schedule.betaSchedule},
          {"steps_offset", schedule.stepsOffset},
          {"timestep_spacing", schedule.timestepSpacing},
          {"prediction_type", predictionType},
          {"set_alpha_to_one", setAlphaToOne},
          {"clip_sample", clipSample}};
}

Scheduler::Scheduler(SchedulerConfig config) : config_(std::move(config)), alphasCumprod_(alphasCumprod(config_.schedule)) {}

double Scheduler::timestep(int call) const {
  requireCall(call);
  return timesteps_[call];
}

void Scheduler::requireCall(int call) const {
  if (steps_ == 0) throw Error("scheduler: setTimesteps() was not called");
  if (call < 0 || call >= calls())
    throw Error("scheduler: call " + std::to_string(call) + " is outside 0.." + std::to_string(calls() - 1));
}

std::unique_ptr<Scheduler> makeScheduler(const SchedulerConfig& config) {
  switch (config.kind) {
    case SchedulerKind::Ddim: return detail::makeDdimScheduler(config);
    case SchedulerKind::Pndm: return detail::makePndmScheduler(config);
    case SchedulerKind::Euler: return detail::makeEulerScheduler(config);
    case SchedulerKind::DpmSolverMultistep: return detail::makeDpmSolverScheduler(config);
  }
  throw Error("unknown scheduler kind");
}

namespace detail {

at::Tensor alphaCumprodAt(const at::Tensor& alphasCumprod, int64_t t, bool setAlphaToOne) {
  if (t >= 0) return alphasCumprod[t];
  return setAlphaToOne ? torch::ones({}, alphasCumprod.options()) : alphasCumprod[0];
}

}  // namespace detail
}  // namespace panocast
