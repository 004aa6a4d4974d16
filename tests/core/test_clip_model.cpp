// CLIP for CLIP score: the tiny CLIPModel against transformers (metrics_golden clip.*), the
// full-size ViT-B/32 and ViT-L/14 key lists, OpenAI's .pt files (TorchScript archives and plain
// state dicts, built here the way torch.jit.save writes them) mapped and converted,
// Pillow's bicubic resize bit for bit (expected bytes from Pillow 9.4), and the preprocessing.
#include <gtest/gtest.h>
#include <torch/torch.h>

#include <cmath>
#include <functional>
#include <limits>
#include <map>
#include <memory>

#include "io/atomic_file.h"
#include "io/json_file.h"
#include "io/pillow_resize.h"
#include "io/safetensors.h"
#include "io/torch_checkpoint.h"
#include "metrics/clip_input.h"
#include "metrics/clip_score.h"
#include "nn/clip_model.h"
#include "nn/clip_openai_keys.h"
#include "runtime/error.h"
#include "support/compare.h"
#include "support/fixtures.h"
#include "support/pickle_writer.h"

using namespace panocast;
using test::PickleWriter;
namespace fs = std::filesystem;

namespace {

at::Tensor golden(const std::string& name) {
  static SafetensorsFile file(test::fixture("metrics/metrics_golden.safetensors"));
  return file.tensor(name);
}

at::Tensor normalized(const at::Tensor& x) { return x / x.norm(2, -1, true); }

// The tiny model's checks against transformers, for any loaded copy of it.
void expectTinyParity(ClipModel& model) {
  torch::NoGradGuard noGrad;
  const auto ids = golden("clip.in.input_ids");
  const auto pixels = golden("clip.in.pixel_values");
  const auto image = model->imageFeatures(pixels);
  const auto text = model->textFeatures(ids, 49407);
  EXPECT_ALLCLOSE(image, golden("clip.image_features_unnormed"), 1e-5, 1e-4);
  EXPECT_ALLCLOSE(normalized(image).slice(0, 0, 2), golden("clip.image_embeds"), 1e-5, 1e-4);
  EXPECT_ALLCLOSE(normalized(text), golden("clip.text_embeds"), 1e-5, 1e-4);
  const auto logits = model->logitScale().exp() * torch::matmul(normalized(image).slice(0, 0, 2), normalized(text).t());
  EXPECT_ALLCLOSE(logits, golden("clip.logits_per_image"), 1e-5, 1e-4);
}

// transformers' tensors of the tiny model under OpenAI's names (metrics.md §6.5), written
// independently of the converter: q, k and v fused, projections transposed.
std::map<std::string, at::Tensor> openAiNamesOfTinyClip() {
  SafetensorsFile hf(test::fixture("metrics/tiny-clip/model.safetensors"));
  auto t = [&](const std::string& n) { return hf.tensor(n).clone(); };
  std::map<std::string, at::Tensor> o;
  auto blocks = [&](const std::string& hfTower, const std::string& openai, int layers) {
    for (int i = 0; i < layers; ++i) {
      const std::string h = hfTower + ".encoder.layers." + std::to_string(i) + ".";
      const std::string b = openai + "resblocks." + std::to_string(i) + ".";
      for (const std::string p : {"weight", "bias"}) {
        o[b + "attn.in_proj_" + p] = torch::cat({t(h + "self_attn.q_proj." + p), t(h + "self_attn.k_proj." + p),
                                                 t(h + "self_attn.v_proj." + p)});
        o[b + "attn.out_proj." + p] = t(h + "self_attn.out_proj." + p);
        o[b + "ln_1." + p] = t(h + "layer_norm1." + p);
        o[b + "ln_2." + p] = t(h + "layer_norm2." + p);
        o[b + "mlp.c_fc." + p] = t(h + "mlp.fc1." + p);
        o[b + "mlp.c_proj." + p] = t(h + "mlp.fc2." + p);
      }
    }
  };
  o["visual.class_embedding"] = t("vision_model.embeddings.class_embedding");
  o["visual.conv1.weight"] = t("vision_model.embeddings.patch_embedding.weight");
  o["visual.positional_embedding"] = t("vision_model.embeddings.position_embedding.weight");
  for (const std::string p : {"weight", "bias"}) {
    o["visual.ln_pre." + p] = t("vision_model.pre_layrnorm." + p);
    o["visual.ln_post." + p] = t("vision_model.post_layernorm." + p);
    o["ln_final." + p] = t("text_model.final_layer_norm." + p);
  }
  blocks("vision_model", "visual.transformer.", 2);
  blocks("text_model", "transformer.", 2);
  o["visual.proj"] = t("visual_projection.weight").t().contiguous();
  o["token_embedding.weight"] = t("text_model.embeddings.token_embedding.weight");
  o["positional_embedding"] = t("text_model.embeddings.position_embedding.weight");
  o["text_projection"] = t("text_projection.weight").t().contiguous();
  o["logit_scale"] = t("logit_scale");
  return o;
}

// A module tree as torch.jit.save pickles it: each module an instance of a compiled __torch__
// class (GLOBAL, EMPTY_TUPLE, NEWOBJ) whose attributes BUILD sets from a dict, with the
// bookkeeping real archives carry (training flags, int lists, the text blocks' attention mask).
struct ScriptNode {
  std::map<std::string, at::Tensor> tensors;
  std::map<std::string, std::unique_ptr<ScriptNode>> children;
};

void writeScriptNode(PickleWriter& w, const ScriptNode& node, const std::string& className) {
  w.global("__torch__.clip.model.___torch_mangle_7", className).emptyTuple().newObject();
  w.dictBegin();
  w.str("training").boolean(false);
  for (const auto& [name, tensor] : node.tensors) w.str(name).tensor(tensor);
  if (className == "Conv2d") {
    w.str("stride").global("torch.jit._pickle", "build_intlist").mark().listBegin().integer(8).integer(8).listEnd();
    w.tuple().reduce();
  }
  for (const auto& [name, child] : node.children) {
    w.str(name);
    writeScriptNode(w, *child, name == "conv1" ? "Conv2d" : "Module_" + name);
  }
  w.dictEnd().build();
}

void writeTorchScriptArchive(const fs::path& path, const std::map<std::string, at::Tensor>& tensors) {
  ScriptNode root;
  for (const auto& [name, tensor] : tensors) {
    ScriptNode* node = &root;
    size_t begin = 0, dot;
    while ((dot = name.find('.', begin)) != std::string::npos) {
      auto& child = node->children[name.substr(begin, dot - begin)];
      if (!child) child = std::make_unique<ScriptNode>();
      node = child.get();
      begin = dot + 1;
    }
    node->tensors[name.substr(begin)] = tensor;
  }
  PickleWriter w;
  w.proto(2);
  writeScriptNode(w, root, "CLIP");
  w.stop();
  test::writeTorchZip(path, w);
}

std::map<std::string, at::Tensor> withOpenAiBookkeeping(std::map<std::string, at::Tensor> o) {
  for (int i = 0; i < 2; ++i)
    o["transformer.resblocks." + std::to_string(i) + ".attn_mask"] =
        torch::full({77, 77}, -std::numeric_limits<float>::infinity()).triu(1);
  o["input_resolution"] = torch::tensor(32, torch::kInt64);
  o["context_length"] = torch::tensor(77, torch::kInt64);
  o["vocab_size"] = torch::tensor(49408, torch::kInt64);
  return o;
}

std::string errorOf(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.what();
  }
  return "(no error)";
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

ImageU8 pattern(int w, int h) {
  ImageU8 image{w, h, 3, std::vector<uint8_t>(size_t(w) * h * 3)};
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x)
      for (int c = 0; c < 3; ++c) image.pixels[(size_t(y) * w + x) * 3 + c] = (x * 37 + y * 91 + c * 53 + x * y * 13) % 256;
  return image;
}

}  // namespace

