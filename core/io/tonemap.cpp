#include "io/tonemap.h"

#include <algorithm>
#include <cmath>

#include "runtime/error.h"

namespace panocast {
namespace {

float luminance(const float* rgb) { return 0.2126f * rgb[0] + 0.7152f * rgb[1] + 0.0722f * rgb[2]; }

// Narkowicz's fit of the ACES reference rendering transform: a filmic shoulder that keeps
// bright skies and lamps from clipping to flat white.
float acesFilm(float x) {
  const float a = 2.51f, b = 0.03f, c = 2.43f, d = 0.59f, e = 0.14f;
  return std::clamp((x * (a * x + b)) / (x * (c * x + d) + e), 0.0f, 1.0f);
}

float srgbEncode(float linear) {
  return linear <= 0.0031308f ? 12.92f * linear : 1.055f * std::pow(linear, 1.0f / 2.4f) - 0.055f;
}

}  // namespace

ImageU8 toneMap(const ImageF32& hdr, const ToneMapSettings& settings) {
  if (hdr.empty() || hdr.channels < 3) throw Error("tone mapping needs an RGB image");
  const size_t count = static_cast<size_t>(hdr.width) * hdr.height;
  float scale = std::exp2(settings.exposureStops);
  if (settings.autoExposure) {
    double logSum = 0.0;
    for (size_t i = 0; i < count; ++i) logSum += std::log(1e-4 + luminance(&hdr.pixels[i * hdr.channels]));
    const double logAverage = std::exp(logSum / static_cast<double>(count));
    scale *= static_cast<float>(0.18 / logAverage);
  }
  ImageU8 out{hdr.width, hdr.height, 3, std::vector<uint8_t>(count * 3)};
  for (size_t i = 0; i < count; ++i)
    for (int c = 0; c < 3; ++c) {
      const float mapped = srgbEncode(acesFilm(hdr.pixels[i * hdr.channels + c] * scale));
      out.pixels[i * 3 + c] = static_cast<uint8_t>(std::lround(std::clamp(mapped, 0.0f, 1.0f) * 255.0f));
    }
  return out;
}

ImageU8 quantize(const ImageF32& image) {
  ImageU8 out{image.width, image.height, image.channels, std::vector<uint8_t>(image.pixels.size())};
  std::transform(image.pixels.begin(), image.pixels.end(), out.pixels.begin(), [](float v) {
    return static_cast<uint8_t>(std::lround(std::clamp(v, 0.0f, 1.0f) * 255.0f));
  });
  return out;
}

}  // namespace panocast
