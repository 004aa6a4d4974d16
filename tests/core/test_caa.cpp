// Correspondence-aware attention against MVDiffusion's own code (caa_golden, extra2): the rig's
// displacements and masks at every level, single CAA blocks at widths 64 and 320, and the whole
// tiny multi-view UNet with its nine blocks.
#include <gtest/gtest.h>
#include <torch/torch.h>

#include <iostream>

#include "io/safetensors.h"
#include "multiview/caa_geometry.h"
#include "multiview/caa_modules.h"
#include "nn/caa_block.h"
#include "nn/state_dict.h"
#include "nn/unet.h"
#include "runtime/error.h"
#include "support/compare.h"
#include "support/det.h"
#include "support/fixtures.h"

using namespace panocast;

namespace {

const SafetensorsFile& caaGolden() {
  static SafetensorsFile file(test::fixture("caa/caa_golden.safetensors"));
  return file;
}
const SafetensorsFile& extra2() {
  static SafetensorsFile file(test::fixture("extra2/extra2_golden.safetensors"));
  return file;
}

// One CPAttn(d) with det_fill weights over its 14 sorted keys, freq_bands restored (fixtures.md §2).
CaaBlock detFilledBlock(int width) {
  CaaBlock block(width);
  std::map<std::string, std::vector<int64_t>> shapes;
  for (const auto& item : block->named_parameters()) shapes[item.key()] = item.value().sizes().vec();
  for (const auto& item : block->named_buffers()) shapes[item.key()] = item.value().sizes().vec();
  EXPECT_EQ(shapes.size(), 14u);
  auto tensors = test::detFill(shapes);
  tensors["pe.freq_bands"] = caaFrequencies(width);
  requireLoaded(loadStateDict(*block, tensors), "det_fill");
  block->eval();
  return block;
}

}  // namespace

TEST(CaaGeometry, DisplacementsAndMasksMatchTheReferenceAtEveryLevel) {
  CaaGeometry geometry(Rig::ring(8, 90.0, 512));
  for (int cells : {64, 32, 16, 8}) {
    const std::string prefix = "caa.level" + std::to_string(cells);
    const auto expectedDisplacement = extra2().tensor(prefix + ".displacement");
    const auto expectedMask = extra2().tensor(prefix + ".mask").to(torch::kFloat32);
    const auto& level = geometry.level(cells);
    ASSERT_EQ(level.displacement.sizes(), expectedDisplacement.sizes()) << cells;
    ASSERT_EQ(level.mask.sizes(), expectedMask.sizes()) << cells;
    // Displacements of masked samples are irrelevant (their tokens are zero vectors).
    const auto valid = expectedMask.unsqueeze(-1);
    EXPECT_ALLCLOSE(level.displacement * valid, expectedDisplacement * valid, 1e-3, 0) << cells;
    // Masks agree except for samples within rounding of the image border.
    const auto mismatches = (level.mask != expectedMask).sum().item<int64_t>();
    EXPECT_LE(mismatches, expectedMask.numel() / 2000) << cells;
    std::cout << "[ CAA      ] level " << cells << ": mask mismatches " << mismatches << " of " << expectedMask.numel()
              << ", displacement max error " << ((level.displacement - expectedDisplacement) * valid).abs().max().item<double>()
              << " cells\n";
  }
  // Coverage as caa.md §3 states it: view 0 → view 1 centre samples valid for about 47% of cells.
  const auto& level64 = geometry.level(64);
  const double centreCoverage = level64.mask[0][9 + 4].mean().item<double>();
  EXPECT_NEAR(centreCoverage, 0.47, 0.02);
}

TEST(CaaBlock, Width64MatchesMVDiffusion) {
  torch::NoGradGuard noGrad;
  auto block = detFilledBlock(64);
  const auto x = caaGolden().tensor("cpattn64.x");
  ASSERT_TRUE(torch::equal(x, test::detTensor(164, {8, 64, 16, 16})));
  const auto expected = caaGolden().tensor("cpattn64.y");

  // With the reference's displacements (extra2) the block is exact to the fixture tolerance.
  CaaGeometry injected(Rig::ring(8, 90.0, 512));
  injected.overrideLevel(16, extra2().tensor("caa.level16.displacement"), extra2().tensor("caa.level16.mask"));
  const auto y = block->forward(x, injected.level(16));
  EXPECT_ALLCLOSE(y, expected, 5e-2, 0);
  EXPECT_LE(test::relativeL2(y, expected), 2e-3);

  // With our own displacements: they agree with the reference to 6e-6 cells, but the centre
  // samples' displacements are float32 rounding noise (~5e-6) that frequencies up to 2^15 turn
  // into phase; the noise depends on the LAPACK build's 3×3 inverse (LibTorch 1.13 here uses
  // OpenBLAS, the reference MKL), so the match is close, not exact.
  block->clearCache();
  CaaGeometry own(Rig::ring(8, 90.0, 512));
  const auto ownY = block->forward(x, own.level(16));
  EXPECT_LE(test::relativeL2(ownY, expected), 2e-2);
  std::cout << "[ CAA      ] cpattn64: relative L2 " << test::relativeL2(y, expected) << " with the reference's displacements, "
            << test::relativeL2(ownY, expected) << " with ours\n";
}

