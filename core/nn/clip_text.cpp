#include "nn/clip_text.h"

#include <torch/torch.h>

#include <cmath>

#include "io/json_file.h"
#include "io/safetensors.h"
#include "nn/clip_encoder_layer.h"
#include "nn/component_weights.h"
#include "runtime/error.h"

namespace panocast {

ClipTextConfig ClipTextConfig::fromFile(const std::filesystem::path& path) {
  nlohmann::json j = readJsonFile(path);
  if (j.contains("text_config") && j["text_config"].is_object()) j = j["text_config"];
  return fromJson(j, path.string(), ClipTextConfig{});
}

ClipTextConfig ClipTextConfig::clipModelDefaults() {
  ClipTextConfig c;
  c.hiddenSize = 512;
  c.intermediateSize = 2048;
  c.heads = 8;
  c.layers = 12;
  c.activation = "quick_gelu";
  return c;
}

ClipTextConfig ClipTextConfig::fromJson(const nlohmann::json& j, const std::string& source,
                                        const ClipTextConfig& defaults) {
  ClipTextConfig c = defaults;
  if (!j.is_object()) throw Error(source + ": the text configuration is not a JSON object");
  auto get = [&](const char* key, int& field) { readClipPositiveInt(j, key, field, source); };
  get("vocab_size", c.vocabSize);
  get("hidden_size", c.hiddenSize);
  get("intermediate_size", c.intermediateSize);
  get("num_attention_heads", c.heads);
  get("num_hidden_layers", c.layers);
  get("max_position_embeddings", c.positions);
  readClipActivationAndEps(j, c.activation, c.eps, source);
  if (c.hiddenSize % c.heads) throw Error(source + ": hidden_size is not divisible by num_attention_heads");
  return c;
}

ClipTextEncoderImpl::ClipTextEncoderImpl(const ClipTextConfig& config) : config_(config) {
  auto embeddings = register_module("embeddings", std::make_shared<torch::nn::Module>());
  tokenEmbedding_ = embeddings->register_module("token_embedding", torch::nn::Embedding(config.vocabSize, config.hiddenSize));
  positionEmbedding_ = embeddings->register_module("position_embedding", torch::nn::Embedding(config.positions, config.hiddenSize));
  auto encoder = register_module("encoder", std::make_shared<torch::nn::Module>());
  layers_ = encoder->register_module("layers", torch::nn::ModuleList());
  const ClipLayerShape shape{config.hiddenSize, config.intermediateSize, config.heads, config.activation, config.eps};
  for (int i = 0; i < config.layers; ++i) layers_->push_back(ClipEncoderLayer(shape));
  finalNorm_ = register_module("final_layer_norm",
                               torch::nn::LayerNorm(torch::nn::LayerNormOptions({config.hiddenSize}).eps(config.eps)));
}

torch::Tensor ClipTextEncoderImpl::forward(const torch::Tensor& ids) {
  if (ids.dim() != 2 || ids.size(1) > config_.positions) throw Error("text encoder: expected [batch, ≤77] token ids");
  const int64_t n = ids.size(1);
  auto positions = torch::arange(n, ids.options().dtype(torch::kInt64));  // 0…76, never a stored position_ids
  auto x = tokenEmbedding_(ids.to(torch::kInt64)) + positionEmbedding_(positions).unsqueeze(0);
  auto mask = torch::full({n, n}, -std::numeric_limits<float>::infinity(), x.options()).triu(1);
  for (auto& layer : *layers_) x = layer->as<ClipEncoderLayerImpl>()->forward(x, mask);
  return finalNorm_(x);
}

ClipTextEncoder clipTextFromTensors(const ClipTextConfig& config, const std::map<std::string, at::Tensor>& tensors,
                                    const std::string& source) {
  std::map<std::string, torch::Tensor> named;
  for (const auto& [name, tensor] : tensors) {
    std::string key = name.rfind("text_model.", 0) == 0 ? name.substr(11) : name;
    if (key == "embeddings.position_ids") continue;  // corrupted in merged checkpoints; positions are 0…76
    named[key] = tensor;
  }
  ClipTextEncoder model(config);
  requireLoaded(loadStateDict(*model, named), source);
  model->eval();
  return model;
}

ClipTextEncoder loadClipTextEncoder(const std::filesystem::path& folder) {
  const auto config = ClipTextConfig::fromFile(folder / "config.json");
  const auto weights = findComponentWeights(folder, "model");
  return clipTextFromTensors(config, readTensors(weights), weights.string());
}

}  // namespace panocast
