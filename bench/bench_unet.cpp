// UNet and VAE throughput on the GPU with SD2-base shapes and random weights (sd2.md §12):
// ms per UNet forward at batch 16 (8 views × CFG) on 64×64 latents, the TFLOP/s that means
// (0.8043 TFLOP per sample), and VAE decode of 8 × 512², side by side for the precisions, memory
// formats, CUDA-graph replay and the fused NHWC GroupNorm kernels against LibTorch's GroupNorm.
// Also checks the GroupNorm kernel against float64 at every width the UNet uses. Reference on an H100 with PyTorch 2.11: diffusers eager fp16
// 53.9 ms, bf16 48.4 ms, torch.compile 33.4 ms; VAE decode 121.8 ms.
//   bench_unet [--batch N] [--quick] [--only VARIANT_INDEX] [--profile]
#include <torch/torch.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <memory>
#include <cstring>
#include <string>

#include "bench_timer.h"
#include "nn/autoencoder_kl.h"
#include "nn/fused_kernels.h"
#include "nn/group_norm.h"
#include "nn/unet.h"
#include "runtime/gpu_memory.h"

using namespace panocast;

namespace {

constexpr double kUNetTflopPerSample = 0.8043;
constexpr double kVaeTflopPer512 = 2.5145;

struct Variant {
  const char* name;
  c10::ScalarType dtype;
  bool channelsLast;
  bool graph;
  bool cudnnBenchmark = false;  // let cuDNN time its algorithms once per shape
  bool fused = false;           // the NHWC GroupNorm kernels (the UNet then runs channels-last)
};

// The fused GroupNorm(+bias)(+SiLU) against LibTorch's in float64, per UNet width; prints the
// worst relative error of each and the time of both paths at the largest activation.
void checkGroupNormKernel(const c10::Device& device) {
  std::printf("GroupNorm kernel (NHWC, bias, SiLU) vs float64, batch 16:\n");
  struct Shape { int c, side; };
  for (const auto& [c, side] : {Shape{320, 64}, Shape{640, 32}, Shape{960, 32}, Shape{1280, 16}, Shape{1920, 16},
                                Shape{2560, 8}, Shape{640, 64}}) {
    torch::nn::GroupNorm norm(torch::nn::GroupNormOptions(32, c).eps(1e-5));
    norm->weight.data().uniform_(0.5, 1.5);
    norm->bias.data().uniform_(-0.5, 0.5);
    // A large common offset: the variance must survive it (a float32 sum of squares would not).
    const auto x = (torch::randn({16, c, side, side}) * 2 + 30);
    const auto bias = torch::randn({16, c});
    norm->to(device, torch::kHalf);
    const auto xh = x.to(device, torch::kHalf).contiguous(at::MemoryFormat::ChannelsLast);
    double worst = 0;
    for (bool silu : {false, true}) {
      for (bool withBias : {false, true}) {
        setFusedKernelsEnabled(true);
        const auto fused = groupNormActivation(norm, xh, withBias ? bias.to(device) : at::Tensor(), silu);
        // The reference sees the same fp16 input; what remains is the kernel's own error.
        const auto input = xh.to(torch::kCPU, torch::kFloat64).contiguous() + (withBias ? bias.to(torch::kFloat64).view({16, c, 1, 1}) : torch::zeros({}, torch::kFloat64));
        auto ref = torch::group_norm(input, 32, norm->weight.to(torch::kCPU, torch::kFloat64),
                                     norm->bias.to(torch::kCPU, torch::kFloat64), 1e-5);
        if (silu) ref = torch::silu(ref);
        const auto diff = fused.to(torch::kCPU, torch::kFloat64) - ref;
        worst = std::max(worst, (diff.norm() / ref.norm()).item<double>());
      }
    }
    setFusedKernelsEnabled(true);
    const auto b = bias.to(device);
    auto sync = [] { torch::cuda::synchronize(); };
    const double fusedMs = 1e3 * bench::medianSeconds([&] { groupNormActivation(norm, xh, b, true); }, 20, 3, sync);
    setFusedKernelsEnabled(false);
    const auto xn = xh.contiguous();
    const double torchMs = 1e3 * bench::medianSeconds([&] { groupNormActivation(norm, xn, b, true); }, 20, 3, sync);
    setFusedKernelsEnabled(true);
    std::printf("  C %4d, %2d²: rel. error %.2e %s  fused %.3f ms, LibTorch NCHW %.3f ms\n", c, side, worst,
                worst < 2e-3 ? "ok" : "FAIL", fusedMs, torchMs);
  }
}

void setMemoryFormat(torch::nn::Module& module, at::MemoryFormat format) {
  for (auto& p : module.parameters())
    if (p.dim() == 4) p.set_data(p.data().contiguous(format));
}

double relativeError(const at::Tensor& a, const at::Tensor& reference) {
  const auto d = a.to(torch::kFloat64) - reference.to(torch::kFloat64);
  return (d.norm() / reference.to(torch::kFloat64).norm()).item<double>();
}

}  // namespace

