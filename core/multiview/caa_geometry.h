#pragma once
// Everything correspondence-aware attention needs from the camera rig (caa.md §1.3, §3),
// computed once per run and per feature resolution: for every view, its two ring neighbours and
// a 3×3 neighbourhood around the corresponding point, the sampling grid, the validity mask and
// the displacement that the positional encoding turns into features. Computed in float32 with
// the reference's operation order (float32 inverses, left-to-right products), because the
// encoding's high frequencies (up to 2^79) amplify last-bit differences.
#include <ATen/core/Tensor.h>

#include <cstdint>
#include <map>
#include <mutex>

#include "geometry/rig.h"

namespace panocast {

// One feature resolution of the rig. Sample n = neighbour·9 + k: neighbour 0 is view (v−1) mod M,
// 1 is (v+1) mod M; k = (ox+1)·3 + (oy+1) for the x offset ox and y offset oy in −1..1.
struct CaaLevel {
  uint64_t id = 0;     // unique per computed (or overridden) level: caches key on it
  int size = 0;        // feature cells per side (h = w)
  int stride = 0;      // image pixels per cell
  at::Tensor grid;     // [M, 2, h, w·9, 2] grid_sample coordinates (align_corners), float32
  at::Tensor mask;     // [M, 18, h, w] float32, 1 where the sample lies inside the neighbour's image
  at::Tensor displacement;  // [M, 18, h, w, 2] (dx, dy) in cells of the query view, float32
};

class CaaGeometry {
 public:
  // All views must be square, of one size, and share a centre (a Rig).
  explicit CaaGeometry(Rig rig);

  int views() const { return rig_.size(); }
  int imageSize() const { return rig_.camera(0).width; }
  // The level for `cells` × `cells` features (the image size must be a multiple), on the CPU;
  // computed on first use and cached.
  const CaaLevel& level(int cells) const;
  // Replaces a level's displacements and masks (for example the reference's own, to check the
  // attention in isolation); the grid is kept.
  void overrideLevel(int cells, const at::Tensor& displacement, const at::Tensor& mask);

  // H(i→j) = K_j R_j⁻¹ R_i K_i⁻¹ in float32, as the reference builds it.
  at::Tensor homography(int i, int j) const;

 private:
  CaaLevel build(int cells) const;
  Rig rig_;
  at::Tensor intrinsics_, rotations_;  // [M, 3, 3] float32
  mutable std::mutex mutex_;
  mutable std::map<int, CaaLevel> levels_;
};

}  // namespace panocast
