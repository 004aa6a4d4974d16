#include "engine/sd_model.h"

#include <torch/torch.h>

#include "io/json_file.h"
#include "io/safetensors.h"
#include "nn/component_weights.h"
#include "nn/ldm_keys.h"
#include "nn/vae_keys.h"
#include "runtime/error.h"

namespace panocast {
namespace fs = std::filesystem;
namespace {

nlohmann::json readModelIndex(const fs::path& folder) {
  const auto path = folder / "model_index.json";
  if (!fs::exists(path))
    throw Error(folder.string() + ": not a diffusers model folder (model_index.json is missing)");
  auto index = readJsonFile(path);
  if (!index.is_object()) throw Error(path.string() + ": expected a JSON object");
  return index;
}

// model_index.json names [library, class] per component; check the ones we run.
void requireComponent(const nlohmann::json& index, const fs::path& folder, const std::string& name,
                      const std::string& expectedClass) {
  const auto it = index.find(name);
  if (it == index.end() || !it->is_array() || it->size() != 2 || !(*it)[1].is_string())
    throw Error((folder / "model_index.json").string() + ": no '" + name + "' component");
  const auto className = (*it)[1].get<std::string>();
  if (className != expectedClass)
    throw Error((folder / "model_index.json").string() + ": " + name + " is " + className + ", expected " + expectedClass);
  if (!fs::is_directory(folder / name)) throw Error(folder.string() + ": the " + name + " folder is missing");
}

SchedulerKind schedulerKindOf(const nlohmann::json& index, const nlohmann::json& file) {
  if (file.contains("_class_name") && file["_class_name"].is_string()) {
    try {
      return schedulerKindFromClassName(file["_class_name"]);
    } catch (const Error&) {
    }
  }
  if (index.contains("scheduler") && index["scheduler"].is_array() && index["scheduler"].size() == 2 &&
      index["scheduler"][1].is_string()) {
    try {
      return schedulerKindFromClassName(index["scheduler"][1]);
    } catch (const Error&) {
    }
  }
  return SchedulerKind::Pndm;  // Stable Diffusion's own choice
}

// Configs, tokenizer and scheduler of a diffusers folder; weights are loaded separately.
void loadFolderParts(StableDiffusionModel& model, const fs::path& folder) {
  const auto index = readModelIndex(folder);
  requireComponent(index, folder, "tokenizer", "CLIPTokenizer");
  model.tokenizer = std::make_shared<const ClipTokenizer>(folder / "tokenizer");
  const auto schedulerPath = folder / "scheduler" / "scheduler_config.json";
  model.schedulerFile = fs::exists(schedulerPath) ? readJsonFile(schedulerPath) : nlohmann::json::object();
  model.schedulerKind = schedulerKindOf(index, model.schedulerFile);
}

void loadSingleFile(StableDiffusionModel& model, const fs::path& file, const fs::path& configFolder) {
  if (configFolder.empty())
    throw Error(file.string() + ": a single-file checkpoint holds no configs or tokenizer; pass a diffusers folder "
                "of the same model family with --config");
  const auto index = readModelIndex(configFolder);
  requireComponent(index, configFolder, "unet", "UNet2DConditionModel");
  requireComponent(index, configFolder, "vae", "AutoencoderKL");
  requireComponent(index, configFolder, "text_encoder", "CLIPTextModel");
  loadFolderParts(model, configFolder);

  const auto tensors = readTensors(file);
  const auto unetConfig = UNetConfig::fromFile(configFolder / "unet" / "config.json");
  const auto vaeConfig = AutoencoderKLConfig::fromFile(configFolder / "vae" / "config.json");
  const auto textConfig = ClipTextConfig::fromFile(configFolder / "text_encoder" / "config.json");

  // MVDiffusion's Lightning checkpoint (caa.md §9): diffusers names under its module prefixes,
  // the VAE with the old attention names, and the nine CAA blocks beside the UNet.
  if (const auto mvUnet = withoutPrefix(tensors, "mv_base_model.unet."); !mvUnet.empty()) {
    model.unet = unetFromTensors(unetConfig, mvUnet, file.string() + " (UNet)");
    model.vae = autoencoderFromTensors(vaeConfig, normalizeVaeKeys(withoutPrefix(tensors, "vae.")), file.string() + " (VAE)");
    const auto text = withoutPrefix(tensors, "text_encoder.");
    if (text.empty()) throw Error(file.string() + ": no text_encoder.* tensors (text encoder missing)");
    model.textEncoder = clipTextFromTensors(textConfig, text, file.string() + " (text encoder)");
    for (const auto& [name, tensor] : tensors)
      if (name.rfind("mv_base_model.cp_blocks_", 0) == 0) model.caaWeights[name] = tensor;
    return;
  }

  const auto unetTensors = unetFromLdm(withoutPrefix(tensors, "model.diffusion_model."), unetConfig);
  if (unetTensors.empty())
    throw Error(file.string() + ": no model.diffusion_model.* or mv_base_model.unet.* tensors (not a Stable Diffusion "
                "or MVDiffusion checkpoint?)");
  model.unet = unetFromTensors(unetConfig, unetTensors, file.string() + " (UNet)");

  const auto vaeTensors = withoutPrefix(tensors, "first_stage_model.");
  model.vae = autoencoderFromTensors(vaeConfig, normalizeVaeKeys(vaeTensors), file.string() + " (VAE)");

  auto text = withoutPrefix(tensors, "cond_stage_model.model.");
  if (text.empty()) {
    // SD1.x stores the transformers CLIP under cond_stage_model.transformer.
    text = withoutPrefix(tensors, "cond_stage_model.transformer.");
  } else {
    text = clipTextFromOpenClip(text, textConfig.layers);
  }
  if (text.empty()) throw Error(file.string() + ": no cond_stage_model.* tensors (text encoder missing)");
  model.textEncoder = clipTextFromTensors(textConfig, text, file.string() + " (text encoder)");
}

}  // namespace

void StableDiffusionModel::to(const c10::Device& target, c10::ScalarType type) {
  if (target.is_cpu() && type != c10::kFloat)
    throw Error("fp16/bf16 run on CUDA only; use --dtype fp32 on the CPU");
  textEncoder->to(target, type);
  unet->to(target, type);
  vae->to(target, vae->config().forceUpcast ? c10::kFloat : type);
  device = target;
  dtype = type;
}

SchedulerConfig StableDiffusionModel::schedulerConfig(SchedulerKind kind) const {
  return SchedulerConfig::fromJson(kind, schedulerFile.is_object() ? schedulerFile : nlohmann::json::object());
}

int StableDiffusionModel::vaeScale() const { return 1 << (static_cast<int>(vae->config().blockOutChannels.size()) - 1); }

StableDiffusionModel loadStableDiffusion(const fs::path& model, const fs::path& configFolder) {
  torch::NoGradGuard noGrad;
  StableDiffusionModel result;
  result.source = model;
  if (fs::is_regular_file(model)) {
    loadSingleFile(result, model, configFolder);
    return result;
  }
  if (!fs::exists(model)) throw Error(model.string() + ": no such model folder or file");
  const auto index = readModelIndex(model);
  requireComponent(index, model, "unet", "UNet2DConditionModel");
  requireComponent(index, model, "vae", "AutoencoderKL");
  requireComponent(index, model, "text_encoder", "CLIPTextModel");
  loadFolderParts(result, model);
  result.textEncoder = loadClipTextEncoder(model / "text_encoder");
  result.unet = loadUNet(model / "unet");
  result.vae = loadAutoencoderKL(model / "vae");
  return result;
}

std::vector<ComponentSummary> inspectModelFolder(const fs::path& folder) {
  const auto index = readModelIndex(folder);
  static const std::pair<const char*, const char*> weightBases[] = {
      {"unet", "diffusion_pytorch_model"}, {"vae", "diffusion_pytorch_model"}, {"text_encoder", "model"}};
  std::vector<ComponentSummary> out;
  for (const auto& [name, value] : index.items()) {
    if (name.empty() || name[0] == '_' || !value.is_array() || value.size() != 2) continue;
    ComponentSummary summary;
    summary.name = name;
    summary.library = value[0].is_string() ? value[0].get<std::string>() : "";
    summary.className = value[1].is_string() ? value[1].get<std::string>() : "";
    if (value[1].is_null()) {
      summary.note = "not present (null in model_index.json)";
      out.push_back(summary);
      continue;
    }
    for (const auto& [component, base] : weightBases) {
      if (name != component) continue;
      try {
        const auto weights = findComponentWeights(folder / name, base);
        summary.weightsFile = fs::relative(weights, folder).string();
        summary.bytes = static_cast<int64_t>(fs::file_size(weights));
        SafetensorsFile file(weights);
        for (const auto& tensorName : file.names()) {
          const auto& info = file.info(tensorName);
          int64_t count = 1;
          for (auto d : info.shape) count *= d;
          summary.parameters += count;
          ++summary.tensors;
          if (std::find(summary.dtypes.begin(), summary.dtypes.end(), info.dtype) == summary.dtypes.end())
            summary.dtypes.push_back(info.dtype);
        }
      } catch (const Error& e) {
        summary.note = e.what();
      }
    }
    if (!fs::exists(folder / name)) summary.note = "folder missing";
    out.push_back(summary);
  }
  return out;
}

}  // namespace panocast
