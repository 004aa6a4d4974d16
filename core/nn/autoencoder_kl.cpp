#include "nn/autoencoder_kl.h"

#include <torch/torch.h>

#include "io/json_file.h"
#include "io/safetensors.h"
#include "nn/attention.h"
#include "nn/state_dict.h"
#include "nn/vae_keys.h"
#include "runtime/error.h"

namespace panocast {
namespace {

namespace F = torch::nn::functional;
namespace fs = std::filesystem;

// Every GroupNorm of the VAE uses this epsilon (diffusers passes 1e-6 everywhere, not 1e-5).
constexpr double kNormEps = 1e-6;

bool isHalf(const at::Tensor& x) { return x.scalar_type() == torch::kHalf || x.scalar_type() == torch::kBFloat16; }

torch::nn::Conv2d conv(int in, int out, int kernel, int padding, int stride = 1) {
  return torch::nn::Conv2d(torch::nn::Conv2dOptions(in, out, kernel).padding(padding).stride(stride));
}

torch::nn::Linear linear(int in, int out) { return torch::nn::Linear(torch::nn::LinearOptions(in, out)); }

// GroupNorm with fp32 statistics: in fp16 the per-group variance of 512-channel activations loses
// too many bits (and can overflow), so half inputs are normalised in fp32 and cast back.
struct GroupNorm32 : torch::nn::Module {
  GroupNorm32(int groups, int channels) : groups(groups) {
    weight = register_parameter("weight", torch::ones({channels}));
    bias = register_parameter("bias", torch::zeros({channels}));
  }

  at::Tensor forward(const at::Tensor& x) {
    if (isHalf(x))
      return torch::group_norm(x.to(torch::kFloat), groups, weight.to(torch::kFloat), bias.to(torch::kFloat), kNormEps)
          .to(x.scalar_type());
    return torch::group_norm(x, groups, weight, bias, kNormEps);
  }

  int groups;
  at::Tensor weight, bias;
};

// diffusers' ResnetBlock2D without a time embedding: GN → SiLU → conv → GN → SiLU → conv, plus
// the input (through a 1×1 conv when the width changes).
struct ResnetBlock : torch::nn::Module {
  ResnetBlock(int in, int out, int groups) {
    norm1 = register_module("norm1", std::make_shared<GroupNorm32>(groups, in));
    conv1 = register_module("conv1", conv(in, out, 3, 1));
    norm2 = register_module("norm2", std::make_shared<GroupNorm32>(groups, out));
    conv2 = register_module("conv2", conv(out, out, 3, 1));
    if (in != out) shortcut = register_module("conv_shortcut", conv(in, out, 1, 0));
  }

  at::Tensor forward(const at::Tensor& x) {
    auto h = conv1(torch::silu(norm1->forward(x)));
    h = conv2(torch::silu(norm2->forward(h)));
    return (shortcut ? shortcut(x) : x) + h;
  }

  std::shared_ptr<GroupNorm32> norm1, norm2;
  torch::nn::Conv2d conv1{nullptr}, conv2{nullptr}, shortcut{nullptr};
};

// Single-head self-attention over all pixels (C channels per token), with a residual.
struct MidAttention : torch::nn::Module {
  MidAttention(int channels, int groups) {
    norm = register_module("group_norm", std::make_shared<GroupNorm32>(groups, channels));
    q = register_module("to_q", linear(channels, channels));
    k = register_module("to_k", linear(channels, channels));
    v = register_module("to_v", linear(channels, channels));
    auto toOut = register_module("to_out", torch::nn::ModuleList());
    out = linear(channels, channels);
    toOut->push_back(out);
  }

  at::Tensor forward(const at::Tensor& x) {
    const int64_t b = x.size(0), c = x.size(1), h = x.size(2), w = x.size(3);
    auto tokens = norm->forward(x).flatten(2).transpose(1, 2);  // [B, HW, C]
    AttentionOptions options;
    options.upcast = true;  // fp32 softmax over up to 16k keys, as diffusers' upcast_softmax
    auto attended = scaledDotProductAttention(q(tokens).unsqueeze(1), k(tokens).unsqueeze(1), v(tokens).unsqueeze(1), options);
    auto projected = out(attended.squeeze(1));
    return projected.transpose(1, 2).reshape({b, c, h, w}) + x;
  }

  std::shared_ptr<GroupNorm32> norm;
  torch::nn::Linear q{nullptr}, k{nullptr}, v{nullptr}, out{nullptr};
};

// resnet → attention → resnet at the lowest resolution.
struct MidBlock : torch::nn::Module {
  MidBlock(int channels, int groups, bool withAttention) {
    auto resnetList = register_module("resnets", torch::nn::ModuleList());
    first = std::make_shared<ResnetBlock>(channels, channels, groups);
    second = std::make_shared<ResnetBlock>(channels, channels, groups);
    resnetList->push_back(first);
    if (withAttention) {
      attention = std::make_shared<MidAttention>(channels, groups);
      register_module("attentions", torch::nn::ModuleList())->push_back(attention);
    }
    resnetList->push_back(second);
  }

