#include "geometry/rig.h"

#include <torch/torch.h>

#include "geometry/rays.h"
#include "runtime/error.h"

namespace panocast {

Rig Rig::ring(int views, double hfovDeg, int size, double pitchDeg, double yawOffsetDeg) {
  if (views < 1) throw Error("a rig needs at least one view");
  std::vector<Camera> cameras;
  for (int i = 0; i < views; ++i) {
    Camera camera;
    camera.width = camera.height = size;
    camera.hfovDeg = hfovDeg;
    camera.orientation = {yawOffsetDeg + 360.0 * i / views, pitchDeg, 0.0};
    cameras.push_back(camera);
  }
  return Rig(std::move(cameras));
}

Rig::Rig(std::vector<Camera> cameras) : cameras_(std::move(cameras)) {
  for (const auto& camera : cameras_)
    if (camera.projection != Projection::Rectilinear)
      throw Error("rig cameras must use the rectilinear projection (homographies need straight lines)");
}

Mat3 Rig::homography(int i, int j) const {
  const Camera& a = camera(i);
  const Camera& b = camera(j);
  return b.intrinsics() * b.rotation().transposed() * a.rotation() * a.intrinsics().inverse();
}

torch::Tensor Rig::correspondences(int i, int j, c10::Device device) const {
  const Camera& a = camera(i);
  const auto options = torch::TensorOptions().dtype(torch::kFloat64).device(device);
  auto grid = torch::meshgrid({torch::arange(a.height, options), torch::arange(a.width, options)}, "ij");
  auto points = torch::stack({grid[1], grid[0], torch::ones_like(grid[0])}, -1);  // (col, row, 1)
  const Mat3 h = homography(i, j);
  auto hTensor = torch::tensor(std::vector<double>(h.m.begin(), h.m.end()), options).reshape({3, 3});
  auto mapped = torch::matmul(points, hTensor.t());
  auto xy = mapped.index({torch::indexing::Ellipsis, torch::indexing::Slice(0, 2)}) /
            mapped.index({torch::indexing::Ellipsis, torch::indexing::Slice(2, 3)});
  return xy.to(torch::kFloat32);
}

}  // namespace panocast
