#include "model_options.h"

#include <chrono>
#include <iostream>

#include "engine/prompt_encoding.h"
#include "runtime/device.h"
#include "runtime/error.h"

namespace panocast::cli {

void addModelOptions(CLI::App& command, ModelOptions& o) {
  command.add_option("--model", o.model, "Diffusers model folder (or a single-file .safetensors checkpoint)")->required();
  command.add_option("--config", o.config, "For a single-file checkpoint: a diffusers folder giving configs and tokenizer");
  command.add_option("--device", o.device, "cpu, cuda, cuda:N or auto")->capture_default_str();
  command.add_option("--dtype", o.dtype, "fp32, fp16, bf16 or auto (fp16 on CUDA, fp32 on the CPU)")->capture_default_str();
}

StableDiffusionModel loadModelFor(const ModelOptions& o) {
  const auto device = parseDevice(o.device);
  const auto dtype = parsePrecision(o.dtype, device);
  const auto start = std::chrono::steady_clock::now();
  auto model = loadStableDiffusion(o.model, o.config);
  model.to(device, dtype);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cout << "model " << o.model << " on " << describeDevice(device) << " (" << precisionName(dtype) << "), loaded in "
            << std::fixed << std::setprecision(1) << seconds << " s\n";
  std::cout.unsetf(std::ios::fixed);
  return model;
}

void warnIfTruncated(const StableDiffusionModel& model, const std::string& prompt) {
  const auto warning = promptTruncationWarning(model, prompt);
  if (!warning.empty()) std::cerr << "panocast: warning: " << warning << "\n";
}

}  // namespace panocast::cli
