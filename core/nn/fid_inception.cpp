#include "nn/fid_inception.h"

#include <torch/torch.h>

#include <algorithm>
#include <array>

#include "nn/component_weights.h"
#include "nn/state_dict.h"
#include "runtime/error.h"

namespace panocast {

struct FidInceptionStage : torch::nn::Module {
  virtual at::Tensor forward(const at::Tensor& x) = 0;
};

namespace {

namespace fs = std::filesystem;
using Pair = std::array<int64_t, 2>;

// TensorFlow's batch-norm epsilon, kept by the port (torchvision's BasicConv2d uses it too).
constexpr double kBatchNormEps = 0.001;

// Conv2d without bias → BatchNorm (running statistics) → ReLU, registered as "conv" and "bn".
struct BasicConv2d : FidInceptionStage {
  BasicConv2d(int64_t in, int64_t out, Pair kernel, Pair stride = {1, 1}, Pair padding = {0, 0}) {
    using Size = torch::ExpandingArray<2>;
    conv = register_module("conv", torch::nn::Conv2d(torch::nn::Conv2dOptions(in, out, Size({kernel[0], kernel[1]}))
                                                        .stride(Size({stride[0], stride[1]}))
                                                        .padding(Size({padding[0], padding[1]}))
                                                        .bias(false)));
    bn = register_module("bn", torch::nn::BatchNorm2d(torch::nn::BatchNorm2dOptions(out).eps(kBatchNormEps)));
  }

  // batch_norm is called in inference form directly, so a model left in train() mode still uses
  // the running statistics (FID features must never depend on the batch).
  at::Tensor forward(const at::Tensor& x) override {
    auto y = torch::batch_norm(conv(x), bn->weight, bn->bias, bn->running_mean, bn->running_var,
                               /*training=*/false, /*momentum=*/0.0, kBatchNormEps, /*cudnn_enabled=*/true);
    return torch::relu_(y);
  }

  torch::nn::Conv2d conv{nullptr};
  torch::nn::BatchNorm2d bn{nullptr};
};

using Conv = std::shared_ptr<BasicConv2d>;

Conv basic(int64_t in, int64_t out, Pair kernel, Pair stride = {1, 1}, Pair padding = {0, 0}) {
  return std::make_shared<BasicConv2d>(in, out, kernel, stride, padding);
}

// TensorFlow's SAME average pool divides by the number of real pixels under the window; the
// padding-excluded divisor is one of the port's differences from torchvision.
at::Tensor tfAveragePool3x3(const at::Tensor& x) {
  return torch::avg_pool2d(x, {3, 3}, {1, 1}, {1, 1}, /*ceil_mode=*/false, /*count_include_pad=*/false);
}

at::Tensor maxPool3x3Stride2(const at::Tensor& x) { return torch::max_pool2d(x, {3, 3}, {2, 2}); }

struct MaxPool : FidInceptionStage {
  at::Tensor forward(const at::Tensor& x) override { return maxPool3x3Stride2(x); }
};

// Block A (Mixed_5b/c/d): 1×1 ; 1×1→5×5 ; 1×1→3×3→3×3 ; avg→1×1.
struct BlockA : FidInceptionStage {
  BlockA(int64_t in, int64_t poolFeatures) {
    branch1x1 = register_module("branch1x1", basic(in, 64, {1, 1}));
    branch5x5_1 = register_module("branch5x5_1", basic(in, 48, {1, 1}));
    branch5x5_2 = register_module("branch5x5_2", basic(48, 64, {5, 5}, {1, 1}, {2, 2}));
    branch3x3dbl_1 = register_module("branch3x3dbl_1", basic(in, 64, {1, 1}));
    branch3x3dbl_2 = register_module("branch3x3dbl_2", basic(64, 96, {3, 3}, {1, 1}, {1, 1}));
    branch3x3dbl_3 = register_module("branch3x3dbl_3", basic(96, 96, {3, 3}, {1, 1}, {1, 1}));
    branch_pool = register_module("branch_pool", basic(in, poolFeatures, {1, 1}));
  }

  at::Tensor forward(const at::Tensor& x) override {
    return torch::cat({branch1x1->forward(x), branch5x5_2->forward(branch5x5_1->forward(x)),
                       branch3x3dbl_3->forward(branch3x3dbl_2->forward(branch3x3dbl_1->forward(x))),
                       branch_pool->forward(tfAveragePool3x3(x))},
                      1);
  }

