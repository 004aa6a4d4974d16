// The whole text-to-image pipeline against diffusers (sd_golden: pipeline.*): prompt 0 with an
// empty negative prompt, 8 steps, guidance 7.5, 128², from the fixture's initial latents, for
// all four schedulers; then the loaders (folder, single file) and the pipeline's controls.
#include <gtest/gtest.h>
#include <torch/torch.h>

#include <atomic>
#include <fstream>
#include <iostream>

#include "engine/latent_preview.h"
#include "engine/prompt_encoding.h"
#include "engine/sd_model.h"
#include "engine/text_to_image.h"
#include "io/safetensors.h"
#include "runtime/error.h"
#include "support/compare.h"
#include "support/fixtures.h"

using namespace panocast;
namespace fs = std::filesystem;

namespace {

StableDiffusionModel& tinyModel() {
  static StableDiffusionModel model = loadStableDiffusion(test::fixture("sd/tiny-sd2"));
  return model;
}

TextToImageRequest goldenRequest(const SafetensorsFile& golden, SchedulerKind kind) {
  TextToImageRequest request;
  request.prompt = "a well-lit living room with large windows";
  request.negativePrompt = "";
  request.steps = 8;
  request.guidance = 7.5;
  request.scheduler = kind;
  request.width = request.height = 128;
  request.initialLatents = golden.tensor("pipeline.in.latents");
  return request;
}

void expectPipelineGoldens(StableDiffusionModel& model, const std::string& label) {
  SafetensorsFile golden(test::fixture("sd/sd_golden.safetensors"));
  for (auto kind : {SchedulerKind::Ddim, SchedulerKind::Pndm, SchedulerKind::Euler, SchedulerKind::DpmSolverMultistep}) {
    const auto name = schedulerName(kind);
    const auto result = generateImage(model, goldenRequest(golden, kind));
    const auto expectedLatents = golden.tensor("pipeline." + name + ".latents");
    const auto expectedImage = golden.tensor("pipeline." + name + ".image");
    EXPECT_ALLCLOSE(result.latents, expectedLatents, 2e-3, 1e-3) << label << " " << name;
    EXPECT_ALLCLOSE(result.image, expectedImage, 1e-3, 0) << label << " " << name;
    std::cout << "[ pipeline ] " << label << " " << name << ": latents max abs error "
              << (result.latents - expectedLatents).abs().max().item<double>() << ", image "
              << (result.image - expectedImage).abs().max().item<double>() << "\n";
  }
}

}  // namespace

TEST(TextToImage, AllFourSchedulersMatchDiffusers) { expectPipelineGoldens(tinyModel(), "folder"); }

TEST(TextToImage, SingleFileCheckpointLoadsTheSameWeights) {
  auto single = loadStableDiffusion(test::fixture("extra/tiny-sd2-single-file.safetensors"), test::fixture("sd/tiny-sd2"));
  auto& folder = tinyModel();
  auto compare = [](torch::nn::Module& a, torch::nn::Module& b, const std::string& what) {
    const auto pa = a.named_parameters(), pb = b.named_parameters();
    ASSERT_EQ(pa.size(), pb.size()) << what;
    for (const auto& item : pa) EXPECT_TRUE(torch::equal(item.value(), pb[item.key()])) << what << " " << item.key();
  };
  compare(*single.unet, *folder.unet, "unet");
  compare(*single.vae, *folder.vae, "vae");
  compare(*single.textEncoder, *folder.textEncoder, "text encoder");
  expectPipelineGoldens(single, "single file");
}

TEST(TextToImage, SingleFileWithoutConfigsSaysWhatToPass) {
  try {
    loadStableDiffusion(test::fixture("extra/tiny-sd2-single-file.safetensors"));
    FAIL() << "loaded without configs";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("--config"), std::string::npos) << e.what();
  }
}

