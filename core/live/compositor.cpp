#include "live/compositor.h"

#include <array>
#include <cmath>

#include "runtime/error.h"

namespace panocast {
namespace {

float srgbToLinear(float c) { return c <= 0.04045f ? c / 12.92f : std::pow((c + 0.055f) / 1.055f, 2.4f); }
float linearToSrgb(float c) { return c <= 0.0031308f ? 12.92f * c : 1.055f * std::pow(c, 1.0f / 2.4f) - 0.055f; }

const std::array<float, 256>& toLinear() {
  static const auto table = [] {
    std::array<float, 256> t{};
    for (int i = 0; i < 256; ++i) t[static_cast<size_t>(i)] = srgbToLinear(i / 255.0f);
    return t;
  }();
  return table;
}

// Linear → 8-bit sRGB through a fine table (4096 steps keep dark tones exact to the 8-bit step).
uint8_t toSrgb8(float linear) {
  static const auto table = [] {
    std::array<uint8_t, 4097> t{};
    for (int i = 0; i <= 4096; ++i)
      t[static_cast<size_t>(i)] = static_cast<uint8_t>(std::lround(255.0f * linearToSrgb(i / 4096.0f)));
    return t;
  }();
  const float clamped = std::min(1.0f, std::max(0.0f, linear));
  return table[static_cast<size_t>(std::lround(clamped * 4096.0f))];
}

float meanLinear(const cv::Mat& image, const cv::Mat& alpha, bool weightByAlpha) {
  const auto& lin = toLinear();
  double sum = 0, weight = 0;
  for (int y = 0; y < image.rows; ++y) {
    const uint8_t* p = image.ptr<uint8_t>(y);
    const float* a = alpha.ptr<float>(y);
    for (int x = 0; x < image.cols; ++x) {
      const double w = weightByAlpha ? a[x] : 1.0 - a[x];
      sum += w * (lin[p[3 * x]] + lin[p[3 * x + 1]] + lin[p[3 * x + 2]]) / 3.0;
      weight += w;
    }
  }
  return weight > 1e-6 ? static_cast<float>(sum / weight) : 0.0f;
}

}  // namespace

cv::Mat compositeLinear(const cv::Mat& foreground, const cv::Mat& background, const cv::Mat& alpha, double lightMatch) {
  if (foreground.type() != CV_8UC3 || background.type() != CV_8UC3 || alpha.type() != CV_32F)
    throw Error("composite: expected 8-bit colour images and a float alpha matte");
  if (foreground.size() != background.size() || alpha.size() != foreground.size())
    throw Error("composite: foreground, background and alpha differ in size");
  float gain = 1.0f;
  if (lightMatch > 0) {
    const float person = meanLinear(foreground, alpha, true);
    const float scene = meanLinear(background, alpha, false);
    if (person > 1e-4f && scene > 1e-4f)
      gain = std::pow(scene / person, static_cast<float>(std::min(1.0, lightMatch)));
    gain = std::min(4.0f, std::max(0.25f, gain));
  }
  const auto& lin = toLinear();
  cv::Mat out(foreground.size(), CV_8UC3);
  for (int y = 0; y < out.rows; ++y) {
    const uint8_t* f = foreground.ptr<uint8_t>(y);
    const uint8_t* b = background.ptr<uint8_t>(y);
    const float* a = alpha.ptr<float>(y);
    uint8_t* o = out.ptr<uint8_t>(y);
    for (int x = 0; x < out.cols; ++x) {
      const float w = a[x];
      for (int c = 0; c < 3; ++c) {
        const int i = 3 * x + c;
        o[i] = toSrgb8(gain * lin[f[i]] * w + lin[b[i]] * (1.0f - w));
      }
    }
  }
  return out;
}

}  // namespace panocast
