#include "metrics/clip_input.h"

#include <torch/torch.h>

#include <algorithm>

#include "io/pillow_resize.h"
#include "runtime/error.h"

namespace panocast {
namespace {

constexpr double kMean[3] = {0.48145466, 0.4578275, 0.40821073};
constexpr double kStd[3] = {0.26862954, 0.26130258, 0.27577711};

ImageU8 toRgb(const ImageU8& image) {
  if (image.channels == 3) return image;
  if (image.channels != 1 && image.channels != 4)
    throw Error("CLIP input: images must be grey, RGB or RGBA, not " + std::to_string(image.channels) + " channels");
  ImageU8 rgb{image.width, image.height, 3, std::vector<uint8_t>(size_t(image.width) * image.height * 3)};
  const size_t pixels = size_t(image.width) * image.height;
  for (size_t i = 0; i < pixels; ++i)
    for (int c = 0; c < 3; ++c)
      rgb.pixels[i * 3 + c] = image.pixels[i * image.channels + (image.channels == 1 ? 0 : c)];
  return rgb;
}

}  // namespace

ImageU8 clipResizeAndCrop(const ImageU8& image, int size) {
  if (size <= 0) throw Error("CLIP input: the model's image size must be positive");
  if (image.empty() || image.width <= 0 || image.height <= 0) throw Error("CLIP input: empty image");
  const ImageU8 rgb = toRgb(image);
  // transformers: the short side becomes `size`, the long side int(size · long / short).
  const bool wide = rgb.width >= rgb.height;
  const int shortSide = wide ? rgb.height : rgb.width, longSide = wide ? rgb.width : rgb.height;
  const int newLong = std::max(size, static_cast<int>(static_cast<double>(size) * longSide / shortSide));
  const ImageU8 resized =
      resizeBicubicLikePillow(rgb, wide ? newLong : size, wide ? size : newLong);
  const int top = (resized.height - size) / 2, left = (resized.width - size) / 2;
  ImageU8 crop{size, size, 3, std::vector<uint8_t>(size_t(size) * size * 3)};
  for (int y = 0; y < size; ++y)
    std::copy_n(resized.row(top + y) + left * 3, size * 3, crop.row(y));
  return crop;
}

at::Tensor clipPixelValues(const ImageU8& image, int size) {
  const ImageU8 crop = clipResizeAndCrop(image, size);
  auto hwc = torch::from_blob(const_cast<uint8_t*>(crop.pixels.data()), {size, size, 3}, torch::kUInt8)
                 .to(torch::kFloat64)
                 .mul(1.0 / 255.0);
  const auto mean = torch::tensor({kMean[0], kMean[1], kMean[2]}, torch::kFloat64);
  const auto std = torch::tensor({kStd[0], kStd[1], kStd[2]}, torch::kFloat64);
  return ((hwc - mean) / std).permute({2, 0, 1}).to(torch::kFloat32).contiguous();
}

}  // namespace panocast
