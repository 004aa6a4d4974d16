#pragma once
// CLIP's text transformer as Stable Diffusion uses it (transformers' CLIPTextModel; module names
// mirror its state-dict keys without the "text_model." prefix). SD2: 23 layers, exact GELU;
// SD1.5: 12 layers, quick GELU. Returns last_hidden_state (after the final LayerNorm).
#include <torch/nn/module.h>
#include <torch/nn/modules/embedding.h>
#include <torch/nn/modules/linear.h>
#include <torch/nn/modules/normalization.h>
#include <torch/nn/modules/container/modulelist.h>

#include <filesystem>
#include <map>
#include <nlohmann/json_fwd.hpp>
#include <string>

#include "nn/state_dict.h"

namespace panocast {

struct ClipTextConfig {
  int vocabSize = 49408;
  int hiddenSize = 1024;
  int intermediateSize = 4096;
  int heads = 16;
  int layers = 23;
  int positions = 77;
  std::string activation = "gelu";  // "gelu" (erf) or "quick_gelu"
  double eps = 1e-5;

  // Reads a transformers config.json (CLIPTextConfig, or CLIPConfig's "text_config").
  static ClipTextConfig fromFile(const std::filesystem::path& path);
  // The fields of a parsed config object; those it omits keep `defaults`' values.
  static ClipTextConfig fromJson(const nlohmann::json& config, const std::string& source,
                                 const ClipTextConfig& defaults);
  // transformers' CLIPTextConfig defaults (width 512, 12 layers, quick GELU): what a CLIPModel's
  // text_config means by the fields it leaves out. The struct's own defaults are SD2's encoder.
  static ClipTextConfig clipModelDefaults();
};

class ClipTextEncoderImpl : public torch::nn::Module {
 public:
  explicit ClipTextEncoderImpl(const ClipTextConfig& config);
  // ids: [B, 77] int64 → [B, 77, hidden].
  at::Tensor forward(const at::Tensor& ids);
  const ClipTextConfig& config() const { return config_; }

 private:
  ClipTextConfig config_;
  torch::nn::Embedding tokenEmbedding_{nullptr}, positionEmbedding_{nullptr};
  torch::nn::ModuleList layers_;
  torch::nn::LayerNorm finalNorm_{nullptr};
};
TORCH_MODULE(ClipTextEncoder);

// Loads a text encoder folder (config.json + model[.fp16].safetensors), accepting keys with or
// without "text_model." and ignoring the position_ids buffer. Weights are converted to fp32.
ClipTextEncoder loadClipTextEncoder(const std::filesystem::path& folder);

// The same from tensors already in memory (for example a converted single-file checkpoint).
ClipTextEncoder clipTextFromTensors(const ClipTextConfig& config, const std::map<std::string, at::Tensor>& tensors,
                                    const std::string& source);

}  // namespace panocast