  Conv branch1x1, branch5x5_1, branch5x5_2, branch3x3dbl_1, branch3x3dbl_2, branch3x3dbl_3, branch_pool;
};

// Block B (Mixed_6a), a reduction: 3×3/2 ; 1×1→3×3→3×3/2 ; max-pool/2.
struct BlockB : FidInceptionStage {
  explicit BlockB(int64_t in) {
    branch3x3 = register_module("branch3x3", basic(in, 384, {3, 3}, {2, 2}));
    branch3x3dbl_1 = register_module("branch3x3dbl_1", basic(in, 64, {1, 1}));
    branch3x3dbl_2 = register_module("branch3x3dbl_2", basic(64, 96, {3, 3}, {1, 1}, {1, 1}));
    branch3x3dbl_3 = register_module("branch3x3dbl_3", basic(96, 96, {3, 3}, {2, 2}));
  }

  at::Tensor forward(const at::Tensor& x) override {
    return torch::cat({branch3x3->forward(x),
                       branch3x3dbl_3->forward(branch3x3dbl_2->forward(branch3x3dbl_1->forward(x))),
                       maxPool3x3Stride2(x)},
                      1);
  }

  Conv branch3x3, branch3x3dbl_1, branch3x3dbl_2, branch3x3dbl_3;
};

// Block C (Mixed_6b…6e): factorised 7×7 convolutions of width c7.
struct BlockC : FidInceptionStage {
  BlockC(int64_t in, int64_t c7) {
    const Pair k1x7{1, 7}, k7x1{7, 1}, p1x7{0, 3}, p7x1{3, 0}, s1{1, 1};
    branch1x1 = register_module("branch1x1", basic(in, 192, {1, 1}));
    branch7x7_1 = register_module("branch7x7_1", basic(in, c7, {1, 1}));
    branch7x7_2 = register_module("branch7x7_2", basic(c7, c7, k1x7, s1, p1x7));
    branch7x7_3 = register_module("branch7x7_3", basic(c7, 192, k7x1, s1, p7x1));
    branch7x7dbl_1 = register_module("branch7x7dbl_1", basic(in, c7, {1, 1}));
    branch7x7dbl_2 = register_module("branch7x7dbl_2", basic(c7, c7, k7x1, s1, p7x1));
    branch7x7dbl_3 = register_module("branch7x7dbl_3", basic(c7, c7, k1x7, s1, p1x7));
    branch7x7dbl_4 = register_module("branch7x7dbl_4", basic(c7, c7, k7x1, s1, p7x1));
    branch7x7dbl_5 = register_module("branch7x7dbl_5", basic(c7, 192, k1x7, s1, p1x7));
    branch_pool = register_module("branch_pool", basic(in, 192, {1, 1}));
  }

  at::Tensor forward(const at::Tensor& x) override {
    auto b7 = branch7x7_3->forward(branch7x7_2->forward(branch7x7_1->forward(x)));
    auto d7 = branch7x7dbl_1->forward(x);
    for (auto* step : {&branch7x7dbl_2, &branch7x7dbl_3, &branch7x7dbl_4, &branch7x7dbl_5}) d7 = (*step)->forward(d7);
    return torch::cat({branch1x1->forward(x), b7, d7, branch_pool->forward(tfAveragePool3x3(x))}, 1);
  }

  Conv branch1x1, branch7x7_1, branch7x7_2, branch7x7_3, branch7x7dbl_1, branch7x7dbl_2, branch7x7dbl_3,
      branch7x7dbl_4, branch7x7dbl_5, branch_pool;
};

// Block D (Mixed_7a), a reduction: 1×1→3×3/2 ; 1×1→1×7→7×1→3×3/2 ; max-pool/2.
struct BlockD : FidInceptionStage {
  explicit BlockD(int64_t in) {
    branch3x3_1 = register_module("branch3x3_1", basic(in, 192, {1, 1}));
    branch3x3_2 = register_module("branch3x3_2", basic(192, 320, {3, 3}, {2, 2}));
    branch7x7x3_1 = register_module("branch7x7x3_1", basic(in, 192, {1, 1}));
    branch7x7x3_2 = register_module("branch7x7x3_2", basic(192, 192, {1, 7}, {1, 1}, {0, 3}));
    branch7x7x3_3 = register_module("branch7x7x3_3", basic(192, 192, {7, 1}, {1, 1}, {3, 0}));
    branch7x7x3_4 = register_module("branch7x7x3_4", basic(192, 192, {3, 3}, {2, 2}));
  }

