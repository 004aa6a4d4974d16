// panocast generate: one image from a prompt with Stable Diffusion (the multi-view methods build
// on the same options). Writes the PNG and a .json sidecar with every setting and timing.
#include <torch/torch.h>

#include <filesystem>
#include <iostream>
#include <random>
#include <sstream>

#include "arguments.h"
#include "commands.h"
#include "engine/text_to_image.h"
#include "interrupt.h"
#include "io/atomic_file.h"
#include "io/image.h"
#include "io/image_tensor.h"
#include "io/safetensors.h"
#include "generate_options.h"
#include "progress_bar.h"
#include "runtime/device.h"
#include "runtime/error.h"
#include "runtime/version.h"

namespace panocast::cli {
namespace {


std::pair<int, int> imageSize(const GenerateOptions& o, const StableDiffusionModel& model, const at::Tensor& latents) {
  if (!o.size.empty()) {
    if (o.size.find('x') == std::string::npos) return parseSize(o.size + "x" + o.size, "--size");
    return parseSize(o.size, "--size");
  }
  if (latents.defined() && latents.dim() == 4)
    return {static_cast<int>(latents.size(3)) * model.vaeScale(), static_cast<int>(latents.size(2)) * model.vaeScale()};
  const int side = model.unet->config().sampleSize * model.vaeScale();
  return {side, side};
}

std::filesystem::path sidecarPath(const std::filesystem::path& out) {
  auto path = out;
  return path.replace_extension(".json");
}

}  // namespace

at::Tensor readInitialLatents(const std::string& path, const std::string& expectedShape) {
  SafetensorsFile file(path);
  if (!file.contains("latents"))
    throw Error(path + ": no tensor named 'latents' (expected shape " + expectedShape + ")");
  return file.tensor("latents").to(torch::kFloat32);
}

void runImageJob(const GenerateOptions& o) {
  const std::filesystem::path out = o.out;
  const auto extension = out.extension().string();
  if (extension != ".png" && extension != ".jpg" && extension != ".jpeg")
    throw Error("--out: unsupported output format '" + extension + "' (use .png or .jpg)");
  if (o.steps < 1 || o.steps > 1000) throw Error("--steps must be between 1 and 1000");
  if (!(o.guidance >= 0 && o.guidance <= 50)) throw Error("--guidance must be between 0 and 50");

  TextToImageRequest request;
  request.prompt = o.prompt;
  request.negativePrompt = o.negative;
  request.steps = o.steps;
  request.guidance = o.guidance;
  if (!o.scheduler.empty()) request.scheduler = schedulerKindFromName(o.scheduler);
  if (!o.latents.empty()) request.initialLatents = readInitialLatents(o.latents, "1×4×h×w");
  request.seed = o.seed >= 0 ? static_cast<uint64_t>(o.seed) : std::random_device{}() & 0xffffffffu;
  if (o.circular && !o.strip) throw Error("--circular needs --strip");

  auto model = loadModelFor(o.model);
  if (o.strip) request.strip = StripWindows{64, 8, o.circular};  // diffusers: 64-cell windows every 8 cells, any model
  warnIfTruncated(model, request.prompt);
  warnIfTruncated(model, request.negativePrompt);
  std::tie(request.width, request.height) = imageSize(o, model, request.initialLatents);
  requireImageSize(model, request.width, request.height);

  installInterruptHandler();
  ProgressBar bar("denoising");
  const auto control = terminalSamplingControl(bar);
  const auto result = generateImage(model, request, control);
  bar.finish();

  writeImage(out, toImageU8(result.image[0]));
  nlohmann::json sidecar = {
      {"panocast_version", productVersion()},
      {"model", o.model.model},
      {"prompt", request.prompt},
      {"negative_prompt", request.negativePrompt},
      {"steps", request.steps},
      {"unet_calls", result.unetCalls},
      {"guidance", request.guidance},
      {"seed", request.initialLatents.defined() ? nlohmann::json(nullptr) : nlohmann::json(request.seed)},
      {"initial_latents", o.latents.empty() ? nlohmann::json(nullptr) : nlohmann::json(o.latents)},
      {"width", request.width},
      {"height", request.height},
      {"scheduler", result.scheduler.toJson()},
      {"device", model.device.str()},
      {"dtype", precisionName(model.dtype)},
      {"multidiffusion", request.strip ? nlohmann::json{{"window", request.strip->window}, {"stride", request.strip->stride},
                                                        {"circular", request.strip->circular}}
                                       : nlohmann::json(nullptr)},
      {"timings_s",
       {{"text", result.timings.textSeconds},
        {"denoise", result.timings.denoiseSeconds},
        {"decode", result.timings.decodeSeconds},
        {"total", result.timings.totalSeconds()}}},
      {"image", out.filename().string()}};
  writeFileAtomically(sidecarPath(out), sidecar.dump(2) + "\n");
  std::cout << "wrote " << out.string() << " (" << request.width << "x" << request.height << ", seed " << request.seed
            << ", " << result.unetCalls << " UNet calls, " << result.timings.totalSeconds() << " s) and "
            << sidecarPath(out).string() << "\n";
}

void addGenerateCommand(CLI::App& app) {
  auto o = std::make_shared<GenerateOptions>();
  auto* cmd = app.add_subcommand("generate",
                                 "Generate an image, or with --method the eight views and the 360° panorama, from text");
  addModelOptions(*cmd, o->model);
  cmd->add_option("--prompt", o->prompt, "What to generate (for a panorama: shared by all views)");
  cmd->add_option("--prompts", o->prompts, "Panorama: a text file with one prompt per view (8 lines)");
  cmd->add_option("--negative", o->negative, "What to avoid (default: empty prompt)");
  auto* steps = cmd->add_option("--steps", o->steps, "Inference steps (default 50)");
  auto* guidance = cmd->add_option("--guidance", o->guidance, "Guidance scale (default 7.5; panorama 9; ≤ 1 turns it off)");
  auto* scheduler = cmd->add_option("--scheduler", o->scheduler, "ddim, pndm, euler or dpmpp2m (default: the model's; panorama ddim)");
  cmd->add_option("--seed", o->seed, "Noise seed (default: random, recorded in the sidecar)");
  cmd->add_option("--size", o->size, "Image (or view) size: 512 or WxH (default: the model's native size)");
  cmd->add_option("--latents", o->latents, "Start from the tensor 'latents' of this .safetensors file (1×4×h×w; panorama 1×8×4×h×w)");
  cmd->add_option("--method", o->method, "Panorama: independent, caa, multidiffusion or shared-attention");
  cmd->add_option("--caa", o->caa, "Panorama with caa: the CAA weights (caa.safetensors from panocast convert, or MVDiffusion's pano.ckpt)");
  cmd->add_option("--views", o->views, "Panorama: views around the ring")->capture_default_str();
  cmd->add_option("--fov", o->fov, "Panorama: horizontal field of view of each view, degrees")->capture_default_str();
  cmd->add_option("--width", o->panoramaWidth, "Panorama width (height = width / 2)")->capture_default_str();
  cmd->add_option("--blend", o->blend, "Panorama stitching: seamless (multi-band) or triangle (MVDiffusion's)")->capture_default_str();
  cmd->add_flag("--crop", o->crop, "Panorama: keep only the latitudes every column covers");
  cmd->add_flag("--strip", o->strip, "One wide image (e.g. --size 2048x512) by MultiDiffusion over 512-pixel windows");
  cmd->add_flag("--circular", o->circular, "With --strip: windows wrap around, so the left and right edges join (a 360° strip)");
  cmd->add_option("--out", o->out, "Output image (.png/.jpg, with a .json sidecar), or a folder for the panorama job")->required();
  cmd->callback([o, steps, guidance, scheduler] {
    o->stepsGiven = steps->count() > 0;
    o->guidanceGiven = guidance->count() > 0;
    o->schedulerGiven = scheduler->count() > 0;
    if (isPanoramaJob(*o)) {
      runPanoramaJob(*o);
    } else {
      if (o->prompt.empty() && o->prompts.empty()) throw Error("--prompt is required");
      if (!o->prompts.empty()) throw Error("--prompts is for the panorama job (add --method)");
      runImageJob(*o);
    }
  });
}

}  // namespace panocast::cli
