#include "support/metric_inputs.h"

#include <torch/torch.h>

#include <nlohmann/json.hpp>

#include "geometry/equirect_stitcher.h"
#include "geometry/panorama_renderer.h"
#include "io/atomic_file.h"
#include "io/image.h"
#include "io/image_tensor.h"
#include "support/fixtures.h"

namespace panocast::test {
namespace fs = std::filesystem;

at::Tensor samplePanorama(const std::string& name) { return toTensor(readImageU8(sample(name), 3)); }

at::Tensor ringViews(const at::Tensor& panorama, const Rig& rig) {
  std::vector<at::Tensor> views;
  for (int k = 0; k < rig.size(); ++k) views.push_back(toTensor(toImageU8(renderView(panorama, rig.camera(k)))));
  return torch::stack(views);
}

void writeRun(const fs::path& folder, const at::Tensor& views, const Rig& rig, const std::string& method,
              const std::vector<std::string>& prompts) {
  fs::create_directories(folder);
  for (int k = 0; k < views.size(0); ++k) writeImage(folder / ("view_" + std::to_string(k) + ".png"), toImageU8(views[k]));
  StitchSettings settings;
  settings.width = 1024;
  const auto stitched = stitchEquirect(views, rig.cameras(), settings);
  writeImage(folder / "panorama.png", toImageU8(stitched.image));
  nlohmann::json run = {{"method", method},
                              {"views", views.size(0)},
                              {"fov_deg", rig.camera(0).hfovDeg},
                              {"view_size", views.size(3)},
                              {"panorama", {{"file", "panorama.png"}, {"width", 1024}, {"cropped", false}}}};
  if (!prompts.empty()) run["prompts"] = prompts;
  writeFileAtomically(folder / "run.json", run.dump(2));
}

void writeCrops(const fs::path& folder, const std::string& sampleName, int count, int size, double yawOffset) {
  fs::create_directories(folder);
  const auto panorama = samplePanorama(sampleName);
  for (int k = 0; k < count; ++k) {
    Camera camera;
    camera.width = camera.height = size;
    camera.hfovDeg = 70;
    camera.orientation = {yawOffset + 360.0 * k / count, k % 3 == 0 ? -15.0 : k % 3 == 1 ? 0.0 : 20.0, 0.0};
    const auto name = "crop_" + std::to_string(k) + (k % 4 == 3 ? ".jpg" : ".png");
    writeImage(folder / name, toImageU8(renderView(panorama, camera)));
  }
}

}  // namespace panocast::test
