#pragma once
// Resampling helpers shared by the renderer and the stitcher: both are thin wrappers around
// grid_sample with the project's pixel-centre convention.
#include <ATen/core/Tensor.h>

#include "geometry/panorama_renderer.h"

namespace panocast {

// Samples `image` [C, H, W] at continuous equirectangular coordinates `uv` [..., 2] (pixel
// centre of (col,row) at (col+0.5, row+0.5)); longitudes wrap, latitudes clamp at the poles.
at::Tensor sampleEquirect(const at::Tensor& image, const at::Tensor& uv, Interpolation interpolation);

// Samples `images` [N, C, H, W] at pixel coordinates `xy` [N, ..., 2] (pixel centres at
// integers), clamping to the border. Returns [N, C, ...].
at::Tensor samplePixels(const at::Tensor& images, const at::Tensor& xy, Interpolation interpolation);

}  // namespace panocast
