#include "engine/multidiffusion_strip.h"

#include <torch/torch.h>

#include <chrono>

#include "runtime/error.h"

namespace panocast {
namespace {

// Columns [start, start + width) of x, wrapping past the right edge.
at::Tensor cropColumns(const at::Tensor& x, int start, int width) {
  const int w = static_cast<int>(x.size(3));
  if (start + width <= w) return x.slice(3, start, start + width);
  return torch::cat({x.slice(3, start, w), x.slice(3, 0, start + width - w)}, 3);
}

void addColumns(at::Tensor& canvas, const at::Tensor& part, int start) {
  const int w = static_cast<int>(canvas.size(3)), width = static_cast<int>(part.size(3));
  const int first = std::min(width, w - start);
  canvas.slice(3, start, start + first).add_(part.slice(3, 0, first));
  if (first < width) canvas.slice(3, 0, width - first).add_(part.slice(3, first, width));
}

}  // namespace

std::vector<std::pair<int, int>> stripWindowOrigins(int h, int w, const StripWindows& s) {
  if (s.window <= 0 || s.stride <= 0) throw Error("MultiDiffusion: window and stride must be positive");
  const int rows = h > s.window ? (h - s.window) / s.stride + 1 : 1;
  const int cols = s.circular ? w / s.stride : (w > s.window ? (w - s.window) / s.stride + 1 : 1);
  std::vector<std::pair<int, int>> origins;
  for (int n = 0; n < rows * cols; ++n) origins.emplace_back((n / cols) * s.stride, (n % cols) * s.stride);
  return origins;
}

at::Tensor sampleMultiDiffusionStrip(UNet2DCondition& unet, const Scheduler& scheduler, at::Tensor latents,
                                     const at::Tensor& unconditional, const at::Tensor& conditional, double guidance,
                                     c10::ScalarType dtype, const StripWindows& windows, const SamplingControl& control) {
  torch::NoGradGuard noGrad;
  const int h = static_cast<int>(latents.size(2)), w = static_cast<int>(latents.size(3));
  const int window = std::min(windows.window, std::min(h, w));
  if (windows.circular && w < window) throw Error("MultiDiffusion: a circular canvas must be at least one window wide");
  const auto origins = stripWindowOrigins(h, w, windows);
  std::vector<std::unique_ptr<Scheduler>> states;
  for (size_t i = 0; i < origins.size(); ++i) states.push_back(scheduler.clone());
  const auto text = guidance > 1.0 ? torch::cat({unconditional, conditional}).to(dtype) : conditional.to(dtype);

  latents = latents.to(torch::kFloat32);
  const auto start = std::chrono::steady_clock::now();
  for (int call = 0; call < scheduler.calls(); ++call) {
    if (control.cancelRequested && control.cancelRequested()) throw Cancelled();
    const double t = scheduler.timestep(call);
    auto value = torch::zeros_like(latents), count = torch::zeros_like(latents);
    for (size_t v = 0; v < origins.size(); ++v) {
      const auto [row, column] = origins[v];
      const auto crop = cropColumns(latents.slice(2, row, row + window), column, window);
      auto& state = *states[v];
      const auto input = state.scaleModelInput(crop, call);
      const auto prediction = classifierFreeGuidance(input, guidance, [&](const at::Tensor& batch, bool) {
        const auto timestep = torch::full({}, t, torch::dtype(torch::kFloat32).device(batch.device()));
        return unet->forward(batch.to(dtype), timestep, text);
      });
      const auto denoised = state.step(prediction, call, crop);
      auto valueRows = value.slice(2, row, row + window), countRows = count.slice(2, row, row + window);
      addColumns(valueRows, denoised, column);
      addColumns(countRows, torch::ones_like(denoised), column);
    }
    latents = torch::where(count > 0, value / count, value);
    if (control.onStep) {
      SamplingProgress progress;
      progress.call = call;
      progress.calls = scheduler.calls();
      progress.timestep = t;
      progress.elapsedSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      progress.latents = &latents;
      control.onStep(progress);
    }
  }
  return latents;
}

}  // namespace panocast
