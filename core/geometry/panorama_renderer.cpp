#include "geometry/panorama_renderer.h"

#include <torch/torch.h>

#include <string>

#include "geometry/rays.h"
#include "geometry/sampling.h"
#include "runtime/error.h"

namespace panocast {

void requireEquirectangular(const torch::Tensor& panorama, const char* what) {
  if (panorama.dim() != 3)
    throw Error(std::string(what) + ": expected a [channels, height, width] image");
  const auto h = panorama.size(1), w = panorama.size(2);
  if (h < 2 || w != 2 * h)
    throw Error(std::string(what) + ": not an equirectangular image (" + std::to_string(w) + "×" +
                std::to_string(h) + "; width must be twice the height)");
}

torch::Tensor renderView(const torch::Tensor& panorama, const Camera& camera, Interpolation interpolation) {
  requireEquirectangular(panorama);
  if (camera.width <= 0 || camera.height <= 0) throw Error("render: image size must be positive");
  const auto device = panorama.device();
  const int h = static_cast<int>(panorama.size(1)), w = static_cast<int>(panorama.size(2));
  auto rays = cameraRays(camera, device);
  auto world = rotateDirections(rays.directions, camera.rotation());
  auto uv = directionsToEquirect(world, w, h);
  auto image = sampleEquirect(panorama.to(torch::kFloat32), uv, interpolation);
  return image * rays.valid.unsqueeze(0).to(image.dtype());
}

}  // namespace panocast
