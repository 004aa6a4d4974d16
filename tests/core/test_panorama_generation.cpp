// Multi-view generation against MVDiffusion (caa_golden mvsample: the DDIM loop with CAA on given
// embeddings; extra mvtext: prompts through the tiny SD2 folder, with and without CAA), and the
// training-free methods' coupling.
#include <gtest/gtest.h>
#include <torch/torch.h>

#include <iostream>

#include "engine/panorama_generation.h"
#include "engine/sd_model.h"
#include "io/safetensors.h"
#include "runtime/error.h"
#include "support/compare.h"
#include "support/fixtures.h"

using namespace panocast;

namespace {

StableDiffusionModel& tinyModel() {
  static StableDiffusionModel model = loadStableDiffusion(test::fixture("sd/tiny-sd2"));
  return model;
}
CaaModules& tinyCaa() {
  static CaaModules modules = loadCaaModules(tinyModel().unet->config(), test::fixture("caa/tiny_caa.safetensors"));
  return modules;
}

PanoramaRequest mvtextRequest(MultiViewMethod method) {
  SafetensorsFile extra(test::fixture("extra/extra_golden.safetensors"));
  PanoramaRequest request;
  for (int v = 0; v < 8; ++v)
    request.prompts.push_back(v % 2 == 0 ? "This is one view of a scene. A cozy living room with a fireplace"
                                         : "This is one view of a scene. Large windows with a garden view");
  request.method = method;
  request.steps = 10;
  request.guidance = 9.0;
  request.viewSize = 128;
  request.initialLatents = extra.tensor("mvtext.in.latents");
  return request;
}

}  // namespace

TEST(PanoramaGeneration, CaaSamplingLoopMatchesMVDiffusion) {
  torch::NoGradGuard noGrad;
  SafetensorsFile golden(test::fixture("caa/caa_golden.safetensors"));
  auto& model = tinyModel();
  auto scheduler = makeScheduler(model.schedulerConfig(SchedulerKind::Ddim));
  scheduler->setTimesteps(10);
  EXPECT_EQ(scheduler->timestep(0), 901);
  CaaGeometry geometry(Rig::ring(8, 90.0, 128));
  CaaHooks hooks(tinyCaa(), geometry);
  const auto latents = sampleViews(model.unet, &hooks, *scheduler, golden.tensor("mvsample.in.latents")[0],
                                   golden.tensor("mvsample.in.null_embd").expand({8, -1, -1}),
                                   golden.tensor("mvsample.in.cond_embd").expand({8, -1, -1}), 9.0, torch::kFloat);
  const auto expected = golden.tensor("mvsample.out.latents")[0];
  EXPECT_ALLCLOSE(latents, expected, 0.1, 1e-2);
  std::cout << "[ MV       ] mvsample: max abs error " << (latents - expected).abs().max().item<double>() << " (values up to "
            << expected.abs().max().item<double>() << ")\n";
}

TEST(PanoramaGeneration, PromptsThroughTheModelMatchMVDiffusionWithAndWithoutCaa) {
  SafetensorsFile extra(test::fixture("extra/extra_golden.safetensors"));
  const auto caa = generatePanoramaViews(tinyModel(), &tinyCaa(), mvtextRequest(MultiViewMethod::Caa));
  const auto expected = extra.tensor("mvtext.out.latents")[0];
  EXPECT_ALLCLOSE(caa.latents, expected, 0.1, 1e-2);
  EXPECT_ALLCLOSE(caa.views, extra.tensor("mvtext.out.views01")[0], 2e-2, 0);
  EXPECT_EQ(caa.views.sizes(), (std::vector<int64_t>{8, 3, 128, 128}));

  const auto baseline = generatePanoramaViews(tinyModel(), nullptr, mvtextRequest(MultiViewMethod::Independent));
  const auto expectedBaseline = extra.tensor("mvtext.baseline.latents")[0];
  EXPECT_ALLCLOSE(baseline.latents, expectedBaseline, 0.1, 1e-2);
  std::cout << "[ MV       ] mvtext: CAA max abs error " << (caa.latents - expected).abs().max().item<double>()
            << ", baseline " << (baseline.latents - expectedBaseline).abs().max().item<double>() << "\n";
}

TEST(PanoramaGeneration, TrainingFreeMethodsCoupleTheViews) {
  auto request = mvtextRequest(MultiViewMethod::Independent);
  request.steps = 4;
  const auto independent = generatePanoramaViews(tinyModel(), nullptr, request);
  for (auto method : {MultiViewMethod::SharedAttention, MultiViewMethod::MultiDiffusion}) {
    request.method = method;
    const auto coupled = generatePanoramaViews(tinyModel(), nullptr, request);
    EXPECT_TRUE(torch::isfinite(coupled.latents).all().item<bool>()) << multiViewMethodName(method);
    EXPECT_GT(test::relativeL2(coupled.latents, independent.latents), 1e-3) << multiViewMethodName(method);
  }
}

TEST(PanoramaGeneration, RingFusionMakesOverlapsAgree) {
  // Two neighbours that disagree in their overlap agree (much) better after fusion.
  CaaGeometry geometry(Rig::ring(8, 90.0, 128));
  const auto latents = torch::randn({8, 4, 16, 16}, at::detail::createCPUGenerator(1));
  auto disagreement = [&](const at::Tensor& x) {
    const auto& level = geometry.level(16);
    const auto grid = level.grid.view({8, 2, 16, 16, 9, 2}).select(4, 4).select(1, 1);  // view v → v+1, centre sample
    const auto valid = level.mask.view({8, 2, 9, 16, 16}).select(2, 4).select(1, 1).unsqueeze(1);
    namespace F = torch::nn::functional;
    const auto warped = F::grid_sample(torch::roll(x, -1, 0), grid, F::GridSampleFuncOptions().align_corners(true));
    return ((warped - x).pow(2) * valid).sum().item<double>() / valid.sum().item<double>();
  };
  const double before = disagreement(latents), after = disagreement(fuseRingOverlaps(latents, geometry));
  std::cout << "[ MV       ] ring overlap disagreement " << before << " → " << after << "\n";
  EXPECT_LT(after, 0.5 * before);
}

TEST(PanoramaGeneration, BadRequestsAreRejected) {
  PanoramaRequest request;
  request.prompts = {"a", "b", "c"};
  request.viewSize = 128;
  EXPECT_THROW(generatePanoramaViews(tinyModel(), nullptr, request), Error);  // 3 prompts for 8 views
  request.prompts = {"a"};
  EXPECT_THROW(generatePanoramaViews(tinyModel(), nullptr, request), Error);  // caa without weights
  request.method = MultiViewMethod::Independent;
  request.initialLatents = torch::zeros({1, 8, 4, 8, 8});
  EXPECT_THROW(generatePanoramaViews(tinyModel(), nullptr, request), Error);  // wrong latent shape
  EXPECT_THROW(multiViewMethodFromName("syncdiffusion"), Error);
}
