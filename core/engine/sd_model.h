#pragma once
// A Stable Diffusion model as users download it: a diffusers folder (model_index.json and one
// sub-folder per component) or an original single-file checkpoint together with a folder that
// provides the configs and the tokenizer. Loading validates everything and reports missing,
// unexpected and mis-shaped tensors by name (sd2.md §1, §4).
#include <c10/core/Device.h>
#include <c10/core/ScalarType.h>

#include <ATen/core/Tensor.h>

#include <filesystem>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "diffusion/scheduler.h"
#include "nn/autoencoder_kl.h"
#include "nn/clip_text.h"
#include "nn/unet.h"
#include "text/clip_tokenizer.h"

namespace panocast {

struct StableDiffusionModel {
  std::filesystem::path source;  // the folder or the single file
  std::shared_ptr<const ClipTokenizer> tokenizer;
  ClipTextEncoder textEncoder{nullptr};
  UNet2DCondition unet{nullptr};
  AutoencoderKL vae{nullptr};
  nlohmann::json schedulerFile;  // scheduler_config.json as found (fields override class defaults)
  SchedulerKind schedulerKind = SchedulerKind::Pndm;  // the class the file names
  // MVDiffusion's checkpoint carries its nine CAA blocks (names "mv_base_model.cp_blocks_*");
  // empty for plain Stable Diffusion models.
  std::map<std::string, at::Tensor> caaWeights;

  c10::Device device = c10::kCPU;
  c10::ScalarType dtype = c10::kFloat;

  // Moves the networks. The VAE stays fp32 when its config asks for it (force_upcast: SD's VAE
  // overflows in fp16 on bright images); the text encoder and the UNet take `dtype`.
  void to(const c10::Device& device, c10::ScalarType dtype);

  // The scheduler the user picked, configured from the model's file (sd2.md §3.4).
  SchedulerConfig schedulerConfig(SchedulerKind kind) const;
  SchedulerConfig schedulerConfig() const { return schedulerConfig(schedulerKind); }
  // 8 for Stable Diffusion's VAE: image pixels per latent cell.
  int vaeScale() const;
};

// `model`: a diffusers folder, or a single file — an original SD checkpoint (.safetensors or
// .ckpt) or MVDiffusion's pano.ckpt; `configFolder` (needed for a single file) is a diffusers
// folder of the same architecture whose configs and tokenizer are used.
StableDiffusionModel loadStableDiffusion(const std::filesystem::path& model, const std::filesystem::path& configFolder = {});

// One component of a diffusers folder, for `panocast inspect`.
struct ComponentSummary {
  std::string name;       // "unet"
  std::string library;    // "diffusers"
  std::string className;  // "UNet2DConditionModel"
  std::string weightsFile;
  int64_t tensors = 0;
  int64_t parameters = 0;
  std::vector<std::string> dtypes;  // as stored ("F16", "F32")
  int64_t bytes = 0;
  std::string note;  // what is missing or odd, empty when fine
};
std::vector<ComponentSummary> inspectModelFolder(const std::filesystem::path& folder);

}  // namespace panocast
