#include "live/camera_tracker.h"

#include <opencv2/calib3d.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/video/tracking.hpp>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <optional>
#include <string>
#include <vector>

#include "runtime/error.h"

namespace panocast {
namespace {

constexpr double kDegPerRad = 180.0 / std::numbers::pi;
constexpr int kLkLevels = 3;
const cv::Size kLkWindow(21, 21);
constexpr double kMaxLkError = 40.0;  // mean absolute grey difference in the window
constexpr int kFitIterations = 3;

std::string sizeText(cv::Size s) { return std::to_string(s.width) + "x" + std::to_string(s.height); }

// Angle of the rotation between two camera orientations, in degrees.
double angleBetween(const Mat3& a, const Mat3& b) {
  const Mat3 r = a.transposed() * b;
  const double c = std::clamp((r(0, 0) + r(1, 1) + r(2, 2) - 1.0) / 2.0, -1.0, 1.0);
  return std::acos(c) * kDegPerRad;
}

// A remembered view of the background. Tracking measures the rotation from a keyframe to the
// current frame, so per-frame errors do not add up; they add up only when the keyframe changes,
// and coming back to a remembered view re-uses its anchor (a 360° round trip closes).
struct Keyframe {
  std::vector<cv::Mat> pyramid;
  std::vector<cv::Point2f> points;  // background corners at work resolution
  Mat3 pose;                        // camera → reference frame (the first frame's camera)
  int depth = 0;                    // keyframe changes between this one and the first frame
  int baseline = 0;                 // most inliers seen: "survivors" are counted against it
};

struct Fit {
  bool ok = false;         // good enough to move the pose
  bool estimated = false;  // a rotation came out, good or not: still the best guess for the next frame
  Mat3 relative;  // u_keyframe = relative · u_current (rays in camera coordinates)
  int inliers = 0, tracked = 0;
  double quality = 0;
};

// One frame at work resolution: its LK pyramid and where the background is.
struct WorkFrame {
  cv::Mat grey;
  std::vector<cv::Mat> pyramid;
  cv::Mat background;  // 255 outside the dilated person mask
  double backgroundFraction = 1;
};

}  // namespace

Orientation rotationFromSimilarity(const cv::Mat& similarity, cv::Point2d centre, double focalPx) {
  cv::Mat A;
  similarity.convertTo(A, CV_64F);
  const double a = A.at<double>(0, 0), b = A.at<double>(1, 0);
  const double dx = a * centre.x - b * centre.y + A.at<double>(0, 2) - centre.x;
  const double dy = b * centre.x + a * centre.y + A.at<double>(1, 2) - centre.y;
  Orientation o;
  o.yawDeg = std::atan(-dx / focalPx) * kDegPerRad;  // the background moves left when the camera pans right
  o.pitchDeg = std::atan(dy / focalPx) * kDegPerRad;  // image y points down: it moves down when we look up
  // Sign fixed by CameraTracker.RollSignMatchesRenderer: a positive roll turns the rendered
  // horizon clockwise, which in y-down pixels is a positive angle of A.
  o.rollDeg = std::atan2(b, a) * kDegPerRad;
  return o;
}

struct CameraTracker::State {
  cv::Size frameSize, workSize;
  double focal = 0;
  cv::Point2d centre;
  std::vector<Keyframe> keyframes;
  int active = -1;
  Mat3 relative;  // active keyframe → current camera, the prediction for the next frame
  Mat3 pose;      // current camera → reference
  Mat3 home;      // recenter(): the orientation reported as straight ahead
  Orientation output;
  double confidence = 0;
  int heldFrames = 0;
  WorkFrame previous;            // the last frame, kept to re-key on after the fact
  bool previousTracked = false;  // … when its pose was measured, not held
  Mat3 previousPose;

