// panocast inspect: what a model folder holds (components, classes, tensors, parameters, dtypes)
// without loading any weights.
#include <cstdio>
#include <iostream>

#include "commands.h"
#include "engine/sd_model.h"
#include "io/json_file.h"
#include "runtime/error.h"

namespace panocast::cli {
namespace {

std::string withThousands(int64_t value) {
  std::string digits = std::to_string(value), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string megabytes(int64_t bytes) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f MB", bytes / 1e6);
  return text;
}

void inspect(const std::string& folder) {
  const auto components = inspectModelFolder(folder);
  std::printf("%-14s %-28s %-34s %8s %15s %-9s %10s\n", "component", "class", "weights", "tensors", "parameters",
              "dtypes", "size");
  int64_t total = 0;
  for (const auto& c : components) {
    std::string dtypes;
    for (const auto& d : c.dtypes) dtypes += (dtypes.empty() ? "" : "+") + d;
    std::printf("%-14s %-28s %-34s %8s %15s %-9s %10s\n", c.name.c_str(), c.className.c_str(),
                c.weightsFile.empty() ? "-" : c.weightsFile.c_str(), c.tensors ? std::to_string(c.tensors).c_str() : "-",
                c.parameters ? withThousands(c.parameters).c_str() : "-", dtypes.empty() ? "-" : dtypes.c_str(),
                c.bytes ? megabytes(c.bytes).c_str() : "-");
    if (!c.note.empty()) std::printf("%14s note: %s\n", "", c.note.c_str());
    total += c.parameters;
  }
  std::printf("total parameters: %s\n", withThousands(total).c_str());
  const auto schedulerFile = std::filesystem::path(folder) / "scheduler" / "scheduler_config.json";
  if (std::filesystem::exists(schedulerFile)) {
    const auto json = readJsonFile(schedulerFile);
    std::printf("scheduler: %s, prediction %s, spacing %s, steps_offset %s\n",
                json.value("_class_name", std::string("?")).c_str(),
                json.value("prediction_type", std::string("epsilon")).c_str(),
                json.value("timestep_spacing", std::string("(class default)")).c_str(),
                json.contains("steps_offset") ? json["steps_offset"].dump().c_str() : "0");
  }
}

}  // namespace

void addInspectCommand(CLI::App& app) {
  auto folder = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand("inspect", "Show the components, classes, parameter counts and dtypes of a model folder");
  cmd->add_option("--model", *folder, "Diffusers model folder")->required();
  cmd->callback([folder] { inspect(*folder); });
}

}  // namespace panocast::cli
