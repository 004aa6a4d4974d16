#include "nn/deeplab_v3.h"

#include <torch/torch.h>

#include "nn/component_weights.h"
#include "nn/state_dict.h"
#include "runtime/error.h"

namespace panocast {
namespace F = torch::nn::functional;
namespace {

enum class Activation { None, ReLU, HardSwish };

at::Tensor hardSigmoid(const at::Tensor& x) { return torch::clamp(x + 3.0, 0.0, 6.0) / 6.0; }

at::Tensor activate(const at::Tensor& x, Activation act) {
  switch (act) {
    case Activation::ReLU: return torch::relu(x);
    case Activation::HardSwish: return x * hardSigmoid(x);
    case Activation::None: return x;
  }
  return x;
}

// BatchNorm with running statistics always (inference), whatever train()/eval() say.
at::Tensor batchNorm(const torch::nn::BatchNorm2d& bn, const at::Tensor& x, double eps) {
  return torch::batch_norm(x, bn->weight, bn->bias, bn->running_mean, bn->running_var, false, 0.0, eps, true);
}

torch::nn::Conv2d conv(int in, int out, int kernel, int stride = 1, int dilation = 1, int groups = 1, bool bias = false) {
  return torch::nn::Conv2d(torch::nn::Conv2dOptions(in, out, kernel)
                               .stride(stride)
                               .padding((kernel - 1) / 2 * dilation)
                               .dilation(dilation)
                               .groups(groups)
                               .bias(bias));
}

// torchvision's Conv2dNormActivation: children "0" (conv) and "1" (BatchNorm).
struct ConvNormAct : torch::nn::Module {
  ConvNormAct(torch::nn::Conv2d c, int channels, Activation a, double bnEps)
      : conv(register_module("0", c)), bn(register_module("1", torch::nn::BatchNorm2d(channels))), act(a), eps(bnEps) {}
  at::Tensor forward(const at::Tensor& x) { return activate(batchNorm(bn, conv(x), eps), act); }
  torch::nn::Conv2d conv;
  torch::nn::BatchNorm2d bn;
  Activation act;
  double eps;
};

// SqueezeExcitation with a hard-sigmoid gate.
struct SqueezeExcite : torch::nn::Module {
  SqueezeExcite(int channels, int squeeze)
      : fc1(register_module("fc1", conv(channels, squeeze, 1, 1, 1, 1, true))),
        fc2(register_module("fc2", conv(squeeze, channels, 1, 1, 1, 1, true))) {}
  at::Tensor forward(const at::Tensor& x) {
    const auto scale = hardSigmoid(fc2(torch::relu(fc1(x.mean({2, 3}, true)))));
    return x * scale;
  }
  torch::nn::Conv2d fc1, fc2;
};

struct BlockConfig {
  int in, expanded, out, kernel, stride, dilation, squeeze;  // squeeze 0: no SE
  Activation act;
};

// The dilated MobileNetV3-Large features (output stride 16), backbone.1 … backbone.15.
const BlockConfig kBlocks[] = {
    {16, 16, 16, 3, 1, 1, 0, Activation::ReLU},       {16, 64, 24, 3, 2, 1, 0, Activation::ReLU},
    {24, 72, 24, 3, 1, 1, 0, Activation::ReLU},       {24, 72, 40, 5, 2, 1, 24, Activation::ReLU},
    {40, 120, 40, 5, 1, 1, 32, Activation::ReLU},     {40, 120, 40, 5, 1, 1, 32, Activation::ReLU},
    {40, 240, 80, 3, 2, 1, 0, Activation::HardSwish}, {80, 200, 80, 3, 1, 1, 0, Activation::HardSwish},
    {80, 184, 80, 3, 1, 1, 0, Activation::HardSwish}, {80, 184, 80, 3, 1, 1, 0, Activation::HardSwish},
    {80, 480, 112, 3, 1, 1, 120, Activation::HardSwish}, {112, 672, 112, 3, 1, 1, 168, Activation::HardSwish},
    {112, 672, 160, 5, 1, 2, 168, Activation::HardSwish}, {160, 960, 160, 5, 1, 2, 240, Activation::HardSwish},
    {160, 960, 160, 5, 1, 2, 240, Activation::HardSwish},
};
constexpr double kBackboneEps = 1e-3;
constexpr double kHeadEps = 1e-5;

// InvertedResidual: "block" holds expand (if any), depthwise, SE (if any) and project, numbered.
struct InvertedResidual : torch::nn::Module {
  explicit InvertedResidual(const BlockConfig& c) : residual(c.stride == 1 && c.in == c.out) {
    block = register_module("block", std::make_shared<torch::nn::Module>());
    int index = 0;
    auto add = [&](std::shared_ptr<torch::nn::Module> m) { block->register_module(std::to_string(index++), m); };
    if (c.expanded != c.in) {
      expand = std::make_shared<ConvNormAct>(conv(c.in, c.expanded, 1), c.expanded, c.act, kBackboneEps);
      add(expand);
    }
    depthwise = std::make_shared<ConvNormAct>(conv(c.expanded, c.expanded, c.kernel, c.stride, c.dilation, c.expanded),
                                              c.expanded, c.act, kBackboneEps);
    add(depthwise);
    if (c.squeeze) {
      se = std::make_shared<SqueezeExcite>(c.expanded, c.squeeze);
      add(se);
    }
    project = std::make_shared<ConvNormAct>(conv(c.expanded, c.out, 1), c.out, Activation::None, kBackboneEps);
    add(project);
  }
  at::Tensor forward(const at::Tensor& x) {
    auto h = expand ? expand->forward(x) : x;
    h = depthwise->forward(h);
    if (se) h = se->forward(h);
    h = project->forward(h);
    return residual ? h + x : h;
  }
  std::shared_ptr<torch::nn::Module> block;
  std::shared_ptr<ConvNormAct> expand, depthwise, project;
  std::shared_ptr<SqueezeExcite> se;
  bool residual;
};

// A child numbered like an nn.Sequential entry of a module registered elsewhere.
template <typename T>
std::shared_ptr<T> child(torch::nn::Module& parent, int index, std::shared_ptr<T> module) {
  return parent.register_module(std::to_string(index), module);
}

}  // namespace

struct DeepLabV3MobileNetImpl::Backbone : torch::nn::Module {
  Backbone() {
    stem = child(*this, 0, std::make_shared<ConvNormAct>(conv(3, 16, 3, 2), 16, Activation::HardSwish, kBackboneEps));
    int index = 1;
    for (const auto& c : kBlocks) blocks.push_back(child(*this, index++, std::make_shared<InvertedResidual>(c)));
    last = child(*this, 16, std::make_shared<ConvNormAct>(conv(160, 960, 1), 960, Activation::HardSwish, kBackboneEps));
  }
  at::Tensor forward(at::Tensor x) {
    x = stem->forward(x);
    for (auto& b : blocks) x = b->forward(x);
    return last->forward(x);
  }
  std::shared_ptr<ConvNormAct> stem, last;
  std::vector<std::shared_ptr<InvertedResidual>> blocks;
};

// DeepLabHead: ASPP (classifier.0), 3×3 conv (.1), BN (.2), ReLU, 1×1 conv to the classes (.4).
struct DeepLabV3MobileNetImpl::Head : torch::nn::Module {
  Head() {
    aspp = register_module("0", std::make_shared<torch::nn::Module>());
    auto convs = aspp->register_module("convs", std::make_shared<torch::nn::Module>());
    branches.push_back(child(*convs, 0, std::make_shared<ConvNormAct>(conv(960, 256, 1), 256, Activation::ReLU, kHeadEps)));
    int index = 1;
    for (int rate : {12, 24, 36})
      branches.push_back(child(*convs, index++, std::make_shared<ConvNormAct>(conv(960, 256, 3, 1, rate), 256, Activation::ReLU, kHeadEps)));
    // ASPPPooling: average (child 0, no weights), conv (1), BN (2), ReLU.
    auto pooling = convs->register_module("4", std::make_shared<torch::nn::Module>());
    poolConv = pooling->register_module("1", conv(960, 256, 1));
    poolNorm = pooling->register_module("2", torch::nn::BatchNorm2d(256));
    project = aspp->register_module("project", std::make_shared<ConvNormAct>(conv(5 * 256, 256, 1), 256, Activation::ReLU, kHeadEps));
    conv3 = register_module("1", conv(256, 256, 3));
    norm = register_module("2", torch::nn::BatchNorm2d(256));
    logits = register_module("4", conv(256, kClasses, 1, 1, 1, 1, true));
  }
  at::Tensor forward(const at::Tensor& x) {
    std::vector<at::Tensor> outs;
    for (auto& b : branches) outs.push_back(b->forward(x));
    auto pooled = torch::relu(batchNorm(poolNorm, poolConv(x.mean({2, 3}, true)), kHeadEps));
    outs.push_back(F::interpolate(pooled, F::InterpolateFuncOptions()
                                              .size(std::vector<int64_t>{x.size(2), x.size(3)})
                                              .mode(torch::kBilinear)
                                              .align_corners(false)));
    auto h = project->forward(torch::cat(outs, 1));  // Dropout(0.5) is the identity at inference
    h = torch::relu(batchNorm(norm, conv3(h), kHeadEps));
    return logits(h);
  }
  std::shared_ptr<torch::nn::Module> aspp;
  std::vector<std::shared_ptr<ConvNormAct>> branches;
  torch::nn::Conv2d poolConv{nullptr}, conv3{nullptr}, logits{nullptr};
  torch::nn::BatchNorm2d poolNorm{nullptr}, norm{nullptr};
  std::shared_ptr<ConvNormAct> project;
};

DeepLabV3MobileNetImpl::DeepLabV3MobileNetImpl() {
  backbone_ = register_module("backbone", std::make_shared<Backbone>());
  classifier_ = register_module("classifier", std::make_shared<Head>());
  // FCNHead on backbone.4 (training only): conv 40→10 (0), BN (1), ReLU, Dropout, conv → 21 (4).
  auxClassifier_ = register_module("aux_classifier", std::make_shared<torch::nn::Module>());
  auxClassifier_->register_module("0", conv(40, 10, 3));
  auxClassifier_->register_module("1", torch::nn::BatchNorm2d(10));
  auxClassifier_->register_module("4", conv(10, kClasses, 1, 1, 1, 1, true));
  eval();
}

at::Tensor DeepLabV3MobileNetImpl::forward(const at::Tensor& image) {
  if (image.dim() != 4 || image.size(1) != 3) throw Error("DeepLabV3: expected an image batch [B, 3, H, W]");
  const auto logits = classifier_->forward(backbone_->forward(image));
  return F::interpolate(logits, F::InterpolateFuncOptions()
                                    .size(std::vector<int64_t>{image.size(2), image.size(3)})
                                    .mode(torch::kBilinear)
                                    .align_corners(false));
}

DeepLabV3MobileNet deepLabFromTensors(const std::map<std::string, at::Tensor>& tensors, const std::string& source) {
  torch::NoGradGuard noGrad;
  DeepLabV3MobileNet model;
  requireLoaded(loadStateDict(*model, tensors), source + " (DeepLabV3-MobileNetV3-Large)");
  model->eval();
  return model;
}

DeepLabV3MobileNet loadDeepLabV3(const std::filesystem::path& file) {
  if (!std::filesystem::is_regular_file(file))
    throw Error(file.string() + ": DeepLabV3 weights not found (torchvision's deeplabv3_mobilenet_v3_large-fc3c493d.pth)");
  return deepLabFromTensors(readTensors(file), file.string());
}

}  // namespace panocast
