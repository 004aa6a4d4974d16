#include "nn/attention.h"

#include <torch/torch.h>

#include <atomic>
#include <cmath>

#include "runtime/torch_compat.h"

namespace panocast {
namespace {

std::atomic<bool> fusedEnabled{true};

// Bounds the per-chunk score matrix to about 64 M entries (256 MB in fp32).
constexpr int64_t kMaxScoreEntries = int64_t(1) << 26;

at::Tensor chunkedAttention(const at::Tensor& q, const at::Tensor& k, const at::Tensor& v, double scale, bool causal) {
  const int64_t batchHeads = q.size(0) * q.size(1), queries = q.size(2), keys = k.size(2);
  const int64_t chunk = std::max<int64_t>(1, std::min<int64_t>(queries, kMaxScoreEntries / std::max<int64_t>(1, batchHeads * keys)));
  std::vector<at::Tensor> parts;
  for (int64_t start = 0; start < queries; start += chunk) {
    const int64_t end = std::min(queries, start + chunk);
    auto scores = torch::matmul(q.slice(2, start, end), k.transpose(-1, -2)) * scale;
    if (causal) {
      auto rows = torch::arange(start, end, q.options().dtype(torch::kInt64)).unsqueeze(1);
      auto cols = torch::arange(keys, q.options().dtype(torch::kInt64)).unsqueeze(0);
      scores = scores.masked_fill(cols > rows, -std::numeric_limits<float>::infinity());
    }
    parts.push_back(torch::matmul(torch::softmax(scores, -1), v));
  }
  return parts.size() == 1 ? parts[0] : torch::cat(parts, 2);
}

}  // namespace

void setFusedAttentionEnabled(bool enabled) { fusedEnabled = enabled; }
bool fusedAttentionEnabled() { return fusedEnabled; }

at::Tensor scaledDotProductAttention(const at::Tensor& q, const at::Tensor& k, const at::Tensor& v,
                                     const AttentionOptions& options) {
  const double scale = options.scale > 0 ? options.scale : 1.0 / std::sqrt(static_cast<double>(q.size(-1)));
  const bool half = q.scalar_type() == torch::kHalf || q.scalar_type() == torch::kBFloat16;
  const bool upcast = options.upcast && half;
#if PANOCAST_TORCH_AT_LEAST(2, 1)
  // The fused kernels accumulate in fp32 internally; on CPU the math is the same as the chunked
  // path, so it is used wherever no fp32 upcast of the inputs is requested.
  if (fusedEnabled && !upcast && q.is_cuda()) {
    return at::scaled_dot_product_attention(q, k, v, {}, 0.0, options.causal, scale);
  }
#endif
  if (upcast) return chunkedAttention(q.to(torch::kFloat), k.to(torch::kFloat), v.to(torch::kFloat), scale, options.causal).to(q.scalar_type());
  return chunkedAttention(q, k, v, scale, options.causal);
}

}  // namespace panocast