TEST(ClipModel, MatchesTransformersOnTheTinyModel) {
  auto model = loadClipModel(test::fixture("metrics/tiny-clip"));
  EXPECT_EQ(model->config().projectionDim, 16);
  EXPECT_EQ(model->config().vision.tokens(), 17);
  EXPECT_EQ(model->config().text.activation, "quick_gelu");
  expectTinyParity(model);
  // torchmetrics would report the [0][1] pair, whose cosine is negative, unclamped per pair.
  EXPECT_NEAR(golden("clip.logits_per_image")[0][1].item<double>(), -10.50, 0.01);
}

TEST(ClipModel, FullSizeKeyListsMatch) {
  const auto keys = readJsonFile(test::fixture("metrics/metrics_keys.json"));
  struct Case { const char* name; int visionWidth, visionLayers, patch, textWidth, projection; const char* label; };
  for (const Case& c : {Case{"clip_vit_base_patch32", 768, 12, 32, 512, 512, "ViT-B/32"},
                        Case{"clip_vit_large_patch14", 1024, 24, 14, 768, 768, "ViT-L/14"}}) {
    ClipModelConfig config;
    config.vision.hiddenSize = c.visionWidth;
    config.vision.intermediateSize = 4 * c.visionWidth;
    config.vision.heads = c.visionWidth / 64;
    config.vision.layers = c.visionLayers;
    config.vision.patchSize = c.patch;
    config.text.hiddenSize = c.textWidth;
    config.text.intermediateSize = 4 * c.textWidth;
    config.text.heads = c.textWidth / 64;
    config.projectionDim = c.projection;
    EXPECT_EQ(config.name(), c.label);
    ClipModel model(config);
    std::map<std::string, std::vector<int64_t>> ours, expected;
    for (const auto& p : model->named_parameters(true)) ours[p.key()] = p.value().sizes().vec();
    for (const auto& [name, shape] : keys[c.name].items()) expected[name] = shape.get<std::vector<int64_t>>();
    EXPECT_EQ(ours.size(), expected.size()) << c.name;
    EXPECT_EQ(ours, expected) << c.name;
  }
}

