#include "io/pillow_resize.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

#include "runtime/error.h"

namespace panocast {
namespace {

constexpr int kPrecisionBits = 32 - 8 - 2;  // Pillow's fixed point for 8-bit images

// Keys' cubic with a = −0.5, written in Pillow's operation order so the doubles agree.
double bicubic(double x) {
  constexpr double a = -0.5;
  if (x < 0.0) x = -x;
  if (x < 1.0) return ((a + 2.0) * x - (a + 3.0)) * x * x + 1;
  if (x < 2.0) return (((x - 5) * x + 8) * x - 4) * a;
  return 0.0;
}

// For each output index: the first input index it reads and its fixed-point weights.
struct Taps {
  std::vector<int> first;
  std::vector<std::vector<int32_t>> weights;
};

Taps precompute(int inSize, int outSize) {
  const double scale = static_cast<double>(inSize) / outSize;
  const double filterScale = std::max(scale, 1.0);
  const double support = 2.0 * filterScale;
  Taps taps;
  taps.first.resize(outSize);
  taps.weights.resize(outSize);
  std::vector<double> k;
  for (int out = 0; out < outSize; ++out) {
    const double center = (out + 0.5) * scale;
    // C's truncation toward zero, as Pillow casts; negative starts clamp to 0 either way.
    const int begin = std::max(0, static_cast<int>(center - support + 0.5));
    const int end = std::min(inSize, static_cast<int>(center + support + 0.5));
    k.assign(std::max(0, end - begin), 0.0);
    double sum = 0.0;
    for (int x = begin; x < end; ++x) {
      const double w = bicubic((x - center + 0.5) * (1.0 / filterScale));
      k[x - begin] = w;
      sum += w;
    }
    auto& fixed = taps.weights[out];
    fixed.resize(k.size());
    for (size_t i = 0; i < k.size(); ++i) {
      const double w = sum != 0.0 ? k[i] / sum : k[i];
      fixed[i] = static_cast<int32_t>(w < 0 ? -0.5 + w * (1 << kPrecisionBits) : 0.5 + w * (1 << kPrecisionBits));
    }
    taps.first[out] = begin;
  }
  return taps;
}

uint8_t clip8(int64_t accumulated) {
  if (accumulated <= 0) return 0;
  if (accumulated >= (int64_t(256) << kPrecisionBits)) return 255;
  return static_cast<uint8_t>(accumulated >> kPrecisionBits);
}

ImageU8 resizeHorizontally(const ImageU8& in, int width) {
  const Taps taps = precompute(in.width, width);
  ImageU8 out{width, in.height, in.channels, std::vector<uint8_t>(size_t(width) * in.height * in.channels)};
  for (int y = 0; y < in.height; ++y) {
    const uint8_t* src = in.row(y);
    uint8_t* dst = out.row(y);
    for (int x = 0; x < width; ++x) {
      const auto& w = taps.weights[x];
      for (int c = 0; c < in.channels; ++c) {
        int64_t acc = int64_t(1) << (kPrecisionBits - 1);
        for (size_t i = 0; i < w.size(); ++i) acc += int64_t(src[(taps.first[x] + i) * in.channels + c]) * w[i];
        dst[x * in.channels + c] = clip8(acc);
      }
    }
  }
  return out;
}

ImageU8 resizeVertically(const ImageU8& in, int height) {
  const Taps taps = precompute(in.height, height);
  const int rowLength = in.width * in.channels;
  ImageU8 out{in.width, height, in.channels, std::vector<uint8_t>(size_t(rowLength) * height)};
  std::vector<int64_t> acc(rowLength);
  for (int y = 0; y < height; ++y) {
    std::fill(acc.begin(), acc.end(), int64_t(1) << (kPrecisionBits - 1));
    const auto& w = taps.weights[y];
    for (size_t i = 0; i < w.size(); ++i) {
      const uint8_t* src = in.row(taps.first[y] + static_cast<int>(i));
      for (int j = 0; j < rowLength; ++j) acc[j] += int64_t(src[j]) * w[i];
    }
    uint8_t* dst = out.row(y);
    for (int j = 0; j < rowLength; ++j) dst[j] = clip8(acc[j]);
  }
  return out;
}

}  // namespace

ImageU8 resizeBicubicLikePillow(const ImageU8& image, int width, int height) {
  if (image.empty() || image.width <= 0 || image.height <= 0 || image.channels <= 0 ||
      image.pixels.size() != size_t(image.width) * image.height * image.channels)
    throw Error("bicubic resize: the image is empty or its pixel buffer does not match its size");
  if (width <= 0 || height <= 0 || width > (1 << 16) || height > (1 << 16))
    throw Error("bicubic resize: target size " + std::to_string(width) + "×" + std::to_string(height) + " is out of range");
  ImageU8 out = image.width != width ? resizeHorizontally(image, width) : image;
  if (out.height != height) out = resizeVertically(out, height);
  return out;
}

}  // namespace panocast
