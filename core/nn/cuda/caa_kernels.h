#pragma once
// CUDA kernels of the CAA block (caa.md §1), free of LibTorch for nvcc.
//
// caaGatherNormalize: the key side in one pass: for every query cell and each of its 18
// samples (3×3 around the corresponding point in both ring neighbours), the bilinear sample of
// the neighbour's channels-last features plus its positional encoding, layer-normalised, written
// token-major. LibTorch's route to the same tensor (grid_sample, a transposing add, LayerNorm)
// reads its 9×-expanded intermediate across the channel stride. Free of LibTorch for nvcc.
#include <cstdint>

#include "nn/cuda/group_norm_nhwc.h"  // HalfType

namespace panocast::cuda {

struct CaaGatherArgs {
  const void* features = nullptr;      // [items, h, w, d] 16-bit, channels-last
  const int64_t* neighbours = nullptr;  // [items, 2]: the left and right ring neighbour of each item
  const float* grid = nullptr;         // [views, 2, h, w·9, 2] grid_sample coordinates (align_corners)
  const void* encoding = nullptr;      // [views, h, w, 18, d] 16-bit, zero where masked
  const float* gamma = nullptr;        // [d] LayerNorm weight
  const float* beta = nullptr;         // [d] LayerNorm bias
  void* out = nullptr;                 // [count, h, w, 18, d] 16-bit
  int firstItem = 0, count = 0, views = 0, h = 0, w = 0, d = 0;
  float eps = 1e-5f;
  HalfType type = HalfType::Float16;
  void* stream = nullptr;  // cudaStream_t
};

// Whether the kernel is compiled for this width (320, 640 and 1280: SD2's levels).
bool caaGatherSupportsWidth(int d);

// Returns the CUDA error code of the launch (0 on success).
int caaGatherNormalize(const CaaGatherArgs& args);

struct CaaAttendArgs {
  const void* queries = nullptr;    // [n, d] 16-bit, projected
  const void* keyValues = nullptr;  // [n, 18, 2·d] 16-bit: projected keys, then values
  void* out = nullptr;              // [n, d] 16-bit
  int64_t n = 0;
  int d = 0;                        // a multiple of 32; heads are 32 wide
  float scale = 0.f;                // 1/√32
  HalfType type = HalfType::Float16;
  void* stream = nullptr;
};
int caaAttend18(const CaaAttendArgs& args);

}  // namespace panocast::cuda
