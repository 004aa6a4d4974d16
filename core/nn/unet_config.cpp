#include "nn/unet_config.h"

#include "io/json_file.h"
#include "runtime/error.h"

namespace panocast {
namespace {

std::vector<int> positiveInts(const nlohmann::json& value, const std::string& where) {
  std::vector<int> out;
  for (const auto& v : value) {
    if (!v.is_number_integer() || v.get<int>() <= 0) throw Error(where + " must hold positive integers");
    out.push_back(v.get<int>());
  }
  return out;
}

}  // namespace

UNetConfig UNetConfig::sd2Base() { return {}; }

UNetConfig UNetConfig::sd15() {
  UNetConfig c;
  c.headCounts = {8, 8, 8, 8};
  c.crossAttentionDim = 768;
  c.useLinearProjection = false;
  return c;
}

UNetConfig UNetConfig::fromFile(const std::filesystem::path& path) {
  const nlohmann::json j = readJsonFile(path);
  const std::string where = path.string();
  if (!j.is_object()) throw Error(where + ": expected a JSON object");
  if (j.contains("_class_name") && j["_class_name"] != "UNet2DConditionModel")
    throw Error(where + ": '" + j["_class_name"].dump() + "' is not a UNet2DConditionModel");
  // Features of other model families: refuse instead of producing wrong images.
  for (const char* key : {"class_embed_type", "addition_embed_type", "encoder_hid_dim", "time_cond_proj_dim",
                          "num_class_embeds"}) {
    if (j.contains(key) && !j[key].is_null())
      throw Error(where + ": '" + key + "' is set; only Stable Diffusion 1.x/2.x UNets are supported");
  }
  auto text = [&](const char* key, const std::string& expected) {
    if (j.contains(key) && !j[key].is_null() && j[key] != expected)
      throw Error(where + ": " + key + " " + j[key].dump() + " is not supported (expected \"" + expected + "\")");
  };
  text("act_fn", "silu");
  text("resnet_time_scale_shift", "default");
  text("time_embedding_type", "positional");
  text("mid_block_type", "UNetMidBlock2DCrossAttn");
  // Absent and null both mean the default (diffusers writes null for unused options).
  auto flag = [&](const char* key, bool fallback) {
    if (!j.contains(key) || j[key].is_null()) return fallback;
    if (!j[key].is_boolean()) throw Error(where + ": '" + key + "' must be true or false");
    return j[key].get<bool>();
  };
  auto number = [&](const char* key, double fallback) {
    if (!j.contains(key) || j[key].is_null()) return fallback;
    if (!j[key].is_number()) throw Error(where + ": '" + key + "' must be a number");
    return j[key].get<double>();
  };
  if (flag("dual_cross_attention", false) || flag("only_cross_attention", false))
    throw Error(where + ": dual or cross-only attention is not supported");

  UNetConfig c;
  auto integer = [&](const char* key, int& field) {
    if (!j.contains(key)) return;
    if (!j[key].is_number_integer() || j[key].get<int>() <= 0) throw Error(where + ": '" + key + "' must be a positive integer");
    field = j[key].get<int>();
  };
  integer("in_channels", c.inChannels);
  integer("out_channels", c.outChannels);
  integer("sample_size", c.sampleSize);
  integer("layers_per_block", c.layersPerBlock);
  integer("cross_attention_dim", c.crossAttentionDim);
  integer("norm_num_groups", c.normGroups);
  if (j.contains("transformer_layers_per_block")) {
    if (!j["transformer_layers_per_block"].is_number_integer())
      throw Error(where + ": per-block transformer depths are not supported");
    integer("transformer_layers_per_block", c.transformerLayersPerBlock);
  }
  if (j.contains("block_out_channels")) c.blockOutChannels = positiveInts(j["block_out_channels"], where + ": block_out_channels");
  if (j.contains("down_block_types")) c.downBlockTypes = j["down_block_types"].get<std::vector<std::string>>();
  if (j.contains("up_block_types")) c.upBlockTypes = j["up_block_types"].get<std::vector<std::string>>();
  const size_t blocks = c.blockOutChannels.size();
  if (blocks == 0 || c.downBlockTypes.size() != blocks || c.upBlockTypes.size() != blocks)
    throw Error(where + ": block_out_channels, down_block_types and up_block_types must have the same length");
  for (const auto& t : c.downBlockTypes)
    if (t != "CrossAttnDownBlock2D" && t != "DownBlock2D") throw Error(where + ": unsupported down block '" + t + "'");
  for (const auto& t : c.upBlockTypes)
    if (t != "CrossAttnUpBlock2D" && t != "UpBlock2D") throw Error(where + ": unsupported up block '" + t + "'");

  // num_attention_heads wins when present; otherwise attention_head_dim holds head counts.
  const char* headsKey = j.contains("num_attention_heads") && !j["num_attention_heads"].is_null()
                             ? "num_attention_heads" : "attention_head_dim";
  if (j.contains(headsKey) && !j[headsKey].is_null()) {
    const auto& h = j[headsKey];
    if (h.is_number_integer()) c.headCounts.assign(blocks, h.get<int>());
    else c.headCounts = positiveInts(h, where + ": " + headsKey);
  } else {
    c.headCounts.assign(blocks, 8);
  }
  if (c.headCounts.size() != blocks) throw Error(where + ": one head count per block expected");
  for (size_t i = 0; i < blocks; ++i) {
    if (c.blockOutChannels[i] % c.normGroups)
      throw Error(where + ": block width " + std::to_string(c.blockOutChannels[i]) + " is not divisible by norm_num_groups");
    if (c.blockOutChannels[i] % c.headCounts[i])
      throw Error(where + ": block width " + std::to_string(c.blockOutChannels[i]) + " is not divisible by its head count");
  }
  c.useLinearProjection = flag("use_linear_projection", false);
  c.upcastAttention = flag("upcast_attention", false);
  c.normEps = number("norm_eps", c.normEps);
  c.flipSinToCos = flag("flip_sin_to_cos", true);
  c.freqShift = number("freq_shift", 0);
  if (number("mid_block_scale_factor", 1) != 1) throw Error(where + ": mid_block_scale_factor other than 1 is not supported");
  if (number("downsample_padding", 1) != 1) throw Error(where + ": downsample_padding other than 1 is not supported");
  return c;
}

}  // namespace panocast