  at::Tensor forward(at::Tensor x) {
    x = first->forward(x);
    if (attention) x = attention->forward(x);
    return second->forward(x);
  }

  std::shared_ptr<ResnetBlock> first, second;
  std::shared_ptr<MidAttention> attention;
};

// Halves the resolution. The stride-2 conv has no padding of its own; one zero row and column are
// added at the bottom and right only (LDM's choice), so the grid stays aligned to the top left.
struct Downsample : torch::nn::Module {
  explicit Downsample(int channels) { conv = register_module("conv", panocast::conv(channels, channels, 3, 0, 2)); }
  at::Tensor forward(const at::Tensor& x) { return conv(torch::constant_pad_nd(x, {0, 1, 0, 1}, 0)); }
  torch::nn::Conv2d conv{nullptr};
};

// Doubles the resolution: nearest-neighbour ×2, then a 3×3 conv.
struct Upsample : torch::nn::Module {
  explicit Upsample(int channels) { conv = register_module("conv", panocast::conv(channels, channels, 3, 1)); }
  at::Tensor forward(const at::Tensor& x) {
    return conv(F::interpolate(x, F::InterpolateFuncOptions().scale_factor(std::vector<double>{2.0, 2.0}).mode(torch::kNearest)));
  }
  torch::nn::Conv2d conv{nullptr};
};

// DownEncoderBlock2D / UpDecoderBlock2D: `count` resnets (the first changes the width), then an
// optional resampler registered as "<downsamplers|upsamplers>.0".
template <typename Resampler>
struct ResnetStage : torch::nn::Module {
  ResnetStage(int in, int out, int count, int groups, bool resample, const char* resamplerName) {
    auto resnetList = register_module("resnets", torch::nn::ModuleList());
    for (int i = 0; i < count; ++i) {
      resnets.push_back(std::make_shared<ResnetBlock>(i == 0 ? in : out, out, groups));
      resnetList->push_back(resnets.back());
    }
    if (resample) {
      resampler = std::make_shared<Resampler>(out);
      register_module(resamplerName, torch::nn::ModuleList())->push_back(resampler);
    }
  }

  at::Tensor forward(at::Tensor x) {
    for (auto& resnet : resnets) x = resnet->forward(x);
    return resampler ? resampler->forward(x) : x;
  }

