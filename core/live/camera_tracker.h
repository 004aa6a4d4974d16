#pragma once
// Camera rotation from video: sparse optical flow on background points (outside the person
// mask), a RANSAC similarity per live.md §5, anchored to keyframes so that it does not drift.
// Angles come out in the Foundation's conventions (geometry/orientation.h), so a renderer can
// use them as a Camera's orientation directly.
#include <opencv2/core.hpp>

#include <memory>

#include "geometry/orientation.h"

namespace panocast {

struct CameraTrackerSettings {
  double hfovDeg = 70.0;         // the input camera's horizontal field of view (webcams: 60–78°)
  double workScale = 0.5;        // frames are tracked at this fraction of their size …
  double minWorkWidth = 320;     // … but not below this width (small inputs are tracked as they are)
  int maxCorners = 200;          // Shi–Tomasi (≤ 300 per §5.1; LK costs ~10 µs per point and pass)
  double cornerQuality = 0.01;
  double maskDilation = 0.05;    // person mask grown by this fraction of the width (LK windows must miss the person)
  double forwardBackwardPx = 1.0;  // round-trip limit of the forward–backward check
  double ransacThresholdPx = 3.0;
  int minInliers = 20;           // below this, or below half the points, the pose is held
  double minInlierRatio = 0.5;
  double minBackground = 0.1;    // fraction of the frame outside the mask needed to track at all
  // A keyframe is replaced when the camera has turned this fraction of the FOV away from it,
  // or when fewer than `rekeySurvivors` of its points are still inliers.
  double rekeyFovFraction = 0.3;
  double rekeySurvivors = 0.3;
  int maxKeyframes = 48;         // remembered keyframes: returning to a view re-uses its anchor
  double deadZoneDeg = 0.0;      // output changes smaller than this are ignored (jitter)
  bool clampPitch = true;        // keep |pitch| ≤ 90° − vFOV/2
};

struct TrackedPose {
  Orientation orientation;  // relative to the first frame (or the last recenter())
  double confidence = 0;    // 0 (holding a stale pose) … 1 (many consistent background points)
  int inliers = 0;          // background points that agreed with the fit
  int tracked = 0;          // points that survived tracking and the forward–backward check
  bool held = false;        // this frame's fit was rejected; the previous pose is repeated
  bool rekeyed = false;     // the tracker switched to another keyframe on this frame
};

class CameraTracker {
 public:
  explicit CameraTracker(const CameraTrackerSettings& settings = {});
  ~CameraTracker();
  CameraTracker(const CameraTracker&) = delete;
  CameraTracker& operator=(const CameraTracker&) = delete;

  // `frame`: 8-bit BGR or grey, the same size on every call. `personMask` (optional, frame
  // size): CV_8U where nonzero marks the person, or CV_32F probabilities (person > 0.5).
  // Throws panocast::Error on frames it cannot use.
  TrackedPose process(const cv::Mat& frame, const cv::Mat& personMask = cv::Mat());

  // The current camera direction becomes straight ahead (yaw, pitch and roll 0).
  void recenter();
  // Forgets everything: the next frame is a new first frame.
  void reset();

  const CameraTrackerSettings& settings() const { return settings_; }
  int keyframeCount() const;

 private:
  struct State;
  CameraTrackerSettings settings_;
  std::unique_ptr<State> state_;
};

// live.md §5.2: the camera rotation implied by a 2×3 similarity A = [[a, −b, tx], [b, a, ty]]
// that maps points of one frame to the next, for focal length `focalPx` and image centre `centre`
// (the points' resolution). Small rotations; the tracker applies it to residual motion only.
Orientation rotationFromSimilarity(const cv::Mat& similarity, cv::Point2d centre, double focalPx);

}  // namespace panocast
