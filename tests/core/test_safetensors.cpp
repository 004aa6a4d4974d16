// The safetensors reader: round trips, the real fixture files, and hostile input. Besides the
// hand-made cases, a deterministic mutation fuzzer runs on every test run (the libFuzzer harness
// in tests/fuzz goes further where clang is available).
#include <gtest/gtest.h>
#include <torch/torch.h>

#include <fstream>
#include <random>

#include "io/safetensors.h"
#include "runtime/error.h"
#include "support/fixtures.h"

using namespace panocast;
namespace fs = std::filesystem;

namespace {

std::string header(const std::string& json) {
  std::string out(8, '\0');
  for (int b = 0; b < 8; ++b) out[b] = static_cast<char>((json.size() >> (8 * b)) & 0xFF);
  return out + json;
}

void expectRejected(const std::string& bytes, const std::string& reason) {
  try {
    parseSafetensorsHeader(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size(), "test.safetensors");
    ADD_FAILURE() << "accepted: " << reason;
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("test.safetensors"), std::string::npos);
  }
}

}  // namespace

TEST(Safetensors, RoundTripsEveryDtypeWithMetadata) {
  const auto dir = test::scratchDir("safetensors");
  std::map<std::string, torch::Tensor> tensors{
      {"f32", torch::randn({3, 4})},
      {"f16", torch::randn({5}).to(torch::kFloat16)},
      {"bf16", torch::randn({2, 2}).to(torch::kBFloat16)},
      {"i64", torch::arange(7)},
      {"u8", torch::arange(10).to(torch::kUInt8)},
      {"bool", torch::tensor({true, false})},
      {"scalar", torch::tensor(3.5)},
      {"empty", torch::zeros({0, 3})},
  };
  writeSafetensors(dir / "t.safetensors", tensors, {{"format", "pt"}});
  SafetensorsFile file(dir / "t.safetensors");
  EXPECT_EQ(file.header().metadata.at("format"), "pt");
  EXPECT_EQ(file.header().dataOffset % 8, 0u);
  for (const auto& [name, tensor] : tensors) {
    auto back = file.tensor(name);
    EXPECT_EQ(back.scalar_type(), tensor.scalar_type()) << name;
    EXPECT_TRUE(torch::equal(back, tensor)) << name;
  }
}

TEST(Safetensors, ReadsFixtureFolders) {
  SafetensorsFile unet(test::fixture("sd/tiny-sd2/unet/diffusion_pytorch_model.safetensors"));
  EXPECT_EQ(unet.names().size(), 684u);
  EXPECT_EQ(unet.info("conv_in.weight").dtype, "F16");
  SafetensorsFile golden(test::fixture("sd/sd_golden.safetensors"));
  EXPECT_EQ(golden.names().size(), 33u);
  EXPECT_EQ(golden.tensor("tokenizer.ids.0").scalar_type(), torch::kInt64);
}

TEST(Safetensors, RejectsMalformedHeaders) {
  expectRejected("", "empty");
  expectRejected("\x05\0\0\0", "short length");
  expectRejected(std::string("\xff\xff\xff\xff\xff\xff\xff\x7f", 8) + "{}", "huge header length");
  expectRejected(header("{\"a\":"), "truncated JSON");
  expectRejected(header("[1,2]"), "array root");
  expectRejected(header(R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}})"), "data past the end");
  expectRejected(header(R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,4]}})") + std::string(4, '\0'),
                 "size mismatch");
  expectRejected(header(R"({"a":{"dtype":"Q4","shape":[1],"data_offsets":[0,1]}})") + "x", "unknown dtype");
  expectRejected(header(R"({"a":{"dtype":"F32","shape":[-1],"data_offsets":[0,4]}})") + "xxxx", "negative dim");
  expectRejected(header(R"({"a":{"dtype":"F32","shape":[1],"data_offsets":[4,0]}})") + "xxxx", "reversed range");
  expectRejected(header(R"({"a":{"dtype":"U8","shape":[4],"data_offsets":[0,4]},"b":{"dtype":"U8","shape":[2],"data_offsets":[2,4]}})") +
                     "xxxx",
                 "overlap");
  expectRejected(header(R"({"a":{"dtype":"F32","shape":[4294967296,4294967296,4294967296],"data_offsets":[0,4]}})") +
                     "xxxx",
                 "shape overflow");
  expectRejected(header(R"({"__metadata__":{"k":1}})"), "non-string metadata");
  expectRejected(header(R"({"a":{"dtype":"F32","shape":[1]}})"), "missing offsets");
}

TEST(Safetensors, MissingAndNonRegularFilesGiveClearErrors) {
  EXPECT_THROW(SafetensorsFile("/nonexistent/x.safetensors"), Error);
  EXPECT_THROW(SafetensorsFile(fs::temp_directory_path()), Error);
}

TEST(Safetensors, SurvivesRandomMutationsOfARealFile) {
  const auto path = test::fixture("sd/tiny-sd2/text_encoder/model.safetensors");
  std::ifstream in(path, std::ios::binary);
  std::string original((std::istreambuf_iterator<char>(in)), {});
  // Mutate the length field and header bytes only: that is where parsing happens.
  const size_t headerEnd = 8 + std::min<size_t>(original.size() - 8, 6000);
  std::mt19937_64 random(20261122);
  int rejected = 0;
  for (int round = 0; round < 3000; ++round) {
    std::string bytes = original;
    const int edits = 1 + static_cast<int>(random() % 4);
    for (int e = 0; e < edits; ++e) {
      const size_t at = random() % headerEnd;
      switch (random() % 4) {
        case 0: bytes[at] = static_cast<char>(random()); break;
        case 1: bytes[at] ^= static_cast<char>(1 << (random() % 8)); break;
        case 2: bytes.insert(at, 1, "{}[]\",:0123456789-e"[random() % 19]); break;
        case 3: bytes.resize(std::max<size_t>(1, random() % bytes.size())); break;
      }
    }
    try {
      auto parsed = parseSafetensorsHeader(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size(), "fuzz");
      for (const auto& [name, info] : parsed.tensors) ASSERT_LE(parsed.dataOffset + info.end, bytes.size());
    } catch (const Error&) {
      ++rejected;
    }
  }
  EXPECT_GT(rejected, 1000);
}
