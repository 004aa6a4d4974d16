#pragma once
// Conversions between pixel buffers and [C, H, W] float tensors (0..1 for 8-bit images).
#include <ATen/core/Tensor.h>

#include "io/image.h"

namespace panocast {

at::Tensor toTensor(const ImageU8& image);
at::Tensor toTensor(const ImageF32& image);
// [C, H, W] float (any device) → 8 bits, clamped to 0..1 and rounded to nearest.
ImageU8 toImageU8(const at::Tensor& chw);

}  // namespace panocast
