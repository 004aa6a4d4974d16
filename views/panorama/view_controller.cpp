#include "panorama/view_controller.h"

#include <algorithm>
#include <cmath>

namespace panocast {

void ViewController::setState(const ViewState& state) {
  state_ = state;
  yawVelocity_ = pitchVelocity_ = 0;
  clamp();
}

void ViewController::reset() {
  ViewState fresh;
  fresh.projection = state_.projection;
  fresh.paniniDistance = state_.paniniDistance;
  if (fresh.projection == Projection::Stereographic) fresh.hfovDeg = 160;
  setState(fresh);
}

void ViewController::beginDrag(double x, double y, double seconds) {
  dragFrom_ = Point{x, y, seconds};
  yawVelocity_ = pitchVelocity_ = 0;
  idleSeconds_ = 0;
}

void ViewController::drag(double x, double y, double seconds, int widgetWidth) {
  if (!dragFrom_) return;
  // The point under the pointer stays under it: one pixel spans fov/width degrees at the centre.
  degreesPerPixel_ = state_.hfovDeg / std::max(1, widgetWidth);
  const double dYaw = -(x - dragFrom_->x) * degreesPerPixel_;
  const double dPitch = (y - dragFrom_->y) * degreesPerPixel_;
  const double dt = seconds - dragFrom_->t;
  if (dt > 1e-4) {
    // Smooth the velocity estimate so a jittery last event does not fling the view.
    yawVelocity_ = 0.5 * yawVelocity_ + 0.5 * dYaw / dt;
    pitchVelocity_ = 0.5 * pitchVelocity_ + 0.5 * dPitch / dt;
  }
  state_.yawDeg += dYaw;
  state_.pitchDeg += dPitch;
  clamp();
  dragFrom_ = Point{x, y, seconds};
}

void ViewController::endDrag(double seconds) {
  if (dragFrom_ && seconds - dragFrom_->t > 0.1) yawVelocity_ = pitchVelocity_ = 0;  // held still before release
  dragFrom_.reset();
  idleSeconds_ = 0;
}

void ViewController::zoom(double steps) {
  state_.hfovDeg *= std::pow(1.12, -steps);
  idleSeconds_ = 0;
  clamp();
}

void ViewController::rotate(double yawDeg, double pitchDeg) {
  state_.yawDeg += yawDeg;
  state_.pitchDeg += pitchDeg;
  idleSeconds_ = 0;
  clamp();
}

void ViewController::setProjection(Projection projection) {
  state_.projection = projection;
  if (projection == Projection::Stereographic && state_.hfovDeg < 140) {
    state_.hfovDeg = 240;   // little planet needs a wide view to read as a planet
    state_.pitchDeg = -90;
  } else if (projection != Projection::Stereographic && state_.pitchDeg <= -89) {
    state_.pitchDeg = 0;
  }
  clamp();
}

bool ViewController::tick(double dt) {
  if (dragFrom_) return false;
  bool changed = false;
  if (std::abs(yawVelocity_) > 0.05 || std::abs(pitchVelocity_) > 0.05) {
    state_.yawDeg += yawVelocity_ * dt;
    state_.pitchDeg += pitchVelocity_ * dt;
    const double keep = std::pow(1.0 - kFrictionPerFrame, dt * 60.0);
    yawVelocity_ *= keep;
    pitchVelocity_ *= keep;
    changed = true;
  } else {
    yawVelocity_ = pitchVelocity_ = 0;
    idleSeconds_ += dt;
    if (autoRotateSpeed_ != 0 && idleSeconds_ >= kAutoRotateIdleSeconds) {
      state_.yawDeg += autoRotateSpeed_ * dt;
      changed = true;
    }
  }
  clamp();
  return changed;
}

bool ViewController::animating() const {
  return yawVelocity_ != 0 || pitchVelocity_ != 0 || autoRotateSpeed_ != 0;
}

void ViewController::clamp() {
  state_.yawDeg = std::remainder(state_.yawDeg, 360.0);
  state_.pitchDeg = std::clamp(state_.pitchDeg, -90.0, 90.0);
  state_.hfovDeg = std::clamp(state_.hfovDeg, minFov(state_.projection), maxFov(state_.projection));
}

}  // namespace panocast
