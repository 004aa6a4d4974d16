#include "engine/panorama_job.h"

#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <fstream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <random>

#include "engine/latent_preview.h"
#include "engine/panorama_generation.h"
#include "engine/prompt_encoding.h"
#include "engine/sd_model.h"
#include "geometry/equirect_stitcher.h"
#include "geometry/panorama_file.h"
#include "io/atomic_file.h"
#include "io/image_tensor.h"
#include "io/safetensors.h"
#include "runtime/device.h"
#include "runtime/error.h"
#include "runtime/gpu_memory.h"
#include "runtime/stopwatch.h"
#include "runtime/torch_errors.h"
#include "runtime/version.h"

namespace panocast {
namespace fs = std::filesystem;

// What the cache holds: one model with its optional CAA modules, and the previewer fitted to its VAE.
struct PanoramaModelCache::State {
  std::mutex running;  // one job at a time per cache
  std::string modelKey, caaKey;
  std::unique_ptr<StableDiffusionModel> model;
  std::unique_ptr<CaaModules> caa;
  std::unique_ptr<LatentPreviewer> previewer;
};

PanoramaModelCache::PanoramaModelCache() : state_(std::make_unique<State>()) {}
PanoramaModelCache::~PanoramaModelCache() = default;

void PanoramaModelCache::clear() {
  std::lock_guard lock(state_->running);
  state_->previewer.reset();
  state_->caa.reset();
  state_->model.reset();
  state_->modelKey.clear();
  state_->caaKey.clear();
}

std::vector<std::string> readPromptLines(const fs::path& path) {
  std::ifstream in(path);
  if (!in) throw Error(path.string() + ": cannot read the prompts file");
  std::vector<std::string> prompts;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty()) prompts.push_back(line);
  }
  if (prompts.empty()) throw Error(path.string() + ": no prompts (one per line)");
  return prompts;
}

