#include "metrics/clip_score.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "metrics/clip_input.h"
#include "nn/clip_model.h"
#include "runtime/device.h"
#include "runtime/error.h"
#include "text/clip_tokenizer.h"

namespace panocast {
namespace {

std::filesystem::path tokenizerFolder(const std::filesystem::path& folder) {
  for (const auto& candidate : {folder, folder / "tokenizer"})
    if (std::filesystem::is_regular_file(candidate / "vocab.json") &&
        std::filesystem::is_regular_file(candidate / "merges.txt"))
      return candidate;
  throw Error(folder.string() +
              " has no CLIP tokenizer (vocab.json and merges.txt, beside config.json or in tokenizer/). Copy them "
              "from the model's hub folder or from a Stable Diffusion model's tokenizer/ folder (the same "
              "vocabulary), or convert with `panocast convert --tokenizer DIR`");
}

}  // namespace

struct ClipScorer::Impl {
  Impl(const std::filesystem::path& folder, const std::string& deviceName)
      : tokenizer(tokenizerFolder(folder)), model(loadClipModel(folder)), device(parseDevice(deviceName)) {
    model->to(device);
  }
  ClipTokenizer tokenizer;
  ClipModel model;
  torch::Device device;
};

ClipScorer::ClipScorer(const std::filesystem::path& folder, const std::string& device)
    : impl_(std::make_unique<Impl>(folder, device)) {}

ClipScorer::~ClipScorer() = default;

std::string ClipScorer::modelName() const { return impl_->model->config().name(); }

int ClipScorer::imageSize() const { return impl_->model->config().vision.imageSize; }

bool ClipScorer::truncates(const std::string& prompt) const {
  return impl_->tokenizer.countTokens(prompt) > ClipTokenizer::kContextLength - 2;
}

std::vector<double> ClipScorer::pairScores(const std::vector<ImageU8>& images, const std::vector<std::string>& prompts) {
  if (images.size() != prompts.size())
    throw Error("CLIP score: " + std::to_string(images.size()) + " images but " + std::to_string(prompts.size()) +
                " prompts; every image needs its prompt");
  if (images.empty()) return {};
  const int size = imageSize();
  std::vector<at::Tensor> pixels;
  std::vector<int64_t> ids;
  for (size_t i = 0; i < images.size(); ++i) {
    pixels.push_back(clipPixelValues(images[i], size));
    const auto row = impl_->tokenizer.encodeForModel(prompts[i]);
    ids.insert(ids.end(), row.begin(), row.end());
  }
  torch::NoGradGuard noGrad;
  const auto& device = impl_->device;
  const auto idTensor =
      torch::tensor(ids, torch::kInt64).view({static_cast<int64_t>(images.size()), -1}).to(device);
  auto imageEmbeds = impl_->model->imageFeatures(torch::stack(pixels).to(device));
  auto textEmbeds = impl_->model->textFeatures(idTensor, impl_->tokenizer.endId());
  imageEmbeds = imageEmbeds / imageEmbeds.norm(2, -1, true);
  textEmbeds = textEmbeds / textEmbeds.norm(2, -1, true);
  const auto scores = (100.0 * (imageEmbeds * textEmbeds).sum(-1)).to(torch::kCPU, torch::kFloat64).contiguous();
  return {scores.data_ptr<double>(), scores.data_ptr<double>() + scores.numel()};
}

double clipScoreOf(const std::vector<double>& pairScores) {
  if (pairScores.empty()) return std::numeric_limits<double>::quiet_NaN();
  const double mean = std::accumulate(pairScores.begin(), pairScores.end(), 0.0) / pairScores.size();
  return std::max(mean, 0.0);
}

ClipScoreRun scoreClipItems(const std::filesystem::path& model, const std::string& device, int batch,
                            const std::vector<ClipScoreItem>& items,
                            const std::function<bool(int64_t done, int64_t total)>& progress) {
  ClipScorer scorer(model, device);
  ClipScoreRun run;
  run.modelName = scorer.modelName();
  run.scores.assign(items.size(), std::numeric_limits<double>::quiet_NaN());
  const auto total = static_cast<int64_t>(items.size());
  const size_t step = static_cast<size_t>(std::max(batch, 1));
  for (size_t begin = 0; begin < items.size(); begin += step) {
    std::vector<ImageU8> images;
    std::vector<std::string> prompts;
    std::vector<size_t> index;
    for (size_t i = begin; i < std::min(items.size(), begin + step); ++i) {
      try {
        images.push_back(readImageU8(items[i].image, 3));
      } catch (const Error& e) {
        run.unreadable.push_back(e.what());
        continue;
      }
      prompts.push_back(items[i].prompt);
      index.push_back(i);
      if (scorer.truncates(items[i].prompt)) ++run.truncatedPrompts;
    }
    const auto scores = scorer.pairScores(images, prompts);
    for (size_t k = 0; k < index.size(); ++k) run.scores[index[k]] = scores[k];
    const auto done = static_cast<int64_t>(std::min(items.size(), begin + step));
    if (progress && !progress(done, total)) throw Cancelled();
  }
  return run;
}

}  // namespace panocast
