#include "nn/clip_model.h"

#include <torch/torch.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "io/json_file.h"
#include "nn/component_weights.h"
#include "nn/state_dict.h"
#include "runtime/error.h"

namespace panocast {
namespace {

const nlohmann::json& section(const nlohmann::json& j, const char* name, const std::string& source) {
  static const nlohmann::json empty = nlohmann::json::object();
  for (const auto& key : {std::string(name), std::string(name) + "_dict"})
    if (j.contains(key) && !j[key].is_null()) {
      if (!j[key].is_object()) throw Error(source + ": '" + key + "' is not a JSON object");
      return j[key];
    }
  return empty;
}

bool endsWith(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

}  // namespace

ClipModelConfig ClipModelConfig::fromFile(const std::filesystem::path& path) {
  const auto j = readJsonFile(path);
  const std::string source = path.string();
  if (!j.is_object()) throw Error(source + ": not a JSON object");
  if (j.contains("model_type") && j["model_type"] != "clip")
    throw Error(source + ": model_type is " + j["model_type"].dump() + ", not a CLIP model (\"clip\")");
  if (!j.contains("text_config") && !j.contains("text_config_dict") && !j.contains("vision_config") &&
      !j.contains("vision_config_dict"))
    throw Error(source + ": no text_config or vision_config; not a transformers CLIPModel configuration");
  ClipModelConfig c;
  c.text = ClipTextConfig::fromJson(section(j, "text_config", source), source, ClipTextConfig::clipModelDefaults());
  c.vision = ClipVisionConfig::fromJson(section(j, "vision_config", source), source);
  if (j.contains("projection_dim")) {
    if (!j["projection_dim"].is_number_integer() || j["projection_dim"].get<int64_t>() <= 0 ||
        j["projection_dim"].get<int64_t>() > (1 << 16))
      throw Error(source + ": 'projection_dim' must be a positive integer");
    c.projectionDim = j["projection_dim"].get<int>();
  }
  return c;
}

nlohmann::json ClipModelConfig::toJson() const {
  return {
      {"architectures", {"CLIPModel"}},
      {"model_type", "clip"},
      {"projection_dim", projectionDim},
      {"logit_scale_init_value", 2.6592},
      {"text_config",
       {{"model_type", "clip_text_model"},
        {"vocab_size", text.vocabSize},
        {"hidden_size", text.hiddenSize},
        {"intermediate_size", text.intermediateSize},
        {"num_attention_heads", text.heads},
        {"num_hidden_layers", text.layers},
        {"max_position_embeddings", text.positions},
        {"hidden_act", text.activation},
        {"layer_norm_eps", text.eps},
        {"bos_token_id", 49406},
        {"eos_token_id", 49407}}},
      {"vision_config",
       {{"model_type", "clip_vision_model"},
        {"hidden_size", vision.hiddenSize},
        {"intermediate_size", vision.intermediateSize},
        {"num_attention_heads", vision.heads},
        {"num_hidden_layers", vision.layers},
        {"image_size", vision.imageSize},
        {"patch_size", vision.patchSize},
        {"num_channels", vision.channels},
        {"hidden_act", vision.activation},
        {"layer_norm_eps", vision.eps}}},
  };
}

std::string ClipModelConfig::name() const {
  const char* size = vision.hiddenSize == 768 && vision.layers == 12    ? "B"
                     : vision.hiddenSize == 1024 && vision.layers == 24 ? "L"
                     : vision.hiddenSize == 1280 && vision.layers == 32 ? "H"
                                                                        : nullptr;
  if (!size)
    return "CLIP (vision " + std::to_string(vision.hiddenSize) + "×" + std::to_string(vision.layers) + ", patch " +
           std::to_string(vision.patchSize) + ", image " + std::to_string(vision.imageSize) + "; text " +
           std::to_string(text.hiddenSize) + "×" + std::to_string(text.layers) + "; embedding " +
           std::to_string(projectionDim) + ")";
  std::string n = std::string("ViT-") + size + "/" + std::to_string(vision.patchSize);
  if (vision.imageSize != 224) n += "@" + std::to_string(vision.imageSize);
  return n;
}

ClipModelImpl::ClipModelImpl(const ClipModelConfig& config) : config_(config) {
  text_ = register_module("text_model", ClipTextEncoder(config.text));
  vision_ = register_module("vision_model", ClipVisionTransformer(config.vision));
  visualProjection_ = register_module(
      "visual_projection",
      torch::nn::Linear(torch::nn::LinearOptions(config.vision.hiddenSize, config.projectionDim).bias(false)));
  textProjection_ = register_module(
      "text_projection",
      torch::nn::Linear(torch::nn::LinearOptions(config.text.hiddenSize, config.projectionDim).bias(false)));
  logitScale_ = register_parameter("logit_scale", torch::full({}, std::log(100.0)));
}

at::Tensor ClipModelImpl::textFeatures(const at::Tensor& ids, int64_t eosId) {
  if (ids.dim() != 2) throw Error("CLIP text encoder: expected [batch, tokens] ids");
  const auto isEos = ids.to(torch::kInt64) == eosId;
  if (!isEos.any(1).all().item<bool>())
    throw Error("CLIP text encoder: a prompt's token ids have no end-of-text token (" + std::to_string(eosId) + ")");
  // argmax returns the first maximum: the first end-of-text token, where CLIP pools.
  const auto positions = isEos.to(torch::kInt32).argmax(1);
  const auto hidden = text_(ids);
  const auto pooled = hidden.index({torch::arange(ids.size(0), positions.options().dtype(torch::kInt64)), positions});
  return textProjection_(pooled);
}

at::Tensor ClipModelImpl::imageFeatures(const at::Tensor& pixels) { return visualProjection_(vision_(pixels)); }

ClipModel clipModelFromTensors(const ClipModelConfig& config, const std::map<std::string, at::Tensor>& tensors,
                               const std::string& source) {
  std::map<std::string, at::Tensor> named;
  for (const auto& [name, tensor] : tensors)
    if (!endsWith(name, "embeddings.position_ids")) named[name] = tensor;  // a buffer of old files: positions are 0…n
  ClipModel model(config);
  requireLoaded(loadStateDict(*model, named), source);
  model->eval();
  return model;
}

ClipModel loadClipModel(const std::filesystem::path& folder) {
  if (!std::filesystem::is_directory(folder))
    throw Error(folder.string() + " is not a folder; a CLIP model is a transformers folder with config.json and "
                                  "model.safetensors (or convert OpenAI's .pt with `panocast convert`)");
  const auto config = ClipModelConfig::fromFile(folder / "config.json");
  std::filesystem::path weights;
  try {
    weights = findComponentWeights(folder, "model");
  } catch (const Error&) {
    if (!std::filesystem::exists(folder / "pytorch_model.bin"))
      throw Error(folder.string() + ": no model.safetensors, model.fp16.safetensors or pytorch_model.bin");
    weights = findComponentWeights(folder, "pytorch_model");
  }
  return clipModelFromTensors(config, readTensors(weights), weights.string());
}

}  // namespace panocast
