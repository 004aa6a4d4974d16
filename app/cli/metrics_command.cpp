// panocast metrics: how good and how consistent generated images are. The work is core's
// metrics job (shared with the studio's Metrics tab); this file checks the options, draws the
// progress bars, prints the table and writes the JSON.
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <string>

#include "commands.h"
#include "engine/panorama_job.h"
#include "interrupt.h"
#include "io/atomic_file.h"
#include "metrics/feature_cache.h"
#include "metrics/metrics_job.h"
#include "progress_bar.h"
#include "runtime/device_names.h"
#include "runtime/error.h"

namespace panocast::cli {
namespace {
namespace fs = std::filesystem;

struct MetricsOptions {
  std::string generated, reference, prompts, inception, clip, out, cacheDir;
  std::string device = "cpu";
  bool consistency = false;
  bool noCache = false;
  int batch = 32;
};

void requireFile(const std::string& path, const char* option) {
  std::error_code ec;
  if (!fs::exists(path, ec)) throw Error(std::string(option) + ": " + path + ": file not found");
  if (!fs::is_regular_file(path, ec)) throw Error(std::string(option) + ": " + path + ": not a file");
}

void requireFolder(const std::string& path, const char* option) {
  std::error_code ec;
  if (!fs::exists(path, ec)) throw Error(std::string(option) + ": " + path + ": folder not found");
  if (!fs::is_directory(path, ec)) throw Error(std::string(option) + ": " + path + ": not a folder");
}

// Checks the options with their names in the messages, before any slow work.
void checkOptions(const MetricsOptions& o) {
  resolveDeviceName(o.device);
  if (o.batch < 1) throw Error("--batch: must be at least 1");
  const fs::path out(o.out);
  const auto folder = out.has_parent_path() ? out.parent_path() : fs::path(".");
  std::error_code ec;
  if (!fs::is_directory(folder, ec)) throw Error("--out: " + o.out + ": folder " + folder.string() + " does not exist");
  if (fs::is_directory(out, ec)) throw Error("--out: " + o.out + " is a folder; give the JSON file to write");
  requireFolder(o.generated, "--generated");
  if (!o.reference.empty()) {
    requireFolder(o.reference, "--reference");
    if (listImageFiles(o.reference).empty())
      throw Error("--reference: " + o.reference + " holds no images (PNG, JPEG, … files directly in the folder)");
  }
  if (!o.inception.empty()) requireFile(o.inception, "--inception");
  if (!o.prompts.empty()) requireFile(o.prompts, "--prompts");
  if (!o.clip.empty()) requireFolder(o.clip, "--clip");
}

void printTable(const std::vector<std::pair<std::string, std::string>>& rows) {
  size_t width = 6;
  for (const auto& [metric, value] : rows) width = std::max(width, metric.size());
  std::printf("%-*s  %s\n", static_cast<int>(width), "metric", "value");
  std::printf("%s  %s\n", std::string(width, '-').c_str(), std::string(32, '-').c_str());
  for (const auto& [metric, value] : rows) std::printf("%-*s  %s\n", static_cast<int>(width), metric.c_str(), value.c_str());
}

void metrics(const MetricsOptions& o) {
  checkOptions(o);
  MetricsJobSpec spec;
  spec.generated = {o.generated};
  spec.reference = o.reference;
  spec.inception = o.inception;
  spec.clip = o.clip;
  if (!o.prompts.empty()) spec.prompts = readPromptLines(o.prompts);
  spec.cacheFolder = o.cacheDir;
  spec.useCache = !o.noCache;
  spec.consistency = o.consistency;
  spec.device = o.device;
  spec.batch = o.batch;
  spec.inceptionHint = "pass --inception";
  spec.clipHint = "pass --clip DIR";
  spec.promptsHint = "pass --prompts FILE (one per line: one for all images or one per image)";
  spec.consistencyHint = "add --consistency";

  installInterruptHandler();
  std::map<std::string, std::unique_ptr<ProgressBar>> bars;
  MetricsJobEvents events;
  events.onProgress = [&](const std::string& stage, int64_t done, int64_t total) {
    if (stage == "consistency") return;  // quick; the table follows
    auto& bar = bars[stage];
    if (!bar) bar = std::make_unique<ProgressBar>(stage);
    if (total > 0) bar->update(static_cast<int>(done), static_cast<int>(total));
    if (done >= total) bar->finish();
  };
  events.onWarning = [](const std::string& text) { std::cerr << "warning: " << text << "\n"; };
  events.onNote = [](const std::string& text) { std::cout << text << "\n"; };
  events.cancelRequested = [] { return interruptRequested(); };
  const auto report = runMetricsJob(spec, events);
  writeFileAtomically(o.out, report.json.dump(2) + "\n");

  std::cout << "\n";
  printTable(report.table);
  const auto& images = report.json["images"];
  std::cout << "\nwrote " << o.out << " (" << images["generated"].get<int64_t>() << " generated"
            << (o.reference.empty() ? std::string() : ", " + std::to_string(images["reference"].get<int64_t>()) + " reference")
            << " images)\n";
}

}  // namespace

void addMetricsCommand(CLI::App& app) {
  auto o = std::make_shared<MetricsOptions>();
  auto* cmd = app.add_subcommand("metrics", "FID, KID, Inception Score, CLIP score and panorama view consistency");
  cmd->add_option("--generated", o->generated,
                  "Folder of generated images, or of panorama runs (folders with view_*.png and run.json)")
      ->required();
  cmd->add_option("--reference", o->reference, "Folder of real images for FID/KID (features are cached)");
  cmd->add_option("--prompts", o->prompts,
                  "Prompts for CLIP score, one per line: one for all images or one per image in file-name order "
                  "(panorama runs use the prompts in their run.json)");
  cmd->add_option("--inception", o->inception,
                  std::string("FID Inception weights: ") + kInceptionWeightsFile + " or a safetensors conversion");
  cmd->add_option("--clip", o->clip,
                  "CLIP model folder for CLIP score (transformers format, e.g. openai/clip-vit-base-patch16; "
                  "`panocast convert` makes one from OpenAI's .pt)");
  cmd->add_flag("--consistency", o->consistency, "Overlap PSNR/SSIM and seam score of panorama runs");
  cmd->add_option("--device", o->device, "cpu (default) or cuda");
  cmd->add_option("--out", o->out, "JSON file to write")->required();
  cmd->add_option("--cache-dir", o->cacheDir,
                  "Feature cache folder (default $PANOCAST_FEATURE_CACHE or ~/.cache/panocast/features)");
  cmd->add_flag("--no-cache", o->noCache, "Compute reference features without reading or writing the cache");
  cmd->add_option("--batch", o->batch, "Images per Inception batch")->capture_default_str();
  cmd->callback([o] { metrics(*o); });
}

}  // namespace panocast::cli