  std::vector<std::shared_ptr<ResnetBlock>> resnets;
  std::shared_ptr<Resampler> resampler;
};

void checkImageLike(const at::Tensor& x, int channels, const char* what) {
  if (x.dim() != 4 || x.size(1) != channels)
    throw Error(std::string("VAE ") + what + ": expected a [batch, " + std::to_string(channels) +
                ", height, width] tensor, got " + std::to_string(x.dim()) + " dimensions" +
                (x.dim() >= 2 ? " with " + std::to_string(x.size(1)) + " channels" : std::string()));
}

}  // namespace

// ── Config ──────────────────────────────────────────────────────────────────────────────────────

AutoencoderKLConfig AutoencoderKLConfig::fromFile(const fs::path& path) {
  const nlohmann::json j = readJsonFile(path);
  const std::string where = path.string() + ": ";
  if (!j.is_object()) throw Error(where + "expected a JSON object (diffusers' vae/config.json)");
  if (j.contains("_class_name") && j["_class_name"] != "AutoencoderKL")
    throw Error(where + "'_class_name' is " + j["_class_name"].dump() + "; only AutoencoderKL VAEs are supported");

  AutoencoderKLConfig c;
  auto positiveInt = [&](const char* key, int& field) {
    if (!j.contains(key) || j[key].is_null()) return;
    if (!j[key].is_number_integer() || j[key].get<int64_t>() <= 0 || j[key].get<int64_t>() > (1 << 20))
      throw Error(where + "'" + key + "' must be a positive integer, got " + j[key].dump());
    field = j[key].get<int>();
  };
  auto flag = [&](const char* key, bool& field) {
    if (!j.contains(key) || j[key].is_null()) return;
    if (!j[key].is_boolean()) throw Error(where + "'" + key + "' must be true or false, got " + j[key].dump());
    field = j[key].get<bool>();
  };
  auto number = [&](const char* key, double& field) {
    if (!j.contains(key) || j[key].is_null()) return;
    if (!j[key].is_number()) throw Error(where + "'" + key + "' must be a number, got " + j[key].dump());
    field = j[key].get<double>();
  };

  positiveInt("in_channels", c.inChannels);
  positiveInt("out_channels", c.outChannels);
  positiveInt("latent_channels", c.latentChannels);
  positiveInt("layers_per_block", c.layersPerBlock);
  positiveInt("norm_num_groups", c.normGroups);
  flag("use_quant_conv", c.useQuantConv);
  flag("use_post_quant_conv", c.usePostQuantConv);
  flag("mid_block_add_attention", c.midBlockAddAttention);
  flag("force_upcast", c.forceUpcast);
  number("scaling_factor", c.scalingFactor);
  number("shift_factor", c.shiftFactor);
  if (!(c.scalingFactor > 0)) throw Error(where + "'scaling_factor' must be positive");

  if (j.contains("sample_size")) {
    // An integer, or [height, width] in some newer configs.
    const auto& s = j["sample_size"];
    if (s.is_array() && !s.empty() && s[0].is_number_integer()) c.sampleSize = s[0].get<int>();
    else if (s.is_number_integer()) c.sampleSize = s.get<int>();
    else if (!s.is_null()) throw Error(where + "'sample_size' must be an integer, got " + s.dump());
  }

  if (j.contains("block_out_channels")) {
    const auto& list = j["block_out_channels"];
    if (!list.is_array() || list.empty()) throw Error(where + "'block_out_channels' must be a non-empty list of integers");
    c.blockOutChannels.clear();
    for (const auto& value : list) {
      if (!value.is_number_integer() || value.get<int64_t>() <= 0 || value.get<int64_t>() > (1 << 20))
        throw Error(where + "'block_out_channels' must hold positive integers, got " + list.dump());
      c.blockOutChannels.push_back(value.get<int>());
    }
  }
  for (int channels : c.blockOutChannels)
    if (channels % c.normGroups)
      throw Error(where + "'norm_num_groups' (" + std::to_string(c.normGroups) + ") does not divide block width " +
                  std::to_string(channels));

  if (j.contains("act_fn") && j["act_fn"] != "silu")
    throw Error(where + "'act_fn' is " + j["act_fn"].dump() + "; only silu is supported");
  auto blockTypes = [&](const char* key, const char* expected) {
    if (!j.contains(key)) return;
    const auto& list = j[key];
    if (!list.is_array() || list.size() != c.blockOutChannels.size())
      throw Error(where + "'" + key + "' must list one block per entry of 'block_out_channels'");
    for (const auto& type : list)
      if (type != expected)
        throw Error(where + "'" + key + "' holds " + type.dump() + "; only " + expected + " is supported");
  };
  blockTypes("down_block_types", "DownEncoderBlock2D");
  blockTypes("up_block_types", "UpDecoderBlock2D");
  return c;
}

// ── Encoder and decoder ─────────────────────────────────────────────────────────────────────────

struct AutoencoderKLImpl::Encoder : torch::nn::Module {
  using DownBlock = ResnetStage<Downsample>;

  explicit Encoder(const AutoencoderKLConfig& c) {
    const auto& widths = c.blockOutChannels;
    convIn = register_module("conv_in", conv(c.inChannels, widths.front(), 3, 1));
    auto blockList = register_module("down_blocks", torch::nn::ModuleList());
    int in = widths.front();
    for (size_t i = 0; i < widths.size(); ++i) {
      const bool last = i + 1 == widths.size();
      blocks.push_back(std::make_shared<DownBlock>(in, widths[i], c.layersPerBlock, c.normGroups, !last, "downsamplers"));
      blockList->push_back(blocks.back());
      in = widths[i];
    }
    mid = register_module("mid_block", std::make_shared<MidBlock>(widths.back(), c.normGroups, c.midBlockAddAttention));
    normOut = register_module("conv_norm_out", std::make_shared<GroupNorm32>(c.normGroups, widths.back()));
    // Mean and log-variance side by side ("double_z").
    convOut = register_module("conv_out", conv(widths.back(), 2 * c.latentChannels, 3, 1));
  }

  at::Tensor forward(const at::Tensor& image) {
    auto x = convIn(image);
    for (auto& block : blocks) x = block->forward(x);
    x = mid->forward(x);
    return convOut(torch::silu(normOut->forward(x)));
  }

  torch::nn::Conv2d convIn{nullptr}, convOut{nullptr};
  std::vector<std::shared_ptr<DownBlock>> blocks;
  std::shared_ptr<MidBlock> mid;
  std::shared_ptr<GroupNorm32> normOut;
};

struct AutoencoderKLImpl::Decoder : torch::nn::Module {
  using UpBlock = ResnetStage<Upsample>;

