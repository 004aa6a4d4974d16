// Camera tracking cost per frame (CameraTracker: masked corners, LK with forward–backward check,
// RANSAC similarity, keyframes) and the DIS flow overlay, on synthetic textured frames panning
// behind a person-shaped mask, at 640×480 and 1280×720.
//   bench_tracking [--quick] [--threads N]
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "live/camera_tracker.h"
#include "live/flow_overlay.h"

using namespace panocast;

namespace {

// A wide random texture (blurred noise plus blocks) to pan across: enough corners everywhere.
cv::Mat makeScene(int width, int height) {
  cv::Mat scene(height, width, CV_8UC3);
  cv::RNG rng(7);
  rng.fill(scene, cv::RNG::UNIFORM, 0, 255);
  cv::GaussianBlur(scene, scene, {0, 0}, 2.0);
  for (int i = 0; i < width * height / 4000; ++i) {
    const cv::Point p(rng.uniform(0, width), rng.uniform(0, height));
    cv::rectangle(scene, p, p + cv::Point(rng.uniform(5, 40), rng.uniform(5, 40)),
                  cv::Scalar(rng.uniform(0, 255), rng.uniform(0, 255), rng.uniform(0, 255)), cv::FILLED);
  }
  return scene;
}

struct Figures {
  double trackerMs, overlayMs;
};

Figures measure(int width, int height, int frames) {
  const cv::Mat scene = makeScene(width * 2, height + 64);
  cv::Mat person(height, width, CV_8U, cv::Scalar(0));
  cv::ellipse(person, {width / 2, height / 3}, {width / 14, height / 8}, 0, 0, 360, 255, cv::FILLED);
  cv::ellipse(person, {width / 2, height + height / 8}, {width / 4, height / 2}, 0, 0, 360, 255, cv::FILLED);
  CameraTrackerSettings settings;
  settings.hfovDeg = 70;
  CameraTracker tracker(settings);
  FlowOverlay overlay;
  std::vector<double> trackTimes, overlayTimes;
  cv::Mat canvas;
  for (int i = 0; i < frames; ++i) {
    // Pan right 2 px/frame with a little vertical shake.
    const int x = (2 * i) % (scene.cols - width), y = 32 + static_cast<int>(8 * std::sin(i * 0.7));
    const cv::Mat frame = scene(cv::Rect(x, y, width, height)).clone();
    auto start = std::chrono::steady_clock::now();
    tracker.process(frame, person);
    trackTimes.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    canvas = frame.clone();
    start = std::chrono::steady_clock::now();
    overlay.draw(frame, canvas, person);
    overlayTimes.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
  }
  const auto median = [](std::vector<double> v) {
    v.erase(v.begin(), v.begin() + std::min<size_t>(5, v.size() / 2));  // warm-up
    std::nth_element(v.begin(), v.begin() + v.size() / 2, v.end());
    return v[v.size() / 2];
  };
  return {median(trackTimes), median(overlayTimes)};
}

}  // namespace

int main(int argc, char** argv) {
  bool quick = false;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--quick")) quick = true;
    if (!std::strcmp(argv[i], "--threads") && i + 1 < argc) cv::setNumThreads(std::atoi(argv[++i]));
  }
  const int frames = quick ? 60 : 300;
  std::printf("OpenCV threads: %d, %d frames per size (median ms per frame)\n", cv::getNumThreads(), frames);
  std::printf("%-12s %18s %22s\n", "input", "CameraTracker", "FlowOverlay (DIS)");
  for (const auto& [w, h] : {std::pair{640, 480}, std::pair{1280, 720}}) {
    const Figures f = measure(w, h, frames);
    std::printf("%4dx%-7d %15.2f ms %19.2f ms\n", w, h, f.trackerMs, f.overlayMs);
  }
  return 0;
}
