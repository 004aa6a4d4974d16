#include "engine/text_to_image.h"

#include <torch/torch.h>

#include <chrono>

#include "engine/prompt_encoding.h"
#include "engine/sd_model.h"
#include "runtime/error.h"
#include "runtime/stopwatch.h"

namespace panocast {
at::Tensor seededNoise(uint64_t seed, at::IntArrayRef shape) {
  auto generator = at::detail::createCPUGenerator(seed);
  return torch::randn(shape, generator, torch::kFloat32);
}

at::Tensor startingLatents(const at::Tensor& given, at::IntArrayRef shape, uint64_t seed) {
  if (!given.defined()) return seededNoise(seed, shape);
  if (given.sizes() != shape)
    throw Error("initial latents have shape " + c10::str(given.sizes()) + ", expected " + c10::str(shape));
  return given.to(torch::kFloat32);
}

void requireImageSize(const StableDiffusionModel& model, int width, int height) {
  const int multiple = model.vaeScale() * (1 << (model.unet->config().blockCount() - 1));
  if (width <= 0 || height <= 0 || width % multiple != 0 || height % multiple != 0)
    throw Error("image size " + std::to_string(width) + "×" + std::to_string(height) + " is not supported: width and "
                "height must be positive multiples of " + std::to_string(multiple));
}

void synchronizeDevice(const StableDiffusionModel& model) {
  if (model.device.is_cuda()) torch::cuda::synchronize(model.device.index());
}

TextToImageResult generateImage(StableDiffusionModel& model, const TextToImageRequest& request,
                                const SamplingControl& control) {
  torch::NoGradGuard noGrad;
  requireImageSize(model, request.width, request.height);
  if (request.steps < 1 || request.steps > 1000) throw Error("steps must be between 1 and 1000");
  const int scale = model.vaeScale();
  const int64_t channels = model.unet->config().inChannels;
  const std::vector<int64_t> latentShape{1, channels, request.height / scale, request.width / scale};

  TextToImageResult result;
  result.scheduler = model.schedulerConfig(request.scheduler.value_or(model.schedulerKind));
  auto scheduler = makeScheduler(result.scheduler);
  scheduler->setTimesteps(request.steps);
  result.unetCalls = scheduler->calls();

  auto start = std::chrono::steady_clock::now();
  const bool guided = request.guidance > 1.0;
  const auto context = guided ? encodePrompts(model, {request.negativePrompt, request.prompt})
                              : encodePrompts(model, {request.prompt});
  synchronizeDevice(model);
  result.timings.textSeconds = secondsSince(start);

  auto latents = (startingLatents(request.initialLatents, latentShape, request.seed) * scheduler->initNoiseSigma())
                     .to(model.device);

  auto unet = model.unet;
  const auto dtype = model.dtype;
  const NoisePredictor predict = [&](const at::Tensor& input, double t) {
    return classifierFreeGuidance(input, request.guidance, [&](const at::Tensor& batch, bool) {
      const auto timestep = torch::full({}, t, torch::dtype(torch::kFloat32).device(batch.device()));
      return unet->forward(batch.to(dtype), timestep, context);
    });
  };
  start = std::chrono::steady_clock::now();
  if (request.strip) {
    const auto& windows = *request.strip;
    if (latentShape[2] < windows.window || latentShape[3] < windows.window)
      throw Error("MultiDiffusion needs an image at least " + std::to_string(windows.window * scale) + " pixels in each direction");
    const auto unconditional = guided ? context.slice(0, 0, 1) : context;
    const auto conditional = guided ? context.slice(0, 1, 2) : context;
    latents = sampleMultiDiffusionStrip(unet, *scheduler, latents, unconditional, conditional, guided ? request.guidance : 1.0,
                                        dtype, windows, control);
    result.unetCalls = static_cast<int>(stripWindowOrigins(static_cast<int>(latentShape[2]), static_cast<int>(latentShape[3]), windows).size()) *
                       scheduler->calls();
  } else {
    latents = runSampler(*scheduler, latents, predict, control);
  }
  synchronizeDevice(model);
  result.timings.denoiseSeconds = secondsSince(start);

  start = std::chrono::steady_clock::now();
  const auto vaeType = model.vae->parameters().front().scalar_type();
  if (request.strip && request.strip->circular) {
    // Decode with 8 latent columns of the other edge on each side, then cut them: the decoder's
    // receptive field sees across the wrap, so the seam does not show (sd2.md §11).
    const int64_t pad = std::min<int64_t>(8, latents.size(3));
    const auto padded = torch::cat({latents.slice(3, latents.size(3) - pad), latents, latents.slice(3, 0, pad)}, 3);
    const auto image = model.vae->decodeToImage(padded.to(vaeType));
    result.image = image.slice(3, pad * scale, image.size(3) - pad * scale).to(torch::kCPU, torch::kFloat32);
  } else {
    result.image = model.vae->decodeToImage(latents.to(vaeType)).to(torch::kCPU, torch::kFloat32);
  }
  result.timings.decodeSeconds = secondsSince(start);
  result.latents = latents.to(torch::kCPU);
  return result;
}

}  // namespace panocast