  explicit Decoder(const AutoencoderKLConfig& c) {
    const std::vector<int> widths(c.blockOutChannels.rbegin(), c.blockOutChannels.rend());  // widest first
    convIn = register_module("conv_in", conv(c.latentChannels, widths.front(), 3, 1));
    mid = register_module("mid_block", std::make_shared<MidBlock>(widths.front(), c.normGroups, c.midBlockAddAttention));
    auto blockList = register_module("up_blocks", torch::nn::ModuleList());
    int in = widths.front();
    for (size_t i = 0; i < widths.size(); ++i) {
      const bool last = i + 1 == widths.size();
      blocks.push_back(std::make_shared<UpBlock>(in, widths[i], c.layersPerBlock + 1, c.normGroups, !last, "upsamplers"));
      blockList->push_back(blocks.back());
      in = widths[i];
    }
    normOut = register_module("conv_norm_out", std::make_shared<GroupNorm32>(c.normGroups, widths.back()));
    convOut = register_module("conv_out", conv(widths.back(), c.outChannels, 3, 1));
  }

  at::Tensor forward(const at::Tensor& latent) {
    auto x = mid->forward(convIn(latent));
    for (auto& block : blocks) x = block->forward(x);
    return convOut(torch::silu(normOut->forward(x)));
  }

  torch::nn::Conv2d convIn{nullptr}, convOut{nullptr};
  std::shared_ptr<MidBlock> mid;
  std::vector<std::shared_ptr<UpBlock>> blocks;
  std::shared_ptr<GroupNorm32> normOut;
};

// ── AutoencoderKL ───────────────────────────────────────────────────────────────────────────────

AutoencoderKLImpl::AutoencoderKLImpl(const AutoencoderKLConfig& config) : config_(config) {
  if (config.blockOutChannels.empty()) throw Error("AutoencoderKL: block_out_channels is empty");
  encoder_ = register_module("encoder", std::make_shared<Encoder>(config));
  decoder_ = register_module("decoder", std::make_shared<Decoder>(config));
  const int moments = 2 * config.latentChannels;
  if (config.useQuantConv) quantConv_ = register_module("quant_conv", conv(moments, moments, 1, 0));
  if (config.usePostQuantConv)
    postQuantConv_ = register_module("post_quant_conv", conv(config.latentChannels, config.latentChannels, 1, 0));
}

AutoencoderKLImpl::Posterior AutoencoderKLImpl::encode(const at::Tensor& image) {
  checkImageLike(image, config_.inChannels, "encode");
  auto moments = encoder_->forward(image);
  if (quantConv_) moments = quantConv_(moments);
  auto halves = moments.chunk(2, 1);
  return {halves[0], halves[1].clamp(-30.0, 20.0)};
}

at::Tensor AutoencoderKLImpl::decode(const at::Tensor& latent) {
  checkImageLike(latent, config_.latentChannels, "decode");
  return decoder_->forward(postQuantConv_ ? postQuantConv_(latent) : latent);
}

at::Tensor AutoencoderKLImpl::decodeToImage(const at::Tensor& scaledLatent) {
  auto latent = scaledLatent / config_.scalingFactor;
  if (config_.shiftFactor != 0) latent = latent + config_.shiftFactor;
  return (decode(latent) / 2 + 0.5).clamp(0, 1);
}

// ── Loading ─────────────────────────────────────────────────────────────────────────────────────

AutoencoderKL autoencoderFromTensors(const AutoencoderKLConfig& config, std::map<std::string, at::Tensor> tensors,
                                     const std::string& sourceName) {
  const auto named = normalizeVaeKeys(tensors);
  torch::NoGradGuard noGrad;
  AutoencoderKL model(config);
  requireLoaded(loadStateDict(*model, named), sourceName);
  model->eval();
  return model;
}

AutoencoderKL loadAutoencoderKL(const fs::path& vaeFolder) {
  if (!fs::is_directory(vaeFolder))
    throw Error(vaeFolder.string() + ": not a folder (expected a diffusers 'vae' folder with config.json and "
                                     "diffusion_pytorch_model.safetensors)");
  const auto config = AutoencoderKLConfig::fromFile(vaeFolder / "config.json");
  fs::path weights = vaeFolder / "diffusion_pytorch_model.safetensors";
  if (!fs::exists(weights)) weights = vaeFolder / "diffusion_pytorch_model.fp16.safetensors";
  if (!fs::exists(weights))
    throw Error((vaeFolder / "diffusion_pytorch_model.safetensors").string() +
                ": missing (and no diffusion_pytorch_model.fp16.safetensors beside it); download the vae folder's "
                "weights in safetensors format");
  std::map<std::string, at::Tensor> tensors;
  {
    SafetensorsFile file(weights);  // the stored dtype (F32/F16/BF16) comes from the header
    for (const auto& name : file.names()) tensors[name] = file.tensor(name);
  }
  return autoencoderFromTensors(config, std::move(tensors), weights.string());
}

}  // namespace panocast
