// End-to-end eight-view panorama on the GPU with SD2-base shapes and random weights (caa.md §8,
// sd2.md §12): text encoding, 50 DDIM steps with CFG over 8 views of 64² latents, VAE decode of
// 8 × 512², stitching to 4096×2048 — for the independent baseline and for CAA, side by side.
// Prints the time split, the CAA share and peak GPU memory. Reference (H100, MVDiffusion's
// PyTorch code, fp16 autocast): 1.42 s per step, ≈ 71 s per panorama, 8.8 GiB peak.
//   bench_panorama [--steps N] [--dtype fp16|bf16]
#include <torch/torch.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <nlohmann/json.hpp>
#include <string>

#include "bench_timer.h"
#include "diffusion/scheduler.h"
#include "engine/multiview_methods.h"
#include "engine/multiview_sampler.h"
#include "geometry/equirect_stitcher.h"
#include "multiview/caa_modules.h"
#include "multiview/caa_geometry.h"
#include "nn/autoencoder_kl.h"
#include "nn/caa_block.h"
#include "nn/clip_text.h"
#include "nn/fused_kernels.h"
#include "runtime/gpu_memory.h"

using namespace panocast;

namespace {

struct Split {
  double text = 0, denoise = 0, decode = 0, stitch = 0;
  double total() const { return text + denoise + decode + stitch; }
};

double seconds(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

double relativeError(const at::Tensor& a, const at::Tensor& reference) {
  const auto r = reference.to(torch::kCPU, torch::kFloat64);
  return ((a.to(torch::kCPU, torch::kFloat64) - r).norm() / r.norm()).item<double>();
}

// One CAA block per UNet level, fp16 with and without the CUDA kernels, against the block in
// float32 on the same (fp16-rounded) features: on the CPU for the small levels (LibTorch's CPU
// route, the one the golden tests check), on the GPU otherwise; and the time of each route.
void checkCaaKernel(const CaaGeometry& geometry, const c10::Device& device) {
  std::printf("CAA block, batch 16 (CFG × 8 views), fp16, rel. error vs float32 and ms per block:\n");
  struct Level { int width, cells; };
  for (const auto& [width, cells] : {Level{320, 64}, Level{640, 32}, Level{1280, 16}, Level{1280, 8}}) {
    torch::manual_seed(1);
    CaaBlock block(width);
    block->eval();
    const auto& level = geometry.level(cells);
    const auto x = torch::randn({16, width, cells, cells}).to(device, torch::kHalf).contiguous(at::MemoryFormat::ChannelsLast);
    setFusedKernelsEnabled(false);
    const bool onCpu = cells <= 16;
    block->to(onCpu ? c10::Device(c10::kCPU) : device, torch::kFloat);
    const auto reference = block->forward(x.to(onCpu ? c10::Device(c10::kCPU) : device, torch::kFloat).contiguous(), level);
    block->to(device, torch::kHalf);
    double error[2], ms[2];
    long long nonfinite[2];
    for (int fused = 0; fused < 2; ++fused) {
      setFusedKernelsEnabled(fused == 1);
      const auto y = block->forward(x, level);
      nonfinite[fused] = (~torch::isfinite(y)).sum().item<int64_t>();
      error[fused] = relativeError(y, reference);
      ms[fused] = 1e3 * bench::medianSeconds([&] { block->forward(x, level); }, 20, 3, [] { torch::cuda::synchronize(); });
    }
    const long long referenceNonfinite = (~torch::isfinite(reference)).sum().item<int64_t>();
    std::printf("  d %4d, %2d² (reference on %s, %lld non-finite): LibTorch route %.2e (%lld non-finite) in %.3f ms, "
                "kernels %.2e (%lld) in %.3f ms %s\n",
                width, cells, onCpu ? "CPU" : "GPU", referenceNonfinite, error[0], nonfinite[0], ms[0], error[1],
                nonfinite[1], ms[1], error[1] <= 2 * error[0] + 1e-3 ? "ok" : "FAIL");
  }
  setFusedKernelsEnabled(true);
  CaaBlockImpl::clearCache();  // the check's encodings must not count in the pipeline's peak memory
  releaseCachedGpuMemory();
}

}  // namespace

int main(int argc, char** argv) {
  int steps = 50;
  bool profileCaa = false;  // one CAA block at 64² between profiler start/stop (for ncu), nothing else
  c10::ScalarType dtype = torch::kHalf;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--steps") && i + 1 < argc) steps = std::atoi(argv[++i]);
    if (!std::strcmp(argv[i], "--profile-caa")) profileCaa = true;
    if (!std::strcmp(argv[i], "--dtype") && i + 1 < argc) dtype = !std::strcmp(argv[++i], "bf16") ? torch::kBFloat16 : torch::kHalf;
  }
  torch::NoGradGuard noGrad;
  const bool gpu = torch::cuda::is_available();
  const c10::Device device = gpu ? c10::Device(c10::kCUDA, 0) : c10::Device(c10::kCPU);
  if (!gpu) {
    // Full-size SD2 networks for eight views take many minutes per step on a small CPU.
    std::printf("no CUDA device: this benchmark measures the GPU path only (run scripts/gpu-bench.sh bench_panorama)\n");
    return 0;
  }
  const int views = 8, viewSize = gpu ? 512 : 128, latent = viewSize / 8;
  auto sync = [&] {
    if (gpu) torch::cuda::synchronize();
  };

