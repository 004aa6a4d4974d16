#pragma once
// CLIP's image tower (transformers' CLIPVisionTransformer; module names mirror its keys without
// the "vision_model." prefix): patch convolution without bias, class token, learned positions,
// pre_layrnorm (sic), pre-LN encoder, post_layernorm of the class token.
#include <torch/nn/module.h>
#include <torch/nn/modules/conv.h>
#include <torch/nn/modules/embedding.h>
#include <torch/nn/modules/normalization.h>
#include <torch/nn/modules/container/modulelist.h>

#include <nlohmann/json_fwd.hpp>
#include <string>

namespace panocast {

struct ClipVisionConfig {
  // transformers' CLIPVisionConfig defaults (ViT-B/32), for fields a config leaves out.
  int hiddenSize = 768;
  int intermediateSize = 3072;
  int heads = 12;
  int layers = 12;
  int imageSize = 224;
  int patchSize = 32;
  int channels = 3;
  std::string activation = "quick_gelu";
  double eps = 1e-5;

  int tokens() const { return (imageSize / patchSize) * (imageSize / patchSize) + 1; }
  static ClipVisionConfig fromJson(const nlohmann::json& config, const std::string& source);
};

class ClipVisionTransformerImpl : public torch::nn::Module {
 public:
  explicit ClipVisionTransformerImpl(const ClipVisionConfig& config);
  // pixels: [B, 3, S, S], already normalised (clip_input.h) → pooled class token [B, width].
  at::Tensor forward(const at::Tensor& pixels);
  const ClipVisionConfig& config() const { return config_; }

 private:
  ClipVisionConfig config_;
  at::Tensor classEmbedding_;
  torch::nn::Conv2d patchEmbedding_{nullptr};
  torch::nn::Embedding positionEmbedding_{nullptr};
  torch::nn::LayerNorm preNorm_{nullptr}, postNorm_{nullptr};
  torch::nn::ModuleList layers_;
};
TORCH_MODULE(ClipVisionTransformer);

}  // namespace panocast