  at::Tensor forward(const at::Tensor& x) override {
    auto b7 = branch7x7x3_4->forward(branch7x7x3_3->forward(branch7x7x3_2->forward(branch7x7x3_1->forward(x))));
    return torch::cat({branch3x3_2->forward(branch3x3_1->forward(x)), b7, maxPool3x3Stride2(x)}, 1);
  }

  Conv branch3x3_1, branch3x3_2, branch7x7x3_1, branch7x7x3_2, branch7x7x3_3, branch7x7x3_4;
};

// Block E (Mixed_7b/c): expanded 1×3 ‖ 3×1 branches. The pool branch averages (padding excluded)
// in Mixed_7b but max-pools in Mixed_7c: the TF graph does so, and FID features depend on it.
struct BlockE : FidInceptionStage {
  BlockE(int64_t in, bool maxPoolBranch) : maxPoolBranch(maxPoolBranch) {
    const Pair k1x3{1, 3}, k3x1{3, 1}, p1x3{0, 1}, p3x1{1, 0}, s1{1, 1};
    branch1x1 = register_module("branch1x1", basic(in, 320, {1, 1}));
    branch3x3_1 = register_module("branch3x3_1", basic(in, 384, {1, 1}));
    branch3x3_2a = register_module("branch3x3_2a", basic(384, 384, k1x3, s1, p1x3));
    branch3x3_2b = register_module("branch3x3_2b", basic(384, 384, k3x1, s1, p3x1));
    branch3x3dbl_1 = register_module("branch3x3dbl_1", basic(in, 448, {1, 1}));
    branch3x3dbl_2 = register_module("branch3x3dbl_2", basic(448, 384, {3, 3}, s1, {1, 1}));
    branch3x3dbl_3a = register_module("branch3x3dbl_3a", basic(384, 384, k1x3, s1, p1x3));
    branch3x3dbl_3b = register_module("branch3x3dbl_3b", basic(384, 384, k3x1, s1, p3x1));
    branch_pool = register_module("branch_pool", basic(in, 192, {1, 1}));
  }

  at::Tensor forward(const at::Tensor& x) override {
    auto b3 = branch3x3_1->forward(x);
    auto d3 = branch3x3dbl_2->forward(branch3x3dbl_1->forward(x));
    auto pooled = maxPoolBranch ? torch::max_pool2d(x, {3, 3}, {1, 1}, {1, 1}) : tfAveragePool3x3(x);
    return torch::cat({branch1x1->forward(x), branch3x3_2a->forward(b3), branch3x3_2b->forward(b3),
                       branch3x3dbl_3a->forward(d3), branch3x3dbl_3b->forward(d3), branch_pool->forward(pooled)},
                      1);
  }

