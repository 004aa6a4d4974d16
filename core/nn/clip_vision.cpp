#include "nn/clip_vision.h"

#include <torch/torch.h>

#include <nlohmann/json.hpp>

#include "nn/clip_encoder_layer.h"
#include "runtime/error.h"

namespace panocast {

ClipVisionConfig ClipVisionConfig::fromJson(const nlohmann::json& j, const std::string& source) {
  if (!j.is_object()) throw Error(source + ": the vision configuration is not a JSON object");
  ClipVisionConfig c;
  // Messages say "vision" so a CLIPModel config's two sections are told apart.
  const std::string section = source + " (vision)";
  auto get = [&](const char* key, int& field) { readClipPositiveInt(j, key, field, section); };
  get("hidden_size", c.hiddenSize);
  get("intermediate_size", c.intermediateSize);
  get("num_attention_heads", c.heads);
  get("num_hidden_layers", c.layers);
  get("image_size", c.imageSize);
  get("patch_size", c.patchSize);
  get("num_channels", c.channels);
  readClipActivationAndEps(j, c.activation, c.eps, section);
  if (c.hiddenSize % c.heads) throw Error(source + ": vision hidden_size is not divisible by num_attention_heads");
  if (c.imageSize % c.patchSize) throw Error(source + ": vision image_size is not a multiple of patch_size");
  if (c.channels != 3) throw Error(source + ": only RGB vision towers (num_channels 3) are supported");
  return c;
}

ClipVisionTransformerImpl::ClipVisionTransformerImpl(const ClipVisionConfig& config) : config_(config) {
  auto embeddings = register_module("embeddings", std::make_shared<torch::nn::Module>());
  classEmbedding_ = embeddings->register_parameter("class_embedding", torch::zeros({config.hiddenSize}));
  patchEmbedding_ = embeddings->register_module(
      "patch_embedding", torch::nn::Conv2d(torch::nn::Conv2dOptions(config.channels, config.hiddenSize, config.patchSize)
                                               .stride(config.patchSize)
                                               .bias(false)));
  positionEmbedding_ =
      embeddings->register_module("position_embedding", torch::nn::Embedding(config.tokens(), config.hiddenSize));
  preNorm_ = register_module("pre_layrnorm",
                             torch::nn::LayerNorm(torch::nn::LayerNormOptions({config.hiddenSize}).eps(config.eps)));
  auto encoder = register_module("encoder", std::make_shared<torch::nn::Module>());
  layers_ = encoder->register_module("layers", torch::nn::ModuleList());
  const ClipLayerShape shape{config.hiddenSize, config.intermediateSize, config.heads, config.activation, config.eps};
  for (int i = 0; i < config.layers; ++i) layers_->push_back(ClipEncoderLayer(shape));
  postNorm_ = register_module("post_layernorm",
                              torch::nn::LayerNorm(torch::nn::LayerNormOptions({config.hiddenSize}).eps(config.eps)));
}

at::Tensor ClipVisionTransformerImpl::forward(const at::Tensor& pixels) {
  const int s = config_.imageSize;
  if (pixels.dim() != 4 || pixels.size(1) != config_.channels || pixels.size(2) != s || pixels.size(3) != s)
    throw Error("CLIP image encoder: expected [batch, 3, " + std::to_string(s) + ", " + std::to_string(s) +
                "] pixels");
  const auto x = pixels.to(classEmbedding_.scalar_type());
  auto patches = patchEmbedding_(x).flatten(2).transpose(1, 2);  // [B, grid², width]
  auto cls = classEmbedding_.view({1, 1, -1}).expand({patches.size(0), 1, config_.hiddenSize});
  auto tokens = torch::cat({cls, patches}, 1) + positionEmbedding_->weight.unsqueeze(0);
  tokens = preNorm_(tokens);
  for (auto& layer : *layers_) tokens = layer->as<ClipEncoderLayerImpl>()->forward(tokens);
  return postNorm_(tokens.select(1, 0));
}

}  // namespace panocast
