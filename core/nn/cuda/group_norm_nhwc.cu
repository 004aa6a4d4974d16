// Three passes over x, each reading it once with 16-byte loads: the sum of every group, the sum
// of squares around the group's mean (two passes, as a sum of squares in float32 loses the
// variance when the mean is large), then y = x·scale + shift per channel with SiLU. Threads keep
// the same 8 channels for all the pixels they visit, so per-channel sums stay in registers and
// only the block's totals meet in shared memory and one atomic add per group.
#include "nn/cuda/group_norm_nhwc.h"

#include <cuda_bf16.h>
#include <cuda_fp16.h>
#include <cuda_runtime.h>

#include <algorithm>

namespace panocast::cuda {
namespace {

__device__ inline float toFloat(__half v) { return __half2float(v); }
__device__ inline float toFloat(__nv_bfloat16 v) { return __bfloat162float(v); }
template <typename T> __device__ inline T fromFloat(float v);
template <> __device__ inline __half fromFloat<__half>(float v) { return __float2half_rn(v); }
template <> __device__ inline __nv_bfloat16 fromFloat<__nv_bfloat16>(float v) { return __float2bfloat16_rn(v); }

struct Layout {
  int vectors;  // 8-channel vectors per pixel
  int lane;     // this thread's vector
  int row;      // this thread's first pixel in the block's stride
  int rows;     // pixels the block visits at once
};

__device__ inline Layout layoutOf(int c) {
  Layout l;
  l.vectors = c / 8;
  l.lane = threadIdx.x % l.vectors;
  l.row = threadIdx.x / l.vectors;
  l.rows = blockDim.x / l.vectors;
  return l;
}

// Pass 1 (kCentred false): out[n, g] += Σ (x + bias). Pass 2 (kCentred true): out[n, g] +=
// Σ (x + bias − mean[n, g])², the mean read from `sums`.
template <typename T, bool kCentred>
__global__ void groupSums(const T* __restrict__ x, const float* __restrict__ bias, const float* __restrict__ sums,
                          float* __restrict__ out, int hw, int c, int groups, int pixelsPerBlock) {
  extern __shared__ float partial[];  // [rows][c]
  const int n = blockIdx.y;
  const Layout l = layoutOf(c);
  const int c0 = l.lane * 8, perGroup = c / groups;
  const float count = float(hw) * perGroup;
  float shift[8], acc[8];
#pragma unroll
  for (int k = 0; k < 8; ++k) {
    shift[k] = bias ? bias[n * c + c0 + k] : 0.f;
    if (kCentred) shift[k] -= sums[n * groups + (c0 + k) / perGroup] / count;
    acc[k] = 0.f;
  }
  if (l.row < l.rows) {
    const int begin = blockIdx.x * pixelsPerBlock, end = min(hw, begin + pixelsPerBlock);
    const T* base = x + size_t(n) * hw * c + c0;
    for (int p = begin + l.row; p < end; p += l.rows) {
      const uint4 raw = *reinterpret_cast<const uint4*>(base + size_t(p) * c);
      const T* v = reinterpret_cast<const T*>(&raw);
#pragma unroll
      for (int k = 0; k < 8; ++k) {
        const float f = toFloat(v[k]) + shift[k];
        acc[k] += kCentred ? f * f : f;
      }
    }
#pragma unroll
    for (int k = 0; k < 8; ++k) partial[l.row * c + c0 + k] = acc[k];
  }
  __syncthreads();
  for (int g = threadIdx.x; g < groups; g += blockDim.x) {
    float s = 0.f;
    for (int r = 0; r < l.rows; ++r)
      for (int ch = g * perGroup; ch < (g + 1) * perGroup; ++ch) s += partial[r * c + ch];
    atomicAdd(out + n * groups + g, s);
  }
}

template <typename T, bool kSilu>
__global__ void normalise(const T* __restrict__ x, T* __restrict__ y, const float* __restrict__ sums,
                          const float* __restrict__ squares, const float* __restrict__ gamma,
                          const float* __restrict__ beta, const float* __restrict__ bias, int hw, int c, int groups,
                          float eps, int pixelsPerBlock) {
  const int n = blockIdx.y;
  const Layout l = layoutOf(c);
  if (l.row >= l.rows) return;
  const int c0 = l.lane * 8, perGroup = c / groups;
  const float count = float(hw) * perGroup;
  float scale[8], shift[8];
#pragma unroll
  for (int k = 0; k < 8; ++k) {
    const int g = n * groups + (c0 + k) / perGroup;
    const float mean = sums[g] / count;
    const float rstd = rsqrtf(squares[g] / count + eps);
    scale[k] = rstd * gamma[c0 + k];
    shift[k] = beta[c0 + k] + ((bias ? bias[n * c + c0 + k] : 0.f) - mean) * scale[k];
  }
  const int begin = blockIdx.x * pixelsPerBlock, end = min(hw, begin + pixelsPerBlock);
  const size_t offset = size_t(n) * hw * c + c0;
  for (int p = begin + l.row; p < end; p += l.rows) {
    const uint4 raw = *reinterpret_cast<const uint4*>(x + offset + size_t(p) * c);
    const T* v = reinterpret_cast<const T*>(&raw);
    uint4 packed;
    T* o = reinterpret_cast<T*>(&packed);
#pragma unroll
    for (int k = 0; k < 8; ++k) {
      float f = toFloat(v[k]) * scale[k] + shift[k];
      if (kSilu) f = f / (1.f + __expf(-f));
      o[k] = fromFloat<T>(f);
    }
    *reinterpret_cast<uint4*>(y + offset + size_t(p) * c) = packed;
  }
}

template <typename T>
int launch(const GroupNormNhwcArgs& a) {
  const auto stream = static_cast<cudaStream_t>(a.stream);
  const int vectors = a.c / 8;
  const int threads = vectors >= 256 ? vectors : vectors * (256 / vectors);
  const int rows = threads / vectors;
  // About four blocks per multiprocessor over the whole batch, each at least one row stride.
  const int wanted = std::max(1, (4 * a.multiprocessors + a.n - 1) / a.n);
  const int chunks = std::max(1, std::min(wanted, (a.hw + rows - 1) / rows));
  const int pixelsPerBlock = (a.hw + chunks - 1) / chunks;
  const dim3 grid(chunks, a.n);
  const size_t shared = size_t(rows) * a.c * sizeof(float);
  float* sums = a.workspace;
  float* squares = a.workspace + a.n * a.groups;
  const T* x = static_cast<const T*>(a.x);
  cudaMemsetAsync(a.workspace, 0, sizeof(float) * 2 * a.n * a.groups, stream);
  groupSums<T, false><<<grid, threads, shared, stream>>>(x, a.bias, nullptr, sums, a.hw, a.c, a.groups, pixelsPerBlock);
  groupSums<T, true><<<grid, threads, shared, stream>>>(x, a.bias, sums, squares, a.hw, a.c, a.groups, pixelsPerBlock);
  if (a.silu)
    normalise<T, true><<<grid, threads, 0, stream>>>(x, static_cast<T*>(a.y), sums, squares, a.gamma, a.beta, a.bias,
                                                     a.hw, a.c, a.groups, a.eps, pixelsPerBlock);
  else
    normalise<T, false><<<grid, threads, 0, stream>>>(x, static_cast<T*>(a.y), sums, squares, a.gamma, a.beta, a.bias,
                                                      a.hw, a.c, a.groups, a.eps, pixelsPerBlock);
  return static_cast<int>(cudaGetLastError());
}

}  // namespace

int groupNormNhwc(const GroupNormNhwcArgs& args) {
  if (args.c % 8 != 0 || args.groups <= 0 || args.c % args.groups != 0 || args.n <= 0 || args.hw <= 0 ||
      args.c / 8 > 1024)
    return static_cast<int>(cudaErrorInvalidValue);
  return args.type == HalfType::Float16 ? launch<__half>(args) : launch<__nv_bfloat16>(args);
}

}  // namespace panocast::cuda