  bool maxPoolBranch;
  Conv branch1x1, branch3x3_1, branch3x3_2a, branch3x3_2b, branch3x3dbl_1, branch3x3dbl_2, branch3x3dbl_3a,
      branch3x3dbl_3b, branch_pool;
};

// The global average needs at least a 1×1 map after Mixed_7a: 75×75 is the smallest input.
constexpr int64_t kMinimumInputSize = 75;

void checkInput(const at::Tensor& x) {
  if (!x.defined() || x.dim() != 4 || x.size(1) != 3)
    throw Error("FID Inception: expected a [batch, 3, height, width] image tensor, got " +
                (x.defined() ? std::to_string(x.dim()) + " dimensions" +
                                   (x.dim() >= 2 ? " with " + std::to_string(x.size(1)) + " channels" : std::string())
                             : std::string("an undefined tensor")));
  if (!x.is_floating_point())
    throw Error("FID Inception: expected a normalised floating-point input in [−1, 1]; convert uint8 images with "
                "torchFidelityInceptionInput() first");
  if (x.size(2) < kMinimumInputSize || x.size(3) < kMinimumInputSize)
    throw Error("FID Inception: images of " + std::to_string(x.size(2)) + "×" + std::to_string(x.size(3)) +
                " are too small (at least 75×75; FID resizes to 299×299 first)");
}

bool isBatchCounter(const std::string& name) {
  static const std::string suffix = ".num_batches_tracked";
  return name.size() >= suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
}

constexpr const char* kWeightsHint =
    "expected the FID Inception weights pt_inception-2015-12-05-6726825d.pth "
    "(https://github.com/mseitzer/pytorch-fid/releases/download/fid_weights/pt_inception-2015-12-05-6726825d.pth) "
    "or torch-fidelity's weights-inception-2015-12-05-6726825d.pth, or a safetensors conversion of either";

}  // namespace

FidInceptionImpl::FidInceptionImpl() {
  auto add = [&](const std::string& name, std::shared_ptr<FidInceptionStage> stage) {
    stages_.emplace_back(name, register_module(name, stage));
  };
  add("Conv2d_1a_3x3", basic(3, 32, {3, 3}, {2, 2}));
  add("Conv2d_2a_3x3", basic(32, 32, {3, 3}));
  add("Conv2d_2b_3x3", basic(32, 64, {3, 3}, {1, 1}, {1, 1}));
  stages_.emplace_back("MaxPool_1", std::make_shared<MaxPool>());  // no parameters: not registered
  add("Conv2d_3b_1x1", basic(64, 80, {1, 1}));
  add("Conv2d_4a_3x3", basic(80, 192, {3, 3}));
  stages_.emplace_back("MaxPool_2", std::make_shared<MaxPool>());
  add("Mixed_5b", std::make_shared<BlockA>(192, 32));
  add("Mixed_5c", std::make_shared<BlockA>(256, 64));
  add("Mixed_5d", std::make_shared<BlockA>(288, 64));
  add("Mixed_6a", std::make_shared<BlockB>(288));
  add("Mixed_6b", std::make_shared<BlockC>(768, 128));
  add("Mixed_6c", std::make_shared<BlockC>(768, 160));
  add("Mixed_6d", std::make_shared<BlockC>(768, 160));
  add("Mixed_6e", std::make_shared<BlockC>(768, 192));
  add("Mixed_7a", std::make_shared<BlockD>(768));
  add("Mixed_7b", std::make_shared<BlockE>(1280, /*maxPoolBranch=*/false));
  add("Mixed_7c", std::make_shared<BlockE>(2048, /*maxPoolBranch=*/true));
  fc_ = register_module("fc", torch::nn::Linear(kFeatures, kClasses));
}

FidInceptionOutput FidInceptionImpl::forward(const at::Tensor& input, std::map<std::string, at::Tensor>* blocks) {
  checkInput(input);
  auto x = input.to(fc_->weight.device(), fc_->weight.scalar_type());
  for (auto& [name, stage] : stages_) {
    x = stage->forward(x);
    if (blocks) (*blocks)[name] = x;
  }
  FidInceptionOutput out;
  out.pool3 = torch::adaptive_avg_pool2d(x, {1, 1}).flatten(1);
  out.logits = torch::linear(out.pool3, fc_->weight, fc_->bias);
  out.logitsUnbiased = torch::mm(out.pool3, fc_->weight.t());
  return out;
}

FidInception fidInceptionFromTensors(const std::map<std::string, at::Tensor>& tensors, const std::string& source) {
  FidInception model;
  auto report = loadStateDict(*model, tensors);
  // Inference never reads the counters, and state dicts older than PyTorch 0.4.1 lack them.
  std::erase_if(report.missing, isBatchCounter);
  if (!report.ok() || !report.unexpected.empty())
    throw Error(source + ": not the FID Inception-v3 network (" + kWeightsHint + ")\n" + report.describe());
  model->eval();
  // A fixed feature extractor, as torch-fidelity sets it up: no autograd graph even when a
  // caller forgets its NoGradGuard (batches of 100 images would otherwise keep every activation).
  for (auto& parameter : model->parameters()) parameter.set_requires_grad(false);
  return model;
}

FidInception loadFidInception(const fs::path& path) {
  if (!fs::is_regular_file(path)) throw Error(path.string() + ": file not found; " + kWeightsHint);
  return fidInceptionFromTensors(readTensors(path), path.string());
}

}  // namespace panocast
