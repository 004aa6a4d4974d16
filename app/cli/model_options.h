#pragma once
// The options every model-running command shares (--model, --config, --device, --dtype) and
// loading the model accordingly, with messages that say what to fix.
#include <CLI/CLI.hpp>

#include <string>

#include "engine/sd_model.h"

namespace panocast::cli {

struct ModelOptions {
  std::string model;
  std::string config;  // for single-file checkpoints
  std::string device = "auto";
  std::string dtype = "auto";
};

void addModelOptions(CLI::App& command, ModelOptions& options);

// Loads and moves the model; prints what it loaded to stdout.
StableDiffusionModel loadModelFor(const ModelOptions& options);

// Prints a warning on stderr when `prompt` is longer than CLIP's 75 tokens (the rest is cut, as
// in diffusers), naming where it is cut.
void warnIfTruncated(const StableDiffusionModel& model, const std::string& prompt);


}  // namespace panocast::cli
