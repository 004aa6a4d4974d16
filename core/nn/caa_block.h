#pragma once
// MVDiffusion's correspondence-aware attention block (CPAttn, caa.md §1): every feature cell of
// a view attends to 18 tokens, 3×3 bilinear samples around its corresponding point in each ring
// neighbour, each carrying a sinusoidal encoding of where it lands in the query view. Module
// names mirror the checkpoint keys (transformer.*, pe.freq_bands).
#include <torch/nn/module.h>
#include <torch/nn/modules/linear.h>
#include <torch/nn/modules/normalization.h>


namespace panocast {

struct CaaLevel;

class CaaBlockImpl : public torch::nn::Module {
 public:
  explicit CaaBlockImpl(int width);

  // x: [B·M, d, h, w] with the M views of each batch item consecutive; `level` must be the rig's
  // level for h. Returns the updated features, same shape.
  at::Tensor forward(const at::Tensor& x, const CaaLevel& level);

  int width() const { return width_; }
  // Moves and casts like any module, except the frequency bands, which stay float32: the highest
  // reach 2^79 (width 320) or 1.7e9, far past fp16's 65504, and the encoding is defined in fp32.
  void to(torch::Device device, torch::Dtype dtype, bool nonBlocking = false) override;
  void to(torch::Dtype dtype, bool nonBlocking = false) override;
  using torch::nn::Module::to;
  // What a block needs of a rig level, on the features' device: the masked encodings [M, h, w,
  // 18, d] in the features' dtype and the float32 sampling grid [M, 2, h, w·9, 2] with masked
  // samples outside the image.
  struct LevelTensors {
    at::Tensor encoding, grid;
  };
  // The encoding of displacements [..., 2] → [..., d], computed in float32 whatever x is.
  at::Tensor encode(const at::Tensor& displacement) const;
  // Drops all cached encodings (they are also evicted as new runs' levels come in).
  static void clearCache();

 private:
  // keys: [N, 18, d]; on the fused (CUDA kernel) route already layer-normalised.
  at::Tensor attend(const at::Tensor& queries, const at::Tensor& keys, bool fused);
  at::Tensor attendEighteen(const at::Tensor& queries, const at::Tensor& keyValues);
  // The CUDA route: neighbours' samples + encodings, layer-normalised, in one kernel.
  bool fusedCaaApplies(const at::Tensor& x) const;
  at::Tensor gatherNormalisedKeys(const at::Tensor& features, const at::Tensor& neighbours, const at::Tensor& grid,
                                  const at::Tensor& encoding, int64_t first, int64_t count, int64_t views);
  LevelTensors levelTensors(const CaaLevel& level, const at::TensorOptions& options);

  int width_;
  int heads_;
  torch::nn::LayerNorm norm1_{nullptr}, norm2_{nullptr};
  torch::nn::Linear toQ_{nullptr}, toK_{nullptr}, toV_{nullptr}, toOut_{nullptr};
  torch::nn::Linear ffIn_{nullptr}, ffOut_{nullptr};
  at::Tensor freqBands_;  // buffer [1, 1, d/4]
};
TORCH_MODULE(CaaBlock);

// The frequencies MVDiffusion computes for width d (base 2 up to N = 80, else 5000^(1/(N/2.5)));
// checkpoints carry them, and loading prefers the stored values.
at::Tensor caaFrequencies(int width);

}  // namespace panocast
