// The CLIP text encoder against transformers (sd_golden: text_encoder.last_hidden_state for the
// five fixture prompts; extra2: tokenizer2.hidden.*), and against the full-size key lists.
#include <gtest/gtest.h>
#include <torch/torch.h>

#include "io/json_file.h"
#include "io/safetensors.h"
#include "nn/clip_text.h"
#include "runtime/error.h"
#include "support/compare.h"
#include "support/fixtures.h"
#include "text/clip_tokenizer.h"

using namespace panocast;

namespace {

torch::Tensor idsFor(const ClipTokenizer& tokenizer, const std::vector<std::string>& prompts) {
  std::vector<torch::Tensor> rows;
  for (const auto& prompt : prompts) {
    const auto ids = tokenizer.encodeForModel(prompt);
    rows.push_back(torch::tensor(std::vector<int64_t>(ids.begin(), ids.end())));
  }
  return torch::stack(rows);
}

}  // namespace

TEST(ClipText, MatchesTransformersOnFixturePrompts) {
  torch::NoGradGuard noGrad;
  const auto folder = test::fixture("sd/tiny-sd2");
  ClipTokenizer tokenizer(folder / "tokenizer");
  auto model = loadClipTextEncoder(folder / "text_encoder");
  std::vector<std::string> prompts;
  const auto meta0 = readJsonFile(test::fixture("sd/sd_golden.json"));
  for (const auto& p : meta0["prompts"]) prompts.push_back(p.get<std::string>());
  SafetensorsFile golden(test::fixture("sd/sd_golden.safetensors"));
  auto expected = golden.tensor("text_encoder.last_hidden_state");
  ASSERT_EQ(expected.sizes(), (std::vector<int64_t>{5, 77, 32}));
  EXPECT_ALLCLOSE(model->forward(idsFor(tokenizer, prompts)), expected, 1e-4, 1e-4);

  SafetensorsFile extra(test::fixture("extra2/extra2_golden.safetensors"));
  const auto meta = readJsonFile(test::fixture("extra2/extra2_golden.json"));
  for (size_t i = 0; i < 3; ++i) {
    const std::string name = "tokenizer2.hidden." + std::to_string(i);
    ASSERT_TRUE(extra.contains(name)) << name;
    auto hidden = extra.tensor(name);
    auto ours = model->forward(idsFor(tokenizer, {meta["tokenizer2.prompts"][i].get<std::string>()}));
    EXPECT_ALLCLOSE(ours.reshape(hidden.sizes()), hidden, 1e-4, 1e-4) << name;
  }
}

TEST(ClipText, FullSizeKeyListsMatch) {
  const auto keys = readJsonFile(test::fixture("sd/sd_keys.json"));
  for (const char* which : {"sd2_text_encoder", "sd15_text_encoder"}) {
    ClipTextConfig config;
    if (std::string(which) == "sd15_text_encoder") {
      config.hiddenSize = 768;
      config.intermediateSize = 3072;
      config.heads = 12;
      config.layers = 12;
      config.activation = "quick_gelu";
    }
    // Shapes only: build on the meta device would be ideal, but 1.13 lacks it there; the
    // SD1.5 tower is small enough and SD2's is built once (~1.4 GB of fp32).
    ClipTextEncoder model(config);
    std::map<std::string, std::vector<int64_t>> ours;
    for (const auto& p : model->named_parameters(true)) ours[p.key()] = p.value().sizes().vec();
    std::map<std::string, std::vector<int64_t>> expected;
    for (const auto& [name, shape] : keys[which].items())
      if (name != "embeddings.position_ids") expected[name] = shape.get<std::vector<int64_t>>();
    EXPECT_EQ(ours, expected) << which;
  }
}

TEST(StateDict, ReportsMissingUnexpectedAndMisshapedByName) {
  ClipTextConfig config;
  config.hiddenSize = 8;
  config.intermediateSize = 16;
  config.heads = 2;
  config.layers = 1;
  config.vocabSize = 10;
  ClipTextEncoder model(config);
  std::map<std::string, torch::Tensor> tensors;
  for (const auto& p : model->named_parameters(true)) tensors[p.key()] = torch::ones_like(p.value());
  tensors.erase("final_layer_norm.bias");
  tensors["encoder.layers.0.mlp.fc1.weight"] = torch::ones({3, 3});
  tensors["logit_scale"] = torch::ones({});
  const auto before = model->named_parameters()["embeddings.token_embedding.weight"].clone();
  const LoadReport report = loadStateDict(*model, tensors);
  EXPECT_EQ(report.missing, std::vector<std::string>{"final_layer_norm.bias"});
  EXPECT_EQ(report.unexpected, std::vector<std::string>{"logit_scale"});
  ASSERT_EQ(report.mismatched.size(), 1u);
  EXPECT_NE(report.mismatched[0].find("encoder.layers.0.mlp.fc1.weight"), std::string::npos);
  // A mis-shaped file changes nothing.
  EXPECT_TRUE(torch::equal(model->named_parameters()["embeddings.token_embedding.weight"], before));
  try {
    requireLoaded(report, "model.safetensors");
    FAIL() << "accepted a mismatched file";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("final_layer_norm.bias"), std::string::npos);
  }
}
