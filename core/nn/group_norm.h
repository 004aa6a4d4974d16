#pragma once
// GroupNorm as the UNet uses it, with what surrounds it fused where the GPU allows: a per-(image,
// channel) bias added before normalising (the ResNet blocks' time embedding and conv1 bias) and a
// SiLU after it. On CUDA with fp16/bf16 channels-last features this runs the NHWC kernel
// (nn/cuda/group_norm_nhwc.cu) when the build has it; everywhere else LibTorch's own operations,
// in the reference order.
#include <torch/nn/modules/normalization.h>

namespace panocast {

// x: [N, C, H, W]; channelBias: [N, C] or undefined. Returns SiLU?(GroupNorm(x + bias)).
at::Tensor groupNormActivation(const torch::nn::GroupNorm& norm, const at::Tensor& x, const at::Tensor& channelBias,
                               bool silu);

// Whether groupNormActivation takes the fused kernel for these features (for callers that keep
// the reference order of operations otherwise, so CPU results stay bit-identical).
bool fusedGroupNormApplies(const at::Tensor& x, int groups);


// How many GroupNorms on CUDA took the kernel and how many fell back to LibTorch since the last
// reset (benchmarks print it: a fallback inside the channels-last UNet means a layout slipped).
struct GroupNormCounts {
  long long fused = 0, fallback = 0;
};
GroupNormCounts takeGroupNormCounts();

}  // namespace panocast
