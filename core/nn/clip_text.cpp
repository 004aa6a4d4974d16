#include "nn/clip_text.h"

#include <torch/torch.h>

#include <cmath>

#include "io/json_file.h"
#include "io/safetensors.h"
#include "nn/component_weights.h"
#include "runtime/error.h"

namespace panocast {
namespace {

namespace F = torch::nn::functional;

torch::nn::Linear linear(int in, int out) { return torch::nn::Linear(torch::nn::LinearOptions(in, out)); }

}  // namespace

ClipTextConfig ClipTextConfig::fromFile(const std::filesystem::path& path) {
  nlohmann::json j = readJsonFile(path);
  if (j.contains("text_config") && j["text_config"].is_object()) j = j["text_config"];
  ClipTextConfig c;
  auto get = [&](const char* key, int& field) {
    if (!j.contains(key)) return;
    if (!j[key].is_number_integer() || j[key].get<int>() <= 0)
      throw Error(path.string() + ": '" + key + "' must be a positive integer");
    field = j[key].get<int>();
  };
  get("vocab_size", c.vocabSize);
  get("hidden_size", c.hiddenSize);
  get("intermediate_size", c.intermediateSize);
  get("num_attention_heads", c.heads);
  get("num_hidden_layers", c.layers);
  get("max_position_embeddings", c.positions);
  if (j.contains("hidden_act")) c.activation = j["hidden_act"].get<std::string>();
  if (j.contains("layer_norm_eps")) c.eps = j["layer_norm_eps"].get<double>();
  if (c.activation != "gelu" && c.activation != "quick_gelu")
    throw Error(path.string() + ": unsupported hidden_act '" + c.activation + "' (gelu or quick_gelu)");
  if (c.hiddenSize % c.heads) throw Error(path.string() + ": hidden_size is not divisible by num_attention_heads");
  return c;
}

struct ClipTextEncoderImpl::Layer : torch::nn::Module {
  Layer(const ClipTextConfig& c) : config(c) {
    auto attention = register_module("self_attn", std::make_shared<torch::nn::Module>());
    q = attention->register_module("q_proj", linear(c.hiddenSize, c.hiddenSize));
    k = attention->register_module("k_proj", linear(c.hiddenSize, c.hiddenSize));
    v = attention->register_module("v_proj", linear(c.hiddenSize, c.hiddenSize));
    out = attention->register_module("out_proj", linear(c.hiddenSize, c.hiddenSize));
    norm1 = register_module("layer_norm1", torch::nn::LayerNorm(torch::nn::LayerNormOptions({c.hiddenSize}).eps(c.eps)));
    norm2 = register_module("layer_norm2", torch::nn::LayerNorm(torch::nn::LayerNormOptions({c.hiddenSize}).eps(c.eps)));
    auto mlp = register_module("mlp", std::make_shared<torch::nn::Module>());
    fc1 = mlp->register_module("fc1", linear(c.hiddenSize, c.intermediateSize));
    fc2 = mlp->register_module("fc2", linear(c.intermediateSize, c.hiddenSize));
  }

  torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& causalMask) {
    const int64_t b = x.size(0), n = x.size(1), h = config.heads, d = config.hiddenSize / config.heads;
    auto y = norm1(x);
    auto split = [&](const torch::Tensor& t) { return t.view({b, n, h, d}).transpose(1, 2); };
    auto scores = torch::matmul(split(q(y)), split(k(y)).transpose(-1, -2)) / std::sqrt(static_cast<double>(d));
    auto weights = torch::softmax(scores + causalMask, -1);
    auto attended = torch::matmul(weights, split(v(y))).transpose(1, 2).reshape({b, n, h * d});
    auto hidden = x + out(attended);
    auto m = fc1(norm2(hidden));
    m = config.activation == "quick_gelu" ? m * torch::sigmoid(1.702 * m) : torch::gelu(m);
    return hidden + fc2(m);
  }

  ClipTextConfig config;
  torch::nn::Linear q{nullptr}, k{nullptr}, v{nullptr}, out{nullptr}, fc1{nullptr}, fc2{nullptr};
  torch::nn::LayerNorm norm1{nullptr}, norm2{nullptr};
};

ClipTextEncoderImpl::ClipTextEncoderImpl(const ClipTextConfig& config) : config_(config) {
  auto embeddings = register_module("embeddings", std::make_shared<torch::nn::Module>());
  tokenEmbedding_ = embeddings->register_module("token_embedding", torch::nn::Embedding(config.vocabSize, config.hiddenSize));
  positionEmbedding_ = embeddings->register_module("position_embedding", torch::nn::Embedding(config.positions, config.hiddenSize));
  auto encoder = register_module("encoder", std::make_shared<torch::nn::Module>());
  layers_ = encoder->register_module("layers", torch::nn::ModuleList());
  for (int i = 0; i < config.layers; ++i) layers_->push_back(std::make_shared<Layer>(config));
  finalNorm_ = register_module("final_layer_norm",
                               torch::nn::LayerNorm(torch::nn::LayerNormOptions({config.hiddenSize}).eps(config.eps)));
}

torch::Tensor ClipTextEncoderImpl::forward(const torch::Tensor& ids) {
  if (ids.dim() != 2 || ids.size(1) > config_.positions) throw Error("text encoder: expected [batch, ≤77] token ids");
  const int64_t n = ids.size(1);
  auto positions = torch::arange(n, ids.options().dtype(torch::kInt64));  // 0…76, never a stored position_ids
  auto x = tokenEmbedding_(ids.to(torch::kInt64)) + positionEmbedding_(positions).unsqueeze(0);
  auto mask = torch::full({n, n}, -std::numeric_limits<float>::infinity(), x.options()).triu(1);
  for (auto& layer : *layers_) x = layer->as<Layer>()->forward(x, mask);
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
