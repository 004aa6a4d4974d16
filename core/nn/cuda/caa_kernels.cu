// Gather: one warp per (query cell, sample): each lane holds 2·kPairs channels of the sample in float
// registers, the warp reads the four bilinear taps and the encoding as 128-byte rows, reduces
// mean and variance with shuffles (two passes over the registers) and writes the normalised row.
#include "nn/cuda/caa_kernels.h"

#include <cuda_bf16.h>
#include <cuda_fp16.h>
#include <cuda_runtime.h>

namespace panocast::cuda {
namespace {

__device__ inline float2 load2(const __half* p) { return __half22float2(*reinterpret_cast<const __half2*>(p)); }
__device__ inline float2 load2(const __nv_bfloat16* p) {
  return __bfloat1622float2(*reinterpret_cast<const __nv_bfloat162*>(p));
}
__device__ inline void store2(__half* p, float a, float b) { *reinterpret_cast<__half2*>(p) = __floats2half2_rn(a, b); }
__device__ inline void store2(__nv_bfloat16* p, float a, float b) {
  *reinterpret_cast<__nv_bfloat162*>(p) = __floats2bfloat162_rn(a, b);
}

__device__ inline float toFloat(__half v) { return __half2float(v); }
__device__ inline float toFloat(__nv_bfloat16 v) { return __bfloat162float(v); }
template <typename T> __device__ inline T fromFloat(float v);
template <> __device__ inline __half fromFloat<__half>(float v) { return __float2half_rn(v); }
template <> __device__ inline __nv_bfloat16 fromFloat<__nv_bfloat16>(float v) { return __float2bfloat16_rn(v); }

__device__ inline float warpSum(float v) {
#pragma unroll
  for (int offset = 16; offset > 0; offset >>= 1) v += __shfl_xor_sync(0xffffffffu, v, offset);
  return v;
}

template <typename T, int kPairs>
__global__ void gatherNormalize(const T* __restrict__ features, const int64_t* __restrict__ neighbours,
                                const float* __restrict__ grid, const T* __restrict__ encoding,
                                const float* __restrict__ gamma, const float* __restrict__ beta, T* __restrict__ out,
                                int firstItem, int count, int views, int h, int w, float eps) {
  constexpr int d = 64 * kPairs;
  const int64_t row = (int64_t(blockIdx.x) * blockDim.x + threadIdx.x) / 32;
  const int lane = threadIdx.x % 32;
  if (row >= int64_t(count) * h * w * 18) return;
  const int s = int(row % 18);
  int64_t t = row / 18;
  const int xq = int(t % w);
  t /= w;
  const int yq = int(t % h);
  const int item = firstItem + int(t / h);
  const int view = item % views, side = s / 9, k = s % 9;
  const int64_t source = neighbours[2 * item + side];

  const float* g = grid + ((((int64_t(view) * 2 + side) * h + yq) * (int64_t(w) * 9) + int64_t(xq) * 9 + k) * 2);
  // grid_sample's align_corners unnormalisation, in float as PyTorch does for 16-bit inputs.
  const float px = (g[0] + 1.f) * 0.5f * float(w - 1), py = (g[1] + 1.f) * 0.5f * float(h - 1);
  const float x0f = floorf(px), y0f = floorf(py);
  const float fx = px - x0f, fy = py - y0f;
  const int x0 = int(x0f), y0 = int(y0f);

  float v[2 * kPairs];
  const T* e = encoding + (((int64_t(view) * h + yq) * w + xq) * 18 + s) * d;
#pragma unroll
  for (int p = 0; p < kPairs; ++p) {
    const float2 a = load2(e + (p * 32 + lane) * 2);
    v[2 * p] = a.x;
    v[2 * p + 1] = a.y;
  }
#pragma unroll
  for (int tap = 0; tap < 4; ++tap) {
    const int tx = x0 + (tap & 1), ty = y0 + (tap >> 1);
    if (tx < 0 || ty < 0 || tx >= w || ty >= h) continue;  // zero padding
    const float weight = ((tap & 1) ? fx : 1.f - fx) * ((tap >> 1) ? fy : 1.f - fy);
    const T* f = features + ((source * h + ty) * w + tx) * int64_t(d);
#pragma unroll
    for (int p = 0; p < kPairs; ++p) {
      const float2 a = load2(f + (p * 32 + lane) * 2);
      v[2 * p] += weight * a.x;
      v[2 * p + 1] += weight * a.y;
    }
  }
  float sum = 0.f;
#pragma unroll
  for (int i = 0; i < 2 * kPairs; ++i) sum += v[i];
  const float mean = warpSum(sum) / d;
  float squares = 0.f;
#pragma unroll
  for (int i = 0; i < 2 * kPairs; ++i) squares += (v[i] - mean) * (v[i] - mean);
  const float rstd = rsqrtf(warpSum(squares) / d + eps);
  T* o = out + row * d;
#pragma unroll
  for (int p = 0; p < kPairs; ++p) {
    const int c = (p * 32 + lane) * 2;
    store2(o + c, (v[2 * p] - mean) * rstd * gamma[c] + beta[c], (v[2 * p + 1] - mean) * rstd * gamma[c + 1] + beta[c + 1]);
  }
}

template <typename T, int kPairs>
int launch(const CaaGatherArgs& a) {
  const int64_t rows = int64_t(a.count) * a.h * a.w * 18;
  const int threads = 256;
  const int64_t blocks = (rows * 32 + threads - 1) / threads;
  gatherNormalize<T, kPairs><<<unsigned(blocks), threads, 0, static_cast<cudaStream_t>(a.stream)>>>(
      static_cast<const T*>(a.features), a.neighbours, a.grid, static_cast<const T*>(a.encoding), a.gamma, a.beta,
      static_cast<T*>(a.out), a.firstItem, a.count, a.views, a.h, a.w, a.eps);
  return static_cast<int>(cudaGetLastError());
}

template <typename T>
int launchWidth(const CaaGatherArgs& a) {
  switch (a.d) {
    case 320: return launch<T, 5>(a);
    case 640: return launch<T, 10>(a);
    case 1280: return launch<T, 20>(a);
    default: return static_cast<int>(cudaErrorInvalidValue);
  }
}

// Attend: one warp per (token, head). Lanes 0–17 each take one key's 32-wide dot product with the
// query (64-byte rows), the warp forms the softmax with shuffles, then lane j sums the 18 values'
// channel j (each value row read as one 64-byte line across the warp).
template <typename T>
__global__ void attend18(const T* __restrict__ queries, const T* __restrict__ keyValues, T* __restrict__ out,
                         int64_t n, int d, float scale) {
  const int64_t warp = (int64_t(blockIdx.x) * blockDim.x + threadIdx.x) / 32;
  const int lane = threadIdx.x % 32;
  const int heads = d / 32;
  if (warp >= n * heads) return;
  const int64_t token = warp / heads;
  const int head = int(warp % heads);
  const T* q = queries + token * d + head * 32;
  const T* kv = keyValues + token * 18 * int64_t(2 * d);
  float logit = -INFINITY;
  if (lane < 18) {
    const T* k = kv + int64_t(lane) * 2 * d + head * 32;
    float dot = 0.f;
#pragma unroll
    for (int j = 0; j < 32; j += 2) {
      const float2 a = load2(q + j), b = load2(k + j);
      dot += a.x * b.x + a.y * b.y;
    }
    logit = dot * scale;
  }
  float peak = logit;
#pragma unroll
  for (int offset = 16; offset > 0; offset >>= 1) peak = fmaxf(peak, __shfl_xor_sync(0xffffffffu, peak, offset));
  const float p = lane < 18 ? __expf(logit - peak) : 0.f;
  const float total = warpSum(p);
  float acc = 0.f;
#pragma unroll
  for (int s = 0; s < 18; ++s) {
    const float ps = __shfl_sync(0xffffffffu, p, s);
    acc += ps * toFloat(kv[int64_t(s) * 2 * d + d + head * 32 + lane]);
  }
  out[token * d + head * 32 + lane] = fromFloat<T>(acc / total);
}

template <typename T>
int launchAttend(const CaaAttendArgs& a) {
  const int64_t warps = a.n * (a.d / 32);
  const int threads = 256;
  const int64_t blocks = (warps * 32 + threads - 1) / threads;
  attend18<T><<<unsigned(blocks), threads, 0, static_cast<cudaStream_t>(a.stream)>>>(
      static_cast<const T*>(a.queries), static_cast<const T*>(a.keyValues), static_cast<T*>(a.out), a.n, a.d, a.scale);
  return static_cast<int>(cudaGetLastError());
}

}  // namespace

int caaAttend18(const CaaAttendArgs& args) {
  if (args.n <= 0 || args.d <= 0 || args.d % 32 != 0) return static_cast<int>(cudaErrorInvalidValue);
  return args.type == HalfType::Float16 ? launchAttend<__half>(args) : launchAttend<__nv_bfloat16>(args);
}

bool caaGatherSupportsWidth(int d) { return d == 320 || d == 640 || d == 1280; }

int caaGatherNormalize(const CaaGatherArgs& args) {
  if (args.count <= 0 || args.views <= 0 || args.h < 2 || args.w < 2) return static_cast<int>(cudaErrorInvalidValue);
  return args.type == HalfType::Float16 ? launchWidth<__half>(args) : launchWidth<__nv_bfloat16>(args);
}

}  // namespace panocast::cuda
