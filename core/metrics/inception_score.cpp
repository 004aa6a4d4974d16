#include "metrics/inception_score.h"

#include <torch/torch.h>

#include <cmath>
#include <string>
#include <vector>

#include "metrics/numpy_random.h"
#include "runtime/error.h"

namespace panocast {

InceptionScore inceptionScore(const torch::Tensor& logits, const InceptionScoreSettings& settings) {
  if (logits.dim() != 2)
    throw Error("Inception Score: expected [N, classes] logits, got " + std::to_string(logits.dim()) + " dimensions");
  if (settings.splits < 1) throw Error("Inception Score: the number of splits must be at least 1");
  const int64_t n = logits.size(0);
  if (n < settings.splits)
    throw Error("Inception Score: " + std::to_string(n) + " images cannot fill " + std::to_string(settings.splits) +
                " splits; use more images or fewer splits");

  auto x = logits.detach().to(torch::kCPU, torch::kFloat64);
  if (settings.shuffle) {
    NumpyRandomState rng(settings.seed);
    const auto order = rng.permutation(n);
    x = x.index_select(0, torch::tensor(order, torch::kInt64));
  }
  auto p = torch::softmax(x, 1);
  auto logP = torch::log_softmax(x, 1);

  std::vector<double> scores;
  for (int64_t i = 0; i < settings.splits; ++i) {
    // Split i covers rows ⌊iN/s⌋ … ⌊(i+1)N/s⌋ − 1, so sizes differ by at most one.
    const int64_t begin = i * n / settings.splits, end = (i + 1) * n / settings.splits;
    auto pSplit = p.slice(0, begin, end);
    auto logQ = torch::log(pSplit.mean(0, /*keepdim=*/true));
    auto kl = (pSplit * (logP.slice(0, begin, end) - logQ)).sum(1);
    scores.push_back(std::exp(kl.mean().item<double>()));
  }
  double mean = 0;
  for (double s : scores) mean += s;
  mean /= static_cast<double>(scores.size());
  double variance = 0;
  for (double s : scores) variance += (s - mean) * (s - mean);
  variance /= static_cast<double>(scores.size());
  return {mean, std::sqrt(variance)};
}

}  // namespace panocast
