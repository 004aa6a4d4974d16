// panocast generate --method …: the eight views of a 360° scene, stitched into the panorama.
// The work is core's panorama job (shared with the studio); this file maps options onto it and
// draws the terminal progress.
#include <filesystem>
#include <iostream>

#include "arguments.h"
#include "engine/panorama_job.h"
#include "generate_options.h"
#include "interrupt.h"
#include "progress_bar.h"
#include "runtime/error.h"

namespace panocast::cli {
namespace fs = std::filesystem;
namespace {

int squareViewSize(const std::string& size) {
  if (size.empty()) return 0;
  const auto [w, h] = size.find('x') == std::string::npos ? parseSize(size + "x" + size, "--size") : parseSize(size, "--size");
  if (w != h) throw Error("--size: panorama views are square (give one number)");
  return w;
}

}  // namespace

bool isPanoramaJob(const GenerateOptions& o) {
  return !o.method.empty() || !o.prompts.empty() || !o.caa.empty() || fs::path(o.out).extension().empty();
}

PanoramaJobSpec panoramaJobSpec(const GenerateOptions& o) {
  PanoramaJobSpec spec;
  spec.model = o.model.model;
  spec.config = o.model.config;
  spec.device = o.model.device;
  spec.precision = o.model.dtype;
  spec.caa = o.caa;
  if (!o.prompts.empty()) spec.prompts = readPromptLines(o.prompts);
  else if (!o.prompt.empty()) spec.prompts = {o.prompt};
  else throw Error("give --prompt (all views) or --prompts FILE (one line per view)");
  spec.negativePrompt = o.negative;
  spec.method = o.method;
  // MVDiffusion's preset (DDIM 50, guidance 9) for every method, so methods compare like for like.
  spec.steps = o.stepsGiven ? o.steps : 50;
  spec.guidance = o.guidanceGiven ? o.guidance : 9.0;
  spec.scheduler = o.schedulerGiven ? o.scheduler : "ddim";
  if (o.seed >= 0) spec.seed = static_cast<uint64_t>(o.seed);
  spec.views = o.views;
  spec.fovDeg = o.fov;
  spec.viewSize = squareViewSize(o.size);
  spec.initialLatents = o.latents;
  spec.panoramaWidth = o.panoramaWidth;
  spec.blend = o.blend;
  spec.crop = o.crop;
  spec.outputFolder = o.out;
  return spec;
}

void runPanoramaJob(const GenerateOptions& o) {
  const auto spec = panoramaJobSpec(o);
  installInterruptHandler();
  ProgressBar bar(spec.method.empty() ? "panorama" : spec.method);
  PanoramaJobEvents events;
  events.onStatus = [&](const std::string& status) {
    if (status == "denoising" || status == "stitching") return;  // the bar shows those
    std::cout << status << " …\n" << std::flush;
  };
  events.onWarning = [](const std::string& warning) { std::cerr << "panocast: warning: " << warning << "\n"; };
  events.onStep = [&](int done, int total, double) { bar.update(done, total); };
  events.cancelRequested = [] { return interruptRequested(); };
  const auto result = panocast::runPanoramaJob(spec, events);
  bar.finish();
  std::cout << "model " << spec.model.string() << " on " << result.device << " (" << result.precision << ")";
  if (result.loadSeconds > 0) std::cout << ", loaded in " << result.loadSeconds << " s";
  std::cout << "\nwrote " << result.viewFiles.size() << " views, panorama.png and run.json to " << result.folder.string()
            << " (" << result.method << ", seed " << result.seed << ", " << result.unetCalls << " UNet calls, denoise "
            << result.denoiseSeconds << " s)\n"
            << result.coverage;
}

}  // namespace panocast::cli
