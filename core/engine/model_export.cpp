#include "engine/model_export.h"

#include <torch/torch.h>

#include "io/safetensors.h"
#include "runtime/error.h"

namespace panocast {
namespace fs = std::filesystem;
namespace {

// A module's parameters and buffers under its own names, which mirror the diffusers keys.
std::map<std::string, at::Tensor> moduleTensors(const torch::nn::Module& module, c10::ScalarType dtype) {
  std::map<std::string, at::Tensor> out;
  for (const auto& item : module.named_parameters()) out[item.key()] = item.value().detach().to(torch::kCPU, dtype).contiguous();
  for (const auto& item : module.named_buffers()) out[item.key()] = item.value().detach().to(torch::kCPU).contiguous();
  return out;
}

void copyInto(const fs::path& from, const fs::path& to) {
  if (!fs::exists(from)) throw Error(from.string() + ": missing in the config folder");
  fs::create_directories(to.parent_path());
  fs::copy(from, to, fs::copy_options::recursive);
}

int64_t byteCount(const std::map<std::string, at::Tensor>& tensors) {
  int64_t bytes = 0;
  for (const auto& [name, t] : tensors) bytes += t.numel() * t.element_size();
  return bytes;
}

}  // namespace

ExportSummary exportDiffusersFolder(const StableDiffusionModel& model, const fs::path& configFolder, const fs::path& out,
                                    c10::ScalarType dtype) {
  if (fs::exists(out)) throw Error(out.string() + ": already exists; choose a new folder for the converted model");
  if (configFolder.empty() || !fs::exists(configFolder / "model_index.json"))
    throw Error("the converted folder takes its configs and tokenizer from a diffusers folder of the same model (--config)");
  const fs::path staging = out.string() + ".partial";
  fs::remove_all(staging);
  ExportSummary summary;
  try {
    fs::create_directories(staging);
    copyInto(configFolder / "model_index.json", staging / "model_index.json");
    copyInto(configFolder / "tokenizer", staging / "tokenizer");
    if (fs::exists(configFolder / "scheduler")) copyInto(configFolder / "scheduler", staging / "scheduler");
    const struct {
      const char* folder;
      const char* file;
      const torch::nn::Module* module;
    } components[] = {
        {"unet", "diffusion_pytorch_model.safetensors", model.unet.ptr().get()},
        {"vae", "diffusion_pytorch_model.safetensors", model.vae.ptr().get()},
        {"text_encoder", "model.safetensors", model.textEncoder.ptr().get()},
    };
    for (const auto& c : components) {
      copyInto(configFolder / c.folder / "config.json", staging / c.folder / "config.json");
      // The VAE of a force_upcast model stays fp32, as it runs.
      const bool keepFp32 = std::string(c.folder) == "vae" && model.vae->config().forceUpcast;
      const auto tensors = moduleTensors(*c.module, keepFp32 ? c10::kFloat : dtype);
      writeSafetensors(staging / c.folder / c.file, tensors, {{"format", "pt"}});
      summary.tensors += static_cast<int64_t>(tensors.size());
      summary.bytes += byteCount(tensors);
    }
    if (!model.caaWeights.empty()) {
      std::map<std::string, at::Tensor> caa;
      const std::string prefix = "mv_base_model.";
      for (const auto& [name, t] : model.caaWeights) {
        // The encoding's frequency bands stay float32: fp16 cannot hold them (up to 2^79).
        const bool frequencies = name.size() >= 10 && name.compare(name.size() - 10, 10, "freq_bands") == 0;
        caa[name.rfind(prefix, 0) == 0 ? name.substr(prefix.size()) : name] =
            t.to(torch::kCPU, frequencies ? c10::kFloat : dtype).contiguous();
      }
      writeSafetensors(staging / "caa.safetensors", caa, {{"format", "pt"}, {"source", model.source.filename().string()}});
      summary.tensors += static_cast<int64_t>(caa.size());
      summary.bytes += byteCount(caa);
      summary.wroteCaa = true;
    }
    fs::rename(staging, out);
  } catch (const fs::filesystem_error& e) {
    fs::remove_all(staging);
    throw Error(std::string("writing the converted model failed: ") + e.what());
  } catch (...) {
    fs::remove_all(staging);
    throw;
  }
  return summary;
}

}  // namespace panocast
