#pragma once
// Camera orientation as yaw/pitch/roll in degrees, and its rotation matrix.
//
// World and camera frames follow OpenCV and MVDiffusion: x right, y down, z forward. A rotation
// R maps camera coordinates to world coordinates. R = R_yaw · R_pitch · R_roll:
//   yaw   about the vertical axis, positive turns right (MVDiffusion: view i at yaw 45°·i);
//   pitch about the camera's horizontal axis, positive looks up;
//   roll  about the viewing axis, positive turns the horizon clockwise in the image.
#include "geometry/mat3.h"

namespace panocast {

struct Orientation {
  double yawDeg = 0;
  double pitchDeg = 0;
  double rollDeg = 0;

  Mat3 rotation() const;
  // The yaw/pitch/roll whose rotation() equals `r` (pitch in [−90°, 90°], yaw/roll in (−180°, 180°]).
  static Orientation fromRotation(const Mat3& r);
};

Mat3 yawRotation(double yawDeg);
Mat3 pitchRotation(double pitchDeg);
Mat3 rollRotation(double rollDeg);

// Wraps an angle into (−180°, 180°].
double wrapDegrees(double deg);

}  // namespace panocast
