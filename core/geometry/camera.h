#pragma once
// A pinhole (or wide-angle) camera: image size, horizontal field of view, orientation and the
// projection that maps image points to viewing rays.
#include "geometry/mat3.h"
#include "geometry/orientation.h"

namespace panocast {

enum class Projection {
  Rectilinear,    // ordinary perspective; straight lines stay straight (FOV < 180°)
  Stereographic,  // conformal fisheye; "little planet" when looking straight down (FOV to ~300°)
  Panini,         // keeps verticals and radial lines straight; good to ~150°
};

const char* projectionName(Projection projection);
// Parses "rectilinear", "stereographic" (or "little-planet"), "panini"; throws panocast::Error.
Projection parseProjection(const char* name);

struct Camera {
  int width = 512;
  int height = 512;
  double hfovDeg = 90.0;
  Orientation orientation;
  Projection projection = Projection::Rectilinear;
  double paniniDistance = 1.0;  // Panini's d: 0 = rectilinear, 1 = classic cylindrical Panini

  double focalLength() const;   // f = (W/2) / tan(FOV/2), in pixels (rectilinear model)
  // Intrinsics with the principal point at the pixel-grid centre ((W−1)/2, (H−1)/2).
  Mat3 intrinsics() const;
  Mat3 rotation() const { return orientation.rotation(); }
};

// The ray (camera frame, y down) through a screen point given in the projection's normalised
// coordinates: sx ∈ [−1, 1] across the width, sy = (y up) scaled by the same factor. Returns
// false where the projection has no ray (outside a Panini image's domain).
bool screenRay(Projection projection, double hfovDeg, double paniniDistance, double sx, double sy, Vec3& ray);

}  // namespace panocast
