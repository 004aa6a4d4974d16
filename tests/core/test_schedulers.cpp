// The four schedulers: configuration rules (sd2.md §3.4), their tables, and a property that
// ties ε- and v-prediction together: on the exact trajectory x_t = √ᾱ x₀ + √(1−ᾱ) ε, feeding the
// true ε or the true v must give the same samples at every step and end at x₀ (σ → 0).
#include <gtest/gtest.h>
#include <torch/torch.h>

#include <nlohmann/json.hpp>

#include "diffusion/scheduler.h"
#include "io/json_file.h"
#include "runtime/error.h"
#include "support/compare.h"
#include "support/det.h"
#include "support/fixtures.h"

using namespace panocast;

namespace {

const SchedulerKind kAllKinds[] = {SchedulerKind::Ddim, SchedulerKind::Pndm, SchedulerKind::Euler,
                                   SchedulerKind::DpmSolverMultistep};

nlohmann::json tinyFile() { return readJsonFile(test::fixture("sd/tiny-sd2/scheduler/scheduler_config.json")); }

std::unique_ptr<Scheduler> make(SchedulerKind kind, const std::string& prediction = "epsilon", int steps = 8) {
  auto config = SchedulerConfig::fromJson(kind, tinyFile());
  config.predictionType = prediction;
  auto scheduler = makeScheduler(config);
  scheduler->setTimesteps(steps);
  return scheduler;
}

// ᾱ at a (real) timestep from σ-free quantities: the table the schedulers use.
double alphaBar(const Scheduler& s, double t) {
  const auto table = alphasCumprod(s.config().schedule);
  const auto i = static_cast<int64_t>(t);
  const double f = t - static_cast<double>(i);
  const double a = table[i].item<double>();
  if (f == 0) return a;
  // Euler interpolates σ, not ᾱ: ᾱ = 1/(σ² + 1).
  const double b = table[i + 1].item<double>();
  const double sa = std::sqrt((1 - a) / a), sb = std::sqrt((1 - b) / b);
  const double sigma = sa + f * (sb - sa);
  return 1 / (sigma * sigma + 1);
}

// Runs a scheduler with the exact model output for a fixed x₀ and ε; returns the final sample.
torch::Tensor runExact(Scheduler& s, const torch::Tensor& x0, const torch::Tensor& eps, bool euler) {
  const double a0 = alphaBar(s, s.timestep(0));
  const double sigma0 = std::sqrt((1 - a0) / a0);
  auto x = euler ? x0 + sigma0 * eps : std::sqrt(a0) * x0 + std::sqrt(1 - a0) * eps;
  for (int call = 0; call < s.calls(); ++call) {
    const double a = alphaBar(s, s.timestep(call));
    torch::Tensor output = eps;
    if (s.config().predictionType == "v_prediction") output = std::sqrt(a) * eps - std::sqrt(1 - a) * x0;
    x = s.step(output, call, x);
  }
  return x;
}

}  // namespace

TEST(Schedulers, NamesAndClasses) {
  for (auto kind : kAllKinds) {
    EXPECT_EQ(schedulerKindFromName(schedulerName(kind)), kind);
    EXPECT_EQ(schedulerKindFromClassName(schedulerClassName(kind)), kind);
  }
  EXPECT_THROW(schedulerKindFromName("lms"), Error);
  EXPECT_THROW(schedulerKindFromClassName("LMSDiscreteScheduler"), Error);
}

TEST(Schedulers, FileFieldsOverrideTheChosenClassDefaults) {
  // An SD2-base-like file without timestep_spacing: PNDM keeps "leading", Euler and DPM take
  // their own default "linspace" (diffusers' from_config).
  nlohmann::json file = {{"beta_start", 0.00085}, {"beta_end", 0.012}, {"beta_schedule", "scaled_linear"},
                         {"steps_offset", 1},     {"clip_sample", false}, {"set_alpha_to_one", false}};
  EXPECT_EQ(SchedulerConfig::fromJson(SchedulerKind::Pndm, file).schedule.timestepSpacing, "leading");
  EXPECT_EQ(SchedulerConfig::fromJson(SchedulerKind::Euler, file).schedule.timestepSpacing, "linspace");
  EXPECT_EQ(SchedulerConfig::fromJson(SchedulerKind::DpmSolverMultistep, file).schedule.timestepSpacing, "linspace");
  const auto ddim = SchedulerConfig::fromJson(SchedulerKind::Ddim, nlohmann::json::object());
  EXPECT_TRUE(ddim.clipSample);
  EXPECT_TRUE(ddim.setAlphaToOne);
  EXPECT_EQ(ddim.schedule.betaSchedule, "linear");
  EXPECT_EQ(ddim.schedule.stepsOffset, 0);
  const auto fromFile = SchedulerConfig::fromJson(SchedulerKind::Ddim, file);
  EXPECT_FALSE(fromFile.clipSample);
  EXPECT_EQ(fromFile.schedule.stepsOffset, 1);
  EXPECT_EQ(fromFile.schedule.betaSchedule, "scaled_linear");
}

