#include "nn/clip_encoder_layer.h"

#include <torch/torch.h>

#include <cmath>
#include <nlohmann/json.hpp>

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

void readClipPositiveInt(const nlohmann::json& j, const char* key, int& field, const std::string& source) {
  if (!j.contains(key)) return;
  if (!j[key].is_number_integer() || j[key].get<int64_t>() <= 0 || j[key].get<int64_t>() > (1 << 20))
    throw Error(source + ": '" + key + "' must be a positive integer");
  field = j[key].get<int>();
}

void readClipActivationAndEps(const nlohmann::json& j, std::string& activation, double& eps, const std::string& source) {
  if (j.contains("hidden_act")) {
    if (!j["hidden_act"].is_string()) throw Error(source + ": 'hidden_act' must be a string");
    activation = j["hidden_act"].get<std::string>();
  }
  if (j.contains("layer_norm_eps")) {
    if (!j["layer_norm_eps"].is_number()) throw Error(source + ": 'layer_norm_eps' must be a number");
    eps = j["layer_norm_eps"].get<double>();
  }
  checkClipActivation(activation, source);
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
