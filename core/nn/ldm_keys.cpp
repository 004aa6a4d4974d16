#include "nn/ldm_keys.h"

#include <torch/torch.h>

#include <regex>

namespace panocast {
namespace {

using TensorMap = std::map<std::string, at::Tensor>;

bool startsWith(const std::string& s, const std::string& prefix) { return s.compare(0, prefix.size(), prefix) == 0; }

// Renames the head of `rest` inside a resnet: in_layers.0 → norm1 and so on.
std::string resnetInner(const std::string& rest) {
  static const std::pair<const char*, const char*> renames[] = {
      {"in_layers.0.", "norm1."},         {"in_layers.2.", "conv1."},  {"emb_layers.1.", "time_emb_proj."},
      {"out_layers.0.", "norm2."},        {"out_layers.3.", "conv2."}, {"skip_connection.", "conv_shortcut."}};
  for (const auto& [from, to] : renames)
    if (startsWith(rest, from)) return to + rest.substr(std::string(from).size());
  return rest;
}

// "input_blocks.7.1.rest" → (7, 1, "rest"); false when the name has another shape.
bool splitBlock(const std::string& name, const std::string& head, int& block, int& layer, std::string& rest) {
  static const std::regex pattern(R"(^(\d+)\.(\d+)\.(.*)$)");
  if (!startsWith(name, head)) return false;
  std::smatch m;
  const std::string tail = name.substr(head.size());
  if (!std::regex_match(tail, m, pattern)) return false;
  block = std::stoi(m[1]);
  layer = std::stoi(m[2]);
  rest = m[3];
  return true;
}

std::string unetName(const std::string& name, const UNetConfig& config) {
  const int per = config.layersPerBlock + 1;  // LDM entries per level: the layers and a resampler
  static const std::pair<const char*, const char*> stem[] = {{"time_embed.0.", "time_embedding.linear_1."},
                                                            {"time_embed.2.", "time_embedding.linear_2."},
                                                            {"input_blocks.0.0.", "conv_in."},
                                                            {"out.0.", "conv_norm_out."},
                                                            {"out.2.", "conv_out."}};
  for (const auto& [from, to] : stem)
    if (startsWith(name, from)) return to + name.substr(std::string(from).size());

  int n = 0, part = 0;
  std::string rest;
  if (splitBlock(name, "input_blocks.", n, part, rest) && n >= 1) {
    const int level = (n - 1) / per, j = (n - 1) % per;
    const std::string block = "down_blocks." + std::to_string(level) + ".";
    if (j == config.layersPerBlock && part == 0 && startsWith(rest, "op."))
      return block + "downsamplers.0.conv." + rest.substr(3);
    if (j < config.layersPerBlock && part == 0) return block + "resnets." + std::to_string(j) + "." + resnetInner(rest);
    if (j < config.layersPerBlock && part == 1) return block + "attentions." + std::to_string(j) + "." + rest;
    return name;
  }
  static const std::regex mid(R"(^middle_block\.(\d)\.(.*)$)");
  std::smatch m;
  if (std::regex_match(name, m, mid)) {
    const int index = std::stoi(m[1]);
    const std::string inner = m[2];
    if (index == 0) return "mid_block.resnets.0." + resnetInner(inner);
    if (index == 1) return "mid_block.attentions.0." + inner;
    if (index == 2) return "mid_block.resnets.1." + resnetInner(inner);
    return name;
  }
  if (splitBlock(name, "output_blocks.", n, part, rest)) {
    const int level = n / per, j = n % per;
    if (level >= config.blockCount()) return name;
    const std::string block = "up_blocks." + std::to_string(level) + ".";
    const bool attention = config.upBlockHasAttention(level);
    if (part == 0) return block + "resnets." + std::to_string(j) + "." + resnetInner(rest);
    if (part == 1 && attention) return block + "attentions." + std::to_string(j) + "." + rest;
    const int upsamplerPart = attention ? 2 : 1;
    if (part == upsamplerPart && j == per - 1 && startsWith(rest, "conv."))
      return block + "upsamplers.0.conv." + rest.substr(5);
  }
  return name;
}

}  // namespace

TensorMap unetFromLdm(const TensorMap& tensors, const UNetConfig& config) {
  TensorMap out;
  for (const auto& [name, tensor] : tensors) out[unetName(name, config)] = tensor;
  return out;
}

TensorMap clipTextFromOpenClip(const TensorMap& tensors, int layers) {
  static const std::regex block(R"(^transformer\.(?:resblocks|encoder\.layers)\.(\d+)\.(.*)$)");
  static const std::pair<const char*, const char*> inner[] = {{"ln_1.", "layer_norm1."},
                                                              {"ln_2.", "layer_norm2."},
                                                              {"attn.out_proj.", "self_attn.out_proj."},
                                                              {"mlp.c_fc.", "mlp.fc1."},
                                                              {"mlp.c_proj.", "mlp.fc2."}};
  static const std::map<std::string, std::string> whole = {
      {"token_embedding.weight", "embeddings.token_embedding.weight"},
      {"transformer.embeddings.token_embedding.weight", "embeddings.token_embedding.weight"},
      {"positional_embedding", "embeddings.position_embedding.weight"},
      {"transformer.embeddings.position_embedding.weight", "embeddings.position_embedding.weight"},
      {"ln_final.weight", "final_layer_norm.weight"},
      {"ln_final.bias", "final_layer_norm.bias"},
      {"transformer.final_layer_norm.weight", "final_layer_norm.weight"},
      {"transformer.final_layer_norm.bias", "final_layer_norm.bias"}};

  TensorMap out;
  for (const auto& [name, tensor] : tensors) {
    if (name == "text_projection" || name == "logit_scale" || name == "transformer.embeddings.position_ids") continue;
    if (const auto it = whole.find(name); it != whole.end()) {
      out[it->second] = tensor;
      continue;
    }
    std::smatch m;
    if (!std::regex_match(name, m, block)) {
      out[name] = tensor;
      continue;
    }
    const int index = std::stoi(m[1]);
    if (index >= layers) continue;  // SD2 conditions on the penultimate block; the last is unused
    const std::string prefix = "encoder.layers." + std::to_string(index) + ".";
    const std::string rest = m[2];
    if (rest == "attn.in_proj_weight" || rest == "attn.in_proj_bias") {
      const std::string kind = rest == "attn.in_proj_weight" ? "weight" : "bias";
      const auto parts = tensor.chunk(3, 0);
      const char* projections[] = {"q_proj", "k_proj", "v_proj"};
      for (int p = 0; p < 3; ++p) out[prefix + "self_attn." + projections[p] + "." + kind] = parts[p];
      continue;
    }
    std::string renamed = rest;
    for (const auto& [from, to] : inner)
      if (startsWith(rest, from)) renamed = to + rest.substr(std::string(from).size());
    out[prefix + renamed] = tensor;
  }
  return out;
}

}  // namespace panocast
