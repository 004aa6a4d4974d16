// panocast generate --method …: the eight views of a 360° scene, stitched into the panorama.
// Writes view_0.png … view_{M−1}.png, panorama.png and run.json (settings, seed, timings).
#include <torch/torch.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>

#include "arguments.h"
#include "engine/panorama_generation.h"
#include "engine/sd_model.h"
#include "generate_options.h"
#include "geometry/equirect_stitcher.h"
#include "interrupt.h"
#include "io/atomic_file.h"
#include "io/image.h"
#include "io/image_tensor.h"
#include "panorama_output.h"
#include "progress_bar.h"
#include "runtime/error.h"
#include "runtime/stopwatch.h"
#include "runtime/version.h"

namespace panocast::cli {
namespace fs = std::filesystem;
namespace {

std::vector<std::string> readPrompts(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw Error(path + ": cannot read the prompts file");
  std::vector<std::string> prompts;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty()) prompts.push_back(line);
  }
  if (prompts.empty()) throw Error(path + ": no prompts (one per line)");
  return prompts;
}

int viewSize(const GenerateOptions& o, const StableDiffusionModel& model, const at::Tensor& latents) {
  if (!o.size.empty()) {
    const auto [w, h] = o.size.find('x') == std::string::npos ? parseSize(o.size + "x" + o.size, "--size")
                                                              : parseSize(o.size, "--size");
    if (w != h) throw Error("--size: panorama views are square (give one number)");
    return w;
  }
  if (latents.defined() && latents.dim() == 5) return static_cast<int>(latents.size(4)) * model.vaeScale();
  return model.unet->config().sampleSize * model.vaeScale();
}

}  // namespace

bool isPanoramaJob(const GenerateOptions& o) {
  return !o.method.empty() || !o.prompts.empty() || !o.caa.empty() || fs::path(o.out).extension().empty();
}

void runPanoramaJob(const GenerateOptions& o) {
  const auto totalStart = std::chrono::steady_clock::now();
  PanoramaRequest request;
  if (!o.method.empty()) request.method = multiViewMethodFromName(o.method);
  if (!o.prompts.empty()) request.prompts = readPrompts(o.prompts);
  else if (!o.prompt.empty()) request.prompts = {o.prompt};
  else throw Error("give --prompt (all views) or --prompts FILE (one line per view)");
  request.negativePrompt = o.negative;
  request.views = o.views;
  request.fovDeg = o.fov;
  // MVDiffusion's preset (DDIM 50, guidance 9) for every method, so methods compare like for like.
  request.steps = o.stepsGiven ? o.steps : 50;
  request.guidance = o.guidanceGiven ? o.guidance : 9.0;
  request.scheduler = o.schedulerGiven ? schedulerKindFromName(o.scheduler) : SchedulerKind::Ddim;
  request.seed = o.seed >= 0 ? static_cast<uint64_t>(o.seed) : std::random_device{}() & 0xffffffffu;
  if (!o.latents.empty()) request.initialLatents = readInitialLatents(o.latents, "1×8×4×h×w");
  const auto blend = parseBlendMode(o.blend.c_str());
  if (o.panoramaWidth < 256 || o.panoramaWidth > 16384 || o.panoramaWidth % 2) throw Error("--width must be even, 256 to 16384");

  const fs::path out = o.out;
  if (fs::exists(out) && !fs::is_directory(out)) throw Error("--out: " + out.string() + " exists and is not a folder");

  auto model = loadModelFor(o.model);
  // Without --method: CAA when there are CAA weights (--caa, or MVDiffusion's checkpoint as the
  // model), else the baseline.
  const bool haveCaa = !o.caa.empty() || !model.caaWeights.empty();
  if (o.method.empty()) request.method = haveCaa ? MultiViewMethod::Caa : MultiViewMethod::Independent;
  if (request.method == MultiViewMethod::Caa && !haveCaa)
    throw Error("--method caa needs CAA weights: --caa FILE (caa.safetensors, or MVDiffusion's pano.ckpt), or "
                "MVDiffusion's pano.ckpt as --model");
  for (const auto& prompt : request.prompts) warnIfTruncated(model, prompt);
  warnIfTruncated(model, request.negativePrompt);
  request.viewSize = viewSize(o, model, request.initialLatents);
  std::unique_ptr<CaaModules> caa;
  if (request.method == MultiViewMethod::Caa) {
    caa = std::make_unique<CaaModules>(
        o.caa.empty() ? caaModulesFromTensors(model.unet->config(), model.caaWeights, model.source.string())
                      : loadCaaModules(model.unet->config(), o.caa));
    (*caa)->to(model.device, model.dtype);
  }

  installInterruptHandler();
  ProgressBar bar(multiViewMethodName(request.method));
  const auto control = terminalSamplingControl(bar);
  const auto result = generatePanoramaViews(model, caa ? caa.get() : nullptr, request, control);
  bar.finish();

  const auto stitchStart = std::chrono::steady_clock::now();
  StitchSettings settings;
  settings.width = o.panoramaWidth;
  settings.blend = blend;
  const auto rig = panoramaRig(request);
  const auto stitched = stitchEquirect(result.views.to(model.device), rig.cameras(), settings, [](int, int) {
    if (interruptRequested()) throw Cancelled();
  });
  const double stitchSeconds = secondsSince(stitchStart);

  fs::create_directories(out);
  for (int v = 0; v < request.views; ++v) writeImage(out / ("view_" + std::to_string(v) + ".png"), toImageU8(result.views[v]));
  const auto summary = writeStitchedPanorama(stitched, settings.width, o.crop, out / "panorama.png");

  nlohmann::json prompts = request.prompts;
  const nlohmann::json run = {
      {"panocast_version", productVersion()},
      {"method", multiViewMethodName(request.method)},
      {"model", o.model.model},
      {"caa", !caa ? nlohmann::json(nullptr) : nlohmann::json(o.caa.empty() ? model.source.string() : o.caa)},
      {"prompts", prompts},
      {"negative_prompt", request.negativePrompt},
      {"views", request.views},
      {"fov_deg", request.fovDeg},
      {"view_size", request.viewSize},
      {"steps", request.steps},
      {"unet_calls", result.unetCalls},
      {"guidance", request.guidance},
      {"seed", request.initialLatents.defined() ? nlohmann::json(nullptr) : nlohmann::json(request.seed)},
      {"initial_latents", o.latents.empty() ? nlohmann::json(nullptr) : nlohmann::json(o.latents)},
      {"scheduler", result.scheduler.toJson()},
      {"device", model.device.str()},
      {"dtype", dtypeName(model.dtype)},
      {"panorama", {{"file", "panorama.png"}, {"width", settings.width}, {"blend", blendModeName(settings.blend)},
                    {"cropped", o.crop}, {"covered_fraction", stitched.coveredFraction}}},
      {"timings_s",
       {{"text", result.timings.textSeconds},
        {"denoise", result.timings.denoiseSeconds},
        {"decode", result.timings.decodeSeconds},
        {"stitch", stitchSeconds},
        {"total", secondsSince(totalStart)}}}};
  writeFileAtomically(out / "run.json", run.dump(2) + "\n");
  std::cout << "wrote " << request.views << " views, panorama.png and run.json to " << out.string() << " (seed "
            << request.seed << ", " << result.unetCalls << " UNet calls, denoise " << result.timings.denoiseSeconds
            << " s)\n"
            << summary;
}

}  // namespace panocast::cli
