#pragma once
// A ring of cameras sharing one centre: MVDiffusion's eight 90° views at yaw 45°·i (512×512),
// or any other ring. Homographies and per-pixel correspondences between views follow from the
// rotations alone (the views share a centre, so there is no parallax).
#include <ATen/core/Tensor.h>
#include <c10/core/Device.h>

#include <vector>

#include "geometry/camera.h"

namespace panocast {

class Rig {
 public:
  // N views at yaw yawOffset + (360/N)·i, the given pitch, square images of `size` pixels.
  static Rig ring(int views = 8, double hfovDeg = 90.0, int size = 512, double pitchDeg = 0.0,
                  double yawOffsetDeg = 0.0);
  explicit Rig(std::vector<Camera> cameras);

  int size() const { return static_cast<int>(cameras_.size()); }
  const Camera& camera(int i) const { return cameras_.at(i); }
  const std::vector<Camera>& cameras() const { return cameras_; }

  // Maps homogeneous pixel coordinates (col, row, 1) of view i to view j: K_j R_j⁻¹ R_i K_i⁻¹.
  Mat3 homography(int i, int j) const;

  // For each pixel (row, col) of view i, its (x′, y′) in view j: [H, W, 2] float32. Points
  // behind view j keep the dehomogenised value (they can be huge or negative), as MVDiffusion.
  at::Tensor correspondences(int i, int j, c10::Device device) const;

 private:
  std::vector<Camera> cameras_;
};

}  // namespace panocast
