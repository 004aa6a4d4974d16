#pragma once
// Renders what a camera sees inside an equirectangular panorama (rectilinear, stereographic or
// Panini), sampling with longitude wrap-around, on whatever device the panorama lives on.
#include <ATen/core/Tensor.h>

#include "geometry/camera.h"

namespace panocast {

enum class Interpolation { Bilinear, Bicubic };

// `panorama`: [C, H, W] float (any channel count), W = 2H. Returns [C, camera.height,
// camera.width]; pixels without a ray (outside a Panini image's domain) are 0. Bicubic output
// is not clamped: callers converting to 8 bits clamp.
at::Tensor renderView(const at::Tensor& panorama, const Camera& camera,
                      Interpolation interpolation = Interpolation::Bicubic);

// Renders one camera at many yaws (fly-arounds, turntables). Turning about the vertical axis only
// shifts longitude, so the rays and their latitude/longitude are computed once and each frame is a
// single resampling pass.
class YawSweep {
 public:
  YawSweep(const at::Tensor& panorama, const Camera& camera, Interpolation interpolation = Interpolation::Bicubic);
  // The view at `yawDeg` (the camera's own yaw is replaced, pitch and roll kept).
  at::Tensor render(double yawDeg) const;

 private:
  at::Tensor panorama_, uvAtYawZero_, valid_;
  Interpolation interpolation_;
};

// Throws panocast::Error unless `panorama` is a [C, H, 2H] image.
void requireEquirectangular(const at::Tensor& panorama, const char* what = "panorama");

}  // namespace panocast
