#pragma once
// Per-pixel viewing rays and the equirectangular mapping, as tensors (CPU or GPU).
//
// Equirectangular convention: longitude −180° at the left edge to +180° at the right edge (0°,
// the view-0 direction, in the middle), latitude +90° at the top to −90° at the bottom; pixel
// (col, row) covers [col, col+1) × [row, row+1), its centre at col + 0.5.
#include <ATen/core/Tensor.h>
#include <c10/core/Device.h>

#include "geometry/camera.h"

namespace panocast {

struct CameraRays {
  at::Tensor directions;  // [H, W, 3] float32, unit length, camera frame (x right, y down, z forward)
  at::Tensor valid;       // [H, W] bool: false where the projection has no ray
};

// Rays through every pixel centre of `camera`, in the camera frame.
CameraRays cameraRays(const Camera& camera, c10::Device device);

// Rotates [..., 3] directions by `rotation` (camera → world when given Camera::rotation()).
at::Tensor rotateDirections(const at::Tensor& directions, const Mat3& rotation);

// World directions of the centres of an equirectangular canvas's rows [rowBegin, rowEnd).
at::Tensor equirectDirections(int width, int height, int rowBegin, int rowEnd, c10::Device device);

// Continuous equirectangular pixel coordinates (u, v) of world directions [..., 3] → [..., 2],
// such that the centre of pixel (col, row) is at (col + 0.5, row + 0.5).
at::Tensor directionsToEquirect(const at::Tensor& directions, int width, int height);

// Pixel coordinates (x, y) of world directions in a rectilinear camera, pixel centres at
// integers; also whether each direction is in front of the camera.
struct Projected {
  at::Tensor pixels;     // [..., 2]
  at::Tensor inFront;    // [...] bool
};
Projected projectToCamera(const at::Tensor& worldDirections, const Camera& camera);

// Matrix as a float32 [3, 3] tensor on `device`.
at::Tensor matrixTensor(const Mat3& m, c10::Device device);

}  // namespace panocast