namespace {

void checkCancel(const PanoramaJobEvents& events) {
  if (events.cancelRequested && events.cancelRequested()) throw Cancelled();
}

void status(const PanoramaJobEvents& events, const std::string& text) {
  if (events.onStatus) events.onStatus(text);
}

void warnIfTruncated(const StableDiffusionModel& model, const std::string& prompt, const PanoramaJobEvents& events) {
  const auto warning = promptTruncationWarning(model, prompt);
  if (!warning.empty() && events.onWarning) events.onWarning(warning);
}

void validate(const PanoramaJobSpec& spec) {
  if (spec.prompts.empty()) throw Error("no prompt: give one prompt for all views or one per view");
  if (spec.outputFolder.empty()) throw Error("no output folder");
  if (fs::exists(spec.outputFolder) && !fs::is_directory(spec.outputFolder))
    throw Error(spec.outputFolder.string() + " exists and is not a folder");
  if (spec.steps < 1 || spec.steps > 1000) throw Error("steps must be between 1 and 1000");
  if (!(spec.guidance >= 0 && spec.guidance <= 50)) throw Error("guidance must be between 0 and 50");
  if (spec.panoramaWidth != 0 && (spec.panoramaWidth < 256 || spec.panoramaWidth > 16384 || spec.panoramaWidth % 2))
    throw Error("the panorama width must be even, 256 to 16384");
}

// The model for `spec`, loaded or taken from the cache.
StableDiffusionModel& modelFor(const PanoramaJobSpec& spec, PanoramaModelCache::State& state, PanoramaJobResult& result,
                               const PanoramaJobEvents& events) {
  const auto device = parseDevice(spec.device);
  const auto dtype = parsePrecision(spec.precision, device);
  const std::string key = spec.model.string() + "\n" + spec.config.string() + "\n" + device.str() + "\n" + precisionName(dtype);
  if (!state.model || state.modelKey != key) {
    state.previewer.reset();
    state.caa.reset();
    state.caaKey.clear();
    state.model.reset();  // free the old model's memory before loading the next
    state.modelKey.clear();
    status(events, "loading the model");
    const auto start = std::chrono::steady_clock::now();
    auto model = std::make_unique<StableDiffusionModel>(loadStableDiffusion(spec.model, spec.config));
    model->to(device, dtype);
    result.loadSeconds = secondsSince(start);
    state.model = std::move(model);
    state.modelKey = key;
  }
  return *state.model;
}

const CaaModules* caaFor(const PanoramaJobSpec& spec, MultiViewMethod method, StableDiffusionModel& model,
                         PanoramaModelCache::State& state, const PanoramaJobEvents& events) {
  if (method != MultiViewMethod::Caa) return nullptr;
  const std::string key = spec.caa.empty() ? "(inside the model)" : spec.caa.string();
  if (!state.caa || state.caaKey != key) {
    status(events, "loading the CAA weights");
    state.caa = std::make_unique<CaaModules>(
        spec.caa.empty() ? caaModulesFromTensors(model.unet->config(), model.caaWeights, model.source.string())
                         : loadCaaModules(model.unet->config(), spec.caa));
    (*state.caa)->to(model.device, model.dtype);
    state.caaKey = key;
  }
  return state.caa.get();
}

int viewSizeFor(const PanoramaJobSpec& spec, const StableDiffusionModel& model, const at::Tensor& latents) {
  if (spec.viewSize > 0) return spec.viewSize;
  if (latents.defined() && latents.dim() == 5) return static_cast<int>(latents.size(4)) * model.vaeScale();
  return model.unet->config().sampleSize * model.vaeScale();
}

int automaticPanoramaWidth(const PanoramaRequest& request) {
  const double width = 2 * 360.0 / request.fovDeg * request.viewSize;
  return std::clamp(2 * static_cast<int>(std::lround(width / 2)), 256, 16384);
}

SamplingControl samplingControl(const PanoramaJobEvents& events, PanoramaModelCache::State& state,
                                StableDiffusionModel& model) {
  SamplingControl control;
  control.cancelRequested = events.cancelRequested;
  control.onStep = [&events, &state, &model](const SamplingProgress& p) {
    if (events.onStep) events.onStep(p.call + 1, p.calls, p.elapsedSeconds);
    const bool last = p.call + 1 == p.calls;
    if (!events.onPreview || events.previewEvery <= 0 || !p.latents || (!last && (p.call + 1) % events.previewEvery))
      return;
    if (!state.previewer) state.previewer = std::make_unique<LatentPreviewer>(model.vae);
    const auto rgb = state.previewer->rgb(*p.latents);
    std::vector<ImageU8> previews;
    for (int64_t v = 0; v < rgb.size(0); ++v) previews.push_back(toImageU8(rgb[v]));
    events.onPreview(p.call + 1, previews);
  };
  return control;
}

nlohmann::json runRecord(const PanoramaJobSpec& spec, const PanoramaRequest& request, const PanoramaResult& generated,
                         const PanoramaJobResult& result, const StableDiffusionModel& model, const StitchSettings& stitch,
                         double coveredFraction, bool usedCaa) {
  return {{"panocast_version", productVersion()},
          {"method", result.method},
          {"model", spec.model.string()},
          {"caa", !usedCaa ? nlohmann::json(nullptr) : nlohmann::json(spec.caa.empty() ? model.source.string() : spec.caa.string())},
          {"prompts", request.prompts},
          {"negative_prompt", request.negativePrompt},
          {"views", request.views},
          {"fov_deg", request.fovDeg},
          {"view_size", request.viewSize},
          {"steps", request.steps},
          {"unet_calls", generated.unetCalls},
          {"guidance", request.guidance},
          {"seed", result.seeded ? nlohmann::json(result.seed) : nlohmann::json(nullptr)},
          {"initial_latents", spec.initialLatents.empty() ? nlohmann::json(nullptr) : nlohmann::json(spec.initialLatents.string())},
          {"scheduler", generated.scheduler.toJson()},
          {"device", result.device},
          {"dtype", result.precision},
          {"panorama", {{"file", "panorama.png"}, {"width", stitch.width}, {"blend", blendModeName(stitch.blend)},
                        {"cropped", spec.crop}, {"covered_fraction", coveredFraction}}},
          {"timings_s",
           {{"load", result.loadSeconds},
            {"text", result.textSeconds},
            {"denoise", result.denoiseSeconds},
            {"decode", result.decodeSeconds},
            {"stitch", result.stitchSeconds},
            {"total", result.totalSeconds}}}};
}

PanoramaJobResult runJob(const PanoramaJobSpec& spec, const PanoramaJobEvents& events, PanoramaModelCache::State& state) {
  const auto totalStart = std::chrono::steady_clock::now();
  validate(spec);
  PanoramaJobResult result;
  PanoramaRequest request;
  request.prompts = spec.prompts;
  request.negativePrompt = spec.negativePrompt;
  request.views = spec.views;
  request.fovDeg = spec.fovDeg;
  request.steps = spec.steps;
  request.guidance = spec.guidance;
  request.scheduler = schedulerKindFromName(spec.scheduler);
  request.sharedAttentionLevels = spec.sharedAttentionLevels;
  const auto blend = parseBlendMode(spec.blend.c_str());
  if (!spec.initialLatents.empty()) {
    SafetensorsFile file(spec.initialLatents);
    if (!file.contains("latents"))
      throw Error(spec.initialLatents.string() + ": no tensor named 'latents' (expected shape 1×8×4×h×w)");
    request.initialLatents = file.tensor("latents").to(torch::kFloat32);
    result.seeded = false;
  }
  result.seed = spec.seed ? *spec.seed : std::random_device{}() & 0xffffffffu;
  request.seed = result.seed;
  checkCancel(events);

  auto& model = modelFor(spec, state, result, events);
  checkCancel(events);
  const bool haveCaa = !spec.caa.empty() || !model.caaWeights.empty();
  request.method = spec.method.empty() ? (haveCaa ? MultiViewMethod::Caa : MultiViewMethod::Independent)
                                       : multiViewMethodFromName(spec.method);
  if (request.method == MultiViewMethod::Caa && !haveCaa)
    throw Error("the caa method needs CAA weights: caa.safetensors (panocast convert) or MVDiffusion's pano.ckpt, "
                "either as the CAA file or as the model");
  result.method = multiViewMethodName(request.method);
  result.device = model.device.str();
  result.precision = precisionName(model.dtype);
  for (const auto& prompt : request.prompts) warnIfTruncated(model, prompt, events);
  warnIfTruncated(model, request.negativePrompt, events);
  request.viewSize = viewSizeFor(spec, model, request.initialLatents);
  const auto* caa = caaFor(spec, request.method, model, state, events);
  checkCancel(events);

  status(events, "denoising");
  const auto generated = generatePanoramaViews(model, caa, request, samplingControl(events, state, model));
  result.unetCalls = generated.unetCalls;
  result.textSeconds = generated.timings.textSeconds;
  result.denoiseSeconds = generated.timings.denoiseSeconds;
  result.decodeSeconds = generated.timings.decodeSeconds;

  status(events, "stitching");
  const auto stitchStart = std::chrono::steady_clock::now();
  StitchSettings stitch;
  stitch.width = spec.panoramaWidth > 0 ? spec.panoramaWidth : automaticPanoramaWidth(request);
  stitch.blend = blend;
  const auto stitched = stitchEquirect(generated.views.to(model.device), panoramaRig(request).cameras(), stitch,
                                       [&events](int, int) { checkCancel(events); });
  result.stitchSeconds = secondsSince(stitchStart);

  status(events, "writing");
  const fs::path out = spec.outputFolder;
  fs::create_directories(out);
  result.folder = out;
  for (int v = 0; v < request.views; ++v) {
    result.viewFiles.push_back(out / ("view_" + std::to_string(v) + ".png"));
    writeImage(result.viewFiles.back(), toImageU8(generated.views[v]));
  }
  result.panoramaFile = out / "panorama.png";
  result.coverage = writeStitchedPanorama(stitched, stitch.width, spec.crop, result.panoramaFile);
  result.runFile = out / "run.json";
  result.totalSeconds = secondsSince(totalStart);
  const auto record = runRecord(spec, request, generated, result, model, stitch, stitched.coveredFraction, caa != nullptr);
  writeFileAtomically(result.runFile, record.dump(2) + "\n");
  return result;
}

}  // namespace

PanoramaJobResult runPanoramaJob(const PanoramaJobSpec& spec, const PanoramaJobEvents& events, PanoramaModelCache* cache) {
  PanoramaModelCache local;
  auto& state = *(cache ? cache : &local)->state_;
  std::lock_guard lock(state.running);
  try {
    return runJob(spec, events, state);
  } catch (const c10::Error& e) {
    // A failure inside LibTorch (out of GPU memory above all) leaves the cached model usable,
    // but the allocator may hold the failed step's blocks: let them go.
    releaseCachedGpuMemory();
    throw Error(describeTorchError(e));
  }
}

}  // namespace panocast
