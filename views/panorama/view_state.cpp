#include "panorama/view_state.h"

namespace panocast {

Camera ViewState::camera(int width, int height) const {
  Camera c;
  c.width = width;
  c.height = height;
  c.hfovDeg = hfovDeg;
  c.orientation = {yawDeg, pitchDeg, rollDeg};
  c.projection = projection;
  c.paniniDistance = paniniDistance;
  return c;
}

double minFov(Projection) { return 20.0; }

double maxFov(Projection projection) {
  switch (projection) {
    case Projection::Rectilinear: return 120.0;
    case Projection::Panini: return 160.0;
    case Projection::Stereographic: return 300.0;
  }
  return 120.0;
}

}  // namespace panocast
