// The VAE against diffusers' AutoencoderKL (sd_golden: vae.*, pipeline.<s>.image), loaded from
// all three key layouts (current folder, old attention names, LDM single file), against the
// full-size key list, and its error messages.
#include <gtest/gtest.h>
#include <torch/torch.h>

#include <fstream>
#include <functional>
#include <iostream>

#include "io/json_file.h"
#include "io/safetensors.h"
#include "nn/attention.h"
#include "nn/autoencoder_kl.h"
#include "nn/state_dict.h"
#include "nn/vae_keys.h"
#include "runtime/error.h"
#include "support/compare.h"
#include "support/det.h"
#include "support/fixtures.h"

using namespace panocast;
namespace fs = std::filesystem;

namespace {

using Tensors = std::map<std::string, torch::Tensor>;

fs::path tinyVae() { return test::fixture("sd/tiny-sd2/vae"); }

Tensors readAll(const fs::path& path) {
  SafetensorsFile file(path);
  Tensors tensors;
  for (const auto& name : file.names()) tensors[name] = file.tensor(name);
  return tensors;
}

// Checks a golden's dtype and shape before its values are used (fixtures.md §4).
void expectGoldenLayout(const SafetensorsFile& golden, const std::string& name, const std::vector<int64_t>& shape) {
  ASSERT_TRUE(golden.contains(name)) << name;
  EXPECT_EQ(golden.info(name).dtype, "F32") << name;
  ASSERT_EQ(golden.info(name).shape, shape) << name;
}

double maxAbsError(const torch::Tensor& a, const torch::Tensor& b) {
  return (a.to(torch::kFloat64) - b.to(torch::kFloat64)).abs().max().item<double>();
}

void report(const std::string& what, const torch::Tensor& ours, const torch::Tensor& expected) {
  std::cout << "[ VAE      ] " << what << ": max abs error " << maxAbsError(ours, expected) << ", relative L2 "
            << test::relativeL2(ours, expected) << "\n";
}

// The encode and decode goldens for a loaded tiny model.
void expectMatchesGoldens(AutoencoderKL& model, const std::string& label) {
  torch::NoGradGuard noGrad;
  SafetensorsFile golden(test::fixture("sd/sd_golden.safetensors"));
  ASSERT_NO_FATAL_FAILURE(expectGoldenLayout(golden, "vae.in.image", {1, 3, 128, 128}));
  ASSERT_NO_FATAL_FAILURE(expectGoldenLayout(golden, "vae.encode.mean", {1, 4, 16, 16}));
  ASSERT_NO_FATAL_FAILURE(expectGoldenLayout(golden, "vae.encode.logvar", {1, 4, 16, 16}));
  ASSERT_NO_FATAL_FAILURE(expectGoldenLayout(golden, "vae.in.latent", {1, 4, 16, 16}));
  ASSERT_NO_FATAL_FAILURE(expectGoldenLayout(golden, "vae.decode", {1, 3, 128, 128}));

  const auto image = golden.tensor("vae.in.image");
  const auto latent = golden.tensor("vae.in.latent");
  // The inputs are det_tensor streams 3 and 4: rebuilding them cross-checks the generator.
  EXPECT_TRUE(torch::equal(test::detTensor(3, {1, 3, 128, 128}), image));
  EXPECT_TRUE(torch::equal(test::detTensor(4, {1, 4, 16, 16}, -3.0, 3.0), latent));

  const auto posterior = model->encode(image);
  const auto mean = golden.tensor("vae.encode.mean"), logvar = golden.tensor("vae.encode.logvar");
  EXPECT_ALLCLOSE(posterior.mean, mean, 1e-4, 1e-4) << label;
  EXPECT_ALLCLOSE(posterior.logvar, logvar, 1e-4, 1e-4) << label;
  const auto decoded = model->decode(latent);
  const auto expectedDecode = golden.tensor("vae.decode");
  EXPECT_ALLCLOSE(decoded, expectedDecode, 2e-4, 1e-4) << label;
  report(label + " encode.mean", posterior.mean, mean);
  report(label + " encode.logvar", posterior.logvar, logvar);
  report(label + " decode", decoded, expectedDecode);
}

void expectSameWeights(AutoencoderKL& a, AutoencoderKL& b) {
  const auto pa = a->named_parameters(true), pb = b->named_parameters(true);
  ASSERT_EQ(pa.size(), pb.size());
  for (const auto& item : pa) {
    const auto* other = pb.find(item.key());
    ASSERT_NE(other, nullptr) << item.key();
    EXPECT_TRUE(torch::equal(item.value(), *other)) << item.key();
  }
}

Tensors singleFileVae() {
  return withoutPrefix(readAll(test::fixture("extra/tiny-sd2-single-file.safetensors")), "first_stage_model.");
}

std::string errorOf(const std::function<void()>& action) {
  try {
    action();
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST(AutoencoderKL, ConfigFromTinyFolder) {
  const auto config = AutoencoderKLConfig::fromFile(tinyVae() / "config.json");
  EXPECT_EQ(config.blockOutChannels, (std::vector<int>{8, 16, 32, 32}));
  EXPECT_EQ(config.normGroups, 8);
  EXPECT_EQ(config.layersPerBlock, 2);
  EXPECT_EQ(config.latentChannels, 4);
  EXPECT_EQ(config.sampleSize, 128);
  EXPECT_DOUBLE_EQ(config.scalingFactor, 0.18215);
  EXPECT_TRUE(config.useQuantConv && config.usePostQuantConv && config.midBlockAddAttention);
}

TEST(AutoencoderKL, ConfigErrorsNameFileAndField) {
  const auto dir = test::scratchDir("vae_config_errors");
  auto base = readJsonFile(tinyVae() / "config.json");
  auto expectRejected = [&](const char* field, const nlohmann::json& value) {
    auto j = base;
    j[field] = value;
    const auto path = dir / (std::string(field) + ".json");
    std::ofstream(path) << j.dump();
    const auto message = errorOf([&] { AutoencoderKLConfig::fromFile(path); });
    EXPECT_NE(message.find(path.string()), std::string::npos) << message;
    EXPECT_NE(message.find(field), std::string::npos) << message;
  };
  expectRejected("norm_num_groups", 3);  // does not divide the block widths
  expectRejected("block_out_channels", nlohmann::json::array());
  expectRejected("layers_per_block", -1);
  expectRejected("use_quant_conv", "yes");
  expectRejected("act_fn", "gelu");
  expectRejected("up_block_types", nlohmann::json::array({"UpDecoderBlock2D"}));
  expectRejected("_class_name", "AutoencoderTiny");
}

TEST(AutoencoderKL, MatchesDiffusersFromFolder) {
  auto model = loadAutoencoderKL(tinyVae());
  EXPECT_EQ(model->named_parameters(true).size(), 248u);
  for (const auto& p : model->parameters()) EXPECT_EQ(p.scalar_type(), torch::kFloat);
  expectMatchesGoldens(model, "folder");
}

TEST(AutoencoderKL, DecodeToImageMatchesPipelineImages) {
  // pipeline.<s>.image = clamp(decode(latents / 0.18215) / 2 + 0.5, 0, 1) of the final latents.
  torch::NoGradGuard noGrad;
  auto model = loadAutoencoderKL(tinyVae());
  SafetensorsFile golden(test::fixture("sd/sd_golden.safetensors"));
  for (const char* scheduler : {"ddim", "pndm", "euler", "dpmpp2m"}) {
    const std::string prefix = std::string("pipeline.") + scheduler;
    ASSERT_NO_FATAL_FAILURE(expectGoldenLayout(golden, prefix + ".latents", {1, 4, 16, 16}));
    ASSERT_NO_FATAL_FAILURE(expectGoldenLayout(golden, prefix + ".image", {1, 3, 128, 128}));
    const auto image = model->decodeToImage(golden.tensor(prefix + ".latents"));
    EXPECT_ALLCLOSE(image, golden.tensor(prefix + ".image"), 1e-3, 0) << scheduler;
    report(prefix + ".image", image, golden.tensor(prefix + ".image"));
  }
}

TEST(AutoencoderKL, SingleFileLoadsTheSameWeights) {
  const auto config = AutoencoderKLConfig::fromFile(tinyVae() / "config.json");
  auto fromSingleFile = autoencoderFromTensors(config, vaeFromLdm(singleFileVae()), "tiny-sd2-single-file.safetensors");
  auto fromFolder = loadAutoencoderKL(tinyVae());
  expectSameWeights(fromSingleFile, fromFolder);
  expectMatchesGoldens(fromSingleFile, "single file");
  // The loader also recognises the layout by itself.
  auto detected = autoencoderFromTensors(config, singleFileVae(), "tiny-sd2-single-file.safetensors");
  expectSameWeights(detected, fromFolder);
}

TEST(AutoencoderKL, LegacyAttentionNamesLoadTheSameWeights) {
  const std::map<std::string, std::string> legacy = {
      {".to_q.", ".query."}, {".to_k.", ".key."}, {".to_v.", ".value."}, {".to_out.0.", ".proj_attn."}};
  Tensors renamed;
  int renamedCount = 0;
  for (const auto& [storedName, tensor] : readAll(tinyVae() / "diffusion_pytorch_model.safetensors")) {
    std::string name = storedName;
    for (const auto& [current, old] : legacy)
      if (const auto at = name.find(current); at != std::string::npos) {
        name.replace(at, current.size(), old);
        ++renamedCount;
      }
    renamed[name] = tensor;
  }
  EXPECT_EQ(renamedCount, 16);  // 4 projections × weight/bias × encoder/decoder
  const auto config = AutoencoderKLConfig::fromFile(tinyVae() / "config.json");
  auto fromLegacy = autoencoderFromTensors(config, renamed, "legacy names");
  auto fromFolder = loadAutoencoderKL(tinyVae());
  expectSameWeights(fromLegacy, fromFolder);
}

TEST(AutoencoderKL, FullSizeKeyListMatches) {
  const auto keys = readJsonFile(test::fixture("sd/sd_keys.json"));
  ASSERT_TRUE(keys.contains("sd_vae"));
  std::map<std::string, std::vector<int64_t>> expected;
  for (const auto& [name, shape] : keys["sd_vae"].items()) expected[name] = shape.get<std::vector<int64_t>>();
  ASSERT_EQ(expected.size(), 248u);

  AutoencoderKL model(AutoencoderKLConfig{});
  std::map<std::string, std::vector<int64_t>> ours;
  int64_t parameters = 0;
  for (const auto& p : model->named_parameters(true)) {
    ours[p.key()] = p.value().sizes().vec();
    parameters += p.value().numel();
  }
  EXPECT_TRUE(model->named_buffers(true).is_empty());  // the diffusers VAE has no buffers either
  EXPECT_EQ(ours, expected);
  EXPECT_EQ(parameters, 83653863);  // sd2.md §1
}

TEST(AutoencoderKL, MissingWeightFileNamesThePath) {
  const auto dir = test::scratchDir("vae_missing_weights");
  fs::copy_file(tinyVae() / "config.json", dir / "config.json");
  const auto message = errorOf([&] { loadAutoencoderKL(dir); });
  EXPECT_NE(message.find((dir / "diffusion_pytorch_model.safetensors").string()), std::string::npos) << message;

  const auto noConfig = errorOf([&] { loadAutoencoderKL(test::scratchDir("vae_empty")); });
  EXPECT_NE(noConfig.find("config.json"), std::string::npos) << noConfig;
}

TEST(AutoencoderKL, MisshapedTensorIsNamed) {
  auto tensors = readAll(tinyVae() / "diffusion_pytorch_model.safetensors");
  tensors["decoder.up_blocks.1.resnets.0.conv1.weight"] = torch::zeros({16, 16, 3, 3});
  tensors.erase("encoder.conv_in.bias");
  const auto config = AutoencoderKLConfig::fromFile(tinyVae() / "config.json");
  const auto message = errorOf([&] { autoencoderFromTensors(config, tensors, "broken.safetensors"); });
  EXPECT_NE(message.find("broken.safetensors"), std::string::npos) << message;
  EXPECT_NE(message.find("decoder.up_blocks.1.resnets.0.conv1.weight"), std::string::npos) << message;
  EXPECT_NE(message.find("encoder.conv_in.bias"), std::string::npos) << message;

  AutoencoderKL model(config);
  const auto loadReport = loadStateDict(*model, tensors);
  ASSERT_EQ(loadReport.mismatched.size(), 1u);
  EXPECT_EQ(loadReport.mismatched[0].rfind("decoder.up_blocks.1.resnets.0.conv1.weight", 0), 0u);
  EXPECT_EQ(loadReport.missing, std::vector<std::string>{"encoder.conv_in.bias"});
}

TEST(AutoencoderKL, RejectsWrongInputLayout) {
  AutoencoderKLConfig config;
  config.blockOutChannels = {8, 8};
  config.normGroups = 4;
  AutoencoderKL model(config);
  torch::NoGradGuard noGrad;
  EXPECT_THROW(model->encode(torch::zeros({1, 4, 16, 16})), Error);
  EXPECT_THROW(model->decode(torch::zeros({4, 8, 8})), Error);
  EXPECT_EQ(model->decode(torch::zeros({2, 4, 5, 7})).sizes(), (std::vector<int64_t>{2, 3, 10, 14}));
  // Each downsample maps n to ⌊n/2⌋ (one padded row/column, stride 2), as in diffusers.
  EXPECT_EQ(model->encode(torch::zeros({1, 3, 9, 10})).mean.sizes(), (std::vector<int64_t>{1, 4, 4, 5}));
}

TEST(AutoencoderKL, ChunkedAttentionGivesTheSameDecode) {
  torch::NoGradGuard noGrad;
  auto model = loadAutoencoderKL(tinyVae());
  SafetensorsFile golden(test::fixture("sd/sd_golden.safetensors"));
  const auto latent = golden.tensor("vae.in.latent");
  const auto fused = model->decode(latent);
  const bool wasEnabled = fusedAttentionEnabled();
  setFusedAttentionEnabled(false);
  const auto chunked = model->decode(latent);
  setFusedAttentionEnabled(wasEnabled);
  EXPECT_ALLCLOSE(chunked, fused, 1e-6, 1e-6);
  EXPECT_ALLCLOSE(chunked, golden.tensor("vae.decode"), 2e-4, 1e-4);
}

TEST(VaeKeys, LdmLayoutMapsOntoTheFolderLayout) {
  const auto folder = readAll(tinyVae() / "diffusion_pytorch_model.safetensors");
  const auto single = singleFileVae();
  ASSERT_EQ(single.size(), 248u);
  EXPECT_TRUE(isLdmVaeLayout(single));
  EXPECT_FALSE(isLdmVaeLayout(folder));
  const auto mapped = vaeFromLdm(single);
  ASSERT_EQ(mapped.size(), folder.size());
  for (const auto& [name, tensor] : folder) {
    const auto it = mapped.find(name);
    ASSERT_NE(it, mapped.end()) << name << " not produced by vaeFromLdm";
    EXPECT_EQ(it->second.sizes(), tensor.sizes()) << name;
    EXPECT_TRUE(torch::equal(it->second, tensor)) << name;  // both F16, bit for bit
  }
}

TEST(VaeKeys, RenamesIndividualNames) {
  const auto w = torch::zeros({1});
  const auto mapped = vaeFromLdm({{"decoder.up.0.block.2.nin_shortcut.weight", w},
                                  {"decoder.up.1.upsample.conv.bias", w},
                                  {"encoder.down.2.downsample.conv.weight", w},
                                  {"encoder.mid.attn_1.proj_out.weight", torch::zeros({6, 6, 1, 1})},
                                  {"decoder.mid.attn_1.norm.bias", w},
                                  {"decoder.mid.block_2.norm1.weight", w},
                                  {"encoder.norm_out.weight", w},
                                  {"quant_conv.weight", w},
                                  {"encoder.down.0.mystery.weight", w},
                                  {"loss.logvar", w}});
  std::vector<std::string> names;
  for (const auto& [name, tensor] : mapped) names.push_back(name);
  // Two up blocks here (up.0, up.1), so up.0 becomes up_blocks.1.
  EXPECT_EQ(names, (std::vector<std::string>{"decoder.mid_block.attentions.0.group_norm.bias",
                                             "decoder.mid_block.resnets.1.norm1.weight",
                                             "decoder.up_blocks.0.upsamplers.0.conv.bias",
                                             "decoder.up_blocks.1.resnets.2.conv_shortcut.weight",
                                             "encoder.conv_norm_out.weight",
                                             "encoder.down.0.mystery.weight",  // unknown: untouched
                                             "encoder.down_blocks.2.downsamplers.0.conv.weight",
                                             "encoder.mid_block.attentions.0.to_out.0.weight",
                                             "loss.logvar",
                                             "quant_conv.weight"}));
  EXPECT_EQ(mapped.at("encoder.mid_block.attentions.0.to_out.0.weight").sizes(), (std::vector<int64_t>{6, 6}));

  const auto legacy = renameLegacyVaeAttention({{"encoder.mid_block.attentions.0.query.weight", torch::zeros({6, 6})},
                                                {"decoder.mid_block.attentions.0.proj_attn.bias", w},
                                                {"decoder.mid_block.resnets.0.key.weight", w}});
  EXPECT_TRUE(legacy.count("encoder.mid_block.attentions.0.to_q.weight"));
  EXPECT_TRUE(legacy.count("decoder.mid_block.attentions.0.to_out.0.bias"));
  EXPECT_TRUE(legacy.count("decoder.mid_block.resnets.0.key.weight"));  // not an attention: untouched
}
