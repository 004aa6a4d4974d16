#include "geometry/rays.h"

#include <torch/torch.h>

#include <cmath>
#include <numbers>

namespace panocast {
namespace {

using torch::indexing::Ellipsis;
using torch::indexing::Slice;

torch::TensorOptions floatOn(c10::Device device) { return torch::TensorOptions().dtype(torch::kFloat32).device(device); }

// Screen coordinates of pixel centres: sx ∈ [−1, 1] across the width, sy (up) scaled alike.
std::pair<torch::Tensor, torch::Tensor> screenGrid(const Camera& camera, c10::Device device) {
  const double w = camera.width, h = camera.height;
  auto xs = (torch::arange(camera.width, floatOn(device)) + 0.5) * (2.0 / w) - 1.0;
  auto ys = 1.0 - (torch::arange(camera.height, floatOn(device)) + 0.5) * (2.0 / h);
  ys = ys * (h / w);
  auto grid = torch::meshgrid({ys, xs}, "ij");
  return {grid[1], grid[0]};
}

}  // namespace

torch::Tensor matrixTensor(const Mat3& m, c10::Device device) {
  return torch::tensor(std::vector<double>(m.m.begin(), m.m.end()), torch::TensorOptions().dtype(torch::kFloat64))
      .reshape({3, 3})
      .to(floatOn(device));
}

CameraRays cameraRays(const Camera& camera, c10::Device device) {
  auto [sx, sy] = screenGrid(camera, device);
  const double halfFov = camera.hfovDeg * std::numbers::pi / 360.0;
  torch::Tensor x, y, z, valid;
  switch (camera.projection) {
    case Projection::Rectilinear: {
      const double t = std::tan(halfFov);
      x = sx * t;
      y = -sy * t;
      z = torch::ones_like(sx);
      valid = torch::ones_like(sx, torch::kBool);
      break;
    }
    case Projection::Stereographic: {
      auto radius = torch::sqrt(sx * sx + sy * sy).clamp_min(1e-12);
      auto theta = 2.0 * torch::atan(radius * std::tan(halfFov / 2.0));
      auto sinTheta = torch::sin(theta);
      x = sinTheta * sx / radius;
      y = -sinTheta * sy / radius;
      z = torch::cos(theta);
      valid = torch::ones_like(sx, torch::kBool);
      break;
    }
    case Projection::Panini: {
      const double d = camera.paniniDistance;
      const double scale = (d + 1.0) * std::sin(halfFov) / (d + std::cos(halfFov));
      auto px = sx * scale, py = sy * scale;
      auto k = px * px / ((d + 1.0) * (d + 1.0));
      auto discriminant = k * k * (d * d) - (k + 1.0) * (k * (d * d) - 1.0);
      valid = discriminant >= 0;
      auto cosLambda = (-k * d + torch::sqrt(discriminant.clamp_min(0))) / (k + 1.0);
      auto sinLambda = px * (cosLambda + d) / (d + 1.0);
      auto phi = torch::atan(py * (cosLambda + d) / (d + 1.0));
      x = torch::cos(phi) * sinLambda;
      y = -torch::sin(phi);
      z = torch::cos(phi) * cosLambda;
      break;
    }
  }
  auto directions = torch::stack({x, y, z}, -1);
  directions = directions / directions.norm(2, -1, true).clamp_min(1e-12);
  return {directions, valid};
}

torch::Tensor rotateDirections(const torch::Tensor& directions, const Mat3& rotation) {
  return torch::matmul(directions, matrixTensor(rotation, directions.device()).t());
}

torch::Tensor equirectDirections(int width, int height, int rowBegin, int rowEnd, c10::Device device) {
  auto lon = ((torch::arange(width, floatOn(device).dtype(torch::kFloat64)) + 0.5) / width - 0.5) * (2 * std::numbers::pi);
  auto lat = (0.5 - (torch::arange(rowBegin, rowEnd, floatOn(device).dtype(torch::kFloat64)) + 0.5) / height) * std::numbers::pi;
  auto grid = torch::meshgrid({lat, lon}, "ij");
  auto cosLat = torch::cos(grid[0]);
  auto directions = torch::stack({cosLat * torch::sin(grid[1]), -torch::sin(grid[0]), cosLat * torch::cos(grid[1])}, -1);
  return directions.to(torch::kFloat32);
}

torch::Tensor directionsToEquirect(const torch::Tensor& directions, int width, int height) {
  auto x = directions.index({Ellipsis, 0}), y = directions.index({Ellipsis, 1}), z = directions.index({Ellipsis, 2});
  auto lon = torch::atan2(x, z);
  auto lat = torch::atan2(-y, torch::sqrt(x * x + z * z));
  auto u = (lon / (2 * std::numbers::pi) + 0.5) * width;
  auto v = (0.5 - lat / std::numbers::pi) * height;
  return torch::stack({u, v}, -1);
}

Projected projectToCamera(const torch::Tensor& worldDirections, const Camera& camera) {
  auto local = torch::matmul(worldDirections, matrixTensor(camera.rotation(), worldDirections.device()));
  auto z = local.index({Ellipsis, 2});
  auto inFront = z > 1e-6;
  auto safeZ = torch::where(inFront, z, torch::ones_like(z));
  const double f = camera.focalLength();
  auto x = local.index({Ellipsis, 0}) / safeZ * f + (camera.width - 1) / 2.0;
  auto y = local.index({Ellipsis, 1}) / safeZ * f + (camera.height - 1) / 2.0;
  return {torch::stack({x, y}, -1), inFront};
}

}  // namespace panocast
