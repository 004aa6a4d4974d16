// Timestep and sigma tables against diffusers (sd_golden: scheduler.*) and the spec's figures.
#include <gtest/gtest.h>
#include <torch/torch.h>

#include "diffusion/noise_schedule.h"
#include "io/safetensors.h"
#include "runtime/error.h"
#include "support/compare.h"
#include "support/fixtures.h"

using namespace panocast;

namespace {
std::vector<int64_t> asVector(const torch::Tensor& t) {
  EXPECT_EQ(t.scalar_type(), torch::kInt64);
  return std::vector<int64_t>(t.data_ptr<int64_t>(), t.data_ptr<int64_t>() + t.numel());
}
}  // namespace

TEST(NoiseSchedule, TimestepsMatchDiffusers) {
  SafetensorsFile golden(test::fixture("sd/sd_golden.safetensors"));
  const NoiseScheduleConfig sd2;
  EXPECT_EQ(spacedTimesteps(sd2, 8), asVector(golden.tensor("scheduler.ddim.timesteps")));
  EXPECT_EQ(pndmTimesteps(sd2, 8), asVector(golden.tensor("scheduler.pndm.timesteps")));
  EXPECT_EQ(spacedTimesteps(sd2, 8), asVector(golden.tensor("scheduler.euler.timesteps").to(torch::kInt64)));
  EXPECT_EQ(dpmSolverTimesteps(sd2, 8), asVector(golden.tensor("scheduler.dpmpp2m.timesteps")));
}

TEST(NoiseSchedule, SigmasMatchDiffusers) {
  SafetensorsFile golden(test::fixture("sd/sd_golden.safetensors"));
  const NoiseScheduleConfig sd2;
  const auto ac = alphasCumprod(sd2);
  EXPECT_NEAR(ac[0].item<float>(), 0.99915f, 1e-6);
  EXPECT_ALLCLOSE(karrasFreeSigmas(ac, spacedTimesteps(sd2, 8)), golden.tensor("scheduler.euler.sigmas"), 1e-6, 1e-6);
  EXPECT_ALLCLOSE(karrasFreeSigmas(ac, dpmSolverTimesteps(sd2, 8)), golden.tensor("scheduler.dpmpp2m.sigmas"), 1e-6,
                  1e-6);
}

TEST(NoiseSchedule, FiftyStepsAndOtherSpacings) {
  const NoiseScheduleConfig sd2;
  const auto leading = spacedTimesteps(sd2, 50);
  EXPECT_EQ(leading.front(), 981);
  EXPECT_EQ(leading.back(), 1);
  const auto pndm = pndmTimesteps(sd2, 50);
  ASSERT_EQ(pndm.size(), 51u);
  EXPECT_EQ((std::vector<int64_t>(pndm.begin(), pndm.begin() + 4)), (std::vector<int64_t>{981, 961, 961, 941}));
  EXPECT_EQ(dpmSolverTimesteps(sd2, 50).front(), 951);
  EXPECT_EQ(dpmSolverTimesteps(sd2, 50).back(), 20);
  NoiseScheduleConfig trailing = sd2;
  trailing.timestepSpacing = "trailing";
  EXPECT_EQ(spacedTimesteps(trailing, 4), (std::vector<int64_t>{999, 749, 499, 249}));
  NoiseScheduleConfig linspace = sd2;
  linspace.timestepSpacing = "linspace";
  EXPECT_EQ(spacedTimesteps(linspace, 4), (std::vector<int64_t>{999, 666, 333, 0}));
  EXPECT_THROW(spacedTimesteps(sd2, 0), Error);
  NoiseScheduleConfig bad = sd2;
  bad.betaSchedule = "cosine";
  EXPECT_THROW(alphasCumprod(bad), Error);
}

TEST(NoiseSchedule, StepsThatReachPastTheLastTrainingTimestepAreRefused) {
  NoiseScheduleConfig config;  // leading spacing, steps_offset 1: 1000 steps would ask for t = 1000
  EXPECT_EQ(spacedTimesteps(config, 999).front(), 999);
  try {
    spacedTimesteps(config, 1000);
    FAIL() << "1000 leading steps with offset 1 were accepted";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("use fewer steps"), std::string::npos) << e.what();
  }
  EXPECT_THROW(pndmTimesteps(config, 1000), Error);
  config.timestepSpacing = "trailing";
  EXPECT_EQ(spacedTimesteps(config, 1000).front(), 999);  // trailing spacing has no offset
}
