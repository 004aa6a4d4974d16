// Geometry throughput: rendering views from a 4096×2048 panorama and stitching the 8-view ring,
// on every available device, side by side in one run.
//   bench_geometry [--quick]
#include <torch/torch.h>

#include <cstdio>
#include <cstring>

#include "bench_timer.h"
#include "geometry/equirect_stitcher.h"
#include "geometry/panorama_renderer.h"
#include "geometry/rig.h"

using namespace panocast;

int main(int argc, char** argv) {
  const bool quick = argc > 1 && !std::strcmp(argv[1], "--quick");
  torch::NoGradGuard noGrad;
  std::vector<c10::Device> devices{c10::Device(c10::kCPU)};
  if (torch::cuda::is_available()) devices.emplace_back(c10::kCUDA, 0);
  std::printf("%-8s %-44s %12s\n", "device", "workload", "time");
  for (const auto& device : devices) {
    const bool gpu = device.is_cuda();
    auto sync = [&] {
      if (gpu) torch::cuda::synchronize();
    };
    const int repeats = gpu ? 20 : (quick ? 2 : 5);
    auto pano = torch::rand({3, 2048, 4096}, torch::TensorOptions().device(device));
    Camera camera;
    camera.width = 1920;
    camera.height = 1080;
    camera.hfovDeg = 100;
    camera.orientation = {30, 10, 0};
    for (auto interpolation : {Interpolation::Bilinear, Interpolation::Bicubic}) {
      const double t = bench::medianSeconds([&] { renderView(pano, camera, interpolation); }, repeats, 1, sync);
      std::printf("%-8s render 1920x1080 view, %-8s              %9.2f ms  (%.1f fps)\n", device.str().c_str(),
                  interpolation == Interpolation::Bicubic ? "bicubic" : "bilinear", t * 1e3, 1.0 / t);
    }
    const Rig rig = Rig::ring(8, 90.0, 512);
    auto views = torch::rand({8, 3, 512, 512}, torch::TensorOptions().device(device));
    for (auto blend : {BlendMode::Triangle, BlendMode::Seamless}) {
      StitchSettings settings;
      settings.width = 4096;
      settings.blend = blend;
      const double t = bench::medianSeconds([&] { stitchEquirect(views, rig.cameras(), settings); },
                                            gpu ? 10 : (quick ? 1 : 3), 1, sync);
      std::printf("%-8s stitch 8x512² → 4096x2048, %-9s          %9.2f ms\n", device.str().c_str(),
                  blendModeName(blend), t * 1e3);
    }
    const double t = bench::medianSeconds([&] { rig.correspondences(0, 1, device); }, repeats, 1, sync);
    std::printf("%-8s correspondences 512² (one view pair)          %9.2f ms\n", device.str().c_str(), t * 1e3);
  }
  return 0;
}
