// The live preview's overlays: the names users type (`--overlay mask,flow,hud,fps`) and the flow
// arrows, which must point the way the picture moved and mark the person in their own colour.
#include <gtest/gtest.h>

#include <opencv2/imgproc.hpp>

#include "live/flow_overlay.h"
#include "live/live_pipeline.h"
#include "runtime/error.h"

using namespace panocast;

namespace {

cv::Mat texture(int width, int height) {
  cv::Mat image(height, width, CV_8UC3);
  cv::RNG rng(3);
  rng.fill(image, cv::RNG::UNIFORM, 0, 255);
  cv::GaussianBlur(image, image, {0, 0}, 2.5);
  return image;
}

// Arrows are antialiased: classify by hue. Background arrows are green, person arrows orange.
bool green(const cv::Vec3b& p) { return p[1] > 100 && p[1] > p[2] + 50 && p[1] > p[0] + 50; }
bool orange(const cv::Vec3b& p) { return p[2] > 100 && p[2] > p[1] + 30 && p[2] > p[0] + 80; }

// Pixels of one arrow colour in the half rows right and left of every grid point.
template <typename IsColour>
std::pair<int, int> rightAndLeft(const cv::Mat& canvas, int step, IsColour isColour) {
  int right = 0, left = 0;
  for (int y = step / 2; y < canvas.rows; y += step)
    for (int x = step / 2; x < canvas.cols; x += step)
      for (int d = 2; d < step / 2; ++d) {
        if (x + d < canvas.cols && isColour(canvas.at<cv::Vec3b>(y, x + d))) ++right;
        if (x - d >= 0 && isColour(canvas.at<cv::Vec3b>(y, x - d))) ++left;
      }
  return {right, left};
}

}  // namespace

TEST(LiveOverlays, NamesParseAndUnknownOnesAreRefused) {
  const auto all = parseOverlays("mask,flow,hud,fps");
  EXPECT_TRUE(all.maskTint && all.flow && all.hud && all.fps);
  const auto some = parseOverlays("hud");
  EXPECT_TRUE(some.hud);
  EXPECT_FALSE(some.maskTint || some.flow || some.fps);
  const auto none = parseOverlays("none");
  EXPECT_FALSE(none.maskTint || none.flow || none.hud || none.fps);
  EXPECT_THROW(parseOverlays("hud,sparkles"), Error);
}

TEST(LiveOverlays, FlowArrowsPointWhereThePictureMovedAndMarkThePerson) {
  for (const cv::Size size : {cv::Size(320, 180), cv::Size(1280, 720)}) {  // full and ½-resolution flow
    const cv::Mat wide = texture(size.width + 40, size.height);
    const cv::Mat first = wide(cv::Rect(20, 0, size.width, size.height)).clone();
    const cv::Mat moved = wide(cv::Rect(16, 0, size.width, size.height)).clone();  // content moves 4 px right
    cv::Mat person(size, CV_32F, cv::Scalar(0.0f));
    person(cv::Rect(0, 0, size.width / 2, size.height)).setTo(1.0f);  // the left half is "person"

    FlowOverlay overlay(24, 3.0);
    cv::Mat canvas(size, CV_8UC3, cv::Scalar(0, 0, 0));
    overlay.draw(first, canvas, person);
    EXPECT_EQ(cv::countNonZero(canvas.reshape(1)), 0) << "the first frame has no flow to draw";
    overlay.draw(moved, canvas, person);

    // The halves are told apart by the arrows' colour.
    const auto [right, left] = rightAndLeft(canvas, 24, green);
    EXPECT_GT(right, 4 * std::max(1, left)) << size << ": background arrows point right";
    const auto [personRight, personLeft] = rightAndLeft(canvas, 24, orange);
    EXPECT_GT(personRight, 4 * std::max(1, personLeft)) << size << ": person arrows in their own colour";
    const auto& flow = overlay.flow();
    const double expected = size.width >= 640 ? 2.0 : 4.0;  // in the working resolution's pixels
    EXPECT_NEAR(cv::mean(flow)[0], expected, 0.5) << size;
  }
  FlowOverlay overlay;
  cv::Mat canvas(10, 10, CV_8UC3);
  EXPECT_THROW(overlay.draw(cv::Mat(10, 10, CV_32F), canvas), Error);
  cv::Mat wrongCanvas(5, 5, CV_8UC3);
  EXPECT_THROW(overlay.draw(cv::Mat(10, 10, CV_8UC3), wrongCanvas), Error);
}