TEST(CaaBlock, Width320MatchesWithTheReferenceDisplacements) {
  torch::NoGradGuard noGrad;
  auto block = detFilledBlock(320);
  const auto x = caaGolden().tensor("cpattn320.x");
  ASSERT_TRUE(torch::equal(x, test::detTensor(420, {8, 320, 16, 16})));
  const auto expected = caaGolden().tensor("cpattn320.y");

  // Our own displacements: frequencies up to 2^79 turn last-bit differences into noise, so this
  // is reported, not required (fixtures.md §3).
  CaaGeometry own(Rig::ring(8, 90.0, 512));
  const auto ownY = block->forward(x, own.level(16));
  EXPECT_TRUE(torch::isfinite(ownY).all().item<bool>());
  std::cout << "[ CAA      ] cpattn320 with our displacements: relative L2 " << test::relativeL2(ownY, expected) << "\n";

  CaaGeometry injected(Rig::ring(8, 90.0, 512));
  injected.overrideLevel(16, extra2().tensor("caa.level16.displacement"), extra2().tensor("caa.level16.mask"));
  block->clearCache();
  const auto y = block->forward(x, injected.level(16));
  EXPECT_ALLCLOSE(y, expected, 1e-3, 0);
}

TEST(CaaModules, TinyMultiViewUNetMatchesMVDiffusion) {
  torch::NoGradGuard noGrad;
  auto unet = loadUNet(test::fixture("sd/tiny-sd2/unet"));
  auto modules = loadCaaModules(unet->config(), test::fixture("caa/tiny_caa.safetensors"));
  CaaGeometry geometry(Rig::ring(8, 90.0, 128));
  CaaHooks hooks(modules, geometry);
  const auto latents = caaGolden().tensor("mv.in.latents").reshape({16, 4, 16, 16});
  const auto text = caaGolden().tensor("mv.in.prompt_embd").reshape({16, 77, 32});
  const auto timesteps = caaGolden().tensor("mv.in.timesteps").reshape({16});
  const auto out = unet->forward(latents, timesteps, text, &hooks).view({2, 8, 4, 16, 16});
  const auto expected = caaGolden().tensor("mv.out");
  EXPECT_ALLCLOSE(out, expected, 2e-2, 1e-3);
  std::cout << "[ CAA      ] mv.out: max abs error " << (out - expected).abs().max().item<double>() << ", relative L2 "
            << test::relativeL2(out, expected) << "\n";
  // Without the hooks the views are independent: the result must differ clearly.
  EXPECT_GT(test::relativeL2(unet->forward(latents, timesteps, text).view({2, 8, 4, 16, 16}), expected), 1e-2);
}

TEST(CaaModules, CheckpointPrefixesAndErrors) {
  auto unet = UNetConfig::fromFile(test::fixture("sd/tiny-sd2/unet/config.json"));
  SafetensorsFile file(test::fixture("caa/tiny_caa.safetensors"));
  std::map<std::string, at::Tensor> prefixed, missing;
  for (const auto& name : file.names()) {
    prefixed["mv_base_model." + name] = file.tensor(name);
    if (name.find("cp_blocks_mid.transformer.norm2") == std::string::npos) missing[name] = file.tensor(name);
  }
  prefixed["vae.decoder.conv_in.weight"] = torch::zeros({1});  // other components are ignored
  EXPECT_NO_THROW(caaModulesFromTensors(unet, prefixed, "prefixed"));
  try {
    caaModulesFromTensors(unet, missing, "partial.safetensors");
    FAIL() << "loaded with missing tensors";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("cp_blocks_mid.transformer.norm2.weight"), std::string::npos) << e.what();
  }
  EXPECT_THROW(caaModulesFromTensors(unet, {}, "empty"), Error);
  EXPECT_THROW(CaaGeometry(Rig::ring(8, 90.0, 128)).level(3), Error);
  CaaBlock block(64);
  EXPECT_THROW(block->forward(torch::zeros({8, 32, 16, 16}), CaaGeometry(Rig::ring(8, 90.0, 128)).level(16)), Error);
}

TEST(CaaBlock, FrequencyBandsStayFloat32WhenTheModelIsCastToHalf) {
  // fp16 tops out at 65504; the bands reach 2^79 (width 320) and 1.7e9 (640, 1280). Cast with
  // the rest of the model they became inf, and every fp16 CAA output NaN on the GPU.
  torch::nn::Module model;
  auto narrow = model.register_module("narrow", CaaBlock(320));
  auto wide = model.register_module("wide", CaaBlock(1280));
  model.to(torch::kHalf);
  for (const auto& block : {narrow, wide}) {
    const auto bands = block->named_buffers()["pe.freq_bands"];
    EXPECT_EQ(bands.scalar_type(), torch::kFloat32);
    EXPECT_TRUE(torch::equal(bands, caaFrequencies(block->width())));
    EXPECT_EQ(block->named_parameters()["transformer.attn1.to_q.weight"].scalar_type(), torch::kHalf);
    const auto encoding = block->encode(torch::tensor({{2.5f, -1.0f}, {0.0f, 0.25f}}));
    EXPECT_TRUE(torch::isfinite(encoding).all().item<bool>());
  }
  narrow->to(torch::kCPU, torch::kHalf);
  EXPECT_EQ(narrow->named_buffers()["pe.freq_bands"].scalar_type(), torch::kFloat32);
}
