#include <gtest/gtest.h>

#include "geometry/orientation.h"

using namespace panocast;

namespace {
Vec3 forward(const Orientation& o) { return o.rotation() * Vec3{0, 0, 1}; }
}  // namespace

TEST(Orientation, YawPositiveTurnsRight) {
  const Vec3 f = forward({90, 0, 0});
  EXPECT_NEAR(f.x, 1.0, 1e-12);  // x is right
  EXPECT_NEAR(f.z, 0.0, 1e-12);
}

TEST(Orientation, PitchPositiveLooksUp) {
  const Vec3 f = forward({0, 30, 0});
  EXPECT_NEAR(f.y, -0.5, 1e-12);  // y is down
}

TEST(Orientation, RollPositiveTurnsHorizonClockwise) {
  // The world's right direction seen from the camera points right and down on screen.
  const Mat3 r = Orientation{0, 0, 20}.rotation();
  const Vec3 rightInCamera = r.transposed() * Vec3{1, 0, 0};
  EXPECT_GT(rightInCamera.x, 0.9);
  EXPECT_GT(rightInCamera.y, 0.3);
}

TEST(Orientation, ComposesYawThenPitchThenRoll) {
  const Orientation o{40, -25, 10};
  const Mat3 expected = yawRotation(40) * pitchRotation(-25) * rollRotation(10);
  const Mat3 actual = o.rotation();
  for (int i = 0; i < 9; ++i) EXPECT_NEAR(actual.m[i], expected.m[i], 1e-14);
}

TEST(Orientation, RoundTripsThroughRotationMatrix) {
  for (double yaw : {-170.0, -45.0, 0.0, 33.0, 179.0})
    for (double pitch : {-80.0, -10.0, 0.0, 45.0, 89.0})
      for (double roll : {-120.0, 0.0, 15.0}) {
        const Orientation back = Orientation::fromRotation(Orientation{yaw, pitch, roll}.rotation());
        EXPECT_NEAR(back.yawDeg, yaw, 1e-9);
        EXPECT_NEAR(back.pitchDeg, pitch, 1e-9);
        EXPECT_NEAR(back.rollDeg, roll, 1e-9);
      }
}

TEST(Orientation, WrapsDegrees) {
  EXPECT_DOUBLE_EQ(wrapDegrees(190), -170);
  EXPECT_DOUBLE_EQ(wrapDegrees(-180), 180);
  EXPECT_DOUBLE_EQ(wrapDegrees(720), 0);
}
