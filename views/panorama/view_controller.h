#pragma once
// The viewer's interaction model, free of OpenGL so it can be unit-tested: dragging moves the
// panorama with the pointer, release keeps the motion going with friction (inertia), the wheel
// zooms within the projection's limits, and an optional auto-rotation resumes after idling.
#include <optional>

#include "panorama/view_state.h"

namespace panocast {

class ViewController {
 public:
  const ViewState& state() const { return state_; }
  void setState(const ViewState& state);
  void reset();

  // Pointer positions in widget pixels; `seconds` is a monotonic time stamp.
  void beginDrag(double x, double y, double seconds);
  void drag(double x, double y, double seconds, int widgetWidth);
  void endDrag(double seconds);
  bool dragging() const { return dragFrom_.has_value(); }

  // Positive steps zoom in (narrower field of view). One wheel notch = 1 step.
  void zoom(double steps);
  void rotate(double yawDeg, double pitchDeg);
  void setProjection(Projection projection);
  void setAutoRotate(double degreesPerSecond) { autoRotateSpeed_ = degreesPerSecond; }
  double autoRotate() const { return autoRotateSpeed_; }

  // Advances inertia and auto-rotation by `dt` seconds; returns whether the view changed.
  bool tick(double dt);
  bool animating() const;

  // Pannellum's default friction: velocity keeps 1 − 0.15 of itself per 1/60 s frame.
  static constexpr double kFrictionPerFrame = 0.15;
  static constexpr double kAutoRotateIdleSeconds = 3.0;

 private:
  void clamp();
  struct Point {
    double x, y, t;
  };
  ViewState state_;
  std::optional<Point> dragFrom_;
  double yawVelocity_ = 0, pitchVelocity_ = 0;  // degrees per second
  double autoRotateSpeed_ = 0, idleSeconds_ = 0;
  double degreesPerPixel_ = 0.1;
};

}  // namespace panocast
