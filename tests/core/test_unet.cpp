// The UNet against diffusers (sd_golden: unet.out for two samples at timesteps 999 and 421 with
// per-sample text states) and against the full-size SD2-base / SD1.5 key lists.
#include <gtest/gtest.h>
#include <torch/torch.h>

#include <fstream>

#include "io/json_file.h"
#include "io/safetensors.h"
#include "nn/unet.h"
#include "runtime/error.h"
#include "support/compare.h"
#include "support/det.h"
#include "support/fixtures.h"

using namespace panocast;

TEST(UNet, MatchesDiffusersOnTinyModel) {
  torch::NoGradGuard noGrad;
  auto model = loadUNet(test::fixture("sd/tiny-sd2/unet"));
  SafetensorsFile golden(test::fixture("sd/sd_golden.safetensors"));
  auto sample = golden.tensor("unet.in.sample");
  auto text = golden.tensor("unet.in.encoder_hidden_states");
  auto timesteps = golden.tensor("unet.in.timesteps");
  auto expected = golden.tensor("unet.out");
  ASSERT_EQ(sample.sizes(), (std::vector<int64_t>{2, 4, 16, 16}));
  ASSERT_EQ(text.sizes(), (std::vector<int64_t>{2, 77, 32}));
  ASSERT_EQ(timesteps.scalar_type(), torch::kInt64);
  ASSERT_EQ(expected.sizes(), sample.sizes());
  // The inputs are det_tensor streams 1 and 2: rebuilding them cross-checks the generator.
  EXPECT_TRUE(torch::equal(sample, test::detTensor(1, {2, 4, 16, 16})));
  EXPECT_TRUE(torch::equal(text, test::detTensor(2, {2, 77, 32})));
  EXPECT_ALLCLOSE(model->forward(sample, timesteps, text), expected, 1e-4, 1e-3);
  // Fractional timesteps (Euler) take the same path.
  auto fractional = model->forward(sample, timesteps.to(torch::kFloat), text);
  EXPECT_ALLCLOSE(fractional, expected, 1e-4, 1e-3);
}

TEST(UNet, ConversionReachesEveryParameter) {
  // Device and dtype moves only reach registered modules: run in float64 end to end.
  torch::NoGradGuard noGrad;
  auto model = loadUNet(test::fixture("sd/tiny-sd2/unet"));
  const auto reference = model->forward(test::detTensor(1, {2, 4, 16, 16}), torch::tensor({999, 421}),
                                        test::detTensor(2, {2, 77, 32}));
  model->to(torch::kFloat64);
  for (const auto& p : model->named_parameters()) EXPECT_EQ(p.value().scalar_type(), torch::kFloat64) << p.key();
  const auto wide = model->forward(test::detTensor(1, {2, 4, 16, 16}).to(torch::kFloat64), torch::tensor({999, 421}),
                                   test::detTensor(2, {2, 77, 32}).to(torch::kFloat64));
  EXPECT_EQ(wide.scalar_type(), torch::kFloat64);
  EXPECT_ALLCLOSE(wide.to(torch::kFloat), reference, 1e-4, 1e-3);
}

TEST(UNet, HooksSeeEveryBlockAndCanChangeTheResult) {
  torch::NoGradGuard noGrad;
  auto model = loadUNet(test::fixture("sd/tiny-sd2/unet"));
  auto sample = test::detTensor(1, {2, 4, 16, 16});
  auto text = test::detTensor(2, {2, 77, 32});
  auto t = torch::tensor({999, 421});
  struct Recorder : UNetHooks {
    std::vector<std::string> calls;
    at::Tensor afterBlock(UNetSite site, int index, const at::Tensor& h) override {
      calls.push_back(std::to_string(static_cast<int>(site)) + ":" + std::to_string(index) + ":" + std::to_string(h.size(1)));
      return h;
    }
  } recorder;
  auto plain = model->forward(sample, t, text);
  EXPECT_TRUE(torch::equal(model->forward(sample, t, text, &recorder), plain));
  const std::vector<std::string> expected{"0:0:32", "0:1:64", "0:2:64", "0:3:64", "1:0:64",
                                          "2:0:64", "2:1:64", "2:2:64", "2:3:32"};
  EXPECT_EQ(recorder.calls, expected);
  struct Zeroing : UNetHooks {
    at::Tensor afterBlock(UNetSite site, int index, const at::Tensor& h) override {
      return site == UNetSite::Mid ? torch::zeros_like(h) : h;
    }
  } zeroing;
  EXPECT_GT((model->forward(sample, t, text, &zeroing) - plain).abs().max().item<float>(), 1e-3);
}

TEST(UNet, FullSizeKeyListsMatch) {
  const auto keys = readJsonFile(test::fixture("sd/sd_keys.json"));
  for (const char* which : {"sd2_unet", "sd15_unet"}) {
    const auto config = std::string(which) == "sd2_unet" ? UNetConfig::sd2Base() : UNetConfig::sd15();
    UNet2DCondition model(config);
    std::map<std::string, std::vector<int64_t>> ours, expected;
    int64_t parameters = 0;
    for (const auto& p : model->named_parameters(true)) {
      ours[p.key()] = p.value().sizes().vec();
      parameters += p.value().numel();
    }
    for (const auto& b : model->named_buffers(true)) ours[b.key()] = b.value().sizes().vec();
    for (const auto& [name, shape] : keys[which].items()) expected[name] = shape.get<std::vector<int64_t>>();
    EXPECT_EQ(ours, expected) << which;
    if (std::string(which) == "sd2_unet") EXPECT_EQ(parameters, 865910724);
    else EXPECT_EQ(parameters, 859520964);
  }
}

TEST(UNet, ConfigErrorsNameTheProblem) {
  const auto dir = test::scratchDir("unet_config");
  auto write = [&](const std::string& text) {
    const auto path = dir / "config.json";
    std::ofstream(path) << text;
    return path;
  };
  EXPECT_THROW(UNetConfig::fromFile(write("{\"_class_name\": \"UNet2DConditionModel\", \"addition_embed_type\": \"text_time\"}")), Error);
  EXPECT_THROW(UNetConfig::fromFile(write("{\"block_out_channels\": [32, 64], \"down_block_types\": [\"DownBlock2D\"]}")), Error);
  EXPECT_THROW(UNetConfig::fromFile(write("{\"block_out_channels\": [30, 60, 60, 60]}")), Error);
  EXPECT_THROW(UNetConfig::fromFile(write("[1, 2]")), Error);
  try {
    UNetConfig::fromFile(write("{\"down_block_types\": [\"CrossAttnDownBlock2D\", \"SimpleCrossAttnDownBlock2D\", \"DownBlock2D\", \"DownBlock2D\"]}"));
    FAIL() << "accepted an unsupported block";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("SimpleCrossAttnDownBlock2D"), std::string::npos) << e.what();
  }
  const auto sd15 = UNetConfig::fromFile(write("{\"attention_head_dim\": 8, \"cross_attention_dim\": 768, \"upcast_attention\": null}"));
  EXPECT_EQ(sd15.headCounts, (std::vector<int>{8, 8, 8, 8}));
  EXPECT_FALSE(sd15.useLinearProjection);
}

TEST(UNet, MissingWeightsAreAClearError) {
  const auto dir = test::scratchDir("unet_missing");
  std::filesystem::copy_file(test::fixture("sd/tiny-sd2/unet/config.json"), dir / "config.json");
  try {
    loadUNet(dir);
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("diffusion_pytorch_model.safetensors"), std::string::npos) << e.what();
  }
}