TEST(ClipModel, OpenAiNamesMapOntoTransformersTensorForTensor) {
  std::vector<std::string> ignored;
  const auto tensors = openAiClipToTransformers(withOpenAiBookkeeping(openAiNamesOfTinyClip()), "tiny.pt", &ignored);
  EXPECT_EQ(ignored.size(), 5u);  // two attention masks, input_resolution, context_length, vocab_size
  SafetensorsFile theirs(test::fixture("metrics/tiny-clip/model.safetensors"));
  EXPECT_EQ(tensors.size(), theirs.names().size());
  for (const auto& name : theirs.names()) {
    ASSERT_TRUE(tensors.count(name)) << name;
    EXPECT_TRUE(torch::equal(tensors.at(name), theirs.tensor(name))) << name;
  }
  auto model = clipModelFromTensors(ClipModelConfig::fromFile(test::fixture("metrics/tiny-clip/config.json")), tensors,
                                    "tiny.pt");
  expectTinyParity(model);
  // The tiny model's 8-wide heads are not OpenAI's 64: its configuration cannot be inferred.
  EXPECT_TRUE(contains(errorOf([&] { convertOpenAiClip(openAiNamesOfTinyClip(), "tiny.pt"); }), "64-wide heads"));
}

TEST(ClipModel, OpenAiTorchScriptArchiveAndStateDictConvertToTheSameFolder) {
  // An OpenAI-shaped CLIP with 64-wide heads (one per tower), random weights.
  torch::manual_seed(3);
  const int w = 64;
  std::map<std::string, at::Tensor> openai;
  auto r = [](std::vector<int64_t> shape) { return torch::randn(shape) * 0.1; };
  auto block = [&](const std::string& prefix) {
    openai[prefix + "attn.in_proj_weight"] = r({3 * w, w});
    openai[prefix + "attn.in_proj_bias"] = r({3 * w});
    openai[prefix + "attn.out_proj.weight"] = r({w, w});
    openai[prefix + "mlp.c_fc.weight"] = r({4 * w, w});
    openai[prefix + "mlp.c_fc.bias"] = r({4 * w});
    openai[prefix + "mlp.c_proj.weight"] = r({w, 4 * w});
    for (const char* norm : {"ln_1.", "ln_2."}) openai[prefix + norm + "weight"] = 1 + r({w});
    for (const char* bias : {"attn.out_proj.bias", "ln_1.bias", "ln_2.bias", "mlp.c_proj.bias"}) openai[prefix + bias] = r({w});
  };
  openai["visual.class_embedding"] = r({w});
  openai["visual.conv1.weight"] = r({w, 3, 8, 8});
  openai["visual.positional_embedding"] = r({5, w});  // 16² image, 8² patches: 4 + class token
  for (const char* norm : {"visual.ln_pre.", "visual.ln_post.", "ln_final."}) {
    openai[std::string(norm) + "weight"] = 1 + r({w});
    openai[std::string(norm) + "bias"] = r({w});
  }
  openai["visual.proj"] = r({w, 32});
  block("visual.transformer.resblocks.0.");
  block("transformer.resblocks.0.");
  openai["token_embedding.weight"] = r({49408, w});
  openai["positional_embedding"] = r({77, w});
  openai["text_projection"] = r({w, 32});
  openai["logit_scale"] = torch::tensor(4.6052f);

  const auto dir = test::scratchDir("clip_openai");
  const auto withBookkeeping = withOpenAiBookkeeping(openai);
  writeTorchScriptArchive(dir / "ViT-64.pt", withBookkeeping);
  test::writeTorchZip(dir / "state_dict.pt", test::stateDictPickle(withBookkeeping));
  const auto expected = openAiClipToTransformers(openai, "source");
  std::vector<double> scores;
  for (const char* file : {"ViT-64.pt", "state_dict.pt"}) {
    SCOPED_TRACE(file);
    ASSERT_TRUE(isOpenAiClipCheckpoint(dir / file));
    const auto out = dir / (std::string(file) + ".converted");
    const auto summary = convertOpenAiClipCheckpoint(dir / file, out, test::fixture("sd/tiny-sd2/tokenizer"), "fp32");
    EXPECT_EQ(summary.tensors, static_cast<int64_t>(expected.size()));
    EXPECT_TRUE(summary.tokenizerCopied);
    auto model = loadClipModel(out);
    const auto& config = model->config();
    EXPECT_EQ(config.vision.imageSize, 16);
    EXPECT_EQ(config.vision.patchSize, 8);
    EXPECT_EQ(config.vision.heads, 1);
    EXPECT_EQ(config.text.heads, 1);
    EXPECT_EQ(config.projectionDim, 32);
    SafetensorsFile written(out / "model.safetensors");
    for (const auto& [name, tensor] : expected) EXPECT_TRUE(torch::equal(written.tensor(name), tensor)) << name;
    ClipScorer scorer(out);
    scores.push_back(scorer.pairScores({pattern(40, 30)}, {"a high coast"})[0]);
    // A second conversion never overwrites.
    EXPECT_TRUE(contains(errorOf([&] { convertOpenAiClipCheckpoint(dir / file, out, {}, "fp32"); }), "already exists"));
  }
  EXPECT_EQ(scores[0], scores[1]);
  // Other checkpoints are not mistaken for CLIP.
  test::writeTorchZip(dir / "other.pt", test::stateDictPickle({{"conv.weight", torch::ones({2, 2})}}));
  EXPECT_FALSE(isOpenAiClipCheckpoint(dir / "other.pt"));
}

