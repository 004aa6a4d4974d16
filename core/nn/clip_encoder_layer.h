#pragma once
// The pre-LayerNorm transformer layer of both CLIP towers (transformers' CLIPEncoderLayer; module
// names mirror its keys): x += out_proj(attention(layer_norm1(x))), then
// x += fc2(act(fc1(layer_norm2(x)))). Included only by the CLIP tower sources.
#include <torch/nn/module.h>
#include <torch/nn/modules/linear.h>
#include <torch/nn/modules/normalization.h>

#include <nlohmann/json_fwd.hpp>
#include <string>

namespace panocast {

struct ClipLayerShape {
  int width = 0;
  int intermediate = 0;
  int heads = 0;
  std::string activation;  // "gelu" (erf) or "quick_gelu" (x·σ(1.702x))
  double eps = 1e-5;
};

class ClipEncoderLayerImpl : public torch::nn::Module {
 public:
  explicit ClipEncoderLayerImpl(const ClipLayerShape& shape);
  // x: [B, N, width]; additiveMask: [N, N] added to the attention scores, or undefined for none.
  at::Tensor forward(const at::Tensor& x, const at::Tensor& additiveMask = {});

 private:
  ClipLayerShape shape_;
  torch::nn::Linear q_{nullptr}, k_{nullptr}, v_{nullptr}, out_{nullptr}, fc1_{nullptr}, fc2_{nullptr};
  torch::nn::LayerNorm norm1_{nullptr}, norm2_{nullptr};
};
TORCH_MODULE(ClipEncoderLayer);

// "gelu" or "quick_gelu"; anything else is refused with `source` in the message.
void checkClipActivation(const std::string& activation, const std::string& source);

// The config fields both towers share, read where present (absent ones keep their values):
// `field` a positive integer up to 2^20; hidden_act and layer_norm_eps. Errors name `source`.
void readClipPositiveInt(const nlohmann::json& config, const char* key, int& field, const std::string& source);
void readClipActivationAndEps(const nlohmann::json& config, std::string& activation, double& eps,
                              const std::string& source);

}  // namespace panocast
