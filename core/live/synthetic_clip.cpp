#include "live/synthetic_clip.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <opencv2/imgproc.hpp>

#include "geometry/panorama_renderer.h"
#include "io/image_tensor.h"
#include "runtime/error.h"

namespace panocast {
namespace {

constexpr double kPi = std::numbers::pi;

double smoothstep(double x) {
  x = std::clamp(x, 0.0, 1.0);
  return x * x * (3 - 2 * x);
}

}  // namespace

Orientation syntheticCameraPath(double t, double seconds) {
  // Waypoints in fractions of the clip: (time, yaw°, pitch°).
  struct Waypoint { double u, yaw, pitch; };
  static const Waypoint path[] = {{0.00, 0, 0},  {0.08, 0, 0},   {0.35, 30, 6}, {0.45, 30, 6},
                                  {0.75, -25, -3}, {0.92, 0, 0}, {1.00, 0, 0}};
  const double u = seconds > 0 ? std::clamp(t / seconds, 0.0, 1.0) : 0.0;
  Orientation o;
  for (size_t i = 0; i + 1 < std::size(path); ++i) {
    const auto& a = path[i];
    const auto& b = path[i + 1];
    if (u >= a.u && u <= b.u) {
      const double s = smoothstep((u - a.u) / (b.u - a.u));
      o.yawDeg = a.yaw + (b.yaw - a.yaw) * s;
      o.pitchDeg = a.pitch + (b.pitch - a.pitch) * s;
      break;
    }
  }
  // A hand-shake of about a degree while the camera rests on the right.
  const double shake = (u - 0.35) / 0.10;
  if (shake > 0 && shake < 1) {
    const double envelope = std::sin(kPi * shake);
    o.yawDeg += 1.0 * envelope * std::sin(2 * kPi * 4.5 * t);
    o.pitchDeg += 0.7 * envelope * std::sin(2 * kPi * 3.3 * t + 1.0);
    o.rollDeg += 0.5 * envelope * std::sin(2 * kPi * 2.1 * t);
  }
  return o;
}

SyntheticClip::SyntheticClip(const at::Tensor& panorama, const cv::Mat& personBgr, const cv::Mat& personAlpha,
                             const SyntheticClipSettings& settings)
    : panorama_(panorama), settings_(settings) {
  if (settings.width <= 0 || settings.height <= 0 || settings.width % 2 || settings.height % 2)
    throw Error("synthetic clip: width and height must be positive and even");
  if (!(settings.fps > 0) || !(settings.seconds > 0)) throw Error("synthetic clip: frame rate and length must be positive");
  if (personBgr.empty() || personBgr.type() != CV_8UC3 || personAlpha.type() != CV_32F ||
      personAlpha.size() != personBgr.size())
    throw Error("synthetic clip: the person needs an 8-bit colour image and a float matte of the same size");
  // Scale the person so they fill `personHeight` of the frame, as in a video call.
  const double scale = settings.personHeight * settings.height / personBgr.rows;
  const cv::Size size(std::max(1, int(std::lround(personBgr.cols * scale))), std::max(1, int(std::lround(personBgr.rows * scale))));
  cv::resize(personBgr, personBgr_, size, 0, 0, cv::INTER_AREA);
  personBgr_.convertTo(personBgr_, CV_32FC3);
  cv::resize(personAlpha, personAlpha_, size, 0, 0, cv::INTER_AREA);
}

int SyntheticClip::frameCount() const { return static_cast<int>(std::lround(settings_.seconds * settings_.fps)); }

cv::Mat SyntheticClip::frame(int index, Orientation* truth) const {
  const double t = index / settings_.fps;
  Camera camera;
  camera.width = settings_.width;
  camera.height = settings_.height;
  camera.hfovDeg = settings_.hfovDeg;
  camera.orientation = syntheticCameraPath(t, settings_.seconds);
  if (truth) *truth = camera.orientation;
  ImageU8 rgb = toImageU8(renderView(panorama_, camera));
  cv::Mat background;
  cv::cvtColor(cv::Mat(rgb.height, rgb.width, CV_8UC3, rgb.pixels.data()), background, cv::COLOR_RGB2BGR);
  background.convertTo(background, CV_32FC3);

  // The person sways sideways and bobs a little, independently of the camera, standing on the
  // bottom edge of the frame.
  const double dx = 0.06 * settings_.width * std::sin(2 * kPi * t / 5.0);
  const double dy = 0.012 * settings_.height * std::sin(2 * kPi * t / 1.4);
  const double left = (settings_.width - personBgr_.cols) / 2.0 + dx;
  const double top = settings_.height - personBgr_.rows + std::abs(dy);
  const cv::Mat shift = (cv::Mat_<double>(2, 3) << 1, 0, left, 0, 1, top);
  cv::Mat person, alpha;
  cv::warpAffine(personBgr_, person, shift, background.size(), cv::INTER_LINEAR, cv::BORDER_CONSTANT);
  cv::warpAffine(personAlpha_, alpha, shift, background.size(), cv::INTER_LINEAR, cv::BORDER_CONSTANT);
  cv::Mat alpha3;
  cv::merge(std::vector<cv::Mat>{alpha, alpha, alpha}, alpha3);
  cv::Mat out = background + alpha3.mul(person - background);
  out.convertTo(out, CV_8UC3);
  return out;
}

}  // namespace panocast
