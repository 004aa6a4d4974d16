// The FID Inception-v3 against pytorch-fid's module tree with det_fill weights (metrics_golden:
// inception.*), its full-size key list (metrics_keys.json), its loaders, and torch-fidelity's
// input pipeline (extra2_golden: fidelity.resize299, fidelity.normalized).
#include <gtest/gtest.h>
#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <iostream>

#include "io/json_file.h"
#include "io/safetensors.h"
#include "metrics/inception_input.h"
#include "nn/fid_inception.h"
#include "panocast_config.h"
#include "runtime/error.h"
#include "support/compare.h"
#include "support/det.h"
#include "support/fixtures.h"
#if PANOCAST_HAVE_LIBZIP
#include "support/pickle_writer.h"
#endif

using namespace panocast;
namespace fs = std::filesystem;

namespace {

using Tensors = std::map<std::string, at::Tensor>;
using Shapes = std::map<std::string, std::vector<int64_t>>;

// fixtures.md §3: the activations are small (pool3 mean 0.038), hence the tight absolute term.
constexpr double kInceptionAtol = 1e-5, kInceptionRtol = 1e-4;

bool isBatchCounter(const std::string& name) {
  return name.size() > 20 && name.compare(name.size() - 20, 20, ".num_batches_tracked") == 0;
}

Shapes fullSizeShapes() {
  const auto keys = readJsonFile(test::fixture("metrics/metrics_keys.json"));
  Shapes shapes;
  for (const auto& [name, shape] : keys.at("fid_inception").items()) shapes[name] = shape.get<std::vector<int64_t>>();
  return shapes;
}

Shapes modelShapes(FidInception& model) {
  Shapes shapes;
  for (const auto& item : model->named_parameters(true)) shapes[item.key()] = item.value().sizes().vec();
  for (const auto& item : model->named_buffers(true)) shapes[item.key()] = item.value().sizes().vec();
  return shapes;
}

// det_fill over all 566 keys (fixtures.md §2): the batch counters are integer tensors, so they use
// up their sorted index but get no values; they are absent from the returned map.
const Tensors& detWeights() {
  static const Tensors weights = [] {
    Shapes floating;
    std::vector<std::string> counters;
    for (const auto& [name, shape] : fullSizeShapes()) {
      if (isBatchCounter(name)) counters.push_back(name);
      else floating[name] = shape;
    }
    return test::detFill(floating, counters);
  }();
  return weights;
}

FidInception& detModel() {
  static FidInception model = fidInceptionFromTensors(detWeights(), "det_fill weights");
  return model;
}

// Checks a golden's dtype and shape before its values are used (fixtures.md §4).
void expectGoldenLayout(const SafetensorsFile& golden, const std::string& name, const std::string& dtype,
                        const std::vector<int64_t>& shape) {
  ASSERT_TRUE(golden.contains(name)) << name;
  EXPECT_EQ(golden.info(name).dtype, dtype) << name;
  ASSERT_EQ(golden.info(name).shape, shape) << name;
}

// Max abs error, max relative error (over |expected| ≥ 1e-3, where a ratio means something),
// relative L2 and the worst |error| / (atol + rtol·|expected|) (≤ 1 passes).
void report(const std::string& what, const at::Tensor& ours, const at::Tensor& expected, double atol, double rtol) {
  const auto a = ours.to(torch::kFloat64), b = expected.to(torch::kFloat64);
  const auto error = (a - b).abs();
  const auto significant = b.abs() >= 1e-3;
  const double maxRel = significant.any().item<bool>()
                            ? (error.masked_select(significant) / b.abs().masked_select(significant)).max().item<double>()
                            : 0.0;
  std::cout << "[ FID-Inc  ] " << what << ": max abs " << error.max().item<double>() << ", max rel " << maxRel
            << ", rel L2 " << test::relativeL2(a, b) << ", tolerance used "
            << (error / (atol + rtol * b.abs())).max().item<double>() << ", bit-exact "
            << torch::eq(ours.to(torch::kFloat32), expected.to(torch::kFloat32)).to(torch::kFloat64).mean().item<double>() * 100
            << "%\n";
}

std::string errorOf(const std::function<void()>& action) {
  try {
    action();
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

bool contains(const std::string& text, const std::string& needle) { return text.find(needle) != std::string::npos; }

}  // namespace

// ── The module tree ─────────────────────────────────────────────────────────────────────────────

TEST(FidInceptionKeys, MatchesFullSizeKeyList) {
  FidInception model;
  const auto ours = modelShapes(model), expected = fullSizeShapes();
  ASSERT_EQ(expected.size(), 566u);
  for (const auto& [name, shape] : expected) {
    const auto it = ours.find(name);
    if (it == ours.end()) ADD_FAILURE() << "missing in the model: " << name;
    else EXPECT_EQ(it->second, shape) << name;
  }
  for (const auto& [name, shape] : ours) EXPECT_TRUE(expected.count(name)) << "not in metrics_keys.json: " << name;
  const auto convs = std::count_if(ours.begin(), ours.end(), [](const auto& item) {
    return item.first.size() > 12 && item.first.compare(item.first.size() - 12, 12, ".conv.weight") == 0;
  });
  EXPECT_EQ(convs, 94);  // metrics.md §1.4
}

TEST(FidInceptionKeys, SortedKeysAreTheGoldensDetFillOrder) {
  // det_fill's stream numbers come from this order, so it must agree with the golden's list exactly.
  FidInception model;
  std::vector<std::string> names;
  for (const auto& [name, shape] : modelShapes(model)) names.push_back(name);
  std::sort(names.begin(), names.end());
  const auto golden = readJsonFile(test::fixture("metrics/metrics_golden.json"));
  EXPECT_EQ(names, golden.at("fid_inception_sorted_keys").get<std::vector<std::string>>());
}

// ── Golden parity (pytorch-fid's module tree, det_fill weights) ────────────────────────────────

TEST(FidInceptionParity, MatchesPytorchFidActivations) {
  torch::NoGradGuard noGrad;
  SafetensorsFile golden(test::fixture("metrics/metrics_golden.safetensors"));
  ASSERT_NO_FATAL_FAILURE(expectGoldenLayout(golden, "inception.in.image01", "F32", {2, 3, 299, 299}));
  ASSERT_NO_FATAL_FAILURE(expectGoldenLayout(golden, "inception.Conv2d_4a_3x3", "F32", {2, 192, 71, 71}));
  ASSERT_NO_FATAL_FAILURE(expectGoldenLayout(golden, "inception.Mixed_6e", "F32", {2, 768, 17, 17}));
  ASSERT_NO_FATAL_FAILURE(expectGoldenLayout(golden, "inception.pool3", "F32", {2, 2048}));
  ASSERT_NO_FATAL_FAILURE(expectGoldenLayout(golden, "inception.logits", "F32", {2, 1008}));

  const auto image01 = golden.tensor("inception.in.image01");
  // The input is det_tensor stream 10 in [0, 1]: rebuilding it cross-checks the generator.
  EXPECT_TRUE(torch::equal(test::detTensor(10, {2, 3, 299, 299}, 0.0, 1.0), image01));
  const auto input = 2 * image01 - 1;  // pytorch-fid's normalisation, no resize at 299² (metrics.md §9)
  // pytorch-fid's pipeline resizes 299² to itself: it must leave the pixels as they are.
  EXPECT_ALLCLOSE(pytorchFidInceptionInput(image01), input, 1e-6, 0);

  std::map<std::string, at::Tensor> blocks;
  const auto out = detModel()->forward(input, &blocks);
  for (const char* name : {"Conv2d_4a_3x3", "Mixed_6e"}) {
    const auto expected = golden.tensor(std::string("inception.") + name);
    ASSERT_TRUE(blocks.count(name)) << name;
    EXPECT_ALLCLOSE(blocks.at(name), expected, kInceptionAtol, kInceptionRtol) << name;
    report(name, blocks.at(name), expected, kInceptionAtol, kInceptionRtol);
  }
  const auto pool3 = golden.tensor("inception.pool3"), logits = golden.tensor("inception.logits");
  EXPECT_ALLCLOSE(out.pool3, pool3, kInceptionAtol, kInceptionRtol);
  EXPECT_ALLCLOSE(out.logits, logits, kInceptionAtol, kInceptionRtol);
  report("pool3", out.pool3, pool3, kInceptionAtol, kInceptionRtol);
  report("logits", out.logits, logits, kInceptionAtol, kInceptionRtol);
  // torch-fidelity's Inception Score input is the same product without the bias (metrics.md §4).
  const auto unbiased = logits - detWeights().at("fc.bias");
  EXPECT_ALLCLOSE(out.logitsUnbiased, unbiased, kInceptionAtol, kInceptionRtol);
  report("logits_unbiased (golden logits − fc.bias)", out.logitsUnbiased, unbiased, kInceptionAtol, kInceptionRtol);

  // Every step is recorded, with the shapes of metrics.md §1.2.
  const std::map<std::string, std::vector<int64_t>> shapes{
      {"Conv2d_1a_3x3", {2, 32, 149, 149}}, {"Conv2d_2b_3x3", {2, 64, 147, 147}}, {"MaxPool_1", {2, 64, 73, 73}},
      {"MaxPool_2", {2, 192, 35, 35}},      {"Mixed_5b", {2, 256, 35, 35}},       {"Mixed_5d", {2, 288, 35, 35}},
      {"Mixed_6a", {2, 768, 17, 17}},       {"Mixed_7a", {2, 1280, 8, 8}},        {"Mixed_7c", {2, 2048, 8, 8}}};
  for (const auto& [name, shape] : shapes) {
    ASSERT_TRUE(blocks.count(name)) << name;
    EXPECT_EQ(blocks.at(name).sizes().vec(), shape) << name;
  }
}

TEST(FidInceptionParity, TrainModeStillUsesRunningStatistics) {
  // FID features must not depend on the batch: BatchNorm runs in inference form in either mode.
  torch::NoGradGuard noGrad;
  auto& model = detModel();
  const auto x = test::detTensor(11, {2, 3, 75, 75});
  const auto evalOut = model->forward(x).pool3;
  model->train();
  const auto trainOut = model->forward(x).pool3;
  model->eval();
  EXPECT_TRUE(torch::equal(evalOut, trainOut));
  EXPECT_EQ(evalOut.sizes().vec(), (std::vector<int64_t>{2, 2048}));
}

TEST(FidInceptionParity, RejectsUnusableInput) {
  torch::NoGradGuard noGrad;
  auto& model = detModel();
  EXPECT_TRUE(contains(errorOf([&] { model->forward(torch::zeros({2, 1, 299, 299})); }), "[batch, 3, height, width]"));
  EXPECT_TRUE(contains(errorOf([&] { model->forward(torch::zeros({2, 3, 299, 299}, torch::kUInt8)); }),
                       "torchFidelityInceptionInput"));
  EXPECT_TRUE(contains(errorOf([&] { model->forward(torch::zeros({1, 3, 64, 299})); }), "at least 75×75"));
}

// ── Loading ─────────────────────────────────────────────────────────────────────────────────────

TEST(FidInceptionLoad, AcceptsFilesWithAndWithoutBatchCounters) {
  auto withCounters = detWeights();
  for (const auto& [name, shape] : fullSizeShapes())
    if (isBatchCounter(name)) withCounters[name] = torch::tensor(int64_t{0});
  ASSERT_EQ(withCounters.size(), 566u);
  auto model = fidInceptionFromTensors(withCounters, "with counters");
  EXPECT_FALSE(model->is_training());
  EXPECT_TRUE(torch::equal(model->fc()->weight, detWeights().at("fc.weight")));
  EXPECT_TRUE(torch::equal(*model->named_buffers(true).find("Mixed_7c.branch_pool.bn.running_var"),
                           detWeights().at("Mixed_7c.branch_pool.bn.running_var")));
  EXPECT_EQ(detWeights().size(), 472u);  // and detModel() was built from these, without counters
}

TEST(FidInceptionLoad, ReportsMissingUnexpectedAndMisshapedTensors) {
  auto tensors = detWeights();
  tensors.erase("Mixed_6b.branch7x7_2.conv.weight");
  tensors["AuxLogits.fc.weight"] = torch::zeros({1000, 768});
  tensors["fc.weight"] = torch::zeros({1000, 2048});  // torchvision's 1000-class Inception
  const auto message = errorOf([&] { fidInceptionFromTensors(tensors, "inception.pth"); });
  EXPECT_TRUE(contains(message, "inception.pth")) << message;
  EXPECT_TRUE(contains(message, "Mixed_6b.branch7x7_2.conv.weight")) << message;
  EXPECT_TRUE(contains(message, "AuxLogits.fc.weight")) << message;
  EXPECT_TRUE(contains(message, "fc.weight: file [1000, 2048] vs model [1008, 2048]")) << message;
  EXPECT_TRUE(contains(message, "pt_inception-2015-12-05-6726825d.pth")) << message;

  // Extra tensors alone are refused too: a file with more than this network is another network.
  auto extra = detWeights();
  extra["AuxLogits.conv0.conv.weight"] = torch::zeros({128, 768, 1, 1});
  EXPECT_TRUE(contains(errorOf([&] { fidInceptionFromTensors(extra, "extra.pth"); }), "AuxLogits.conv0.conv.weight"));
}

TEST(FidInceptionLoad, ReadsSafetensorsAndTorchCheckpoints) {
  torch::NoGradGuard noGrad;
  const auto dir = test::scratchDir("fid_inception_load");
  const auto missing = errorOf([&] { loadFidInception(dir / "nothing.pth"); });
  EXPECT_TRUE(contains(missing, (dir / "nothing.pth").string())) << missing;
  EXPECT_TRUE(contains(missing, "pytorch-fid/releases")) << missing;

  auto expectSameAsDet = [&](FidInception model, const std::string& label) {
    // Every parameter and running statistic (472 tensors) must arrive bit for bit.
    Tensors loaded;
    for (const auto& item : model->named_parameters(true)) loaded[item.key()] = item.value();
    for (const auto& item : model->named_buffers(true)) loaded[item.key()] = item.value();
    for (const auto& [name, tensor] : detWeights()) {
      ASSERT_TRUE(loaded.count(name)) << label << ": " << name;
      EXPECT_TRUE(torch::equal(loaded.at(name), tensor)) << label << ": " << name;
    }
  };

  writeSafetensors(dir / "inception.safetensors", detWeights());
  expectSameAsDet(loadFidInception(dir / "inception.safetensors"), "safetensors");
  fs::remove(dir / "inception.safetensors");

#if PANOCAST_HAVE_LIBZIP
  // torch.save(model.state_dict()) as pytorch-fid's file is written, counters included.
  auto withCounters = detWeights();
  for (const auto& [name, shape] : fullSizeShapes())
    if (isBatchCounter(name)) withCounters[name] = torch::tensor(int64_t{0});
  test::writeTorchZip(dir / "pt_inception.pth", test::stateDictPickle(withCounters));
  expectSameAsDet(loadFidInception(dir / "pt_inception.pth"), "pth");
  fs::remove(dir / "pt_inception.pth");
#else
  GTEST_SKIP() << "built without libzip: PyTorch checkpoints are not readable in this build";
#endif
}

// ── Input pipelines (metrics.md §2) ────────────────────────────────────────────────────────────

TEST(FidInceptionInput, TorchFidelityResizeMatchesGolden) {
  SafetensorsFile golden(test::fixture("extra2/extra2_golden.safetensors"));
  ASSERT_NO_FATAL_FAILURE(expectGoldenLayout(golden, "fidelity.in.uint8", "U8", {2, 3, 120, 200}));
  ASSERT_NO_FATAL_FAILURE(expectGoldenLayout(golden, "fidelity.resize299", "F32", {2, 3, 299, 299}));
  const auto images = golden.tensor("fidelity.in.uint8");
  const auto expected = golden.tensor("fidelity.resize299");
  const auto resized = resizeBilinearTf1(images.to(torch::kFloat32), 299, 299);
  EXPECT_ALLCLOSE(resized, expected, 1e-4, 0);  // fixtures.md §3, torch-fidelity specifics
  report("fidelity.resize299", resized, expected, 1e-4, 0);
}

TEST(FidInceptionInput, TorchFidelityNormalisationMatchesGolden) {
  SafetensorsFile golden(test::fixture("extra2/extra2_golden.safetensors"));
  ASSERT_NO_FATAL_FAILURE(expectGoldenLayout(golden, "fidelity.normalized", "F32", {2, 3, 299, 299}));
  const auto expected = golden.tensor("fidelity.normalized");
  const auto normalized = torchFidelityInceptionInput(golden.tensor("fidelity.in.uint8"));
  // The resize tolerance (1e-4 on 0…255) divided by 128.
  EXPECT_ALLCLOSE(normalized, expected, 1e-6, 0);
  report("fidelity.normalized", normalized, expected, 1e-6, 0);
  EXPECT_EQ(normalized.scalar_type(), torch::kFloat32);
}

TEST(FidInceptionInput, TorchFidelityKeepsA299ImageAndMapsTheRange) {
  auto images = (test::detTensor(12, {1, 3, 299, 299}, 0.0, 256.0)).floor().clamp_max(255).to(torch::kUInt8);
  images[0][0][0][0] = 255;
  images[0][0][0][1] = 0;
  const auto normalized = torchFidelityInceptionInput(images);
  EXPECT_TRUE(torch::equal(normalized, (images.to(torch::kFloat32) - 128) / 128));
  EXPECT_EQ(normalized[0][0][0][0].item<float>(), 0.9921875f);
  EXPECT_EQ(normalized[0][0][0][1].item<float>(), -1.0f);
}

TEST(FidInceptionInput, Tf1ResizeHasNoHalfPixelOffset) {
  // 4 → 8 along x: source positions j·0.5, so output j = 2i reproduces input i exactly and the
  // last output clamps to the last input (no half-pixel centres, unlike PyTorch's bilinear).
  const auto row = torch::tensor({0.0f, 10.0f, 20.0f, 40.0f}).view({1, 1, 1, 4});
  const auto resized = resizeBilinearTf1(row, 1, 8);
  const auto expected = torch::tensor({0.0f, 5.0f, 10.0f, 15.0f, 20.0f, 30.0f, 40.0f, 40.0f}).view({1, 1, 1, 8});
  EXPECT_TRUE(torch::equal(resized, expected)) << resized;
}

TEST(FidInceptionInput, PytorchFidResizeUsesHalfPixelCentres) {
  // A 2-pixel-wide ramp resized to 299: src = (j + 0.5)·2/299 − 0.5, clamped to the image.
  auto images = torch::zeros({1, 3, 2, 2});
  images.select(3, 1).fill_(1.0);
  const auto x = pytorchFidInceptionInput(images);
  ASSERT_EQ(x.sizes().vec(), (std::vector<int64_t>{1, 3, 299, 299}));
  for (int64_t j : {0, 1, 74, 75, 149, 223, 224, 298}) {
    const double src = std::clamp((j + 0.5) * 2.0 / 299.0 - 0.5, 0.0, 1.0);
    EXPECT_NEAR(x[0][1][100][j].item<double>(), 2 * src - 1, 1e-6) << j;
  }
  // uint8 input is divided by 255 first, as torchvision's ToTensor does.
  const auto fromBytes = pytorchFidInceptionInput(torch::full({1, 3, 4, 4}, 255, torch::kUInt8));
  EXPECT_TRUE(torch::allclose(fromBytes, torch::ones({1, 3, 299, 299})));
}

TEST(FidInceptionInput, RejectsWrongImages) {
  EXPECT_TRUE(contains(errorOf([] { torchFidelityInceptionInput(torch::zeros({1, 3, 8, 8})); }), "imagesToUint8"));
  EXPECT_TRUE(contains(errorOf([] { torchFidelityInceptionInput(torch::zeros({1, 4, 8, 8}, torch::kUInt8)); }),
                       "[batch, 3, height, width]"));
  EXPECT_TRUE(contains(errorOf([] { torchFidelityInceptionInput(torch::zeros({0, 3, 8, 8}, torch::kUInt8)); }), "empty"));
  EXPECT_TRUE(contains(errorOf([] { pytorchFidInceptionInput(torch::zeros({3, 8, 8})); }), "[batch, 3, height, width]"));
  EXPECT_TRUE(contains(errorOf([] { resizeBilinearTf1(torch::zeros({1, 3, 8, 8}, torch::kFloat64), 4, 4); }), "float32"));
}

TEST(FidInceptionInput, ImagesToUint8Rounds) {
  const auto images = torch::tensor({0.0f, 0.4f / 255, 1.4f / 255, 1.6f / 255, 1.0f, 1.2f, -0.1f});
  const auto bytes = imagesToUint8(images);
  EXPECT_EQ(bytes.scalar_type(), torch::kUInt8);
  EXPECT_TRUE(torch::equal(bytes, torch::tensor({0, 0, 1, 2, 255, 255, 0}, torch::kUInt8))) << bytes;
}
