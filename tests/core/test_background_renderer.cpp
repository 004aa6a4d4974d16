// The live path's OpenCV background renderer must show the same picture as the tensor renderer
// (geometry/panorama_renderer) for any webcam orientation: across the ±180° seam, tilted, rolled,
// and with a pole in view, where its coarse ray map is not used.
#include <gtest/gtest.h>
#include <torch/torch.h>

#include <chrono>
#include <opencv2/imgproc.hpp>

#include "geometry/panorama_renderer.h"
#include "io/image.h"
#include "io/image_tensor.h"
#include "live/background_renderer.h"
#include "runtime/error.h"
#include "support/fixtures.h"

using namespace panocast;

namespace {

cv::Mat bgrOf(const ImageU8& image) {
  cv::Mat rgb(image.height, image.width, CV_8UC3, const_cast<uint8_t*>(image.pixels.data()));
  cv::Mat bgr;
  cv::cvtColor(rgb, bgr, cv::COLOR_RGB2BGR);
  return bgr;
}

Camera webcam(double yaw, double pitch, double roll) {
  Camera camera;
  camera.width = 640;
  camera.height = 360;
  camera.hfovDeg = 70;
  camera.orientation = {yaw, pitch, roll};
  return camera;
}

struct Difference {
  double mean = 0, p99 = 0;
};

Difference compare(const cv::Mat& a, const cv::Mat& b) {
  cv::Mat diff, gray;
  cv::absdiff(a, b, diff);
  cv::cvtColor(diff, gray, cv::COLOR_BGR2GRAY);
  Difference d;
  d.mean = cv::mean(diff)[0] / 3 + cv::mean(diff)[1] / 3 + cv::mean(diff)[2] / 3;
  std::vector<uint8_t> values(gray.begin<uint8_t>(), gray.end<uint8_t>());
  std::nth_element(values.begin(), values.begin() + values.size() * 99 / 100, values.end());
  d.p99 = values[values.size() * 99 / 100];
  return d;
}

}  // namespace

TEST(BackgroundRenderer, MatchesTheTensorRendererInEveryDirection) {
  const auto image = readImageU8(test::sample("city.png"), 3);
  const auto panorama = toTensor(image);
  BackgroundRenderer renderer(bgrOf(image));
  const struct {
    double yaw, pitch, roll;
  } views[] = {{0, 0, 0}, {180, 0, 0}, {-179, 5, 3}, {37, -20, 8}, {95, 30, -12}, {10, 80, 0}, {-60, -88, 20}};
  for (const auto& v : views) {
    const Camera camera = webcam(v.yaw, v.pitch, v.roll);
    torch::NoGradGuard noGrad;
    const cv::Mat expected = bgrOf(toImageU8(renderView(panorama, camera, Interpolation::Bilinear)));
    const cv::Mat actual = renderer.render(camera);
    ASSERT_EQ(actual.size(), expected.size());
    const auto d = compare(actual, expected);
    SCOPED_TRACE("yaw " + std::to_string(v.yaw) + " pitch " + std::to_string(v.pitch) + " roll " + std::to_string(v.roll));
    // Rounding to 8 bits and a map exact to a few hundredths of a pixel: barely one level.
    EXPECT_LT(d.mean, 0.6);
    EXPECT_LE(d.p99, 6);
  }
}

TEST(BackgroundRenderer, IsMuchFasterThanTheTensorRendererAt720p) {
  const auto image = readImageU8(test::sample("forest.png"), 3);
  const auto panorama = toTensor(image);
  BackgroundRenderer renderer(bgrOf(image));
  Camera camera = webcam(20, 5, 2);
  camera.width = 1280;
  camera.height = 720;
  using Clock = std::chrono::steady_clock;
  auto start = Clock::now();
  for (int i = 0; i < 5; ++i) renderer.render(camera);
  const double ours = std::chrono::duration<double, std::milli>(Clock::now() - start).count() / 5;
  start = Clock::now();
  {
    torch::NoGradGuard noGrad;
    renderView(panorama, camera, Interpolation::Bilinear);
  }
  const double tensor = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
  std::printf("720p background: OpenCV remap %.1f ms, tensor renderer %.1f ms\n", ours, tensor);
  EXPECT_LT(ours * 3, tensor);
}

TEST(BackgroundRenderer, RejectsWhatItCannotRender) {
  EXPECT_THROW(BackgroundRenderer(cv::Mat(100, 100, CV_8UC3)), Error);
  EXPECT_THROW(BackgroundRenderer(cv::Mat()), Error);
  EXPECT_THROW(BackgroundRenderer(cv::Mat(64, 128, CV_32FC3)), Error);
  BackgroundRenderer renderer(cv::Mat(64, 128, CV_8UC3, cv::Scalar(1, 2, 3)));
  Camera fisheye = webcam(0, 0, 0);
  fisheye.projection = Projection::Stereographic;
  EXPECT_THROW(renderer.render(fisheye), Error);
  Camera empty = webcam(0, 0, 0);
  empty.width = 0;
  EXPECT_THROW(renderer.render(empty), Error);
}
