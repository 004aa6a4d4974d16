#include "metrics/overlap_error.h"

#include <torch/torch.h>

#include <cmath>

#include "geometry/rig.h"
#include "io/image_tensor.h"
#include "metrics/panorama_runs.h"
#include "metrics/view_consistency.h"
#include "runtime/error.h"

namespace panocast {

OverlapErrorMaps overlapErrorMaps(const std::filesystem::path& runFolder) {
  const auto run = readPanoramaRun(runFolder);
  if (!run.problem.empty()) throw Error(runFolder.string() + ": " + run.problem);
  std::vector<at::Tensor> views;
  for (const auto& file : run.views) {
    const auto image = readImageU8(file, 3);
    if (image.width != image.height || (!views.empty() && image.width != views[0].size(2)))
      throw Error(file.string() + ": ring views must be square and all the same size");
    views.push_back(toTensor(image).to(torch::kFloat64));
  }
  const int n = static_cast<int>(views.size());
  const auto rig = Rig::ring(n, run.fovDeg, static_cast<int>(views[0].size(2)));
  OverlapErrorMaps result;
  double sum = 0;
  for (int i = 0; i < n; ++i) {
    const int j = (i + 1) % n;
    const auto warp = warpNeighbour(views[j], rig, i, j);
    auto error = (views[i] - warp.warped).abs().mean(0) * 255.0;  // [H, W]
    const auto mask = warp.mask;
    const int64_t pixels = mask.sum().item<int64_t>();
    const double mse = pixels ? ((views[i] - warp.warped) * 255.0).pow(2).mean(0).masked_select(mask).mean().item<double>() : 0;
    const double psnr = pixels == 0 ? std::nan("") : psnrFromMse(mse);
    error = error.masked_fill(mask.logical_not(), std::nan("")).to(torch::kFloat32).contiguous();
    ImageF32 map;
    map.width = static_cast<int>(error.size(1));
    map.height = static_cast<int>(error.size(0));
    map.channels = 1;
    map.pixels.assign(error.data_ptr<float>(), error.data_ptr<float>() + error.numel());
    result.maps.push_back(std::move(map));
    result.psnrDb.push_back(psnr);
    sum += psnr;
  }
  result.meanPsnrDb = sum / n;
  return result;
}

}  // namespace panocast
