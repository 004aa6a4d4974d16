// Camera tracking against the truth: test videos are rendered here from the Blender sample
// panoramas along a known yaw/pitch trajectory (pans, tilts, shake, pauses, a 30 s round trip),
// with a textured person-shaped cut-out moving on its own in front, whose mask the tracker gets.
#include <gtest/gtest.h>
#include <torch/torch.h>

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <functional>
#include <numbers>
#include <vector>

#include "geometry/panorama_renderer.h"
#include "io/image.h"
#include "io/image_tensor.h"
#include "live/camera_tracker.h"
#include "runtime/error.h"
#include "support/fixtures.h"

using namespace panocast;

namespace {

constexpr double kPi = std::numbers::pi;
constexpr int kWidth = 320, kHeight = 240;
constexpr double kFov = 60.0, kFps = 30.0;

at::Tensor loadPanorama(const char* name) { return toTensor(readImageU8(test::sample(name), 3)); }

cv::Mat renderFrame(const at::Tensor& panorama, const Orientation& orientation) {
  Camera camera;
  camera.width = kWidth;
  camera.height = kHeight;
  camera.hfovDeg = kFov;
  camera.orientation = orientation;
  ImageU8 rgb = toImageU8(renderView(panorama, camera));
  cv::Mat bgr;
  cv::cvtColor(cv::Mat(kHeight, kWidth, CV_8UC3, rgb.pixels.data()), bgr, cv::COLOR_RGB2BGR);
  return bgr;
}

// A head-and-shoulders silhouette cut out of another picture, swaying sideways and bobbing
// independently of the camera. Its texture moves with it, so untracked it looks like a large
// rigid object moving against the background: exactly what the mask must keep out of the fit.
class Person {
 public:
  explicit Person(const char* textureSample) {
    const ImageU8 image = readImageU8(test::sample(textureSample), 3);
    cv::Mat rgb(image.height, image.width, CV_8UC3, const_cast<uint8_t*>(image.pixels.data()));
    cv::cvtColor(rgb(cv::Rect(image.width / 3, image.height / 4, 240, 240)), texture_, cv::COLOR_RGB2BGR);
  }

  // Draws the person onto `frame` at time `t` and returns the mask (255 = person).
  cv::Mat drawOnto(cv::Mat& frame, double t) const {
    const double cx = kWidth / 2.0 + 0.22 * kWidth * std::sin(2 * kPi * t / 4.3);
    const double cy = 8.0 * std::sin(2 * kPi * t / 1.7);
    cv::Mat mask(frame.size(), CV_8U, cv::Scalar(0));
    cv::ellipse(mask, cv::Point2d(cx, 92 + cy), cv::Size(26, 33), 0, 0, 360, cv::Scalar(255), cv::FILLED);
    cv::ellipse(mask, cv::Point2d(cx, 265 + cy), cv::Size(82, 120), 0, 0, 360, cv::Scalar(255), cv::FILLED);
    cv::rectangle(mask, cv::Point2d(cx - 11, 115 + cy), cv::Point2d(cx + 11, 150 + cy), cv::Scalar(255), cv::FILLED);
    const cv::Mat shift = (cv::Mat_<double>(2, 3) << 1, 0, cx - 120, 0, 1, cy);
    cv::Mat moved;
    cv::warpAffine(texture_, moved, shift, frame.size(), cv::INTER_LINEAR, cv::BORDER_REFLECT);
    moved.copyTo(frame, mask);
    return mask;
  }

