// The synthetic webcam clip and the headless live preview end to end, as the README's main job
// runs them: `panocast synth-clip` makes a clip with a known camera path from a sample panorama
// and the astronaut portrait; `panocast composite` must write one frame per input frame, keep the
// person, replace the background and track the camera close to the truth.
#include <gtest/gtest.h>
#include <torch/torch.h>

#include <cmath>
#include <fstream>
#include <opencv2/imgproc.hpp>
#include <sstream>

#include "io/image.h"
#include "io/image_tensor.h"
#include "live/synthetic_clip.h"
#include "live/video_reader.h"
#include "runtime/error.h"
#include "support/fixtures.h"

using namespace panocast;
namespace fs = std::filesystem;

namespace {

int runCli(const std::string& arguments, const fs::path& log) {
  const std::string command = std::string(PANOCAST_BINARY_DIR) + "/app/panocast " + arguments + " >" + log.string() + " 2>&1";
  return WEXITSTATUS(std::system(command.c_str()));
}

std::string readText(const fs::path& path) {
  std::ifstream in(path);
  return {std::istreambuf_iterator<char>(in), {}};
}

// Rows of a CSV with a header, as numbers.
std::vector<std::vector<double>> readCsv(const fs::path& path) {
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  std::vector<std::vector<double>> rows;
  while (std::getline(in, line)) {
    std::vector<double> row;
    std::stringstream cells(line);
    for (std::string cell; std::getline(cells, cell, ',');) row.push_back(std::stod(cell));
    rows.push_back(row);
  }
  return rows;
}

std::vector<cv::Mat> readFrames(const fs::path& path) {
  VideoReader reader(path);
  std::vector<cv::Mat> frames;
  for (cv::Mat frame; reader.read(frame);) frames.push_back(frame.clone());
  return frames;
}

double meanAbsDifference(const cv::Mat& a, const cv::Mat& b, const cv::Rect& region) {
  cv::Mat diff;
  cv::absdiff(a(region), b(region), diff);
  const auto mean = cv::mean(diff);
  return (mean[0] + mean[1] + mean[2]) / 3;
}

}  // namespace

TEST(SyntheticClip, CameraPathPausesPansShakesAndReturnsHome) {
  const double seconds = 8;
  const auto start = syntheticCameraPath(0, seconds);
  EXPECT_EQ(start.yawDeg, 0);
  EXPECT_EQ(start.pitchDeg, 0);
  EXPECT_NEAR(syntheticCameraPath(0.5, seconds).yawDeg, 0, 1e-12);  // still pausing
  double maxYaw = -1e9, minYaw = 1e9, maxRoll = 0;
  for (double t = 0; t <= seconds; t += 1 / 30.0) {
    const auto o = syntheticCameraPath(t, seconds);
    maxYaw = std::max(maxYaw, o.yawDeg), minYaw = std::min(minYaw, o.yawDeg);
    maxRoll = std::max(maxRoll, std::abs(o.rollDeg));
  }
  EXPECT_NEAR(maxYaw, 30, 1.2);
  EXPECT_NEAR(minYaw, -25, 0.1);
  EXPECT_GT(maxRoll, 0.2);  // the shake
  const auto end = syntheticCameraPath(seconds, seconds);
  EXPECT_NEAR(end.yawDeg, 0, 1e-12);
  EXPECT_NEAR(end.pitchDeg, 0, 1e-12);
}

