#pragma once
// GroupNorm over channels-last (NHWC) fp16/bf16 features, fused with an optional per-(image,
// channel) bias added before normalising and an optional SiLU after it: one kernel family instead
// of LibTorch's NCHW GroupNorm plus the layout conversions, broadcast adds and activation around
// it (bench/NOTES.md). Free of LibTorch so the CUDA source builds with nvcc alone.
#include <cstdint>

namespace panocast::cuda {

enum class HalfType { Float16, BFloat16 };

struct GroupNormNhwcArgs {
  const void* x = nullptr;      // [N, HW, C] 16-bit, 16-byte aligned
  void* y = nullptr;            // [N, HW, C] same type
  int n = 0, hw = 0, c = 0;     // C must be a multiple of 8 and of `groups`
  int groups = 0;
  const float* gamma = nullptr;  // [C]
  const float* beta = nullptr;   // [C]
  const float* bias = nullptr;   // [N, C], added before normalising; may be null
  float eps = 1e-5f;
  bool silu = false;
  float* workspace = nullptr;    // 2·N·groups floats, any contents
  HalfType type = HalfType::Float16;
  void* stream = nullptr;        // cudaStream_t
  int multiprocessors = 132;
};

// Launches the three passes (mean, centred variance, normalise) on `stream`. Returns the CUDA
// error code of the launches (0 on success).
int groupNormNhwc(const GroupNormNhwcArgs& args);

}  // namespace panocast::cuda