 private:
  cv::Mat texture_;
};

double smoothstep(double x) {
  x = std::clamp(x, 0.0, 1.0);
  return x * x * (3 - 2 * x);
}

// The 30 s round trip: pause, pan right, tilt up, shake, pause, a long pan left and down, a
// second shake, then back home and a final pause. Waypoints are (time s, yaw°, pitch°).
Orientation roundTrip(double t) {
  struct Waypoint { double t, yaw, pitch; };
  static const Waypoint path[] = {{0, 0, 0},    {2, 0, 0},     {6, 35, 0},    {8, 35, 12},  {12, 35, 12},
                                  {18, -40, -6}, {21, -40, -6}, {24, -10, 4},  {28, 0, 0},   {30, 0, 0}};
  Orientation o;
  for (size_t i = 0; i + 1 < std::size(path); ++i) {
    const auto& a = path[i];
    const auto& b = path[i + 1];
    if (t >= a.t && t <= b.t) {
      const double s = smoothstep((t - a.t) / (b.t - a.t));
      o.yawDeg = a.yaw + (b.yaw - a.yaw) * s;
      o.pitchDeg = a.pitch + (b.pitch - a.pitch) * s;
    }
  }
  // Hand shake (5 Hz and 3.7 Hz, up to 1.5°) during 8–10 s and 18.5–20.5 s.
  for (double start : {8.0, 18.5}) {
    const double u = (t - start) / 2.0;
    if (u > 0 && u < 1) {
      const double envelope = std::sin(kPi * u);
      o.yawDeg += 1.5 * envelope * std::sin(2 * kPi * 5.0 * t);
      o.pitchDeg += 1.0 * envelope * std::sin(2 * kPi * 3.7 * t + 1.0);
    }
  }
  return o;
}

struct RunStats {
  double rmsYaw = 0, rmsPitch = 0, rmsRoll = 0, maxError = 0;
  Orientation last, lastTruth;
  double meanConfidence = 0;
  int held = 0, frames = 0, keyframes = 0;
  double trackMs = 0;
};

// Renders `frames` frames along `truth` (relative to its first frame: the first frame is
// expected at identity), tracks them and compares, angle by angle.
RunStats runSequence(const at::Tensor& panorama, int frames, const std::function<Orientation(double)>& truth,
                     const Person* person, double noiseSigma = 0,
                     const std::function<void(int, const TrackedPose&)>& check = {}, double fps = kFps) {
  CameraTrackerSettings settings;
  settings.hfovDeg = kFov;
  CameraTracker tracker(settings);
  RunStats stats;
  cv::RNG rng(1234);
  double trackSeconds = 0, sumConfidence = 0;
  for (int i = 0; i < frames; ++i) {
    const double t = i / fps;
    const Orientation expected = truth(t);
    cv::Mat frame = renderFrame(panorama, expected);
    cv::Mat mask;
    if (person) mask = person->drawOnto(frame, t);
    if (noiseSigma > 0) {
      cv::Mat noise(frame.size(), CV_16SC3);
      rng.fill(noise, cv::RNG::NORMAL, 0, noiseSigma);
      cv::Mat noisy;
      frame.convertTo(noisy, CV_16SC3);
      noisy += noise;
      noisy.convertTo(frame, CV_8UC3);  // saturating
    }
    const auto start = std::chrono::steady_clock::now();
    const TrackedPose pose = tracker.process(frame, mask);
    trackSeconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (check) check(i, pose);
    const double ey = wrapDegrees(pose.orientation.yawDeg - expected.yawDeg);
    const double ep = pose.orientation.pitchDeg - expected.pitchDeg;
    const double er = wrapDegrees(pose.orientation.rollDeg - expected.rollDeg);
    stats.rmsYaw += ey * ey;
    stats.rmsPitch += ep * ep;
    stats.rmsRoll += er * er;
    stats.maxError = std::max({stats.maxError, std::abs(ey), std::abs(ep), std::abs(er)});
    stats.held += pose.held;
    sumConfidence += pose.confidence;
    stats.last = pose.orientation;
    stats.lastTruth = expected;
  }
  stats.frames = frames;
  stats.rmsYaw = std::sqrt(stats.rmsYaw / frames);
  stats.rmsPitch = std::sqrt(stats.rmsPitch / frames);
  stats.rmsRoll = std::sqrt(stats.rmsRoll / frames);
  stats.meanConfidence = sumConfidence / frames;
  stats.keyframes = tracker.keyframeCount();
  stats.trackMs = trackSeconds / frames * 1e3;
  return stats;
}

void report(const char* what, const RunStats& s) {
  std::printf("[%s] %d frames: RMS yaw %.3f° pitch %.3f° roll %.3f°, max %.3f°, end error yaw %.3f° pitch %.3f° "
              "roll %.3f°, held %d, mean confidence %.2f, %d keyframes, %.2f ms/frame\n",
              what, s.frames, s.rmsYaw, s.rmsPitch, s.rmsRoll, s.maxError,
              wrapDegrees(s.last.yawDeg - s.lastTruth.yawDeg), s.last.pitchDeg - s.lastTruth.pitchDeg,
              wrapDegrees(s.last.rollDeg - s.lastTruth.rollDeg), s.held, s.meanConfidence, s.keyframes, s.trackMs);
}

}  // namespace

