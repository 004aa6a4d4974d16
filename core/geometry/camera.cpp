#include "geometry/camera.h"

#include <cmath>
#include <cstring>
#include <numbers>
#include <string>

#include "runtime/error.h"

namespace panocast {

const char* projectionName(Projection projection) {
  switch (projection) {
    case Projection::Rectilinear: return "rectilinear";
    case Projection::Stereographic: return "stereographic";
    case Projection::Panini: return "panini";
  }
  return "?";
}

Projection parseProjection(const char* name) {
  if (!std::strcmp(name, "rectilinear")) return Projection::Rectilinear;
  if (!std::strcmp(name, "stereographic") || !std::strcmp(name, "little-planet")) return Projection::Stereographic;
  if (!std::strcmp(name, "panini")) return Projection::Panini;
  throw Error(std::string("unknown projection '") + name + "' (use rectilinear, stereographic or panini)");
}

double Camera::focalLength() const {
  return 0.5 * width / std::tan(hfovDeg * std::numbers::pi / 360.0);
}

Mat3 Camera::intrinsics() const {
  const double f = focalLength();
  return Mat3{{f, 0, (width - 1) / 2.0, 0, f, (height - 1) / 2.0, 0, 0, 1}};
}

bool screenRay(Projection projection, double hfovDeg, double d, double sx, double sy, Vec3& ray) {
  const double halfFov = hfovDeg * std::numbers::pi / 360.0;
  switch (projection) {
    case Projection::Rectilinear: {
      const double t = std::tan(halfFov);
      ray = {sx * t, -sy * t, 1.0};
      return true;
    }
    case Projection::Stereographic: {
      const double radius = std::hypot(sx, sy);
      if (radius < 1e-12) {
        ray = {0, 0, 1};
        return true;
      }
      const double rho = radius * 2.0 * std::tan(halfFov / 2.0);
      const double theta = 2.0 * std::atan(rho / 2.0);
      ray = {std::sin(theta) * sx / radius, -std::sin(theta) * sy / radius, std::cos(theta)};
      return true;
    }
    case Projection::Panini: {
      const double scale = (d + 1.0) * std::sin(halfFov) / (d + std::cos(halfFov));
      const double x = sx * scale, y = sy * scale;
      const double k = x * x / ((d + 1.0) * (d + 1.0));
      const double discriminant = k * k * d * d - (k + 1.0) * (k * d * d - 1.0);
      if (discriminant < 0) return false;
      const double cosLambda = (-k * d + std::sqrt(discriminant)) / (k + 1.0);
      const double sinLambda = x * (d + cosLambda) / (d + 1.0);
      const double phi = std::atan(y * (d + cosLambda) / (d + 1.0));
      ray = {std::cos(phi) * sinLambda, -std::sin(phi), std::cos(phi) * cosLambda};
      return true;
    }
  }
  return false;
}

}  // namespace panocast
