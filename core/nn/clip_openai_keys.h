#pragma once
// OpenAI's CLIP weights (the .pt files clip.load downloads: TorchScript archives, or plain state
// dicts saved by other tools) → a transformers CLIPModel folder (metrics.md §6.5). The shapes
// decide the architecture, as OpenAI's build_model does; the fused attention projections are split
// into q, k and v and the projection matrices transposed. The file is read with the safe reader.
#include <ATen/core/Tensor.h>

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "nn/clip_model.h"

namespace panocast {

struct ConvertedClip {
  ClipModelConfig config;
  std::map<std::string, at::Tensor> tensors;  // transformers names, fp32
  std::vector<std::string> ignored;           // attention masks and JIT bookkeeping left out
};

// True when the names are those of an OpenAI CLIP state dict (ViT or ResNet image tower).
bool looksLikeOpenAiClip(const std::vector<std::string>& names);

// The tensors under transformers' names, fp32 (fused q/k/v split, projections transposed);
// widths and layer counts come from the shapes. Throws panocast::Error for ResNet towers (not
// supported), missing or unknown tensors; `ignored` receives the bookkeeping left out.
std::map<std::string, at::Tensor> openAiClipToTransformers(const std::map<std::string, at::Tensor>& openai,
                                                           const std::string& source,
                                                           std::vector<std::string>* ignored = nullptr);

// The same with the configuration OpenAI's build_model derives (64-wide heads in both towers).
ConvertedClip convertOpenAiClip(const std::map<std::string, at::Tensor>& openai, const std::string& source);

struct ClipFolderSummary {
  std::string modelName;
  int64_t tensors = 0;
  int64_t bytes = 0;
  bool tokenizerCopied = false;
};

// Whether `file` is a PyTorch checkpoint holding OpenAI CLIP weights (reads only the pickle).
bool isOpenAiClipCheckpoint(const std::filesystem::path& file);

// Writes config.json, model.safetensors (fp32 or `dtype` "fp16"/"bf16") and, when `tokenizer`
// names a folder with vocab.json and merges.txt, the tokenizer files into the new folder `out`.
ClipFolderSummary convertOpenAiClipCheckpoint(const std::filesystem::path& in, const std::filesystem::path& out,
                                              const std::filesystem::path& tokenizer, const std::string& dtype);

}  // namespace panocast
