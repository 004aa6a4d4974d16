#include "geometry/orientation.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace panocast {
namespace {
double radians(double deg) { return deg * std::numbers::pi / 180.0; }
double degrees(double rad) { return rad * 180.0 / std::numbers::pi; }
}  // namespace

Mat3 yawRotation(double yawDeg) {
  const double c = std::cos(radians(yawDeg)), s = std::sin(radians(yawDeg));
  return Mat3{{c, 0, s, 0, 1, 0, -s, 0, c}};
}

// Forward (0,0,1) goes to (0, −sin p, cos p): up, because y points down.
Mat3 pitchRotation(double pitchDeg) {
  const double c = std::cos(radians(pitchDeg)), s = std::sin(radians(pitchDeg));
  return Mat3{{1, 0, 0, 0, c, -s, 0, s, c}};
}

// The world's horizontal direction seen from the camera is (cos r, sin r, 0): with y down that
// is the horizon rotated clockwise on screen.
Mat3 rollRotation(double rollDeg) {
  const double c = std::cos(radians(rollDeg)), s = std::sin(radians(rollDeg));
  return Mat3{{c, s, 0, -s, c, 0, 0, 0, 1}};
}

Mat3 Orientation::rotation() const {
  return yawRotation(yawDeg) * pitchRotation(pitchDeg) * rollRotation(rollDeg);
}

// Multiplying out Ry(ψ)·Rx(θ)·Rz(φ): R(1,2) = −sin θ; R(0,2), R(2,2) = sin ψ cos θ, cos ψ cos θ;
// R(1,0), R(1,1) = −cos θ sin φ, cos θ cos φ.
Orientation Orientation::fromRotation(const Mat3& r) {
  Orientation o;
  const double sinPitch = std::clamp(-r(1, 2), -1.0, 1.0);
  o.pitchDeg = degrees(std::asin(sinPitch));
  if (std::abs(sinPitch) < 1.0 - 1e-12) {
    o.yawDeg = degrees(std::atan2(r(0, 2), r(2, 2)));
    o.rollDeg = degrees(std::atan2(-r(1, 0), r(1, 1)));
  } else {  // gimbal lock: looking straight up or down, fold roll into yaw
    o.yawDeg = degrees(std::atan2(-r(2, 0), r(0, 0)));
    o.rollDeg = 0;
  }
  return o;
}

double wrapDegrees(double deg) {
  double w = std::fmod(deg + 180.0, 360.0);
  if (w <= 0) w += 360.0;
  return w - 180.0;
}

}  // namespace panocast