int main(int argc, char** argv) {
  int batch = 16;
  bool quick = false;
  int only = -1;  // run one variant (for profilers)
  bool profile = false;  // one fp16 forward between profiler start/stop, nothing else
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--batch") && i + 1 < argc) batch = std::atoi(argv[++i]);
    if (!std::strcmp(argv[i], "--quick")) quick = true;
    if (!std::strcmp(argv[i], "--profile")) profile = true;
    if (!std::strcmp(argv[i], "--only") && i + 1 < argc) only = std::atoi(argv[++i]);
  }
  torch::NoGradGuard noGrad;
  const bool gpu = torch::cuda::is_available();
  const c10::Device device = gpu ? c10::Device(c10::kCUDA, 0) : c10::Device(c10::kCPU);
  const int latent = gpu ? 64 : 32;
  if (!gpu) {
    batch = std::min(batch, 2);
    std::printf("no CUDA device: a small CPU run for smoke testing only (batch %d, %d² latents)\n", batch, latent);
  }
  auto sync = [&] {
    if (gpu) torch::cuda::synchronize();
  };
  const int repeats = gpu ? (quick ? 10 : 30) : 2;

  torch::manual_seed(0);
  UNet2DCondition unet(UNetConfig::sd2Base());
  unet->eval();
  const auto sampleF = torch::randn({batch, 4, latent, latent});
  const auto textF = torch::randn({batch, 77, 1024});
  const auto timesteps = torch::full({batch}, 500.0f);

  if (profile && gpu) {
    unet->to(device, torch::kHalf);
    const auto sample = sampleF.to(device, torch::kHalf), text = textF.to(device, torch::kHalf);
    const auto t = timesteps.to(device);
    unet->forward(sample, t, text);
    sync();
    gpuProfilerStart();
    unet->forward(sample, t, text);
    sync();
    gpuProfilerStop();
    return 0;
  }

  // fp32 reference output for the accuracy column (LibTorch's defaults: TF32 in cuDNN convs only).
  at::Tensor reference;
  if (gpu) {
    unet->to(device, torch::kFloat);
    reference = unet->forward(sampleF.to(device), timesteps.to(device), textF.to(device)).to(torch::kCPU);
  }

  if (gpu && fusedKernelsBuilt()) checkGroupNormKernel(device);

  std::vector<Variant> variants;
  if (gpu) {
    // LibTorch's GroupNorm first: the fused variants turn the UNet's weights channels-last.
    variants = {{"fp16 NCHW", torch::kHalf, false, false},
                {"fp16 channels-last", torch::kHalf, true, false},
                {"bf16 NCHW", torch::kBFloat16, false, false},
                {"fp16 NCHW + graph", torch::kHalf, false, true},
                {"fp16 NCHW, cudnn-bench", torch::kHalf, false, false, true},
                {"fp16 channels-last, cudnn-bench", torch::kHalf, true, false, true},
                {"fp16 NCHW, cudnn-bench + graph", torch::kHalf, false, true, true},
                {"fp16 ch-last, cudnn-bench + graph", torch::kHalf, true, true, true},
                {"bf16 NCHW, cudnn-bench + graph", torch::kBFloat16, false, true, true}};
    if (fusedKernelsBuilt())
      variants.insert(variants.end(), {{"fp16 fused GN, NHWC", torch::kHalf, true, false, false, true},
                                       {"fp16 fused GN, NHWC + graph", torch::kHalf, true, true, false, true},
                                       {"fp16 fused GN, cudnn-bench + graph", torch::kHalf, true, true, true, true},
                                       {"bf16 fused GN, cudnn-bench + graph", torch::kBFloat16, true, true, true, true}});
  } else {
    variants = {{"fp32 NCHW", torch::kFloat, false, false}};
  }

  std::printf("UNet SD2-base, batch %d, %dx%d latents, %s\n", batch, latent, latent, device.str().c_str());
  std::printf("%-34s %10s %10s %12s %12s\n", "variant", "ms", "TFLOP/s", "peak GiB", "rel. error");
  for (size_t index = 0; index < variants.size(); ++index) {
    if (only >= 0 && static_cast<int>(index) != only) continue;
    const auto& v = variants[index];
    try {
      at::globalContext().setBenchmarkCuDNN(v.cudnnBenchmark);
      setFusedKernelsEnabled(v.fused);
      unet->to(device, v.dtype);
      if (!v.fused) setMemoryFormat(*unet, v.channelsLast ? at::MemoryFormat::ChannelsLast : at::MemoryFormat::Contiguous);
      auto sample = sampleF.to(device, v.dtype);
      if (v.channelsLast) sample = sample.contiguous(at::MemoryFormat::ChannelsLast);
      const auto text = textF.to(device, v.dtype);
      const auto t = timesteps.to(device);
      resetPeakGpuMemory(device);
      at::Tensor out;
      std::function<void()> work = [&] { out = unet->forward(sample, t, text); };
      std::unique_ptr<GpuGraph> graph;
      if (v.graph) {
        graph = std::make_unique<GpuGraph>(device);
        graph->capture(work);
        work = [&] { graph->replay(); };
      }
      takeGroupNormCounts();
      const double seconds = bench::medianSeconds(work, repeats, 3, sync);
      const auto counts = takeGroupNormCounts();
      const double tflops = kUNetTflopPerSample * batch * (latent * latent) / (64.0 * 64.0) / seconds;
      const double error = reference.defined() ? relativeError(out.to(torch::kCPU), reference) : 0.0;
      std::printf("%-34s %10.2f %10.1f %12.2f %12.2e", v.name, seconds * 1e3, tflops, peakGpuMemoryGiB(device), error);
      if (v.fused && !v.graph) std::printf("   GN calls fused %lld, fell back %lld", counts.fused, counts.fallback);
      std::printf("\n");
    } catch (const std::exception& e) {
      std::printf("%-34s failed: %s\n", v.name, std::string(e.what()).substr(0, 200).c_str());
    }
  }
  setFusedKernelsEnabled(true);
  unet->to(torch::kCPU, torch::kFloat);

  // VAE decode of the eight views.
  const int views = gpu ? 8 : 1, side = gpu ? 64 : 16;
  AutoencoderKL vae;
  vae->eval();
  const auto latentsF = torch::randn({views, 4, side, side});
  std::printf("\nVAE decode, %d x %dx%d\n", views, side * 8, side * 8);
  std::printf("%-34s %10s %10s %12s\n", "variant", "ms", "TFLOP/s", "peak GiB");
  std::vector<std::pair<const char*, c10::ScalarType>> vaeVariants = {{"fp32 (TF32)", torch::kFloat}};
  if (gpu) vaeVariants.insert(vaeVariants.end(), {{"fp16", torch::kHalf}, {"bf16", torch::kBFloat16}});
  for (const auto& [name, dtype] : vaeVariants) {
    try {
      vae->to(device, dtype);
      const auto z = latentsF.to(device, dtype);
      resetPeakGpuMemory(device);
      const double seconds = bench::medianSeconds([&] { vae->decode(z); }, gpu ? (quick ? 5 : 10) : 1, 1, sync);
      const double tflops = kVaeTflopPer512 * views * (side * side) / (64.0 * 64.0) / seconds;
      std::printf("%-34s %10.2f %10.1f %12.2f\n", name, seconds * 1e3, tflops, peakGpuMemoryGiB(device));
    } catch (const std::exception& e) {
      std::printf("%-34s failed: %s\n", name, std::string(e.what()).substr(0, 200).c_str());
    }
  }
  return 0;
}
