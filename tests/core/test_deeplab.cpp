// torchvision's DeepLabV3-MobileNetV3-Large: the key set of the real checkpoint and golden
// parity of the logits with det_fill weights (live.md §3.4).
#include <gtest/gtest.h>
#include <torch/torch.h>

#include <nlohmann/json.hpp>

#include "io/json_file.h"
#include "io/safetensors.h"
#include "nn/deeplab_v3.h"
#include "support/det.h"
#include "support/fixtures.h"

using namespace panocast;

namespace {

std::map<std::string, std::vector<int64_t>> shapesOf(torch::nn::Module& module, std::vector<std::string>* integerKeys) {
  std::map<std::string, std::vector<int64_t>> shapes;
  for (const auto& p : module.named_parameters()) shapes[p.key()] = p.value().sizes().vec();
  for (const auto& b : module.named_buffers()) {
    shapes[b.key()] = b.value().sizes().vec();
    if (!b.value().is_floating_point() && integerKeys) integerKeys->push_back(b.key());
  }
  return shapes;
}

}  // namespace

TEST(DeepLabV3, KeysAndShapesMatchTorchvisionsCheckpoint) {
  DeepLabV3MobileNet model;
  const auto keys = readJsonFile(test::fixture("metrics/metrics_keys.json"))["deeplabv3_mobilenet_v3_large"];
  const auto shapes = shapesOf(*model, nullptr);
  ASSERT_EQ(shapes.size(), keys.size());
  for (const auto& [name, shape] : keys.items()) {
    ASSERT_TRUE(shapes.count(name)) << name;
    EXPECT_EQ(shapes.at(name), shape.get<std::vector<int64_t>>()) << name;
  }
  int64_t learnable = 0;
  for (const auto& p : model->parameters()) learnable += p.numel();
  EXPECT_EQ(learnable, 11029328);  // torchvision's count, aux head included
}

TEST(DeepLabV3, LogitsMatchTorchvision) {
  torch::NoGradGuard noGrad;
  DeepLabV3MobileNet model;
  std::vector<std::string> integerKeys;
  const auto shapes = shapesOf(*model, &integerKeys);
  auto tensors = test::detFill(shapes, integerKeys);
  for (const auto& key : integerKeys) tensors[key] = torch::zeros({}, torch::kLong);
  model = deepLabFromTensors(tensors, "det_fill");

  SafetensorsFile golden(test::fixture("metrics/metrics_golden.safetensors"));
  const auto image = golden.tensor("deeplab.in.image01");
  ASSERT_TRUE(torch::equal(image, test::detTensor(40, {1, 3, 160, 224}, 0.0, 1.0)));
  const auto mean = torch::tensor({0.485, 0.456, 0.406}).view({1, 3, 1, 1});
  const auto std = torch::tensor({0.229, 0.224, 0.225}).view({1, 3, 1, 1});
  const auto logits = model->forward((image - mean) / std);
  const auto expected = golden.tensor("deeplab.out");
  ASSERT_EQ(logits.sizes(), expected.sizes());
  EXPECT_LE((logits - expected).abs().max().item<double>(), 1e-5);
}
