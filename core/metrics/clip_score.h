#pragma once
// CLIP score as torchmetrics computes it (metrics.md §6): 100·cos between the projected image
// and prompt embeddings per pair, the mean clamped at 0. The model is a transformers CLIPModel
// folder (ViT-B/32, ViT-B/16, ViT-L/14, …; `panocast convert` makes one from OpenAI's .pt). The
// interface holds no LibTorch types.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "io/image.h"

namespace panocast {

class ClipScorer {
 public:
  // Loads the model (fp32) onto `device` and the tokenizer from the folder (vocab.json and
  // merges.txt beside config.json, or in its tokenizer/ sub-folder). Throws panocast::Error.
  explicit ClipScorer(const std::filesystem::path& folder, const std::string& device = "cpu");
  ~ClipScorer();
  ClipScorer(const ClipScorer&) = delete;
  ClipScorer& operator=(const ClipScorer&) = delete;

  // 100·cos(image, prompt) for each pair, unclamped. Prompts longer than 75 tokens are cut like
  // OpenAI's truncate=True (the end-of-text token kept).
  std::vector<double> pairScores(const std::vector<ImageU8>& images, const std::vector<std::string>& prompts);

  std::string modelName() const;  // "ViT-B/32"
  int imageSize() const;
  bool truncates(const std::string& prompt) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// torchmetrics' aggregate: max(mean of the pair scores, 0); NaN for no pairs.
double clipScoreOf(const std::vector<double>& pairScores);

// One image file and the prompt it was generated from.
struct ClipScoreItem {
  std::filesystem::path image;
  std::string prompt;
};

struct ClipScoreRun {
  std::string modelName;
  std::vector<double> scores;  // per item, 100·cos; NaN where the image could not be read
  std::vector<std::string> unreadable;  // "file: reason"
  int truncatedPrompts = 0;
};

// Loads the model and scores the items in batches of `batch`. `progress(done, total)` is called
// after each batch; returning false cancels (panocast::Cancelled is thrown).
ClipScoreRun scoreClipItems(const std::filesystem::path& model, const std::string& device, int batch,
                            const std::vector<ClipScoreItem>& items,
                            const std::function<bool(int64_t done, int64_t total)>& progress = {});

}  // namespace panocast
