// FID-Inception feature extraction speed (issue: metrics on the GPU): images per second at batch
// 100 on 299×299 inputs, fp32 (TF32 off and on) and fp16, plus torch-fidelity's input pipeline
// from 512×512 uint8 images. Random weights: speed does not depend on their values. Compare with
// bench/inception_torchvision.py, run right after on the same GPU.
//   bench_metrics [--batch N] [--repeats N] [--cpu]
#include <torch/torch.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "bench_timer.h"
#include "metrics/inception_input.h"
#include "nn/fid_inception.h"

using namespace panocast;

int main(int argc, char** argv) {
  int batch = 100, repeats = 10;
  bool cpu = false;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--batch") && i + 1 < argc) batch = std::atoi(argv[++i]);
    else if (!std::strcmp(argv[i], "--repeats") && i + 1 < argc) repeats = std::atoi(argv[++i]);
    else if (!std::strcmp(argv[i], "--cpu")) cpu = true;
  }
  const bool cuda = torch::cuda::is_available() && !cpu;
  const torch::Device device = cuda ? torch::Device(torch::kCUDA) : torch::Device(torch::kCPU);
  if (!cuda) repeats = std::min(repeats, 2);
  const auto sync = [&] {
    if (cuda) torch::cuda::synchronize();
  };
  torch::NoGradGuard noGrad;
  torch::manual_seed(0);
  FidInception model;
  model->eval();
  model->to(device);
  const auto input = torch::rand({batch, 3, 299, 299}, torch::TensorOptions().device(device)) * 2 - 1;
  std::printf("FID-Inception, batch %d, 299x299, %s\n", batch, cuda ? "CUDA" : "CPU");

  const auto report = [&](const char* name, double seconds) {
    std::printf("  %-34s %8.1f ms/batch %9.0f images/s\n", name, seconds * 1e3, batch / seconds);
  };
  at::globalContext().setAllowTF32CuDNN(false);
  at::globalContext().setAllowTF32CuBLAS(false);
  report("fp32 (exact, TF32 off)", bench::medianSeconds([&] { model->forward(input); }, repeats, 2, sync));
  if (cuda) {
    at::globalContext().setAllowTF32CuDNN(true);
    at::globalContext().setAllowTF32CuBLAS(true);
    report("fp32 with TF32", bench::medianSeconds([&] { model->forward(input); }, repeats, 2, sync));
    model->to(torch::kHalf);
    const auto half = input.to(torch::kHalf);
    report("fp16", bench::medianSeconds([&] { model->forward(half); }, repeats, 2, sync));
    const auto halfCl = half.contiguous(at::MemoryFormat::ChannelsLast);
    report("fp16, channels-last input", bench::medianSeconds([&] { model->forward(halfCl); }, repeats, 2, sync));
    model->to(torch::kFloat);
    at::globalContext().setAllowTF32CuDNN(false);
    at::globalContext().setAllowTF32CuBLAS(false);
  }
  // The whole path the metrics command takes: uint8 images → torch-fidelity's resize → features.
  const auto images = torch::randint(0, 256, {batch, 3, 512, 512}, torch::TensorOptions().dtype(torch::kUInt8).device(device));
  report("fp32 incl. torch-fidelity input", bench::medianSeconds([&] { model->forward(torchFidelityInceptionInput(images)); },
                                                                repeats, 1, sync));
  if (cuda) std::printf("  peak GPU memory: see nvidia-smi; batch tensors %.0f MiB\n", input.numel() * 4.0 / (1 << 20));
  return 0;
}
