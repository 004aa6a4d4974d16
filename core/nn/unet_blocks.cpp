#include "nn/unet_blocks.h"

#include <torch/torch.h>

#include <cmath>

#include "nn/attention.h"
#include "nn/group_norm.h"

namespace panocast::unet {

torch::nn::Conv2d conv(int in, int out, int kernel, int stride, int padding) {
  return torch::nn::Conv2d(
      torch::nn::Conv2dOptions(in, out, kernel).stride(stride).padding(padding < 0 ? kernel / 2 : padding));
}

torch::nn::Linear linear(int in, int out, bool bias) { return torch::nn::Linear(torch::nn::LinearOptions(in, out).bias(bias)); }

torch::nn::GroupNorm groupNorm(int groups, int channels, double eps) {
  return torch::nn::GroupNorm(torch::nn::GroupNormOptions(groups, channels).eps(eps));
}

at::Tensor gegluFeedForward(const at::Tensor& x, const torch::nn::Linear& proj, const torch::nn::Linear& out) {
  const int64_t inner = proj->weight.size(0) / 2;
  auto value = torch::linear(x, proj->weight.narrow(0, 0, inner), proj->bias.narrow(0, 0, inner));
  const auto gate = torch::linear(x, proj->weight.narrow(0, inner, inner), proj->bias.narrow(0, inner, inner));
  return torch::linear(value.mul_(torch::gelu(gate)), out->weight, out->bias);
}

Attention::Attention(int queryDim, int contextDim, int heads, bool upcast) : heads(heads), upcast(upcast) {
  toQ = register_module("to_q", linear(queryDim, queryDim, false));
  toK = register_module("to_k", linear(contextDim, queryDim, false));
  toV = register_module("to_v", linear(contextDim, queryDim, false));
  auto out = register_module("to_out", torch::nn::ModuleList());
  toOut = linear(queryDim, queryDim);
  out->push_back(toOut);  // to_out.1 is Dropout(0): nothing to hold
}

at::Tensor Attention::forward(const at::Tensor& x, const at::Tensor& context) {
  const int64_t b = x.size(0), dim = toQ->options.out_features(), d = dim / heads;
  auto split = [&](const at::Tensor& t) { return t.view({b, t.size(1), heads, d}).transpose(1, 2); };
  AttentionOptions options;
  options.upcast = upcast;
  auto y = scaledDotProductAttention(split(toQ(x)), split(toK(context)), split(toV(context)), options);
  return toOut(y.transpose(1, 2).reshape({b, x.size(1), dim}));
}

BasicTransformerBlock::BasicTransformerBlock(int dim, int heads, int contextDim, bool upcast) {
  auto layerNorm = [&] { return torch::nn::LayerNorm(torch::nn::LayerNormOptions({dim}).eps(1e-5)); };
  norm1 = register_module("norm1", layerNorm());
  attn1 = register_module("attn1", std::make_shared<Attention>(dim, dim, heads, upcast));
  norm2 = register_module("norm2", layerNorm());
  attn2 = register_module("attn2", std::make_shared<Attention>(dim, contextDim, heads, upcast));
  norm3 = register_module("norm3", layerNorm());
  auto ff = register_module("ff", std::make_shared<torch::nn::Module>());
  auto net = ff->register_module("net", torch::nn::ModuleList());
  auto gate = std::make_shared<torch::nn::Module>();
  geglu = gate->register_module("proj", linear(dim, 8 * dim));
  net->push_back(gate);                           // net.0 = GEGLU (its projection is net.0.proj)
  net->push_back(torch::nn::Dropout(0.0));        // net.1
  ffOut = linear(4 * dim, dim);
  net->push_back(ffOut);                          // net.2
}

at::Tensor BasicTransformerBlock::forward(at::Tensor x, const at::Tensor& text, const SelfAttentionContext& selfContext) {
  auto normed = norm1(x);
  x = attn1->forward(normed, selfContext ? selfContext(normed) : normed) + x;
  x = attn2->forward(norm2(x), text) + x;
  return gegluFeedForward(norm3(x), geglu, ffOut) + x;
}

Transformer2D::Transformer2D(int channels, int heads, int contextDim, int depth, int groups, bool linearProjection,
                             bool upcast)
    : linearProjection(linearProjection) {
  norm = register_module("norm", groupNorm(groups, channels, 1e-6));
  if (linearProjection) {
    projIn = torch::nn::AnyModule(register_module("proj_in", linear(channels, channels)));
    projOut = torch::nn::AnyModule(register_module("proj_out", linear(channels, channels)));
  } else {
    projIn = torch::nn::AnyModule(register_module("proj_in", conv(channels, channels, 1)));
    projOut = torch::nn::AnyModule(register_module("proj_out", conv(channels, channels, 1)));
  }
  blocks = register_module("transformer_blocks", torch::nn::ModuleList());
  for (int i = 0; i < depth; ++i) blocks->push_back(std::make_shared<BasicTransformerBlock>(channels, heads, contextDim, upcast));
}

at::Tensor Transformer2D::forward(const at::Tensor& x, const at::Tensor& text, const SelfAttentionContext& selfContext) {
  const int64_t b = x.size(0), c = x.size(1), h = x.size(2), w = x.size(3);
  auto toTokens = [&](const at::Tensor& t) { return t.permute({0, 2, 3, 1}).reshape({b, h * w, c}); };
  // Back to the input's memory layout: NCHW stays NCHW (LibTorch 1.13's CPU GroupNorm mishandles
  // the permuted strides), channels-last stays channels-last (free on the GPU path).
  const auto layout = x.suggest_memory_format();
  auto toImage = [&](const at::Tensor& t) { return t.reshape({b, h, w, c}).permute({0, 3, 1, 2}).contiguous(layout); };
  auto hidden = groupNormActivation(norm, x, {}, false);
  hidden = linearProjection ? projIn.forward(toTokens(hidden)) : toTokens(projIn.forward(hidden));
  for (auto& block : *blocks) hidden = block->as<BasicTransformerBlock>()->forward(hidden, text, selfContext);
  hidden = linearProjection ? toImage(projOut.forward(hidden)) : projOut.forward(toImage(hidden));
  return hidden + x;
}

ResnetBlock::ResnetBlock(int in, int out, int timeDim, int groups, double eps) {
  norm1 = register_module("norm1", groupNorm(groups, in, eps));
  conv1 = register_module("conv1", conv(in, out, 3));
  timeProjection = register_module("time_emb_proj", linear(timeDim, out));
  norm2 = register_module("norm2", groupNorm(groups, out, eps));
  conv2 = register_module("conv2", conv(out, out, 3));
  if (in != out) shortcut = register_module("conv_shortcut", conv(in, out, 1));
}

at::Tensor ResnetBlock::forward(const at::Tensor& x, const at::Tensor& timeEmbedding) {
  if (fusedGroupNormApplies(x, static_cast<int>(norm1->options.num_groups()))) {
    // GPU, channels-last: conv1's bias and the time embedding enter norm2's kernel as one
    // per-channel bias, and both SiLUs are fused into the normalisations.
    auto h = torch::conv2d(groupNormActivation(norm1, x, {}, true), conv1->weight, {}, 1, 1);
    const auto bias = timeProjection(torch::silu(timeEmbedding)) + conv1->bias;
    h = conv2(groupNormActivation(norm2, h, bias, true));
    return (shortcut ? shortcut(x) : x) + h;
  }
  auto h = conv1(torch::silu(norm1(x)));
  h = h + timeProjection(torch::silu(timeEmbedding)).unsqueeze(-1).unsqueeze(-1);
  h = conv2(torch::silu(norm2(h)));
  return (shortcut ? shortcut(x) : x) + h;
}

Downsample::Downsample(int channels) { conv = register_module("conv", unet::conv(channels, channels, 3, 2, 1)); }

at::Tensor Downsample::forward(const at::Tensor& x) { return conv(x); }

Upsample::Upsample(int channels) { conv = register_module("conv", unet::conv(channels, channels, 3)); }

at::Tensor Upsample::forward(const at::Tensor& x, at::IntArrayRef size) {
  namespace F = torch::nn::functional;
  auto up = F::interpolate(x, F::InterpolateFuncOptions().size(std::vector<int64_t>(size.begin(), size.end()))
                                  .mode(torch::kNearest));
  return conv(up);
}

at::Tensor timestepFeatures(const at::Tensor& timesteps, int channels, bool flipSinToCos, double freqShift) {
  const int half = channels / 2;
  auto exponent = -std::log(10000.0) * torch::arange(0, half, torch::dtype(torch::kFloat).device(timesteps.device()));
  exponent = exponent / (half - freqShift);
  auto arguments = timesteps.to(torch::kFloat).unsqueeze(1) * torch::exp(exponent).unsqueeze(0);
  auto sin = torch::sin(arguments), cos = torch::cos(arguments);
  return flipSinToCos ? torch::cat({cos, sin}, -1) : torch::cat({sin, cos}, -1);
}

}  // namespace panocast::unet
