// The deterministic generator reproduces stored det_fill weights bit for bit (fixtures.md §2).
#include <gtest/gtest.h>
#include <torch/torch.h>

#include "io/safetensors.h"
#include "support/det.h"
#include "support/fixtures.h"

using namespace panocast;

TEST(DetFill, ReproducesTinyClipWeights) {
  SafetensorsFile file(test::fixture("metrics/tiny-clip/model.safetensors"));
  std::map<std::string, std::vector<int64_t>> shapes;
  std::vector<std::string> integers;
  for (const auto& name : file.names()) {
    const auto& info = file.info(name);
    if (info.dtype == "F32") shapes[name] = info.shape;
    else integers.push_back(name);
  }
  auto filled = test::detFill(shapes, integers);
  filled["logit_scale"] = torch::full({}, 4.605170249938965f);
  int checked = 0;
  for (const auto& [name, tensor] : filled) {
    ASSERT_TRUE(torch::equal(tensor, file.tensor(name))) << name;
    ++checked;
  }
  EXPECT_EQ(checked, 78 - static_cast<int>(integers.size()));
}

TEST(DetFill, ReproducesTinyCaaWeightsPerModule) {
  SafetensorsFile file(test::fixture("caa/tiny_caa.safetensors"));
  // Group keys by module prefix ("cp_blocks_encoder.0.", "cp_blocks_mid.", ...).
  std::map<std::string, std::map<std::string, std::vector<int64_t>>> modules;
  for (const auto& name : file.names()) {
    const bool mid = name.rfind("cp_blocks_mid.", 0) == 0;
    const std::string prefix = mid ? "cp_blocks_mid." : name.substr(0, name.find('.', name.find('.') + 1) + 1);
    modules[prefix][name.substr(prefix.size())] = file.info(name).shape;
  }
  ASSERT_EQ(modules.size(), 9u);
  for (const auto& [prefix, shapes] : modules) {
    auto filled = test::detFill(shapes);
    for (const auto& [name, tensor] : filled) {
      if (name == "pe.freq_bands") continue;  // restored to its computed value after filling
      ASSERT_TRUE(torch::equal(tensor, file.tensor(prefix + name))) << prefix << name;
    }
  }
}

TEST(DetTensor, MatchesStoredInputs) {
  SafetensorsFile golden(test::fixture("sd/sd_golden.safetensors"));
  auto expected = golden.tensor("unet.in.sample");
  EXPECT_TRUE(torch::equal(test::detTensor(1, expected.sizes().vec()), expected));
  auto latents = golden.tensor("pipeline.in.latents");
  EXPECT_TRUE(torch::equal(test::detTensor(5, latents.sizes().vec(), -2.5, 2.5), latents));
}