TEST(CameraTracker, SimilarityToAnglesFollowsSpec) {
  // live.md §5.2: d = A·c − c; yaw = atan(−dx/f), pitch = atan(dy/f), roll = atan2(b, a).
  const double f = 200;
  const cv::Point2d c(159.5, 119.5);
  const cv::Mat shift = (cv::Mat_<double>(2, 3) << 1, 0, -20, 0, 1, 10);
  const Orientation o = rotationFromSimilarity(shift, c, f);
  EXPECT_NEAR(o.yawDeg, std::atan(20.0 / f) * 180 / kPi, 1e-9);  // background moved left: turned right
  EXPECT_NEAR(o.pitchDeg, std::atan(10.0 / f) * 180 / kPi, 1e-9);  // moved down: looked up
  EXPECT_NEAR(o.rollDeg, 0, 1e-9);
  // A rotation about the centre only: no yaw or pitch.
  const double r = 5 * kPi / 180;
  const cv::Mat turn = cv::getRotationMatrix2D(c, -5.0, 1.0);  // OpenCV: positive = counter-clockwise on screen
  const Orientation o2 = rotationFromSimilarity(turn, c, f);
  EXPECT_NEAR(o2.yawDeg, 0, 1e-9);
  EXPECT_NEAR(o2.pitchDeg, 0, 1e-9);
  EXPECT_NEAR(o2.rollDeg * kPi / 180, r, 1e-9);
}

TEST(CameraTracker, RoundTripWithMovingPersonIsAccurate) {
  const auto panorama = loadPanorama("courtyard.png");
  const Person person("forest.png");
  const int frames = static_cast<int>(30 * kFps);
  // The trajectory is not trivial: an estimator that returned zeros would fail.
  double maxYaw = 0;
  for (int i = 0; i < frames; ++i) maxYaw = std::max(maxYaw, std::abs(roundTrip(i / kFps).yawDeg));
  ASSERT_GT(maxYaw, 35);
  const RunStats s = runSequence(panorama, frames, roundTrip, &person);
  report("round trip", s);
  EXPECT_LE(s.rmsYaw, 0.5);
  EXPECT_LE(s.rmsPitch, 0.5);
  EXPECT_LE(s.rmsRoll, 0.5);
  // Drift: after 30 s the camera is home again; so must the estimate be.
  EXPECT_LE(std::abs(wrapDegrees(s.last.yawDeg)), 1.0);
  EXPECT_LE(std::abs(s.last.pitchDeg), 1.0);
  EXPECT_LE(std::abs(wrapDegrees(s.last.rollDeg)), 1.0);
  EXPECT_LE(s.held, frames / 20) << "the tracker lost the camera too often";
  EXPECT_GT(s.meanConfidence, 0.5);
}

TEST(CameraTracker, RoundTripOnAnotherPanorama) {
  const auto panorama = loadPanorama("city.png");
  const Person person("interior.png");
  // 15 fps: the same 30 s with twice the motion between frames (and half the test time).
  const RunStats s = runSequence(panorama, 30 * 15, roundTrip, &person, 0, {}, 15.0);
  report("round trip, city, 15 fps", s);
  EXPECT_LE(s.rmsYaw, 0.5);
  EXPECT_LE(s.rmsPitch, 0.5);
  EXPECT_LE(std::abs(wrapDegrees(s.last.yawDeg)), 1.0);
  EXPECT_LE(std::abs(s.last.pitchDeg), 1.0);
}

TEST(CameraTracker, StaticCameraDoesNotCreep) {
  const auto panorama = loadPanorama("courtyard.png");
  const Person person("forest.png");
  // Sensor noise on every frame and a person walking about: the estimate must stay put.
  std::vector<Orientation> estimates;
  const auto still = [](double) { return Orientation{}; };
  const RunStats s = runSequence(panorama, 150, still, &person, 3.0,
                                 [&](int, const TrackedPose& pose) { estimates.push_back(pose.orientation); });
  report("static", s);
  EXPECT_LE(s.maxError, 0.1);
  EXPECT_EQ(s.held, 0);
  // Creep: the last second against the first (5 s apart).
  const auto meanYaw = [&](int from, int to) {
    double sum = 0;
    for (int i = from; i < to; ++i) sum += estimates[i].yawDeg;
    return sum / (to - from);
  };
  EXPECT_LE(std::abs(meanYaw(120, 150) - meanYaw(0, 30)), 0.03);
}

TEST(CameraTracker, RollSignMatchesRenderer) {
  // A camera rolled by +r renders its horizon turned clockwise; the tracker must report +r so
  // that the background rendered from its output turns with the real horizon.
  const auto panorama = loadPanorama("courtyard.png");
  const auto rolling = [](double t) { return Orientation{0, 0, 12.0 * smoothstep(t / 2.0)}; };
  const RunStats s = runSequence(panorama, 75, rolling, nullptr);
  report("roll", s);
  EXPECT_NEAR(s.last.rollDeg, 12.0, 0.3);
  EXPECT_NEAR(s.last.yawDeg, 0.0, 0.3);
  EXPECT_NEAR(s.last.pitchDeg, 0.0, 0.3);
}