TEST(SyntheticClip, PersonStandsInFrontOfTheRenderedBackground) {
  const auto panorama = toTensor(readImageU8(test::sample("interior.png"), 3));
  // A flat magenta "person" with an elliptic matte.
  cv::Mat person(200, 120, CV_8UC3, cv::Scalar(255, 0, 255));
  cv::Mat alpha(200, 120, CV_32F, cv::Scalar(0));
  cv::ellipse(alpha, cv::Point(60, 100), cv::Size(55, 95), 0, 0, 360, cv::Scalar(1), cv::FILLED);
  SyntheticClipSettings settings;
  settings.width = 320, settings.height = 180, settings.seconds = 2, settings.fps = 15;
  const SyntheticClip clip(panorama, person, alpha, settings);
  EXPECT_EQ(clip.frameCount(), 30);
  Orientation truth;
  const cv::Mat frame = clip.frame(0, &truth);
  ASSERT_EQ(frame.size(), cv::Size(320, 180));
  EXPECT_EQ(truth.yawDeg, 0);
  // Person at the bottom centre, exactly its colour; the corners are the panorama.
  const auto centre = frame.at<cv::Vec3b>(120, 160);
  EXPECT_EQ(centre, cv::Vec3b(255, 0, 255));
  const auto corner = frame.at<cv::Vec3b>(5, 5);
  EXPECT_FALSE(corner == cv::Vec3b(255, 0, 255));
  EXPECT_THROW(SyntheticClip(panorama, person, cv::Mat(10, 10, CV_32F), settings), Error);
  settings.width = 321;
  EXPECT_THROW(SyntheticClip(panorama, person, alpha, settings), Error);
}

TEST(CliComposite, SyntheticClipIsCompositedFrameForFrameAndTracked) {
  const auto dir = test::scratchDir("cli_composite");
  const auto clip = dir / "webcam-synthetic.mp4", out = dir / "composite.mp4";
  const std::string make = "synth-clip --panorama " + test::sample("courtyard.png").string() + " --person " +
                           test::portrait("astronaut.png").string() + " --size 640x360 --seconds 4 --fps 15 --fov 70 --out " +
                           clip.string() + " --truth-csv " + (dir / "truth.csv").string();
  ASSERT_EQ(runCli(make, dir / "make.log"), 0) << readText(dir / "make.log");
  EXPECT_NE(readText(dir / "make.log").find("SYNTHETIC"), std::string::npos);

  const std::string composite = "composite --input " + clip.string() + " --panorama " +
                                test::sample("forest.png").string() + " --fov 70 --overlays hud --output " + out.string() +
                                " --track-csv " + (dir / "track.csv").string();
  ASSERT_EQ(runCli(composite, dir / "composite.log"), 0) << readText(dir / "composite.log");

  const auto input = readFrames(clip), output = readFrames(out);
  ASSERT_EQ(input.size(), 60u);
  ASSERT_EQ(output.size(), input.size()) << "one output frame per input frame";
  const auto truth = readCsv(dir / "truth.csv"), track = readCsv(dir / "track.csv");
  ASSERT_EQ(truth.size(), 60u);
  ASSERT_EQ(track.size(), 60u);
  double sumSquares = 0;
  for (size_t i = 0; i < track.size(); ++i) {
    const double yawError = track[i][2] - truth[i][2], pitchError = track[i][3] - truth[i][3];
    sumSquares += yawError * yawError + pitchError * pitchError;
  }
  EXPECT_LE(std::sqrt(sumSquares / (2 * track.size())), 1.0) << "tracked vs true camera angles, RMS degrees";

  // The person is kept (her orange suit, wherever the sway has taken it, is unchanged); the
  // background (the top-left corner) is replaced.
  for (size_t i : {5u, 30u, 55u}) {
    cv::Mat suit;
    cv::inRange(input[i], cv::Scalar(0, 40, 170), cv::Scalar(110, 140, 255), suit);  // BGR orange
    // Large orange areas only (thin edges of the courtyard's yellow walls match too), near the middle.
    cv::morphologyEx(suit, suit, cv::MORPH_OPEN, cv::getStructuringElement(cv::MORPH_RECT, {9, 9}));
    suit.colRange(0, 120).setTo(0);
    suit.colRange(520, suit.cols).setTo(0);
    ASSERT_GT(cv::countNonZero(suit), 5000) << "frame " << i;
    cv::Mat diff;
    cv::absdiff(input[i], output[i], diff);
    const auto mean = cv::mean(diff, suit);
    EXPECT_LT((mean[0] + mean[1] + mean[2]) / 3, 12) << "frame " << i;
    EXPECT_GT(meanAbsDifference(input[i], output[i], cv::Rect(0, 0, 80, 60)), 15) << "frame " << i;
  }
}