TEST(ClipModel, RefusesWhatItCannotUseByName) {
  auto openai = openAiNamesOfTinyClip();
  auto missing = openai;
  missing.erase("visual.ln_post.weight");
  EXPECT_TRUE(contains(errorOf([&] { convertOpenAiClip(missing, "x.pt"); }), "'visual.ln_post.weight' is missing"));
  auto extra = openai;
  extra["visual.adapter.weight"] = torch::ones({2});
  EXPECT_TRUE(contains(errorOf([&] { convertOpenAiClip(extra, "x.pt"); }), "visual.adapter.weight"));
  auto resnet = openai;
  resnet["visual.layer1.0.conv1.weight"] = torch::ones({1});
  EXPECT_TRUE(contains(errorOf([&] { convertOpenAiClip(resnet, "RN50.pt"); }), "ResNet CLIP"));

  // A TorchScript class may be instantiated as a record, never called.
  PickleWriter evil;
  evil.proto(2).global("__torch__.payload", "Run").mark().str("id").tuple().reduce().stop();
  const auto bytes = test::torchZipBytes(evil);
  EXPECT_TRUE(contains(errorOf([&] {
                         TorchCheckpoint(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size(), "evil.pt");
                       }),
                       "may not be called"));

  const auto dir = test::scratchDir("clip_refusals");
  EXPECT_TRUE(contains(errorOf([&] { loadClipModel(dir / "absent"); }), "is not a folder"));
  writeFileAtomically(dir / "config.json", std::string(R"({"model_type": "bert", "text_config": {}})"));
  EXPECT_TRUE(contains(errorOf([&] { loadClipModel(dir); }), "not a CLIP model"));
  writeFileAtomically(dir / "config.json", std::string(R"({"text_config": {"hidden_size": 30, "num_attention_heads": 4}})"));
  EXPECT_TRUE(contains(errorOf([&] { loadClipModel(dir); }), "not divisible"));
  // A model folder without a tokenizer says where to get one.
  EXPECT_TRUE(contains(errorOf([&] { ClipScorer(test::fixture("metrics/tiny-clip")); }), "has no CLIP tokenizer"));
}

