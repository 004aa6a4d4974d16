#pragma once
// transformers' CLIPModel: both towers and their projections into the shared embedding space, as
// CLIP score needs them (metrics.md §6). Module names mirror the state-dict keys (text_model.*,
// vision_model.*, visual_projection, text_projection, logit_scale), so hub folders and files
// converted from OpenAI's .pt load name for name.
#include <torch/nn/module.h>
#include <torch/nn/modules/linear.h>

#include <filesystem>
#include <map>
#include <nlohmann/json_fwd.hpp>
#include <string>

#include "nn/clip_text.h"
#include "nn/clip_vision.h"

namespace panocast {

struct ClipModelConfig {
  ClipTextConfig text = ClipTextConfig::clipModelDefaults();
  ClipVisionConfig vision;
  int projectionDim = 512;

  // config.json of a CLIPModel folder ("text_config"/"vision_config", or the older "*_dict").
  static ClipModelConfig fromFile(const std::filesystem::path& path);
  // The same as transformers writes it, for folders the converter makes.
  nlohmann::json toJson() const;
  // "ViT-B/32", "ViT-L/14@336", or the shape of an unusual model, for reports.
  std::string name() const;
};

class ClipModelImpl : public torch::nn::Module {
 public:
  explicit ClipModelImpl(const ClipModelConfig& config);
  // ids: [B, ≤77] → projected text features [B, D], pooled at each row's first `eosId`.
  at::Tensor textFeatures(const at::Tensor& ids, int64_t eosId);
  // pixels: [B, 3, S, S] normalised → projected image features [B, D].
  at::Tensor imageFeatures(const at::Tensor& pixels);
  at::Tensor logitScale() const { return logitScale_; }
  const ClipModelConfig& config() const { return config_; }

 private:
  ClipModelConfig config_;
  ClipTextEncoder text_{nullptr};
  ClipVisionTransformer vision_{nullptr};
  torch::nn::Linear visualProjection_{nullptr}, textProjection_{nullptr};
  at::Tensor logitScale_;
};
TORCH_MODULE(ClipModel);

// A CLIPModel folder: config.json and model.safetensors (or model.fp16.safetensors, or the pickled
// pytorch_model.bin of older hub folders, read safely). Weights become fp32 on the CPU. Every
// missing or mis-shaped tensor is named; the stale position_ids buffers of old files are ignored.
ClipModel loadClipModel(const std::filesystem::path& folder);
ClipModel clipModelFromTensors(const ClipModelConfig& config, const std::map<std::string, at::Tensor>& tensors,
                               const std::string& source);

}  // namespace panocast
