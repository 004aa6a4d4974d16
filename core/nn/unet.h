#pragma once
// Stable Diffusion's denoiser, diffusers' UNet2DConditionModel (sd2.md §7): module names equal
// the diffusers state-dict keys, so downloaded weights load name to name. Multi-view methods
// hook into it between blocks (MVDiffusion's correspondence-aware attention sits after every
// block, before its resampler) and into self-attention (neighbour views' keys and values).
#include <torch/nn/module.h>
#include <torch/nn/modules/container/modulelist.h>

#include <filesystem>
#include <map>
#include <memory>
#include <string>

#include "nn/state_dict.h"
#include "nn/unet_config.h"

namespace panocast {

namespace unet {
struct ResnetBlock;
struct Transformer2D;
struct Downsample;
struct Upsample;
}  // namespace unet

enum class UNetSite { Down, Mid, Up };

// Optional extensions of one forward pass. The defaults change nothing.
struct UNetHooks {
  virtual ~UNetHooks() = default;
  // After block `index`'s layers and before its resampler; skip connections were already taken.
  // For the mid block: after its first resnet, before its attention.
  virtual at::Tensor afterBlock(UNetSite site, int index, const at::Tensor& hidden) { return hidden; }
  // Keys/values for the self-attention of the block's transformers, given the normalised query
  // tokens [B, N, C]. Return an undefined tensor to attend to the tokens themselves.
  virtual at::Tensor selfAttentionContext(UNetSite site, int index, const at::Tensor& tokens) { return {}; }
};

class UNet2DConditionImpl : public torch::nn::Module {
 public:
  explicit UNet2DConditionImpl(const UNetConfig& config);
  // sample [B, in, h, w]; timesteps: scalar or [B] (integer or fractional); text [B, 77, cross].
  at::Tensor forward(const at::Tensor& sample, const at::Tensor& timesteps, const at::Tensor& text,
                     UNetHooks* hooks = nullptr);
  const UNetConfig& config() const { return config_; }

 private:
  struct DownBlock;
  struct UpBlock;
  // Convolution weights go channels-last (once) while the fused GroupNorm kernels run, so the
  // whole network stays in one layout; back to contiguous otherwise.
  void useChannelsLastWeights(bool channelsLast);

  UNetConfig config_;
  bool channelsLastWeights_ = false;
  torch::nn::AnyModule convIn_, convOut_;
  torch::nn::AnyModule timeLinear1_, timeLinear2_;
  torch::nn::ModuleList down_, up_;
  std::shared_ptr<unet::ResnetBlock> midResnet0_, midResnet1_;
  std::shared_ptr<unet::Transformer2D> midAttention_;
  torch::nn::AnyModule normOut_;
};
TORCH_MODULE(UNet2DCondition);

// Loads a diffusers unet/ folder: config.json and diffusion_pytorch_model[.fp16].safetensors.
UNet2DCondition loadUNet(const std::filesystem::path& folder);

// Builds the UNet for `config` and loads diffusers-named tensors into it (converted to fp32);
// throws panocast::Error with the full report when anything is missing or mis-shaped.
UNet2DCondition unetFromTensors(const UNetConfig& config, const std::map<std::string, at::Tensor>& tensors,
                                const std::string& source);

}  // namespace panocast
