#include "nn/caa_block.h"

#include <torch/torch.h>

#include <cmath>
#include <mutex>
#include <tuple>

#include "multiview/caa_geometry.h"
#include "nn/fused_kernels.h"
#include "nn/attention.h"
#include "nn/unet_blocks.h"
#include "runtime/error.h"
#if PANOCAST_WITH_CUDA_KERNELS
#include <c10/cuda/CUDAStream.h>

#include "nn/cuda/caa_kernels.h"
#endif

namespace panocast {
namespace {

constexpr int kHeadDim = 32;
// Query tokens per attention chunk: bounds the 18-token key/value tensors at 64² latents. Chunks
// hold whole rings of views (so the per-view tensors broadcast over them), at least one ring.
constexpr int64_t kChunkTokens = 32768;
// Where masked samples are sent: far enough outside [-1, 1] that all four bilinear taps miss.
constexpr double kOutside = -4.0;

// Encodings are shared by blocks of equal width and frequencies (encoder 0 and decoder 3 both
// work at the finest level), so the cache lives here, not in each block. A run touches a handful
// of levels; older runs' entries are evicted first (ids only grow).
struct EncodingKey {
  uint64_t level;
  int width;
  double frequencyChecksum;
  c10::ScalarType dtype;
  c10::Device device;
  bool operator<(const EncodingKey& o) const {
    return std::make_tuple(level, width, frequencyChecksum, dtype, device.type(), device.index()) <
           std::make_tuple(o.level, o.width, o.frequencyChecksum, o.dtype, o.device.type(), o.device.index());
  }
};
std::mutex encodingMutex;
std::map<EncodingKey, CaaBlockImpl::LevelTensors> encodingCache;

}  // namespace

at::Tensor caaFrequencies(int width) {
  const int n = width / 4;
  const double base = n <= 80 ? 2.0 : std::pow(5000.0, 1.0 / (n / 2.5));
  const auto baseF = torch::full({}, static_cast<float>(base));
  return torch::pow(baseF, torch::arange(n, torch::kFloat32)).view({1, 1, n});
}

CaaBlockImpl::CaaBlockImpl(int width) : width_(width), heads_(width / kHeadDim) {
  if (width % kHeadDim != 0 || width % 4 != 0) throw Error("CAA width must be a multiple of 32");
  auto transformer = register_module("transformer", std::make_shared<torch::nn::Module>());
  auto layerNorm = [&] { return torch::nn::LayerNorm(torch::nn::LayerNormOptions({width}).eps(1e-5)); };
  norm1_ = transformer->register_module("norm1", layerNorm());
  norm2_ = transformer->register_module("norm2", layerNorm());
  auto attention = transformer->register_module("attn1", std::make_shared<torch::nn::Module>());
  auto linear = [](int in, int out, bool bias) { return torch::nn::Linear(torch::nn::LinearOptions(in, out).bias(bias)); };
  toQ_ = attention->register_module("to_q", linear(width, width, false));
  toK_ = attention->register_module("to_k", linear(width, width, false));
  toV_ = attention->register_module("to_v", linear(width, width, false));
  toOut_ = attention->register_module("to_out", linear(width, width, true));
  auto ff = transformer->register_module("ff", std::make_shared<torch::nn::Module>());
  auto net = ff->register_module("net", torch::nn::ModuleList());
  auto gate = std::make_shared<torch::nn::Module>();
  ffIn_ = gate->register_module("proj", linear(width, 8 * width, true));
  net->push_back(gate);
  net->push_back(torch::nn::Dropout(0.0));
  ffOut_ = linear(4 * width, width, true);
  net->push_back(ffOut_);
  auto pe = register_module("pe", std::make_shared<torch::nn::Module>());
  freqBands_ = pe->register_buffer("freq_bands", caaFrequencies(width));
}

void CaaBlockImpl::to(torch::Device device, torch::Dtype dtype, bool nonBlocking) {
  // A copy taken before the cast can overflow them (to() would return the buffer itself).
  const auto frequencies = freqBands_.to(torch::kFloat32).clone();
  torch::nn::Module::to(device, dtype, nonBlocking);
  freqBands_.set_data(frequencies.to(device));
}

void CaaBlockImpl::to(torch::Dtype dtype, bool nonBlocking) {
  const auto frequencies = freqBands_.to(torch::kFloat32).clone();
  torch::nn::Module::to(dtype, nonBlocking);
  freqBands_.set_data(frequencies.to(freqBands_.device()));
}

at::Tensor CaaBlockImpl::encode(const at::Tensor& displacement) const {
  const auto frequencies = freqBands_.to(displacement.device(), torch::kFloat32).view({-1});
  const auto d = displacement.to(torch::kFloat32);
  const auto x = d.select(-1, 0).unsqueeze(-1) * frequencies;
  const auto y = d.select(-1, 1).unsqueeze(-1) * frequencies;
  return torch::cat({torch::sin(x), torch::sin(y), torch::cos(x), torch::cos(y)}, -1);
}

void CaaBlockImpl::clearCache() {
  std::lock_guard<std::mutex> lock(encodingMutex);
  encodingCache.clear();
}

CaaBlockImpl::LevelTensors CaaBlockImpl::levelTensors(const CaaLevel& level, const at::TensorOptions& options) {
  const auto frequencies = freqBands_.to(torch::kCPU, torch::kFloat64).view({-1});
  const double checksum = (frequencies * torch::arange(1, frequencies.numel() + 1, torch::kFloat64)).sum().item<double>();
  const EncodingKey key{level.id, width_, checksum, options.dtype().toScalarType(), options.device()};
  std::lock_guard<std::mutex> lock(encodingMutex);
  if (const auto it = encodingCache.find(key); it != encodingCache.end()) return it->second;
  const int64_t views = level.grid.size(0), h = level.size, w = level.size;
  // [M, 18, h, w, d] → [M, h, w, 18, d]; masked tokens become zero vectors (kept in the softmax).
  const auto displacement = level.displacement.to(options.device());
  const auto mask = level.mask.to(options.device());
  LevelTensors tensors;
  // Selected, not multiplied: displacements of samples far outside the neighbour (near 90° off
  // its axis) overflow the highest frequencies, and inf·0 would be NaN.
  tensors.encoding = torch::where(mask.unsqueeze(-1) > 0, encode(displacement), torch::zeros({}, displacement.options()))
                         .permute({0, 2, 3, 1, 4})
                         .contiguous()
                         .to(options.dtype());
  // The mask is applied by sampling masked points outside the image (grid_sample's zero padding
  // gives exact zeros), which saves a pass over the 18-token tensor.
  if (!((mask == 0) | (mask == 1)).all().item<bool>()) throw Error("CAA block: correspondence masks must be 0 or 1");
  // (With align_corners, a 1-cell map samples its only cell wherever the grid points.)
  if (h < 2 || w < 2) throw Error("CAA block: feature maps of 1×1 cells have no neighbourhoods; use larger views");
  const auto sampleMask = mask.view({views, 2, 9, h, w}).permute({0, 1, 3, 4, 2}).reshape({views, 2, h, w * 9, 1});
  const auto grid = level.grid.to(options.device());
  tensors.grid = torch::where(sampleMask > 0, grid, torch::full({}, kOutside, grid.options())).to(torch::kFloat32);
  while (encodingCache.size() >= 12) {
    auto oldest = encodingCache.begin();
    for (auto it = encodingCache.begin(); it != encodingCache.end(); ++it)
      if (it->first.level < oldest->first.level) oldest = it;
    encodingCache.erase(oldest);
  }
  encodingCache.emplace(key, tensors);
  return tensors;
}

at::Tensor CaaBlockImpl::attend(const at::Tensor& queries, const at::Tensor& keys, bool fused) {
  // queries [N, 1, d], keys [N, 18, d] (layer-normalised already on the fused route) → [N, 1, d].
  // Keys and values come from one product with the stacked weights: the 18-token tensor is read once.
  const int64_t n = queries.size(0);
  const auto keyValues = torch::nn::functional::linear(fused ? keys : norm1_(keys),
                                                       torch::cat({toK_->weight, toV_->weight}));
  const auto q = toQ_(norm1_(queries));
  if (fused) return toOut_(attendEighteen(q, keyValues));
  // (Measured on an H200: SDPA beats two small batched products with a float softmax here, 5.4 s
  // vs 6.1 s per panorama; the kernel above beats both.)
  auto split = [&](const at::Tensor& t) { return t.view({n, t.size(1), heads_, kHeadDim}).transpose(1, 2); };
  const auto out = scaledDotProductAttention(split(q), split(keyValues.narrow(-1, 0, width_)),
                                             split(keyValues.narrow(-1, width_, width_)));
  return toOut_(out.transpose(1, 2).reshape({n, 1, width_}));
}

at::Tensor CaaBlockImpl::attendEighteen(const at::Tensor& queries, const at::Tensor& keyValues) {
#if PANOCAST_WITH_CUDA_KERNELS
  const auto q = queries.contiguous(), kv = keyValues.contiguous();
  auto out = at::empty_like(q);
  cuda::CaaAttendArgs a;
  a.queries = q.data_ptr();
  a.keyValues = kv.data_ptr();
  a.out = out.data_ptr();
  a.n = q.size(0);
  a.d = width_;
  a.scale = static_cast<float>(1.0 / std::sqrt(static_cast<double>(kHeadDim)));
  a.type = q.scalar_type() == at::kHalf ? cuda::HalfType::Float16 : cuda::HalfType::BFloat16;
  a.stream = c10::cuda::getCurrentCUDAStream(q.device().index()).stream();
  if (const int status = cuda::caaAttend18(a); status != 0)
    throw Error("CAA attention kernel failed to launch (CUDA error " + std::to_string(status) + ")");
  return out;
#else
  (void)queries, (void)keyValues;
  throw Error("CAA attention kernel: not in this build");
#endif
}

bool CaaBlockImpl::fusedCaaApplies(const at::Tensor& x) const {
#if PANOCAST_WITH_CUDA_KERNELS
  return fusedKernelsEnabled() && x.is_cuda() && (x.scalar_type() == at::kHalf || x.scalar_type() == at::kBFloat16) &&
         cuda::caaGatherSupportsWidth(width_) && norm1_->options.elementwise_affine();
#else
  (void)x;
  return false;
#endif
}

at::Tensor CaaBlockImpl::gatherNormalisedKeys(const at::Tensor& features, const at::Tensor& neighbours,
                                              const at::Tensor& grid, const at::Tensor& encoding, int64_t first,
                                              int64_t count, int64_t views) {
#if PANOCAST_WITH_CUDA_KERNELS
  const int64_t h = features.size(2), w = features.size(3);
  auto out = at::empty({count * h * w, 18, width_}, features.options().memory_format(at::MemoryFormat::Contiguous));
  const auto floats = features.options().dtype(at::kFloat);
  const auto gamma = norm1_->weight.to(floats).contiguous(), beta = norm1_->bias.to(floats).contiguous();
  cuda::CaaGatherArgs a;
  a.features = features.data_ptr();
  a.neighbours = neighbours.data_ptr<int64_t>();
  a.grid = grid.data_ptr<float>();
  a.encoding = encoding.data_ptr();
  a.gamma = gamma.data_ptr<float>();
  a.beta = beta.data_ptr<float>();
  a.out = out.data_ptr();
  a.firstItem = static_cast<int>(first);
  a.count = static_cast<int>(count);
  a.views = static_cast<int>(views);
  a.h = static_cast<int>(h);
  a.w = static_cast<int>(w);
  a.d = width_;
  a.eps = static_cast<float>(norm1_->options.eps());
  a.type = features.scalar_type() == at::kHalf ? cuda::HalfType::Float16 : cuda::HalfType::BFloat16;
  a.stream = c10::cuda::getCurrentCUDAStream(features.device().index()).stream();
  if (const int status = cuda::caaGatherNormalize(a); status != 0)
    throw Error("CAA gather kernel failed to launch (CUDA error " + std::to_string(status) + ")");
  return out;
#else
  (void)features, (void)neighbours, (void)grid, (void)encoding, (void)first, (void)count, (void)views;
  throw Error("CAA gather kernel: not in this build");
#endif
}

at::Tensor CaaBlockImpl::forward(const at::Tensor& x, const CaaLevel& level) {
  const int64_t views = level.grid.size(0);
  if (x.dim() != 4 || x.size(1) != width_ || x.size(2) != level.size || x.size(3) != level.size || x.size(0) % views != 0)
    throw Error("CAA block: features " + c10::str(x.sizes()) + " do not fit width " + std::to_string(width_) +
                " and the rig level " + std::to_string(level.size));
  const int64_t items = x.size(0), d = width_, h = level.size, w = level.size;
  const auto options = x.options();
  const auto tensors = levelTensors(level, options);  // encoding [M, h, w, 18, d] (masked), grid [M, 2, h, w·9, 2]
  const auto queryEncoding = torch::cat({torch::zeros({d / 2}, options), torch::ones({d / 2}, options)});  // PE(0, 0)
  namespace F = torch::nn::functional;
  const auto sampling = F::GridSampleFuncOptions().mode(torch::kBilinear).padding_mode(torch::kZeros).align_corners(true);

  // Items are (batch, view) pairs, rings of M consecutive views; a chunk takes whole rings, so the
  // per-view grid and encoding broadcast over its rings instead of being copied per item.
  const int64_t rings = std::max<int64_t>(1, kChunkTokens / (h * w * views));
  std::vector<int64_t> neighbourItems(2 * items);
  for (int64_t item = 0; item < items; ++item) {
    const int64_t base = item - item % views, v = item % views;
    neighbourItems[2 * item] = base + (v + views - 1) % views;
    neighbourItems[2 * item + 1] = base + (v + 1) % views;
  }
  const auto neighbours = torch::tensor(neighbourItems).to(x.device());
  const bool fused = fusedCaaApplies(x);
  // The kernel reads features channels-last (free when the UNet runs so) and the grid in float32.
  const auto features = fused ? x.contiguous(at::MemoryFormat::ChannelsLast) : at::Tensor();
  const auto grid = fused ? tensors.grid : tensors.grid.to(options.dtype());
  std::vector<at::Tensor> outputs;
  for (int64_t first = 0; first < items; first += rings * views) {
    const int64_t n = std::min(items, first + rings * views) - first, g = n / views;
    at::Tensor keyTokens;  // [n·h·w, 18, d]
    if (fused) {
      keyTokens = gatherNormalisedKeys(features, neighbours, grid, tensors.encoding, first, n, views);
    } else {
      const auto sources = x.index_select(0, neighbours.slice(0, 2 * first, 2 * (first + n)));  // [2n, d, h, w]
      const auto chunkGrid = grid.unsqueeze(0).expand({g, views, 2, h, w * 9, 2}).reshape({2 * n, h, w * 9, 2});
      const auto sampled = F::grid_sample(sources, chunkGrid, sampling);  // [2n, d, h, w·9]
      // One pass from the sampled layout into tokens [g, M, h, w, 18, d] (sample = neighbour·9 + k),
      // adding the encodings on the way.
      const auto samples = sampled.view({g, views, 2, d, h, w, 9}).permute({0, 1, 4, 5, 2, 6, 3});
      keyTokens = at::empty({g, views, h, w, 2, 9, d}, options);
      at::add_out(keyTokens, samples, tensors.encoding.view({1, views, h, w, 2, 9, d}));
      keyTokens = keyTokens.view({-1, 18, d});
    }
    // Tokens are the features in NHWC order: a view when the UNet runs channels-last.
    const auto queries = x.slice(0, first, first + n).permute({0, 2, 3, 1}).reshape({-1, 1, d});
    auto y = queries + attend(queries + queryEncoding, keyTokens, fused);
    y = y + unet::gegluFeedForward(norm2_(y), ffIn_, ffOut_);
    outputs.push_back(y.view({n, h, w, d}).permute({0, 3, 1, 2}));
  }
  // Back in the layout the features came in (CPU GroupNorm in LibTorch 1.13 needs NCHW).
  return (outputs.size() == 1 ? outputs[0] : torch::cat(outputs)).contiguous(x.suggest_memory_format());
}

}  // namespace panocast
