#pragma once
// softmax(q·kᵀ·scale)·v for [batch, heads, tokens, dim] tensors: the one attention kernel every
// model here uses. LibTorch 2.x takes the fused scaled-dot-product path (flash / memory-efficient
// kernels on CUDA); elsewhere the product is computed in query chunks so a 16k-token VAE
// attention never materialises its full score matrix. `upcast` keeps scores and softmax in fp32
// for half-precision inputs (SD 2.x 768-v needs it).
#include <ATen/core/Tensor.h>

namespace panocast {

struct AttentionOptions {
  bool upcast = false;      // compute in fp32 even for fp16/bf16 inputs
  bool causal = false;
  double scale = 0;         // 0: 1/√dim
};

at::Tensor scaledDotProductAttention(const at::Tensor& q, const at::Tensor& k, const at::Tensor& v,
                                     const AttentionOptions& options = {});

// Forces the chunked reference path (tests compare both paths; benchmarks measure them).
void setFusedAttentionEnabled(bool enabled);
bool fusedAttentionEnabled();

}  // namespace panocast
