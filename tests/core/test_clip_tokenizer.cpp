// The CLIP tokenizer against transformers' ids for the fixture prompts (sd_golden, extra2).
#include <gtest/gtest.h>
#include <torch/torch.h>


#include "io/json_file.h"
#include "io/safetensors.h"
#include "runtime/error.h"
#include "support/fixtures.h"
#include "text/clip_tokenizer.h"

using namespace panocast;

namespace {

std::vector<int32_t> idsOf(const SafetensorsFile& file, const std::string& name) {
  auto t = file.tensor(name);
  EXPECT_EQ(t.scalar_type(), torch::kInt64) << name;
  EXPECT_EQ(t.numel(), 77) << name;
  std::vector<int32_t> out;
  for (int64_t i = 0; i < t.numel(); ++i) out.push_back(static_cast<int32_t>(t[i].item<int64_t>()));
  return out;
}

class ClipTokenizerGolden : public ::testing::Test {
 protected:
  ClipTokenizer tokenizer{test::fixture("sd/tiny-sd2/tokenizer")};
};

}  // namespace

TEST_F(ClipTokenizerGolden, Sd2SpecialIds) {
  EXPECT_EQ(tokenizer.startId(), 49406);
  EXPECT_EQ(tokenizer.endId(), 49407);
  EXPECT_EQ(tokenizer.padId(), 0);  // SD2 pads with "!"
}

TEST_F(ClipTokenizerGolden, MatchesTransformersOnFixturePrompts) {
  SafetensorsFile golden(test::fixture("sd/sd_golden.safetensors"));
  const auto prompts = readJsonFile(test::fixture("sd/sd_golden.json"))["prompts"];
  ASSERT_EQ(prompts.size(), 5u);
  for (size_t i = 0; i < prompts.size(); ++i) {
    const std::string prompt = prompts[i].get<std::string>();
    EXPECT_EQ(tokenizer.encodeForModel(prompt), idsOf(golden, "tokenizer.ids." + std::to_string(i))) << prompt;
  }
}

TEST_F(ClipTokenizerGolden, TruncationBangsAndNonAscii) {
  SafetensorsFile golden(test::fixture("extra2/extra2_golden.safetensors"));
  const auto meta = readJsonFile(test::fixture("extra2/extra2_golden.json"));
  const auto& prompts = meta.at("tokenizer2.prompts");
  ASSERT_EQ(prompts.size(), 3u);
  for (size_t i = 0; i < prompts.size(); ++i) {
    const std::string prompt = prompts[i].get<std::string>();
    EXPECT_EQ(tokenizer.encodeForModel(prompt), idsOf(golden, "tokenizer2.ids." + std::to_string(i))) << prompt;
    // The reference counts the start and end tokens too.
    EXPECT_EQ(tokenizer.countTokens(prompt) + 2, meta.at("tokenizer2.untruncated_len." + std::to_string(i)).get<int>());
  }
}

TEST_F(ClipTokenizerGolden, EdgeCases) {
  const auto empty = tokenizer.encodeForModel("");
  EXPECT_EQ(empty[0], 49406);
  EXPECT_EQ(empty[1], 49407);
  EXPECT_EQ(empty[2], 0);
  EXPECT_EQ(tokenizer.encode("  A   b  "), tokenizer.encode("a b"));  // whitespace and case
  EXPECT_EQ(tokenizer.encode("2049").size(), 4u);  // every digit is its own token
  EXPECT_EQ(tokenizer.encode("wow!!"), (std::vector<int32_t>{tokenizer.encode("wow")[0], 0, 0}));
}

TEST(PythonJson, ReadsInfinityAndNaNOutsideStrings) {
  const auto j = parsePythonJson(R"({"a": -Infinity, "b": Infinity, "c": NaN, "d": "NaN -Infinity", "e": [1.5]})", "t");
  EXPECT_TRUE(std::isinf(j["a"].get<double>()) && j["a"].get<double>() < 0);
  EXPECT_TRUE(std::isinf(j["b"].get<double>()) && j["b"].get<double>() > 0);
  EXPECT_TRUE(j["c"].is_null());
  EXPECT_EQ(j["d"], "NaN -Infinity");
  EXPECT_THROW(parsePythonJson("{\"a\": Infinit}", "t"), Error);
}

TEST(ClipTokenizer, MissingFilesGiveClearErrors) {
  EXPECT_THROW(ClipTokenizer("/nonexistent/tokenizer"), Error);
}