  torch::manual_seed(0);
  const auto unetConfig = UNetConfig::sd2Base();
  UNet2DCondition unet(unetConfig);
  CaaModules caa(unetConfig);
  AutoencoderKL vae;
  ClipTextConfig textConfig;  // SD2: 23 layers, width 1024
  ClipTextEncoder text(textConfig);
  for (torch::nn::Module* m : std::initializer_list<torch::nn::Module*>{unet.get(), caa.get(), vae.get(), text.get()}) {
    m->eval();
    m->to(device, dtype);
  }
  nlohmann::json schedulerFile = {{"beta_start", 0.00085}, {"beta_end", 0.012}, {"beta_schedule", "scaled_linear"},
                                  {"steps_offset", 1}, {"clip_sample", false}, {"set_alpha_to_one", false}};
  const auto schedulerConfig = SchedulerConfig::fromJson(SchedulerKind::Ddim, schedulerFile);
  const CaaGeometry geometry(Rig::ring(views, 90.0, viewSize));
  const auto rig = Rig::ring(views, 90.0, viewSize);
  const auto ids = torch::randint(0, 49408, {9, 77}, torch::kInt64).to(device);
  const auto noise = torch::randn({views, 4, latent, latent}).to(device);

  if (profileCaa) {
    CaaBlock block(320);
    block->eval();
    block->to(device, torch::kHalf);
    const auto x = torch::randn({16, 320, 64, 64}).to(device, torch::kHalf).contiguous(at::MemoryFormat::ChannelsLast);
    block->forward(x, geometry.level(64));
    sync();
    gpuProfilerStart();
    block->forward(x, geometry.level(64));
    sync();
    gpuProfilerStop();
    return 0;
  }
  if (fusedKernelsBuilt()) checkCaaKernel(geometry, device);
  std::printf("8-view panorama, %d DDIM steps, CFG, %d² views, %s, %s\n", steps, viewSize,
              dtype == torch::kHalf ? "fp16" : dtype == torch::kBFloat16 ? "bf16" : "fp32", device.str().c_str());
  std::printf("%-22s %8s %8s %9s %8s %8s %9s %10s %9s\n", "method", "text s", "UNet s", "denoise s", "VAE s", "stitch s",
              "total s", "s/step", "peak GiB");
  // The fused GroupNorm kernels (UNet channels-last) where built, then LibTorch's GroupNorm for the
  // baseline and CAA, side by side in this run.
  std::vector<std::pair<MultiViewMethod, bool>> cases{{MultiViewMethod::Independent, true}, {MultiViewMethod::Caa, true},
                                                      {MultiViewMethod::SharedAttention, true},
                                                      {MultiViewMethod::MultiDiffusion, true}};
  if (fusedKernelsBuilt())
    cases.insert(cases.end(), {{MultiViewMethod::Independent, false}, {MultiViewMethod::Caa, false}});
  double plainDenoise = 0;
  for (const auto& [method, fused] : cases) {
    setFusedKernelsEnabled(fused);
    for (int run = 0; run < 2; ++run) {  // the first run warms up (cuDNN plans, CAA encodings)
      resetPeakGpuMemory(device);
      Split split;
      sync();
      auto start = std::chrono::steady_clock::now();
      const auto embeddings = text->forward(ids);
      sync();
      split.text = seconds(start);

      std::unique_ptr<UNetHooks> hooks;
      LatentsTransform afterStep;
      if (method == MultiViewMethod::Caa) hooks = std::make_unique<CaaHooks>(caa, geometry);
      if (method == MultiViewMethod::SharedAttention)
        hooks = std::make_unique<SharedAttentionHooks>(views, 4, std::set<int>{0, 1, 2, 3, 4});
      if (method == MultiViewMethod::MultiDiffusion) afterStep = [&](const at::Tensor& x) { return fuseRingOverlaps(x, geometry); };
      auto scheduler = makeScheduler(schedulerConfig);
      scheduler->setTimesteps(steps);
      start = std::chrono::steady_clock::now();
      const auto latents = sampleViews(unet, hooks.get(), *scheduler, noise.clone(),
                                       embeddings.slice(0, 0, 1).expand({views, -1, -1}), embeddings.slice(0, 1), 9.0, dtype,
                                       {}, afterStep);
      sync();
      split.denoise = seconds(start);

      start = std::chrono::steady_clock::now();
      std::vector<at::Tensor> decoded;
      for (const auto& chunk : latents.split(2)) decoded.push_back(vae->decodeToImage(chunk.to(dtype)).to(torch::kFloat));
      const auto images = torch::cat(decoded);
      sync();
      split.decode = seconds(start);

      start = std::chrono::steady_clock::now();
      StitchSettings settings;
      settings.width = gpu ? 4096 : 1024;
      const auto panorama = stitchEquirect(images, rig.cameras(), settings);
      sync();
      split.stitch = seconds(start);

      if (run == 0) continue;
      if (method == MultiViewMethod::Independent) plainDenoise = split.denoise;
      const std::string label = multiViewMethodName(method) + (fusedKernelsBuilt() && !fused ? " (torch GN)" : "");
      std::printf("%-22s %8.3f %8.3f %9.3f %8.3f %8.3f %9.3f %10.4f %9.2f", label.c_str(), split.text,
                  plainDenoise, split.denoise, split.decode, split.stitch, split.total(), split.denoise / steps,
                  peakGpuMemoryGiB(device));
      if (method != MultiViewMethod::Independent)
        std::printf("   coupling +%.3f s (%.2f× the plain UNet time)", split.denoise - plainDenoise, split.denoise / plainDenoise);
      std::printf("\n");
    }
  }
  return 0;
}