TEST(TextToImage, MissingAndBrokenFoldersFailClearly) {
  const auto scratch = test::scratchDir("broken_model");
  EXPECT_THROW(loadStableDiffusion(scratch / "nowhere"), Error);
  EXPECT_THROW(loadStableDiffusion(scratch), Error);  // no model_index.json
  fs::copy(test::fixture("sd/tiny-sd2"), scratch / "copy", fs::copy_options::recursive);
  fs::remove(scratch / "copy" / "unet" / "diffusion_pytorch_model.safetensors");
  try {
    loadStableDiffusion(scratch / "copy");
    FAIL() << "loaded without UNet weights";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("unet"), std::string::npos) << e.what();
  }
}

TEST(TextToImage, SeedsAreReproducibleAndDistinct) {
  TextToImageRequest request;
  request.prompt = "a kitchen";
  request.steps = 3;
  request.width = request.height = 64;
  request.scheduler = SchedulerKind::Ddim;
  request.seed = 42;
  const auto a = generateImage(tinyModel(), request);
  const auto b = generateImage(tinyModel(), request);
  request.seed = 43;
  const auto c = generateImage(tinyModel(), request);
  EXPECT_TRUE(torch::equal(a.image, b.image));
  EXPECT_FALSE(torch::equal(a.image, c.image));
  EXPECT_EQ(a.image.sizes(), (std::vector<int64_t>{1, 3, 64, 64}));
}

TEST(TextToImage, ProgressPreviewAndCancellation) {
  TextToImageRequest request;
  request.prompt = "a kitchen";
  request.steps = 4;
  request.width = 128;
  request.height = 64;
  request.scheduler = SchedulerKind::Pndm;
  LatentPreviewer previewer(tinyModel().vae);
  std::vector<int> calls;
  SamplingControl control;
  control.onStep = [&](const SamplingProgress& p) {
    calls.push_back(p.call);
    EXPECT_EQ(p.calls, 5);
    const auto preview = previewer.rgb(*p.latents);
    EXPECT_EQ(preview.sizes(), (std::vector<int64_t>{1, 3, 8, 16}));
    EXPECT_GE(preview.min().item<float>(), 0.0f);
    EXPECT_LE(preview.max().item<float>(), 1.0f);
  };
  generateImage(tinyModel(), request, control);
  EXPECT_EQ(calls, (std::vector<int>{0, 1, 2, 3, 4}));

  std::atomic<int> polled{0};
  control.onStep = nullptr;
  control.cancelRequested = [&] { return ++polled > 2; };
  EXPECT_THROW(generateImage(tinyModel(), request, control), Cancelled);
  EXPECT_EQ(polled.load(), 3);
}

TEST(TextToImage, LatentPreviewFollowsTheDecoder) {
  // The fitted map is the least-squares linear view of the decoder's block colours. The tiny
  // fixture's decoder (deterministic fill weights) is nearly colour-free, so on held-out latents
  // the fit can only be required not to do worse than the per-image mean colour; a broken channel
  // or pixel order does (about twice the variance).
  auto& model = tinyModel();
  LatentPreviewer previewer(model.vae);
  torch::NoGradGuard noGrad;
  const auto latents = torch::randn({1, 4, 16, 16}, at::detail::createCPUGenerator(3));
  const auto decoded = torch::avg_pool2d(model.vae->decodeToImage(latents), 8);
  const auto preview = previewer.rgb(latents);
  const double residual = (preview - decoded).pow(2).mean().item<double>();
  const double variance = (decoded - decoded.mean({2, 3}, true)).pow(2).mean().item<double>();
  std::cout << "[ preview  ] residual " << residual << " vs variance " << variance << "\n";
  EXPECT_LT(residual, 1.1 * variance);
}

TEST(TextToImage, BadRequestsAreRejected) {
  TextToImageRequest request;
  request.width = 100;
  EXPECT_THROW(generateImage(tinyModel(), request), Error);
  request.width = 64;
  request.height = 64;
  request.steps = 0;
  EXPECT_THROW(generateImage(tinyModel(), request), Error);
  request.steps = 2;
  request.initialLatents = torch::zeros({1, 4, 7, 7});
  EXPECT_THROW(generateImage(tinyModel(), request), Error);
  EXPECT_THROW(tinyModel().to(torch::kCPU, torch::kHalf), Error);
}
