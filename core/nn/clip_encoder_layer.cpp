#include "nn/clip_encoder_layer.h"

#include <torch/torch.h>

#include <cmath>

#include "runtime/error.h"

namespace panocast {
namespace {

torch::nn::Linear linear(int in, int out) { return torch::nn::Linear(torch::nn::LinearOptions(in, out)); }

torch::nn::LayerNorm layerNorm(const ClipLayerShape& s) {
  return torch::nn::LayerNorm(torch::nn::LayerNormOptions({s.width}).eps(s.eps));
}

}  // namespace

void checkClipActivation(const std::string& activation, const std::string& source) {
  if (activation != "gelu" && activation != "quick_gelu")
    throw Error(source + ": unsupported hidden_act '" + activation + "' (gelu or quick_gelu)");
}

ClipEncoderLayerImpl::ClipEncoderLayerImpl(const ClipLayerShape& shape) : shape_(shape) {
  auto attention = register_module("self_attn", std::make_shared<torch::nn::Module>());
  q_ = attention->register_module("q_proj", linear(shape.width, shape.width));
  k_ = attention->register_module("k_proj", linear(shape.width, shape.width));
  v_ = attention->register_module("v_proj", linear(shape.width, shape.width));
  out_ = attention->register_module("out_proj", linear(shape.width, shape.width));
  norm1_ = register_module("layer_norm1", layerNorm(shape));
  norm2_ = register_module("layer_norm2", layerNorm(shape));
  auto mlp = register_module("mlp", std::make_shared<torch::nn::Module>());
  fc1_ = mlp->register_module("fc1", linear(shape.width, shape.intermediate));
  fc2_ = mlp->register_module("fc2", linear(shape.intermediate, shape.width));
}

at::Tensor ClipEncoderLayerImpl::forward(const at::Tensor& x, const at::Tensor& additiveMask) {
  const int64_t b = x.size(0), n = x.size(1), h = shape_.heads, d = shape_.width / shape_.heads;
  auto y = norm1_(x);
  auto split = [&](const torch::Tensor& t) { return t.view({b, n, h, d}).transpose(1, 2); };
  auto scores = torch::matmul(split(q_(y)), split(k_(y)).transpose(-1, -2)) / std::sqrt(static_cast<double>(d));
  if (additiveMask.defined()) scores = scores + additiveMask;
  auto weights = torch::softmax(scores, -1);
  auto attended = torch::matmul(weights, split(v_(y))).transpose(1, 2).reshape({b, n, h * d});
  auto hidden = x + out_(attended);
  auto m = fc1_(norm2_(hidden));
  m = shape_.activation == "quick_gelu" ? m * torch::sigmoid(1.702 * m) : torch::gelu(m);
  return hidden + fc2_(m);
}

}  // namespace panocast