TEST(PillowResize, MatchesPillowBicubicBitForBit) {
  // Image.resize(size, Image.BICUBIC, reducing_gap=None) of the 11×7 pattern, Pillow 9.4.0.
  const std::map<std::pair<int, int>, std::vector<int>> expected{
      {{5, 3}, {102, 132, 148, 139, 144, 149, 141, 145, 140, 128, 121, 108, 94,  109, 154, 127, 152, 120, 148, 127, 123,
                137, 110, 148, 130, 123, 145, 135, 127, 118, 103, 166, 151, 140, 113, 168, 140, 124, 132, 142, 119, 149,
                144, 162, 112}},
      {{3, 7}, {58,  116, 169, 148, 144, 129, 70,  104, 157, 153, 160, 147, 129, 138, 147, 129, 116, 123, 156, 135, 114,
                144, 135, 125, 144, 123, 111, 121, 133, 115, 146, 108, 153, 105, 143, 123, 120, 158, 137, 125, 91,  147,
                149, 104, 157, 146, 152, 149, 142, 151, 146, 160, 148, 145, 87,  126, 180, 154, 93,  140, 121, 160, 87}},
  };
  const auto source = pattern(11, 7);
  for (const auto& [size, bytes] : expected) {
    const auto out = resizeBicubicLikePillow(source, size.first, size.second);
    ASSERT_EQ(out.pixels.size(), bytes.size());
    for (size_t i = 0; i < bytes.size(); ++i) EXPECT_EQ(int(out.pixels[i]), bytes[i]) << size.first << "×" << size.second << " byte " << i;
  }
  // Enlarging: spot checks of the 17×13 result (first, middle and last pixel).
  const auto up = resizeBicubicLikePillow(source, 17, 13);
  EXPECT_EQ(std::vector<int>(up.pixels.begin(), up.pixels.begin() + 6), (std::vector<int>{0, 42, 95, 6, 59, 111}));
  EXPECT_EQ(int(up.pixels.back()), 0);
  const auto vertical = resizeBicubicLikePillow(source, 11, 4);
  EXPECT_EQ(std::vector<int>(vertical.pixels.begin(), vertical.pixels.begin() + 6), (std::vector<int>{46, 99, 145, 88, 134, 187}));
  EXPECT_EQ(int(vertical.pixels.back()), 24);
  // Same size is the identity; bad sizes are refused.
  EXPECT_EQ(resizeBicubicLikePillow(source, 11, 7).pixels, source.pixels);
  EXPECT_THROW(resizeBicubicLikePillow(source, 0, 7), Error);
  EXPECT_THROW(resizeBicubicLikePillow(ImageU8{}, 4, 4), Error);
}

