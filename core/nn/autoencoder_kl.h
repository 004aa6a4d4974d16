#pragma once
// Stable Diffusion's VAE (diffusers' AutoencoderKL, sd2.md §8). Module names mirror the diffusers
// state-dict keys, so a checkpoint loads name to name; the other two naming schemes are mapped by
// nn/vae_keys.h. encode() returns the posterior's mean and (clamped) log-variance, decode() the
// raw decoder output; scaling by `scalingFactor` is the caller's business except in
// decodeToImage(). Works in fp32 and, on CUDA, after `->to(torch::kHalf)`: GroupNorm statistics
// and the attention softmax are computed in fp32 for half inputs.
#include <torch/nn/module.h>
#include <torch/nn/modules/conv.h>
#include <torch/nn/pimpl.h>

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace panocast {

struct AutoencoderKLConfig {
  int inChannels = 3;
  int outChannels = 3;
  int latentChannels = 4;
  std::vector<int> blockOutChannels{128, 256, 512, 512};
  int layersPerBlock = 2;  // the decoder's up blocks hold one more
  int normGroups = 32;
  double scalingFactor = 0.18215;
  double shiftFactor = 0;  // SD 1/2 have none; decodeToImage() honours it for later VAEs
  bool useQuantConv = true;
  bool usePostQuantConv = true;
  bool midBlockAddAttention = true;
  bool forceUpcast = true;  // advice for pipelines: this VAE overflows in fp16
  int sampleSize = 512;

  // Reads diffusers' vae/config.json; throws panocast::Error naming the file and the field.
  static AutoencoderKLConfig fromFile(const std::filesystem::path& path);
};

class AutoencoderKLImpl : public torch::nn::Module {
 public:
  struct Posterior {
    at::Tensor mean, logvar;  // [B, latentChannels, H/8, W/8]; logvar clamped to [−30, 20]
  };

  explicit AutoencoderKLImpl(const AutoencoderKLConfig& config = {});

  // image: [B, inChannels, H, W] in [−1, 1].
  Posterior encode(const at::Tensor& image);
  // latent: [B, latentChannels, h, w], already divided by the scaling factor → [B, outChannels,
  // 8h, 8w] (for four blocks), unclamped, nominally in [−1, 1].
  at::Tensor decode(const at::Tensor& latent);
  // The diffusion model's latent (scaled) → an image in [0, 1].
  at::Tensor decodeToImage(const at::Tensor& scaledLatent);

  const AutoencoderKLConfig& config() const { return config_; }

 private:
  struct Encoder;
  struct Decoder;
  AutoencoderKLConfig config_;
  std::shared_ptr<Encoder> encoder_;
  std::shared_ptr<Decoder> decoder_;
  torch::nn::Conv2d quantConv_{nullptr}, postQuantConv_{nullptr};
};
TORCH_MODULE(AutoencoderKL);

// Loads a diffusers vae folder: config.json + diffusion_pytorch_model[.fp16].safetensors (the
// stored dtype is read from the file; weights become fp32 on the CPU). Any of the three key
// layouts of nn/vae_keys.h is accepted.
AutoencoderKL loadAutoencoderKL(const std::filesystem::path& vaeFolder);

// Builds the model from tensors already in memory (for example a single-file checkpoint's
// "first_stage_model." entries with the prefix removed). `sourceName` names them in errors.
AutoencoderKL autoencoderFromTensors(const AutoencoderKLConfig& config, std::map<std::string, at::Tensor> tensors,
                                     const std::string& sourceName);

}  // namespace panocast
