#pragma once
// CLIP's image preprocessing as transformers' CLIPImageProcessor does it (slow path, metrics.md
// §6.2): shortest side to the model's size with Pillow's bicubic on 8-bit pixels, centre crop
// (top and left rounded down), then 1/255 and CLIP's per-channel mean and std.
#include <ATen/core/Tensor.h>

#include "io/image.h"

namespace panocast {

// The resized and cropped 8-bit RGB image (size × size). Grey and RGBA inputs become RGB first
// (alpha is dropped, as Pillow's convert("RGB") does).
ImageU8 clipResizeAndCrop(const ImageU8& image, int size);

// [3, size, size] float32 pixel values ready for the vision tower.
at::Tensor clipPixelValues(const ImageU8& image, int size);

}  // namespace panocast
