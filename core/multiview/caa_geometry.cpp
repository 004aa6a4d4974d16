#include "multiview/caa_geometry.h"

#include <torch/torch.h>

#include <atomic>

#include "runtime/error.h"

namespace panocast {
namespace {

uint64_t nextLevelId() {
  static std::atomic<uint64_t> counter{0};
  return ++counter;
}

at::Tensor toTensor(const Mat3& m) {
  return torch::tensor(std::vector<double>(m.m.begin(), m.m.end()), torch::kFloat64).reshape({3, 3}).to(torch::kFloat32);
}

// Applies a float32 homography to points [3, N] (homogeneous, float32) and dehomogenises → [N, 2].
at::Tensor applyHomography(const at::Tensor& h, const at::Tensor& points) {
  const auto mapped = torch::matmul(h, points);
  return (mapped.slice(0, 0, 2) / mapped.slice(0, 2, 3)).t();
}

}  // namespace

CaaGeometry::CaaGeometry(Rig rig) : rig_(std::move(rig)) {
  const int size = rig_.camera(0).width;
  std::vector<at::Tensor> k, r;
  for (const auto& camera : rig_.cameras()) {
    if (camera.width != size || camera.height != size)
      throw Error("correspondence-aware attention needs square views of one size");
    k.push_back(toTensor(camera.intrinsics()));
    r.push_back(toTensor(camera.rotation()));
  }
  intrinsics_ = torch::stack(k);
  rotations_ = torch::stack(r);
}

at::Tensor CaaGeometry::homography(int i, int j) const {
  return torch::matmul(torch::matmul(torch::matmul(intrinsics_[j], torch::inverse(rotations_[j])), rotations_[i]),
                       torch::inverse(intrinsics_[i]));
}

const CaaLevel& CaaGeometry::level(int cells) const {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = levels_.find(cells);
  if (it == levels_.end()) it = levels_.emplace(cells, build(cells)).first;
  return it->second;
}

void CaaGeometry::overrideLevel(int cells, const at::Tensor& displacement, const at::Tensor& mask) {
  level(cells);
  std::lock_guard<std::mutex> lock(mutex_);
  auto& l = levels_.at(cells);
  if (displacement.sizes() != l.displacement.sizes() || mask.sizes() != l.mask.sizes())
    throw Error("CAA level override: shapes differ from the rig's");
  l.displacement = displacement.to(torch::kFloat32);
  l.mask = mask.to(torch::kFloat32);
  l.id = nextLevelId();
}

CaaLevel CaaGeometry::build(int cells) const {
  torch::NoGradGuard noGrad;
  const int size = imageSize(), views = this->views();
  if (cells < 2 || size % cells != 0)
    throw Error("CAA: feature size " + std::to_string(cells) + " does not divide the image size " + std::to_string(size));
  CaaLevel level;
  level.id = nextLevelId();
  level.size = cells;
  level.stride = size / cells;
  const int s = level.stride;
  const float sf = static_cast<float>(s), imageExtent = static_cast<float>(size);

  // Query pixels (c·s + s//2, r·s + s//2), row-major over the cells, homogeneous [3, h·w].
  const auto index = torch::arange(cells, torch::kFloat32) * sf + static_cast<float>(s / 2);
  auto rows = index.view({cells, 1}).expand({cells, cells}).reshape({-1});
  auto cols = index.view({1, cells}).expand({cells, cells}).reshape({-1});
  const auto queries = torch::stack({cols, rows, torch::ones_like(cols)});
  const auto queryPixels = torch::stack({cols, rows}, 1);  // [h·w, 2]

  std::vector<at::Tensor> grids, masks, displacements;
  for (int v = 0; v < views; ++v) {
    std::vector<at::Tensor> viewGrids;
    for (int neighbour : {(v + views - 1) % views, (v + 1) % views}) {
      const auto p = applyHomography(homography(v, neighbour), queries);  // [h·w, 2] in the neighbour
      const auto g = p / sf - 0.5f;
      const auto back = homography(neighbour, v);
      std::vector<at::Tensor> samples;
      for (int ox = -1; ox <= 1; ++ox) {
        for (int oy = -1; oy <= 1; ++oy) {
          const auto offset = torch::tensor({static_cast<float>(ox), static_cast<float>(oy)});
          const auto point = g + offset;                 // in neighbour cells
          const auto pixel = (point + 0.5f) * sf;        // in neighbour pixels
          const auto inside = (pixel.select(1, 0) > 0) & (pixel.select(1, 0) < imageExtent) &
                              (pixel.select(1, 1) > 0) & (pixel.select(1, 1) < imageExtent);
          masks.push_back(inside.to(torch::kFloat32).view({cells, cells}));
          const auto homogeneous = torch::cat({pixel.t(), torch::ones({1, pixel.size(0)})});
          displacements.push_back(((applyHomography(back, homogeneous) - queryPixels) / sf).view({cells, cells, 2}));
          samples.push_back((point / static_cast<float>(cells - 1) * 2 - 1).view({cells, cells, 2}));
        }
      }
      viewGrids.push_back(torch::stack(samples, 2).reshape({cells, cells * 9, 2}));  // [h, w·9, 2]
    }
    grids.push_back(torch::stack(viewGrids));
  }
  level.grid = torch::stack(grids);                                            // [M, 2, h, w·9, 2]
  level.mask = torch::stack(masks).view({views, 18, cells, cells});              // [M, 18, h, w]
  level.displacement = torch::stack(displacements).view({views, 18, cells, cells, 2});
  return level;
}

}  // namespace panocast
