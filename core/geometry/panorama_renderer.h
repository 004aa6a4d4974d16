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

// Throws panocast::Error unless `panorama` is a [C, H, 2H] image.
void requireEquirectangular(const at::Tensor& panorama, const char* what = "panorama");

}  // namespace panocast