  cv::Point2d project(const Vec3& ray, bool& inFront) const {
    inFront = ray.z > 1e-3;
    const double z = inFront ? ray.z : 1e-3;
    return {centre.x + focal * ray.x / z, centre.y + focal * ray.y / z};
  }
  Vec3 unproject(cv::Point2f p) const { return {(p.x - centre.x) / focal, (p.y - centre.y) / focal, 1.0}; }
  // Where a keyframe point appears in a camera rotated by `relative` from the keyframe.
  cv::Point2f warpToCurrent(cv::Point2f p, const Mat3& relative, bool& ok) const {
    const cv::Point2d q = project(relative.transposed() * unproject(p), ok);
    return {static_cast<float>(q.x), static_cast<float>(q.y)};
  }
  cv::Point2f warpToKeyframe(cv::Point2f p, const Mat3& relative, bool& ok) const {
    const cv::Point2d q = project(relative * unproject(p), ok);
    return {static_cast<float>(q.x), static_cast<float>(q.y)};
  }
};

CameraTracker::CameraTracker(const CameraTrackerSettings& settings)
    : settings_(settings), state_(std::make_unique<State>()) {
  if (!(settings.hfovDeg > 1 && settings.hfovDeg < 179))
    throw Error("camera tracker: the horizontal field of view must be between 1° and 179° (webcams are 60–78°)");
  if (!(settings.workScale > 0 && settings.workScale <= 1))
    throw Error("camera tracker: the work scale must be in (0, 1]");
}

CameraTracker::~CameraTracker() = default;

void CameraTracker::reset() { state_ = std::make_unique<State>(); }

void CameraTracker::recenter() {
  state_->home = state_->pose;
  state_->output = {};
}

int CameraTracker::keyframeCount() const { return static_cast<int>(state_->keyframes.size()); }

namespace {

cv::Mat toGrey(const cv::Mat& frame) {
  cv::Mat grey;
  switch (frame.type()) {
    case CV_8UC1: return frame;
    case CV_8UC3: cv::cvtColor(frame, grey, cv::COLOR_BGR2GRAY); return grey;
    case CV_8UC4: cv::cvtColor(frame, grey, cv::COLOR_BGRA2GRAY); return grey;
  }
  throw Error("camera tracker: frames must be 8-bit grey, BGR or BGRA images");
}

// 255 where the background is: outside the person mask grown by `dilation` of the width, so
// that points on hair, arms and the blurred mask edge (which move with the person) are not used.
cv::Mat backgroundMask(const cv::Mat& personMask, cv::Size frameSize, cv::Size workSize, double dilation) {
  if (personMask.empty()) return cv::Mat(workSize, CV_8U, cv::Scalar(255));
  if (personMask.size() != frameSize)
    throw Error("camera tracker: the person mask is " + sizeText(personMask.size()) + " but the frame is " +
                sizeText(frameSize));
  cv::Mat person;
  if (personMask.type() == CV_8UC1) {
    person = personMask != 0;
  } else if (personMask.type() == CV_32FC1) {
    person = personMask > 0.5f;
  } else {
    throw Error("camera tracker: the person mask must be 8-bit (nonzero = person) or float (probability)");
  }
  cv::Mat small;
  cv::resize(person, small, workSize, 0, 0, cv::INTER_AREA);
  small = small != 0;  // any person coverage in a work pixel counts as person
  const int radius = std::max(1, static_cast<int>(std::lround(dilation * workSize.width)));
  cv::dilate(small, small, cv::getStructuringElement(cv::MORPH_ELLIPSE, {2 * radius + 1, 2 * radius + 1}));
  return small == 0;
}

// Shi–Tomasi corners spread over a grid: the strongest of the whole frame would gather on the
// most textured object, which may be a person the mask missed (or no mask at all); spread out,
// the background keeps its majority in RANSAC and the fit sees the whole field of view.
std::vector<cv::Point2f> spreadCorners(const cv::Mat& grey, const cv::Mat& background, int maxCorners, double quality) {
  constexpr int kColumns = 4, kRows = 3;
  const double minDistance = std::max(3.0, grey.cols / 64.0);
  std::vector<cv::Point2f> candidates, chosen;
  // Shi–Tomasi's quality is relative to the strongest corner: one lamp against a white wall can
  // push every other corner under 1 %. Rooms with a person filling the middle are the common
  // webcam case, so the threshold is lowered until there are enough candidates to choose from.
  for (double q = quality; q >= quality / 30; q /= 3) {
    cv::goodFeaturesToTrack(grey, candidates, 4 * maxCorners, q, minDistance, background);
    if (static_cast<int>(candidates.size()) >= maxCorners) break;
  }
  // Twice the fair share: textured cells may carry more than blank sky, but none dominates.
  const int perCell = std::max(1, 2 * maxCorners / (kColumns * kRows));
  int counts[kColumns * kRows] = {};
  for (const auto& p : candidates) {  // strongest first
    const int cell = std::min(kRows - 1, static_cast<int>(p.y * kRows / grey.rows)) * kColumns +
                     std::min(kColumns - 1, static_cast<int>(p.x * kColumns / grey.cols));
    if (counts[cell] < perCell && static_cast<int>(chosen.size()) < maxCorners) {
      ++counts[cell];
      chosen.push_back(p);
    }
  }
  return chosen;
}

// The similarity [[a, −b, tx], [b, a, ty]] closest to mapping `from` onto `to` (selected
// points only), in closed form; empty when fewer than two points are selected.
cv::Mat leastSquaresSimilarity(const std::vector<cv::Point2f>& from, const std::vector<cv::Point2f>& to,
                               const std::vector<uchar>& selected) {
  cv::Point2d meanFrom, meanTo;
  int n = 0;
  for (size_t i = 0; i < from.size(); ++i)
    if (selected[i]) meanFrom += cv::Point2d(from[i]), meanTo += cv::Point2d(to[i]), ++n;
  if (n < 2) return {};
  meanFrom /= n;
  meanTo /= n;
  double dotSum = 0, crossSum = 0, norm = 0;
  for (size_t i = 0; i < from.size(); ++i) {
    if (!selected[i]) continue;
    const cv::Point2d p = cv::Point2d(from[i]) - meanFrom, q = cv::Point2d(to[i]) - meanTo;
    dotSum += p.x * q.x + p.y * q.y;
    crossSum += p.x * q.y - p.y * q.x;
    norm += p.dot(p);
  }
  if (norm < 1e-9) return {};
  const double a = dotSum / norm, b = crossSum / norm;
  return (cv::Mat_<double>(2, 3) << a, -b, meanTo.x - (a * meanFrom.x - b * meanFrom.y), b, a,
          meanTo.y - (b * meanFrom.x + a * meanFrom.y));
}

bool insideImage(cv::Point2f p, cv::Size size) {
  return p.x >= 0 && p.y >= 0 && p.x <= size.width - 1 && p.y <= size.height - 1;
}

}  // namespace

TrackedPose CameraTracker::process(const cv::Mat& frame, const cv::Mat& personMask) {
  if (frame.empty()) throw Error("camera tracker: empty frame");
  State& s = *state_;
  if (s.frameSize.area() == 0) {
    s.frameSize = frame.size();
    // ½ resolution (§5.1) for webcam-sized frames; small frames are not shrunk below
    // minWorkWidth, where too few corners would remain.
    const double scale = std::min(1.0, std::max(settings_.workScale, settings_.minWorkWidth / frame.cols));
    s.workSize = {std::max(16, static_cast<int>(std::lround(frame.cols * scale))),
                  std::max(16, static_cast<int>(std::lround(frame.rows * scale)))};
    // live.md §5.2: f = (W/2)/tan(HFOV/2) at the resolution the points live in.
    s.focal = 0.5 * s.workSize.width / std::tan(settings_.hfovDeg / 2.0 / kDegPerRad);
    s.centre = {(s.workSize.width - 1) / 2.0, (s.workSize.height - 1) / 2.0};
  } else if (frame.size() != s.frameSize) {
    throw Error("camera tracker: the frame size changed from " + sizeText(s.frameSize) + " to " +
                sizeText(frame.size()) + "; reset the tracker when the camera changes");
  }

  WorkFrame current;
  cv::resize(toGrey(frame), current.grey, s.workSize, 0, 0, cv::INTER_AREA);
  current.background = backgroundMask(personMask, s.frameSize, s.workSize, settings_.maskDilation);
  current.backgroundFraction = cv::countNonZero(current.background) / static_cast<double>(s.workSize.area());
  cv::buildOpticalFlowPyramid(current.grey, current.pyramid, kLkWindow, kLkLevels);

  // A keyframe from `view`, unless it has too few background corners to be worth keeping.
  const auto buildKeyframe = [&](const WorkFrame& view, const Mat3& pose, int depth) -> std::optional<Keyframe> {
    Keyframe key;
    key.points = spreadCorners(view.grey, view.background, settings_.maxCorners, settings_.cornerQuality);
    if (static_cast<int>(key.points.size()) < 2 * settings_.minInliers) return std::nullopt;
    key.pyramid = view.pyramid;
    key.pose = pose;
    key.depth = depth;
    return key;
  };
  const auto adoptKeyframe = [&](Keyframe&& key, const Mat3& relative) {
    if (static_cast<int>(s.keyframes.size()) >= settings_.maxKeyframes) {
      // Forget the most recent non-active view but never the first: it anchors home.
      int victim = static_cast<int>(s.keyframes.size()) - 1;
      if (victim == s.active) --victim;
      if (victim > 0) {
        s.keyframes.erase(s.keyframes.begin() + victim);
        if (s.active > victim) --s.active;
      }
    }
    s.keyframes.push_back(std::move(key));
    s.active = static_cast<int>(s.keyframes.size()) - 1;
    s.relative = relative;
  };
  const auto makeKeyframe = [&](const Mat3& pose, int depth) {
    auto key = buildKeyframe(current, pose, depth);
    if (key) adoptKeyframe(std::move(*key), Mat3::identity());
    return key.has_value();
  };
  // Every frame ends as the previous one; a tracked one may become a keyframe after the fact.
  struct RememberFrame {
    State& s;
    WorkFrame& current;
    bool tracked = false;
    ~RememberFrame() {
      s.previous = std::move(current);
      s.previousTracked = tracked;
      s.previousPose = s.pose;
    }
  } remember{s, current};

  TrackedPose result;
  if (s.active < 0) {  // first usable frame: it defines the reference orientation
    result.confidence = makeKeyframe(Mat3::identity(), 0) ? 1.0 : 0.0;
    remember.tracked = result.confidence > 0;
    s.confidence = result.confidence;
    result.orientation = s.output;
    return result;
  }

  // Rotation from keyframe `k` to this frame, starting from `prediction`.
  const auto fitAgainst = [&](const Keyframe& k, const Mat3& prediction) -> Fit {
    Fit fit;
    const size_t n = k.points.size();
    std::vector<cv::Point2f> forward(n), backward(n);
    std::vector<uchar> usable(n, 1), status, statusBack;
    std::vector<float> error, errorBack;
    for (size_t i = 0; i < n; ++i) {
      bool ok = true;
      forward[i] = s.warpToCurrent(k.points[i], prediction, ok);
      if (!ok) usable[i] = 0, forward[i] = k.points[i];
    }
    const cv::TermCriteria criteria(cv::TermCriteria::COUNT | cv::TermCriteria::EPS, 30, 0.01);
    cv::calcOpticalFlowPyrLK(k.pyramid, current.pyramid, k.points, forward, status, error, kLkWindow, kLkLevels,
                             criteria, cv::OPTFLOW_USE_INITIAL_FLOW, 1e-4);
    // The backward pass starts from where the prediction maps the forward result, not from the
    // known answer, so a wrong forward match cannot pass by luck.
    for (size_t i = 0; i < n; ++i) {
      bool ok = true;
      backward[i] = s.warpToKeyframe(forward[i], prediction, ok);
      if (!ok) usable[i] = 0;
    }
    cv::calcOpticalFlowPyrLK(current.pyramid, k.pyramid, forward, backward, statusBack, errorBack, kLkWindow,
                             kLkLevels, criteria, cv::OPTFLOW_USE_INITIAL_FLOW, 1e-4);
    std::vector<cv::Point2f> from, to;
    const double fb2 = settings_.forwardBackwardPx * settings_.forwardBackwardPx;
    for (size_t i = 0; i < n; ++i) {
      if (!usable[i] || !status[i] || !statusBack[i] || error[i] > kMaxLkError) continue;
      const cv::Point2f roundTrip = backward[i] - k.points[i];
      if (roundTrip.dot(roundTrip) > fb2) continue;
      if (!insideImage(forward[i], s.workSize)) continue;
      const cv::Point ip(cvRound(forward[i].x), cvRound(forward[i].y));
      if (!current.background.at<uchar>(ip)) continue;  // now behind the (moving) person
      from.push_back(k.points[i]);
      to.push_back(forward[i]);
    }
    fit.tracked = static_cast<int>(from.size());
    if (fit.tracked < 6) return fit;  // below §5.1's floor a fit is not trusted, but still predicts

    // §5.1's similarity fit is exact only for small motion (a rotation is a homography, and
    // off-centre points move up to 1/cos² faster than the centre). So the keyframe points are
    // first moved by the current rotation estimate and the similarity measures what is left;
    // a few rounds drive that residual, and with it the approximation error, to zero.
    fit.relative = prediction;
    std::vector<cv::Point2f> predicted(from.size());
    const auto predict = [&] {
      for (size_t i = 0; i < from.size(); ++i) {
        bool ok = true;
        predicted[i] = s.warpToCurrent(from[i], fit.relative, ok);
      }
    };
    predict();
    std::vector<uchar> inliers;
    const cv::Mat A = cv::estimateAffinePartial2D(predicted, to, inliers, cv::RANSAC, settings_.ransacThresholdPx,
                                                  2000, 0.99, 10);
    if (A.empty()) return fit;
    fit.estimated = true;
    fit.relative = fit.relative * rotationFromSimilarity(A, s.centre, s.focal).rotation();
    // Further rounds fit RANSAC's inliers only, by least squares: a fresh RANSAC per round could
    // switch to another consensus and never settle.
    for (int iteration = 1; iteration < kFitIterations; ++iteration) {
      predict();
      const cv::Mat refined = leastSquaresSimilarity(predicted, to, inliers);
      if (refined.empty()) break;
      const Orientation residual = rotationFromSimilarity(refined, s.centre, s.focal);
      fit.relative = fit.relative * residual.rotation();
      if (std::abs(residual.yawDeg) + std::abs(residual.pitchDeg) + std::abs(residual.rollDeg) < 1e-4) break;
    }
    // Count agreement with the final rotation itself, not with an intermediate similarity.
    predict();
    const double threshold2 = settings_.ransacThresholdPx * settings_.ransacThresholdPx;
    fit.inliers = 0;
    for (size_t i = 0; i < from.size(); ++i) {
      const cv::Point2f e = predicted[i] - to[i];
      fit.inliers += e.dot(e) <= threshold2;
    }
    const double ratio = fit.inliers / static_cast<double>(fit.tracked);
    fit.ok = fit.inliers >= settings_.minInliers && ratio >= settings_.minInlierRatio;
    // Many points that agree → 1; the floor of §5.1 (20 points, half of them) → about 0.2.
    fit.quality = std::min(1.0, fit.inliers / (3.0 * settings_.minInliers)) * std::min(1.0, ratio / 0.9);
    return fit;
  };

  // Remembered keyframes near `pose`, fewest keyframe changes from home first.
  const auto candidatesNear = [&](const Mat3& pose, double maxAngle) {
    std::vector<int> found;
    for (int i = 0; i < static_cast<int>(s.keyframes.size()); ++i)
      if (i != s.active && angleBetween(s.keyframes[i].pose, pose) < maxAngle) found.push_back(i);
    std::sort(found.begin(), found.end(), [&](int a, int b) {
      if (s.keyframes[a].depth != s.keyframes[b].depth) return s.keyframes[a].depth < s.keyframes[b].depth;
      return angleBetween(s.keyframes[a].pose, pose) < angleBetween(s.keyframes[b].pose, pose);
    });
    return found;
  };
  const auto trySwitch = [&](const std::vector<int>& candidates, const Mat3& from, int attempts) {
    for (int i = 0; i < std::min<int>(attempts, static_cast<int>(candidates.size())); ++i) {
      const Keyframe& k = s.keyframes[candidates[i]];
      const Fit fit = fitAgainst(k, k.pose.transposed() * from);
      if (fit.ok && fit.inliers >= settings_.rekeySurvivors * k.baseline) {
        s.active = candidates[i];
        s.relative = fit.relative;
        s.pose = k.pose * fit.relative;
        return fit;
      }
    }
    return Fit{};
  };

  const double rekeyAngle = settings_.rekeyFovFraction * settings_.hfovDeg;
  Fit fit;
  if (current.backgroundFraction >= settings_.minBackground) {
    fit = fitAgainst(s.keyframes[s.active], s.relative);
    // The keyframe's points can vanish within a frame or two when the background slides behind
    // a large foreground person. The previous frame was tracked, so its pose is known: it
    // becomes the keyframe after the fact and the short, one-frame step is measured from it.
    if (!fit.ok && s.previousTracked) {
      const Mat3 motion = s.previousPose.transposed() * s.keyframes[s.active].pose * s.relative;  // the best guess
      if (auto key = buildKeyframe(s.previous, s.previousPose, s.keyframes[s.active].depth + 1)) {
        const Fit step = fitAgainst(*key, motion);
        if (step.ok) {
          adoptKeyframe(std::move(*key), step.relative);
          fit = step;
          result.rekeyed = true;
        }
      }
    }
  }
  if (fit.ok) {
    Keyframe& key = s.keyframes[s.active];
    key.baseline = std::max(key.baseline, fit.inliers);
    s.relative = fit.relative;
    s.pose = key.pose * fit.relative;
    s.heldFrames = 0;
    s.confidence = fit.quality;
    remember.tracked = true;
    const double turned = angleBetween(Mat3::identity(), fit.relative);
    // Re-key before the points run out: when a share of the keyframe's best count is left, or
    // when near the floor of §5.1 while a fresh keyframe is likely to do clearly better.
    const bool fewLeft = fit.inliers < settings_.rekeySurvivors * key.baseline ||
                         (fit.inliers < 2 * settings_.minInliers && fit.inliers < 0.7 * key.baseline);
    if (turned > rekeyAngle || fewLeft) {
      const int depth = key.depth;
      const Fit switched = trySwitch(candidatesNear(s.pose, std::min(turned, rekeyAngle) * 0.75), s.pose, 2);
      if (switched.ok) {
        fit = switched;
        result.rekeyed = true;
      } else {
        // Keeps the old keyframe when this view has too few background corners.
        result.rekeyed = makeKeyframe(s.pose, depth + 1);
      }
    }
  } else {
    // Hold the pose; confidence fades while the camera cannot be followed.
    ++s.heldFrames;
    result.held = true;
    // The rejected estimate still beats the held pose as the starting point of the next
    // frame's search: without it a slow pan would run away from a stale prediction for good.
    if (fit.estimated) s.relative = fit.relative;
    const Mat3 guess = s.keyframes[s.active].pose * s.relative;
    s.confidence = std::min(s.confidence, fit.quality) * 0.8;
    if (s.heldFrames >= 3 && current.backgroundFraction >= settings_.minBackground) {
      const Fit switched = trySwitch(candidatesNear(guess, rekeyAngle), guess, 2);
      if (switched.ok) {
        fit = switched;
        s.heldFrames = 0;
        s.confidence = switched.quality;
        result.held = false;
        result.rekeyed = true;
        remember.tracked = true;
      } else if (s.heldFrames >= 15 && makeKeyframe(guess, s.keyframes[s.active].depth + 1)) {
        // Lost for half a second: continue from the best guess rather than stay frozen for good.
        s.pose = guess;
        s.heldFrames = 0;
        result.rekeyed = true;
      }
    }
  }
  result.inliers = fit.inliers;
  result.tracked = fit.tracked;
  result.confidence = std::clamp(s.confidence, 0.0, 1.0);

  Orientation next = Orientation::fromRotation(s.home.transposed() * s.pose);
  if (settings_.clampPitch) {
    const double vfovDeg = 2.0 * std::atan(0.5 * s.workSize.height / s.focal) * kDegPerRad;
    const double limit = 90.0 - vfovDeg / 2.0;
    next.pitchDeg = std::clamp(next.pitchDeg, -limit, limit);
  }
  const auto settle = [&](double& out, double value) {
    if (std::abs(wrapDegrees(value - out)) >= settings_.deadZoneDeg) out = value;
  };
  settle(s.output.yawDeg, next.yawDeg);
  settle(s.output.pitchDeg, next.pitchDeg);
  settle(s.output.rollDeg, next.rollDeg);
  result.orientation = s.output;
  return result;
}

}  // namespace panocast