TEST(CameraTracker, YawAndPitchSignsMatchRenderer) {
  const auto panorama = loadPanorama("courtyard.png");
  const auto turning = [](double t) { return Orientation{10.0 * smoothstep(t), -6.0 * smoothstep(t), 0}; };
  const RunStats s = runSequence(panorama, 40, turning, nullptr);
  report("yaw/pitch signs", s);
  EXPECT_NEAR(s.last.yawDeg, 10.0, 0.2);
  EXPECT_NEAR(s.last.pitchDeg, -6.0, 0.2);
}

TEST(CameraTracker, HoldsPoseWhenBackgroundIsHiddenAndRecenters) {
  const auto panorama = loadPanorama("courtyard.png");
  CameraTrackerSettings settings;
  settings.hfovDeg = kFov;
  CameraTracker tracker(settings);
  TrackedPose pose;
  for (int i = 0; i <= 20; ++i) pose = tracker.process(renderFrame(panorama, {i * 0.5, 0, 0}));
  ASSERT_NEAR(pose.orientation.yawDeg, 10.0, 0.2);
  ASSERT_GT(pose.confidence, 0.8);
  // The person fills the frame: nothing to track, so the pose is held and confidence drops.
  const cv::Mat everything(kHeight, kWidth, CV_8U, cv::Scalar(255));
  const TrackedPose hidden = tracker.process(renderFrame(panorama, {12, 0, 0}), everything);
  EXPECT_TRUE(hidden.held);
  EXPECT_DOUBLE_EQ(hidden.orientation.yawDeg, pose.orientation.yawDeg);
  EXPECT_LT(hidden.confidence, 0.5 * pose.confidence);
  // A probability mask (float) works the same way.
  const cv::Mat probability(kHeight, kWidth, CV_32F, cv::Scalar(0.9f));
  EXPECT_TRUE(tracker.process(renderFrame(panorama, {12, 0, 0}), probability).held);
  // Visible again: it picks up where the camera really is.
  pose = tracker.process(renderFrame(panorama, {12, 0, 0}));
  EXPECT_FALSE(pose.held);
  EXPECT_NEAR(pose.orientation.yawDeg, 12.0, 0.2);
  // Recenter: the current view becomes straight ahead; later motion is relative to it.
  tracker.recenter();
  for (int i = 1; i <= 10; ++i) pose = tracker.process(renderFrame(panorama, {12 - i * 0.5, 0, 0}));
  EXPECT_NEAR(pose.orientation.yawDeg, -5.0, 0.2);
}

TEST(CameraTracker, PitchIsClamped) {
  const auto panorama = loadPanorama("courtyard.png");
  CameraTrackerSettings settings;
  settings.hfovDeg = kFov;
  CameraTracker tracker(settings);
  TrackedPose pose;
  // 60° hFOV at 4:3 has a 46.8° vFOV, so pitch stops at 90° − 23.4° = 66.6°.
  for (int i = 0; i <= 80; ++i) pose = tracker.process(renderFrame(panorama, {0, i * 1.0, 0}));
  const double limit = 90 - std::atan(120.0 / (160.0 / std::tan(kFov * kPi / 360))) * 180 / kPi;
  EXPECT_NEAR(pose.orientation.pitchDeg, limit, 1e-6);
}

TEST(CameraTracker, RejectsUnusableInput) {
  CameraTracker tracker;
  EXPECT_THROW(tracker.process(cv::Mat()), Error);
  EXPECT_THROW(tracker.process(cv::Mat(240, 320, CV_32FC3, cv::Scalar(0))), Error);
  cv::Mat frame(240, 320, CV_8UC3, cv::Scalar(0));
  cv::randu(frame, 0, 255);
  EXPECT_THROW(tracker.process(frame, cv::Mat(120, 160, CV_8U, cv::Scalar(0))), Error);
  EXPECT_THROW(tracker.process(frame, cv::Mat(240, 320, CV_16U, cv::Scalar(0))), Error);
  tracker.process(frame);
  EXPECT_THROW(tracker.process(cv::Mat(480, 640, CV_8UC3, cv::Scalar(0))), Error);
  CameraTrackerSettings bad;
  bad.hfovDeg = 0;
  EXPECT_THROW(CameraTracker{bad}, Error);
}