TEST(ClipInput, ResizesCropsAndNormalisesLikeTransformers) {
  // transformers' CLIPImageProcessor on the 300×200 pattern: short side 224 → 336×224, crop at
  // left 56; pixels checked against Pillow's.
  const auto crop = clipResizeAndCrop(pattern(300, 200), 224);
  ASSERT_EQ(crop.width, 224);
  ASSERT_EQ(crop.height, 224);
  auto at = [&](int x, int y) {
    const uint8_t* p = crop.row(y) + x * 3;
    return std::vector<int>{p[0], p[1], p[2]};
  };
  EXPECT_EQ(at(0, 0), (std::vector<int>{56, 110, 163}));
  EXPECT_EQ(at(111, 37), (std::vector<int>{247, 47, 93}));
  EXPECT_EQ(at(223, 223), (std::vector<int>{249, 47, 106}));
  EXPECT_EQ(at(5, 200), (std::vector<int>{84, 135, 203}));
  const auto pixels = clipPixelValues(pattern(300, 200), 224);
  ASSERT_EQ(pixels.sizes(), (std::vector<int64_t>{3, 224, 224}));
  EXPECT_NEAR(pixels[0][0][0].item<double>(), (56 / 255.0 - 0.48145466) / 0.26862954, 1e-6);
  EXPECT_NEAR(pixels[2][223][223].item<double>(), (106 / 255.0 - 0.40821073) / 0.27577711, 1e-6);
  // Portrait images crop vertically; grey images become RGB.
  ImageU8 grey{50, 80, 1, std::vector<uint8_t>(50 * 80, 128)};
  const auto g = clipResizeAndCrop(grey, 32);
  EXPECT_EQ(g.channels, 3);
  EXPECT_EQ(g.pixels, std::vector<uint8_t>(32 * 32 * 3, 128));
}

TEST(ClipScore, ScoresEachImageAgainstItsOwnPromptAndClampsOnlyTheMean) {
  const auto dir = test::scratchDir("clip_score");
  for (const auto& entry : fs::directory_iterator(test::fixture("metrics/tiny-clip")))
    fs::copy_file(entry.path(), dir / entry.path().filename());
  for (const auto& entry : fs::directory_iterator(test::fixture("sd/tiny-sd2/tokenizer")))
    fs::copy_file(entry.path(), dir / entry.path().filename());
  ClipScorer scorer(dir);
  EXPECT_EQ(scorer.imageSize(), 32);
  const std::vector<ImageU8> images{pattern(64, 48), pattern(40, 40)};
  const std::vector<std::string> prompts{"a high coast", "a cat green in a coast"};
  const auto scores = scorer.pairScores(images, prompts);
  ASSERT_EQ(scores.size(), 2u);
  // The same numbers from the model directly: preprocessing, the tokenizer's ids pooled at the
  // first end-of-text token, 100·cos.
  auto model = loadClipModel(dir);
  torch::NoGradGuard noGrad;
  const auto pixels = torch::stack({clipPixelValues(images[0], 32), clipPixelValues(images[1], 32)});
  // The golden ids are the tokenizer's for these two prompts (8 tokens; what follows the first
  // end-of-text token cannot change its causal encoding).
  const auto ids = golden("clip.in.input_ids");
  const auto cos = (normalized(model->imageFeatures(pixels)) * normalized(model->textFeatures(ids, 49407))).sum(-1);
  EXPECT_NEAR(scores[0], 100 * cos[0].item<double>(), 1e-4);
  EXPECT_NEAR(scores[1], 100 * cos[1].item<double>(), 1e-4);
  // Swapping the prompts changes the scores: each image is scored against its own prompt.
  const auto swapped = scorer.pairScores(images, {prompts[1], prompts[0]});
  EXPECT_GT(std::abs(swapped[0] - scores[0]), 1e-3);
  EXPECT_DOUBLE_EQ(clipScoreOf({-3.0, 1.0}), 0.0);
  EXPECT_DOUBLE_EQ(clipScoreOf({30.0, -10.0}), 10.0);
  EXPECT_TRUE(std::isnan(clipScoreOf({})));
  EXPECT_THROW(scorer.pairScores(images, {prompts[0]}), Error);
  EXPECT_FALSE(scorer.truncates("a living room"));
  std::string longPrompt;
  for (int i = 0; i < 80; ++i) longPrompt += "room ";
  EXPECT_TRUE(scorer.truncates(longPrompt));
}
