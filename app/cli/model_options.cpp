#include "model_options.h"

#include <chrono>
#include <iostream>

#include "runtime/device.h"
#include "runtime/error.h"

namespace panocast::cli {

void addModelOptions(CLI::App& command, ModelOptions& o) {
  command.add_option("--model", o.model, "Diffusers model folder (or a single-file .safetensors checkpoint)")->required();
  command.add_option("--config", o.config, "For a single-file checkpoint: a diffusers folder giving configs and tokenizer");
  command.add_option("--device", o.device, "cpu, cuda, cuda:N or auto")->capture_default_str();
  command.add_option("--dtype", o.dtype, "fp32, fp16, bf16 or auto (fp16 on CUDA, fp32 on the CPU)")->capture_default_str();
}

c10::ScalarType parseDtype(const std::string& name, const c10::Device& device) {
  if (name == "auto") return device.is_cuda() ? c10::kHalf : c10::kFloat;
  if (name == "fp32") return c10::kFloat;
  if (name == "fp16" || name == "bf16") {
    if (!device.is_cuda()) throw Error("--dtype " + name + " needs a CUDA device; the CPU runs fp32");
    return name == "fp16" ? c10::kHalf : c10::kBFloat16;
  }
  throw Error("--dtype: unknown precision '" + name + "' (fp32, fp16, bf16 or auto)");
}

std::string dtypeName(c10::ScalarType type) {
  switch (type) {
    case c10::kHalf: return "fp16";
    case c10::kBFloat16: return "bf16";
    default: return "fp32";
  }
}

StableDiffusionModel loadModelFor(const ModelOptions& o) {
  const auto device = parseDevice(o.device);
  const auto dtype = parseDtype(o.dtype, device);
  const auto start = std::chrono::steady_clock::now();
  auto model = loadStableDiffusion(o.model, o.config);
  model.to(device, dtype);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cout << "model " << o.model << " on " << describeDevice(device) << " (" << dtypeName(dtype) << "), loaded in "
            << std::fixed << std::setprecision(1) << seconds << " s\n";
  std::cout.unsetf(std::ios::fixed);
  return model;
}

void warnIfTruncated(const StableDiffusionModel& model, const std::string& prompt) {
  const int tokens = model.tokenizer->countTokens(prompt);
  constexpr int kKept = ClipTokenizer::kContextLength - 2;
  if (tokens <= kKept) return;
  std::cerr << "panocast: warning: the prompt has " << tokens << " tokens; only the first " << kKept
            << " are used (the rest is cut, as in diffusers): \"" << prompt.substr(0, 60) << (prompt.size() > 60 ? "…" : "")
            << "\"\n";
}

}  // namespace panocast::cli
