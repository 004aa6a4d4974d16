// Rendering views from an equirectangular panorama, checked against closed-form directions.
#include <gtest/gtest.h>
#include <torch/torch.h>

#include <numbers>

#include "geometry/panorama_renderer.h"
#include "geometry/rays.h"
#include "runtime/error.h"
#include "support/compare.h"

using namespace panocast;

namespace {

constexpr double kPi = std::numbers::pi;

// A smooth panorama whose channels encode where each pixel points: cos(lon), sin(lon), lat/90°.
// Smooth and continuous across ±180°, so interpolation error is tiny and wrap bugs are not.
torch::Tensor codedPanorama(int height) {
  const int width = 2 * height;
  auto lon = ((torch::arange(width, torch::kFloat64) + 0.5) / width - 0.5) * 2 * kPi;
  auto lat = (0.5 - (torch::arange(height, torch::kFloat64) + 0.5) / height) * kPi;
  auto grid = torch::meshgrid({lat, lon}, "ij");
  return torch::stack({torch::cos(grid[1]), torch::sin(grid[1]), grid[0] / (kPi / 2)}).to(torch::kFloat32);
}

// The direct formula for a level rectilinear camera at `yawDeg`: pixel (x, y) looks at
// lon = yaw + atan((x − c)/f), lat = atan(−(y − c)/√(f² + (x − c)²)).
torch::Tensor expectedView(double yawDeg, int size, double fovDeg) {
  const double f = 0.5 * size / std::tan(fovDeg * kPi / 360), c = (size - 1) / 2.0;
  auto x = torch::arange(size, torch::kFloat64) - c;
  auto grid = torch::meshgrid({x, x}, "ij");  // rows (y), cols (x)
  auto lon = yawDeg * kPi / 180 + torch::atan(grid[1] / f);
  auto lat = torch::atan(-grid[0] / torch::sqrt(f * f + grid[1] * grid[1]));
  return torch::stack({torch::cos(lon), torch::sin(lon), lat / (kPi / 2)}).to(torch::kFloat32);
}

}  // namespace

TEST(Render, CardinalYawsMatchDirectFormula) {
  auto pano = codedPanorama(512);
  for (double yaw : {0.0, 90.0, 180.0, 270.0}) {
    Camera camera;
    camera.width = camera.height = 96;
    camera.hfovDeg = 90;
    camera.orientation = {yaw, 0, 0};
    SCOPED_TRACE("yaw " + std::to_string(yaw));
    EXPECT_ALLCLOSE(renderView(pano, camera, Interpolation::Bicubic), expectedView(yaw, 96, 90), 2e-3, 0);
    EXPECT_ALLCLOSE(renderView(pano, camera, Interpolation::Bilinear), expectedView(yaw, 96, 90), 2e-3, 0);
  }
}

TEST(Render, PitchUpMovesHorizonDownAndRollTiltsItClockwise) {
  auto pano = codedPanorama(256);
  Camera camera;
  camera.width = camera.height = 64;
  camera.orientation = {0, 20, 0};
  auto lat = renderView(pano, camera)[2];
  // Looking up: the centre pixel sees latitude +20°.
  EXPECT_NEAR(lat[32][32].item<float>() * 90, 20.0, 1.0);
  camera.orientation = {0, 0, 15};
  lat = renderView(pano, camera)[2];
  // Clockwise horizon: on the right side the horizon is lower, so the pixel at mid-height sees
  // higher latitudes there than on the left.
  EXPECT_GT(lat[32][60].item<float>(), 0.05f);
  EXPECT_LT(lat[32][3].item<float>(), -0.05f);
}

TEST(Render, ProjectionsAgreeAtTheCentreAndStereographicSeesWider) {
  auto pano = codedPanorama(256);
  Camera camera;
  camera.width = 81;
  camera.height = 61;
  camera.hfovDeg = 120;
  camera.orientation = {30, 0, 0};
  for (auto projection : {Projection::Rectilinear, Projection::Stereographic, Projection::Panini}) {
    camera.projection = projection;
    auto view = renderView(pano, camera);
    // Centre pixel looks straight along yaw 30°.
    EXPECT_NEAR(view[0][30][40].item<float>(), std::cos(kPi / 6), 2e-3) << projectionName(projection);
    EXPECT_NEAR(view[1][30][40].item<float>(), std::sin(kPi / 6), 2e-3) << projectionName(projection);
    // The edge pixel centre sits at half the FOV minus half a pixel's angle, whatever the projection:
    // the horizontal FOV is defined across the full width for all three.
    const double edgeLon = std::atan2(view[1][30][80].item<float>(), view[0][30][80].item<float>()) * 180 / kPi;
    EXPECT_NEAR(edgeLon, 30 + 60, 2.5) << projectionName(projection);
  }
}

TEST(Render, LittlePlanetLooksDown) {
  auto pano = codedPanorama(256);
  Camera camera;
  camera.width = camera.height = 65;
  camera.hfovDeg = 270;
  camera.projection = Projection::Stereographic;
  camera.orientation = {0, -90, 0};
  auto view = renderView(pano, camera);
  EXPECT_NEAR(view[2][32][32].item<float>(), -1.0f, 0.02f);          // nadir in the middle
  EXPECT_GT(view[2][32][0].item<float>(), 0.2f);                       // sky around the edge
}

TEST(Render, ScreenRayMatchesTensorRays) {
  for (auto projection : {Projection::Rectilinear, Projection::Stereographic, Projection::Panini}) {
    Camera camera;
    camera.width = 40;
    camera.height = 30;
    camera.hfovDeg = 140;
    camera.projection = projection;
    auto rays = cameraRays(camera, torch::kCPU);
    const int x = 33, y = 7;
    const double sx = (x + 0.5) * 2.0 / 40 - 1, sy = (1 - (y + 0.5) * 2.0 / 30) * 30.0 / 40;
    Vec3 ray;
    ASSERT_TRUE(screenRay(projection, 140, 1.0, sx, sy, ray));
    const double n = ray.norm();
    EXPECT_NEAR(rays.directions[y][x][0].item<float>(), ray.x / n, 1e-5);
    EXPECT_NEAR(rays.directions[y][x][1].item<float>(), ray.y / n, 1e-5);
    EXPECT_NEAR(rays.directions[y][x][2].item<float>(), ray.z / n, 1e-5);
  }
}

TEST(Render, YawSweepMatchesRenderingEachYaw) {
  auto pano = torch::rand({3, 128, 256});
  Camera camera;
  camera.width = 48;
  camera.height = 32;
  camera.hfovDeg = 100;
  camera.orientation = {0, -12, 7};
  for (auto projection : {Projection::Rectilinear, Projection::Panini}) {
    camera.projection = projection;
    const YawSweep sweep(pano, camera);
    for (double yaw : {-180.0, -33.3, 0.0, 90.0, 359.0}) {
      camera.orientation.yawDeg = yaw;
      EXPECT_ALLCLOSE(sweep.render(yaw), renderView(pano, camera), 2e-4, 0) << yaw;
    }
  }
}

TEST(Render, RejectsNonEquirectangularInput) {
  Camera camera;
  EXPECT_THROW(renderView(torch::zeros({3, 100, 150}), camera), Error);
  EXPECT_THROW(renderView(torch::zeros({100, 200}), camera), Error);
}
