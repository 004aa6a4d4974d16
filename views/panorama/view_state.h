#pragma once
// Where the panorama viewer looks, and how: orientation, field of view, projection.
#include "geometry/camera.h"

namespace panocast {

struct ViewState {
  double yawDeg = 0;
  double pitchDeg = 0;
  double rollDeg = 0;
  double hfovDeg = 100;   // Pannellum's default: wide enough to feel immersive
  Projection projection = Projection::Rectilinear;
  double paniniDistance = 1.0;

  // The camera this state describes for an image of the given size.
  Camera camera(int width, int height) const;
};

// Field-of-view limits per projection: rectilinear stretches badly past 120°, Panini holds to
// ~160°, stereographic (little planet) goes to 300°.
double minFov(Projection projection);
double maxFov(Projection projection);

}  // namespace panocast
