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

YawSweep::YawSweep(const torch::Tensor& panorama, const Camera& camera, Interpolation interpolation)
    : panorama_(panorama.to(torch::kFloat32)), interpolation_(interpolation) {
  requireEquirectangular(panorama_);
  Camera level = camera;
  level.orientation.yawDeg = 0;
  auto rays = cameraRays(level, panorama_.device());
  uvAtYawZero_ = directionsToEquirect(rotateDirections(rays.directions, level.rotation()),
                                      static_cast<int>(panorama_.size(2)), static_cast<int>(panorama_.size(1)));
  valid_ = rays.valid.unsqueeze(0).to(torch::kFloat32);
}

torch::Tensor YawSweep::render(double yawDeg) const {
  const double shift = yawDeg / 360.0 * static_cast<double>(panorama_.size(2));
  auto uv = uvAtYawZero_ + torch::tensor({shift, 0.0}, uvAtYawZero_.options());
  return sampleEquirect(panorama_, uv, interpolation_) * valid_;
}

}  // namespace panocast
