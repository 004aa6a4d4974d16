#include "nn/group_norm.h"

#include <torch/torch.h>

#include <atomic>
#include <cstdint>

#include "nn/fused_kernels.h"
#include "runtime/error.h"
#if PANOCAST_WITH_CUDA_KERNELS
#include <ATen/cuda/CUDAContext.h>
#include <c10/cuda/CUDAStream.h>

#include "nn/cuda/group_norm_nhwc.h"
#endif

namespace panocast {
namespace {
std::atomic<long long> fusedCalls{0}, fallbackCalls{0};
}  // namespace

GroupNormCounts takeGroupNormCounts() { return {fusedCalls.exchange(0), fallbackCalls.exchange(0)}; }

bool fusedGroupNormApplies(const at::Tensor& x, int groups) {
#if PANOCAST_WITH_CUDA_KERNELS
  return fusedKernelsEnabled() && x.is_cuda() && x.dim() == 4 && (x.scalar_type() == at::kHalf || x.scalar_type() == at::kBFloat16) &&
         x.is_contiguous(at::MemoryFormat::ChannelsLast) && x.size(1) % 8 == 0 && x.size(1) / 8 <= 1024 &&
         groups > 0 && x.size(1) % groups == 0 && reinterpret_cast<uintptr_t>(x.data_ptr()) % 16 == 0 &&
         x.numel() > 0;
#else
  (void)x, (void)groups;
  return false;
#endif
}

at::Tensor groupNormActivation(const torch::nn::GroupNorm& norm, const at::Tensor& x, const at::Tensor& channelBias,
                               bool silu) {
#if PANOCAST_WITH_CUDA_KERNELS
  const auto& options = norm->options;
  const int groups = static_cast<int>(options.num_groups());
  if (options.affine() && fusedGroupNormApplies(x, groups)) {
    const int64_t n = x.size(0), c = x.size(1), hw = x.size(2) * x.size(3);
    auto y = at::empty_like(x, at::MemoryFormat::ChannelsLast);
    const auto floats = x.options().dtype(at::kFloat);
    const auto gamma = norm->weight.to(floats).contiguous();
    const auto beta = norm->bias.to(floats).contiguous();
    const auto bias = channelBias.defined() ? channelBias.to(floats).reshape({n, c}).contiguous() : at::Tensor();
    auto workspace = at::empty({2 * n * groups}, floats);
    cuda::GroupNormNhwcArgs a;
    a.x = x.data_ptr();
    a.y = y.data_ptr();
    a.n = static_cast<int>(n);
    a.hw = static_cast<int>(hw);
    a.c = static_cast<int>(c);
    a.groups = groups;
    a.gamma = gamma.data_ptr<float>();
    a.beta = beta.data_ptr<float>();
    a.bias = bias.defined() ? bias.data_ptr<float>() : nullptr;
    a.eps = static_cast<float>(options.eps());
    a.silu = silu;
    a.workspace = workspace.data_ptr<float>();
    a.type = x.scalar_type() == at::kHalf ? cuda::HalfType::Float16 : cuda::HalfType::BFloat16;
    a.stream = c10::cuda::getCurrentCUDAStream(x.device().index()).stream();
    a.multiprocessors = at::cuda::getDeviceProperties(x.device().index())->multiProcessorCount;
    if (const int status = cuda::groupNormNhwc(a); status != 0)
      throw Error("GroupNorm kernel failed to launch (CUDA error " + std::to_string(status) + ")");
    ++fusedCalls;
    return y;
  }
#endif
  if (x.is_cuda()) ++fallbackCalls;
  auto input = channelBias.defined() ? x + channelBias.view({x.size(0), x.size(1), 1, 1}).to(x.scalar_type()) : x;
  auto y = norm.ptr()->forward(input);
  return silu ? torch::silu(y) : y;
}

}  // namespace panocast
