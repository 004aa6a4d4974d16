#pragma once
// The building blocks of diffusers' UNet2DConditionModel with module names equal to its state-dict
// keys (sd2.md §4.1, §7). Internal to core/nn: the UNet and the multi-view UNets compose them.
#include <torch/nn/module.h>
#include <torch/nn/modules/container/modulelist.h>
#include <torch/nn/modules/conv.h>
#include <torch/nn/modules/linear.h>
#include <torch/nn/modules/normalization.h>

#include <functional>

namespace panocast::unet {

// Keys/values for self-attention given its (normalised) queries' tokens; empty = the tokens
// themselves. Training-free multi-view methods hand in neighbour views' tokens here.
using SelfAttentionContext = std::function<at::Tensor(const at::Tensor& tokens)>;

torch::nn::Conv2d conv(int in, int out, int kernel, int stride = 1, int padding = -1);
torch::nn::Linear linear(int in, int out, bool bias = true);
torch::nn::GroupNorm groupNorm(int groups, int channels, double eps);

// The GEGLU feed-forward a·GELU(g) → `out`, where `proj` yields [a | g]. Computed as two
// half-width products: chunking one wide output leaves strided halves whose GELU and product
// run on the slow non-vectorised path on the GPU.
at::Tensor gegluFeedForward(const at::Tensor& x, const torch::nn::Linear& proj, const torch::nn::Linear& out);

// Multi-head attention with diffusers' names: to_q/to_k/to_v (no bias), to_out.0.
struct Attention : torch::nn::Module {
  Attention(int queryDim, int contextDim, int heads, bool upcast);
  at::Tensor forward(const at::Tensor& x, const at::Tensor& context);
  int heads;
  bool upcast;
  torch::nn::Linear toQ{nullptr}, toK{nullptr}, toV{nullptr}, toOut{nullptr};
};

// LN → self-attention → LN → cross-attention → LN → GEGLU feed-forward, each residual.
struct BasicTransformerBlock : torch::nn::Module {
  BasicTransformerBlock(int dim, int heads, int contextDim, bool upcast);
  at::Tensor forward(at::Tensor x, const at::Tensor& text, const SelfAttentionContext& selfContext);
  torch::nn::LayerNorm norm1{nullptr}, norm2{nullptr}, norm3{nullptr};
  std::shared_ptr<Attention> attn1, attn2;
  torch::nn::Linear geglu{nullptr}, ffOut{nullptr};
};

// GroupNorm → proj_in (linear or 1×1 conv) → transformer blocks → proj_out, plus the input.
struct Transformer2D : torch::nn::Module {
  Transformer2D(int channels, int heads, int contextDim, int depth, int groups, bool linearProjection, bool upcast);
  at::Tensor forward(const at::Tensor& x, const at::Tensor& text, const SelfAttentionContext& selfContext = {});
  bool linearProjection;
  torch::nn::GroupNorm norm{nullptr};
  torch::nn::AnyModule projIn, projOut;
  torch::nn::ModuleList blocks;
};

// GN → SiLU → conv → + time embedding → GN → SiLU → conv, plus the (1×1-projected) input.
struct ResnetBlock : torch::nn::Module {
  ResnetBlock(int in, int out, int timeDim, int groups, double eps);
  at::Tensor forward(const at::Tensor& x, const at::Tensor& timeEmbedding);
  torch::nn::GroupNorm norm1{nullptr}, norm2{nullptr};
  torch::nn::Conv2d conv1{nullptr}, conv2{nullptr}, shortcut{nullptr};
  torch::nn::Linear timeProjection{nullptr};
};

// 3×3 stride-2 convolution with symmetric padding 1.
struct Downsample : torch::nn::Module {
  explicit Downsample(int channels);
  at::Tensor forward(const at::Tensor& x);
  torch::nn::Conv2d conv{nullptr};
};

// Nearest-neighbour upsampling (to `size`, which handles odd skip sizes) and a 3×3 conv.
struct Upsample : torch::nn::Module {
  explicit Upsample(int channels);
  at::Tensor forward(const at::Tensor& x, at::IntArrayRef size);
  torch::nn::Conv2d conv{nullptr};
};

// The sinusoidal timestep features (cos first when flipped), computed in float32 like diffusers.
at::Tensor timestepFeatures(const at::Tensor& timesteps, int channels, bool flipSinToCos, double freqShift);

}  // namespace panocast::unet
