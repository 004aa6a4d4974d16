#include "nn/unet.h"

#include <torch/torch.h>

#include "nn/component_weights.h"
#include "nn/fused_kernels.h"
#include "nn/group_norm.h"
#include "nn/unet_blocks.h"
#include "runtime/error.h"

namespace panocast {

using unet::ResnetBlock;
using unet::Transformer2D;

// down_blocks.i: resnets (+ attentions) and an optional downsampler.
struct UNet2DConditionImpl::DownBlock : torch::nn::Module {
  torch::nn::ModuleList resnets{nullptr}, attentions{nullptr};  // attentions stays null in blocks without
  std::shared_ptr<unet::Downsample> downsampler;
};

// up_blocks.i: resnets that each take one skip (+ attentions) and an optional upsampler.
struct UNet2DConditionImpl::UpBlock : torch::nn::Module {
  torch::nn::ModuleList resnets{nullptr}, attentions{nullptr};  // attentions stays null in blocks without
  std::shared_ptr<unet::Upsample> upsampler;
};

UNet2DConditionImpl::UNet2DConditionImpl(const UNetConfig& c) : config_(c) {
  const auto& widths = c.blockOutChannels;
  const int blocks = c.blockCount(), timeDim = 4 * widths[0], groups = c.normGroups;
  const double eps = c.normEps;
  auto transformer = [&](int channels, int heads) {
    return std::make_shared<Transformer2D>(channels, heads, c.crossAttentionDim, c.transformerLayersPerBlock, groups,
                                           c.useLinearProjection, c.upcastAttention);
  };

  convIn_ = torch::nn::AnyModule(register_module("conv_in", unet::conv(c.inChannels, widths[0], 3)));
  auto timeEmbedding = register_module("time_embedding", std::make_shared<torch::nn::Module>());
  timeLinear1_ = torch::nn::AnyModule(timeEmbedding->register_module("linear_1", unet::linear(widths[0], timeDim)));
  timeLinear2_ = torch::nn::AnyModule(timeEmbedding->register_module("linear_2", unet::linear(timeDim, timeDim)));

  down_ = register_module("down_blocks", torch::nn::ModuleList());
  for (int i = 0; i < blocks; ++i) {
    auto block = std::make_shared<DownBlock>();
    block->resnets = block->register_module("resnets", torch::nn::ModuleList());
    if (c.downBlockHasAttention(i)) block->attentions = block->register_module("attentions", torch::nn::ModuleList());
    for (int j = 0; j < c.layersPerBlock; ++j) {
      const int in = j == 0 ? widths[std::max(0, i - 1)] : widths[i];
      block->resnets->push_back(std::make_shared<ResnetBlock>(in, widths[i], timeDim, groups, eps));
      if (block->attentions) block->attentions->push_back(transformer(widths[i], c.headCounts[i]));
    }
    if (i + 1 < blocks) {
      auto samplers = block->register_module("downsamplers", torch::nn::ModuleList());
      block->downsampler = std::make_shared<unet::Downsample>(widths[i]);
      samplers->push_back(block->downsampler);
    }
    down_->push_back(block);
  }

  auto mid = register_module("mid_block", std::make_shared<torch::nn::Module>());
  auto midResnets = mid->register_module("resnets", torch::nn::ModuleList());
  auto midAttentions = mid->register_module("attentions", torch::nn::ModuleList());
  const int deepest = widths.back();
  midResnet0_ = std::make_shared<ResnetBlock>(deepest, deepest, timeDim, groups, eps);
  midResnet1_ = std::make_shared<ResnetBlock>(deepest, deepest, timeDim, groups, eps);
  midAttention_ = transformer(deepest, c.headCounts.back());
  midResnets->push_back(midResnet0_);
  midResnets->push_back(midResnet1_);
  midAttentions->push_back(midAttention_);

  // Up block i mirrors down block (blocks−1−i); each of its resnets concatenates one skip.
  up_ = register_module("up_blocks", torch::nn::ModuleList());
  for (int i = 0; i < blocks; ++i) {
    const int mirror = blocks - 1 - i;
    const int out = widths[mirror], previous = widths[std::min(blocks - 1, mirror + 1)];
    const int skipOfLast = widths[std::max(0, mirror - 1)];
    auto block = std::make_shared<UpBlock>();
    block->resnets = block->register_module("resnets", torch::nn::ModuleList());
    if (c.upBlockHasAttention(i)) block->attentions = block->register_module("attentions", torch::nn::ModuleList());
    for (int j = 0; j <= c.layersPerBlock; ++j) {
      const int skip = j == c.layersPerBlock ? skipOfLast : out;
      const int in = (j == 0 ? previous : out) + skip;
      block->resnets->push_back(std::make_shared<ResnetBlock>(in, out, timeDim, groups, eps));
      if (block->attentions) block->attentions->push_back(transformer(out, c.headCounts[mirror]));
    }
    if (i + 1 < blocks) {
      auto samplers = block->register_module("upsamplers", torch::nn::ModuleList());
      block->upsampler = std::make_shared<unet::Upsample>(out);
      samplers->push_back(block->upsampler);
    }
    up_->push_back(block);
  }

  normOut_ = torch::nn::AnyModule(register_module("conv_norm_out", unet::groupNorm(groups, widths[0], eps)));
  convOut_ = torch::nn::AnyModule(register_module("conv_out", unet::conv(widths[0], c.outChannels, 3)));
}

at::Tensor UNet2DConditionImpl::forward(const at::Tensor& sample, const at::Tensor& timesteps, const at::Tensor& text,
                                        UNetHooks* hooks) {
  if (sample.dim() != 4 || sample.size(1) != config_.inChannels)
    throw Error("UNet: expected latents [batch, " + std::to_string(config_.inChannels) + ", h, w]");
  if (text.dim() != 3 || text.size(0) != sample.size(0) || text.size(2) != config_.crossAttentionDim)
    throw Error("UNet: expected text states [batch, tokens, " + std::to_string(config_.crossAttentionDim) + "]");
  const int64_t batch = sample.size(0);
  auto t = timesteps.dim() == 0 ? timesteps.reshape({1}).expand({batch}) : timesteps;
  if (t.size(0) != batch) throw Error("UNet: one timestep per batch item expected");

  auto features = unet::timestepFeatures(t.to(sample.device()), config_.blockOutChannels[0], config_.flipSinToCos,
                                         config_.freqShift).to(sample.scalar_type());
  const auto temb = timeLinear2_.forward(torch::silu(timeLinear1_.forward(features)));

  auto selfContext = [&](UNetSite site, int index) -> unet::SelfAttentionContext {
    if (!hooks) return {};
    return [hooks, site, index](const at::Tensor& tokens) {
      auto context = hooks->selfAttentionContext(site, index, tokens);
      return context.defined() ? context : tokens;
    };
  };
  auto after = [&](UNetSite site, int index, const at::Tensor& h) { return hooks ? hooks->afterBlock(site, index, h) : h; };

  // On the GPU in fp16/bf16 with the fused GroupNorm kernels, everything runs channels-last:
  // cuDNN takes NHWC as it is and the kernels normalise it without layout conversions.
  const bool channelsLast = fusedKernelsEnabled() && sample.is_cuda() &&
                            (sample.scalar_type() == at::kHalf || sample.scalar_type() == at::kBFloat16);
  useChannelsLastWeights(channelsLast);
  auto x = convIn_.forward(channelsLast ? sample.contiguous(at::MemoryFormat::ChannelsLast) : sample);
  std::vector<at::Tensor> skips{x};
  for (size_t i = 0; i < down_->size(); ++i) {
    auto* block = down_[i]->as<DownBlock>();
    const auto context = selfContext(UNetSite::Down, static_cast<int>(i));
    for (size_t j = 0; j < block->resnets->size(); ++j) {
      x = block->resnets[j]->as<ResnetBlock>()->forward(x, temb);
      if (block->attentions) x = block->attentions[j]->as<Transformer2D>()->forward(x, text, context);
      skips.push_back(x);
    }
    x = after(UNetSite::Down, static_cast<int>(i), x);
    if (block->downsampler) {
      x = block->downsampler->forward(x);
      skips.push_back(x);
    }
  }

  x = midResnet0_->forward(x, temb);
  x = after(UNetSite::Mid, 0, x);
  x = midAttention_->forward(x, text, selfContext(UNetSite::Mid, 0));
  x = midResnet1_->forward(x, temb);

  for (size_t i = 0; i < up_->size(); ++i) {
    auto* block = up_[i]->as<UpBlock>();
    const auto context = selfContext(UNetSite::Up, static_cast<int>(i));
    for (size_t j = 0; j < block->resnets->size(); ++j) {
      x = torch::cat({x, skips.back()}, 1);
      skips.pop_back();
      x = block->resnets[j]->as<ResnetBlock>()->forward(x, temb);
      if (block->attentions) x = block->attentions[j]->as<Transformer2D>()->forward(x, text, context);
    }
    x = after(UNetSite::Up, static_cast<int>(i), x);
    if (block->upsampler) x = block->upsampler->forward(x, skips.back().sizes().slice(2));
  }
  const auto out = convOut_.forward(groupNormActivation(normOut_.get<torch::nn::GroupNorm>(), x, {}, true));
  return channelsLast ? out.contiguous() : out;
}

void UNet2DConditionImpl::useChannelsLastWeights(bool channelsLast) {
  if (channelsLast == channelsLastWeights_) return;
  const auto format = channelsLast ? at::MemoryFormat::ChannelsLast : at::MemoryFormat::Contiguous;
  for (auto& p : parameters())
    if (p.dim() == 4) p.set_data(p.data().contiguous(format));
  channelsLastWeights_ = channelsLast;
}

UNet2DCondition unetFromTensors(const UNetConfig& config, const std::map<std::string, at::Tensor>& tensors,
                                const std::string& source) {
  UNet2DCondition model(config);
  requireLoaded(loadStateDict(*model, tensors), source);
  model->eval();
  return model;
}

UNet2DCondition loadUNet(const std::filesystem::path& folder) {
  const auto config = UNetConfig::fromFile(folder / "config.json");
  const auto weights = findComponentWeights(folder, "diffusion_pytorch_model");
  return unetFromTensors(config, readTensors(weights), weights.string());
}

}  // namespace panocast
