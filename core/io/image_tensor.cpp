#include "io/image_tensor.h"

#include <torch/torch.h>

#include "runtime/error.h"

namespace panocast {

torch::Tensor toTensor(const ImageU8& image) {
  auto hwc = torch::from_blob(const_cast<uint8_t*>(image.pixels.data()), {image.height, image.width, image.channels},
                              torch::kUInt8);
  return hwc.permute({2, 0, 1}).to(torch::kFloat32).div_(255.0f).contiguous();
}

torch::Tensor toTensor(const ImageF32& image) {
  auto hwc = torch::from_blob(const_cast<float*>(image.pixels.data()), {image.height, image.width, image.channels},
                              torch::kFloat32);
  return hwc.permute({2, 0, 1}).clone();
}

ImageU8 toImageU8(const torch::Tensor& chw) {
  if (chw.dim() != 3 || chw.size(0) < 1 || chw.size(0) > 4) throw Error("expected a [C, H, W] image with 1–4 channels");
  auto hwc = chw.detach().to(torch::kCPU, torch::kFloat32).clamp(0, 1).mul(255.0f).round().to(torch::kUInt8)
                 .permute({1, 2, 0}).contiguous();
  ImageU8 out{static_cast<int>(chw.size(2)), static_cast<int>(chw.size(1)), static_cast<int>(chw.size(0)), {}};
  out.pixels.assign(hwc.data_ptr<uint8_t>(), hwc.data_ptr<uint8_t>() + hwc.numel());
  return out;
}

}  // namespace panocast