TEST(Schedulers, UnsupportedOptionsAreRejectedByName) {
  auto expectRejected = [](SchedulerKind kind, nlohmann::json file, const std::string& field) {
    try {
      SchedulerConfig::fromJson(kind, file);
      ADD_FAILURE() << field << " accepted";
    } catch (const Error& e) {
      EXPECT_NE(std::string(e.what()).find(field), std::string::npos) << e.what();
    }
  };
  expectRejected(SchedulerKind::Euler, {{"use_karras_sigmas", true}}, "use_karras_sigmas");
  expectRejected(SchedulerKind::DpmSolverMultistep, {{"algorithm_type", "sde-dpmsolver++"}}, "algorithm_type");
  expectRejected(SchedulerKind::Ddim, {{"thresholding", true}}, "thresholding");
  expectRejected(SchedulerKind::Ddim, {{"prediction_type", "sample"}}, "prediction_type");
  expectRejected(SchedulerKind::Ddim, {{"trained_betas", {0.1, 0.2}}}, "trained_betas");
  expectRejected(SchedulerKind::Ddim, {{"num_train_timesteps", "many"}}, "num_train_timesteps");
  // Options a class does not use are ignored, as diffusers does.
  EXPECT_NO_THROW(SchedulerConfig::fromJson(SchedulerKind::Ddim, {{"use_karras_sigmas", true}}));
}

TEST(Schedulers, CallsAndInitialSigma) {
  EXPECT_EQ(make(SchedulerKind::Ddim)->calls(), 8);
  EXPECT_EQ(make(SchedulerKind::Pndm)->calls(), 9);
  EXPECT_EQ(make(SchedulerKind::Euler)->calls(), 8);
  EXPECT_EQ(make(SchedulerKind::DpmSolverMultistep)->calls(), 8);
  EXPECT_NEAR(make(SchedulerKind::Euler)->initNoiseSigma(), 7.43936, 1e-5);  // √(σ_max² + 1), leading
  EXPECT_DOUBLE_EQ(make(SchedulerKind::Ddim)->initNoiseSigma(), 1.0);
  // Linspace Euler: fractional timesteps, σ_max itself as the initial sigma.
  nlohmann::json file = tinyFile();
  file["timestep_spacing"] = "linspace";
  auto euler = makeScheduler(SchedulerConfig::fromJson(SchedulerKind::Euler, file));
  euler->setTimesteps(8);
  EXPECT_DOUBLE_EQ(euler->timestep(0), 999.0);
  EXPECT_NEAR(euler->timestep(1), 999.0 * 6 / 7, 1e-4);
  EXPECT_NEAR(euler->initNoiseSigma(), 14.6146, 1e-3);
  EXPECT_THROW(euler->timestep(8), Error);
  auto unset = makeScheduler(SchedulerConfig::fromJson(SchedulerKind::Ddim, file));
  EXPECT_THROW(unset->timestep(0), Error);
}

TEST(Schedulers, EpsilonAndVPredictionAgreeOnTheExactTrajectory) {
  const auto x0 = test::detTensor(11, {1, 4, 8, 8}, -1.0, 1.0);
  const auto eps = torch::randn({1, 4, 8, 8}, at::detail::createCPUGenerator(7));
  // PNDM is checked for ε alone (below): diffusers averages the raw v outputs of two different
  // timesteps in its second call before converting them, which is exact for ε only.
  for (auto kind : {SchedulerKind::Ddim, SchedulerKind::Euler, SchedulerKind::DpmSolverMultistep}) {
    for (int steps : {8, 25}) {
      auto epsilonRun = make(kind, "epsilon", steps);
      auto vRun = make(kind, "v_prediction", steps);
      const bool euler = kind == SchedulerKind::Euler;
      const auto a = runExact(*epsilonRun, x0, eps, euler);
      const auto b = runExact(*vRun, x0, eps, euler);
      EXPECT_ALLCLOSE(b, a, 1e-4, 1e-4) << schedulerName(kind) << " " << steps;
      // σ ends at 0 for Euler and DPM; DDIM and PNDM end at ᾱ₀ (set_alpha_to_one false).
      const double end = (kind == SchedulerKind::Euler || kind == SchedulerKind::DpmSolverMultistep)
                             ? 1.0
                             : alphaBar(*epsilonRun, 0);
      EXPECT_ALLCLOSE(a, std::sqrt(end) * x0 + std::sqrt(1 - end) * eps, 1e-4, 1e-4) << schedulerName(kind) << " " << steps;
    }
  }
}

TEST(Schedulers, CloneCarriesTheMultistepState) {
  const auto x = test::detTensor(12, {1, 4, 8, 8});
  for (auto kind : kAllKinds) {
    auto s = make(kind);
    auto sample = x.clone();
    for (int call = 0; call < 3; ++call) sample = s->step(test::detTensor(20 + call, {1, 4, 8, 8}), call, sample);
    auto copy = s->clone();
    auto a = sample, b = sample;
    for (int call = 3; call < s->calls(); ++call) {
      const auto output = test::detTensor(20 + call, {1, 4, 8, 8});
      a = s->step(output, call, a);
      b = copy->step(output, call, b);
    }
    EXPECT_TRUE(torch::equal(a, b)) << schedulerName(kind);
  }
}

TEST(Schedulers, PndmFollowsTheExactTrajectoryWithEpsilon) {
  const auto x0 = test::detTensor(11, {1, 4, 8, 8}, -1.0, 1.0);
  const auto eps = torch::randn({1, 4, 8, 8}, at::detail::createCPUGenerator(7));
  for (int steps : {8, 25}) {
    auto s = make(SchedulerKind::Pndm, "epsilon", steps);
    const double end = alphaBar(*s, 0);
    EXPECT_ALLCLOSE(runExact(*s, x0, eps, false), std::sqrt(end) * x0 + std::sqrt(1 - end) * eps, 1e-4, 1e-4) << steps;
  }
}
